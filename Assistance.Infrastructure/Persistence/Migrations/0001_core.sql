-- Core tables of the foundation: the region register, the household register, audit and idempotency.
-- Every table holding personal data carries region_code so access can be restricted, partitioned or
-- distributed (Citus) by region.

CREATE TABLE regions (
    code        varchar(12) PRIMARY KEY,
    name        text        NOT NULL,
    parent_code varchar(12) NULL REFERENCES regions (code),
    level       text        NOT NULL CHECK (level IN ('National', 'Province', 'City', 'County', 'Township', 'Village'))
);
CREATE INDEX ix_regions_parent ON regions (parent_code);

CREATE TABLE audit_events (
    id          uuid         PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    actor       text         NOT NULL,
    agency      text         NULL,
    entity_type text         NOT NULL,
    entity_id   text         NOT NULL,
    action      text         NOT NULL,
    region_code varchar(12)  NOT NULL,
    before      jsonb        NULL,
    after       jsonb        NULL,
    reason      text         NULL,
    trace_id    text         NULL
);
CREATE INDEX ix_audit_events_region_time ON audit_events (region_code, occurred_at, id);
CREATE INDEX ix_audit_events_entity ON audit_events (entity_type, entity_id, occurred_at);

-- Append-only (R-60): the audit trail can be read, never rewritten.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE idempotency_keys (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    response     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);

-- 家庭
CREATE TABLE households (
    id                        uuid          PRIMARY KEY,
    region_code               varchar(12)   NOT NULL REFERENCES regions (code),
    residence                 text          NOT NULL CHECK (residence IN ('Urban', 'Rural')),
    address                   text          NOT NULL,
    financial_assets          numeric(14,2) NOT NULL DEFAULT 0 CHECK (financial_assets >= 0),
    motor_vehicles            integer       NOT NULL DEFAULT 0 CHECK (motor_vehicles >= 0),
    monthly_rigid_expenditure numeric(12,2) NOT NULL DEFAULT 0 CHECK (monthly_rigid_expenditure >= 0),
    version                   bigint        NOT NULL DEFAULT 1,
    created_at                timestamptz   NOT NULL,
    updated_at                timestamptz   NOT NULL
);
CREATE INDEX ix_households_region ON households (region_code, id);

-- 家庭成员
CREATE TABLE household_members (
    id                    uuid        PRIMARY KEY,
    household_id          uuid        NOT NULL REFERENCES households (id) ON DELETE CASCADE,
    region_code           varchar(12) NOT NULL,
    position              integer     NOT NULL,
    id_number             varchar(18) NOT NULL,
    name                  text        NOT NULL,
    relationship          text        NOT NULL,
    birth_date            date        NOT NULL,
    sex                   text        NOT NULL CHECK (sex IN ('Male', 'Female')),
    status                text        NOT NULL,
    labor_capacity        text        NOT NULL,
    disability_category   text        NULL,
    disability_grade      smallint    NULL CHECK (disability_grade BETWEEN 1 AND 4),
    serious_illness       boolean     NOT NULL DEFAULT false,
    self_care             text        NOT NULL,
    in_school             boolean     NOT NULL DEFAULT false,
    employed              boolean     NOT NULL DEFAULT false,
    has_capable_supporter boolean     NOT NULL DEFAULT false,
    CHECK ((disability_category IS NULL) = (disability_grade IS NULL))
);
-- R-22: one ID number belongs to one household at a time; the constraint, not only code, enforces it.
CREATE UNIQUE INDEX ux_household_members_id_number ON household_members (id_number);
CREATE INDEX ix_household_members_household ON household_members (household_id, position);

CREATE TABLE member_incomes (
    member_id      uuid          NOT NULL REFERENCES household_members (id) ON DELETE CASCADE,
    region_code    varchar(12)   NOT NULL,
    position       integer       NOT NULL,
    income_type    text          NOT NULL,
    monthly_amount numeric(12,2) NOT NULL CHECK (monthly_amount >= 0),
    unstable       boolean       NOT NULL DEFAULT false,
    PRIMARY KEY (member_id, position)
);
