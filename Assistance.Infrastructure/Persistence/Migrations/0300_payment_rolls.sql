-- Payment rolls (发放名册, R-40) and price indices for the price subsidy (价格临时补贴, R-41).
--
-- A roll is generated once per (region, month, programme) and never changed afterwards: its lines and control totals
-- are written by one INSERT … SELECT, and what may change later on a line is only its payment status (the bank's
-- return file) and whether it still counts (live). Regeneration writes a new version that supersedes the old one;
-- both stay readable.

-- R-41: CPI and food CPI year-on-year (%) of an index month, with the date the statistics office published them.
-- Public statistics, not personal data: readable by every caller with a region, written inside the caller's region.
CREATE TABLE price_indices (
    id                   uuid          PRIMARY KEY,
    region_code          varchar(12)   NOT NULL REFERENCES regions (code),
    index_month          date          NOT NULL CHECK (extract(day FROM index_month) = 1),
    cpi_percent          numeric(6,2)  NOT NULL CHECK (cpi_percent BETWEEN -100 AND 100),
    food_cpi_percent     numeric(6,2)  NOT NULL CHECK (food_cpi_percent BETWEEN -100 AND 100),
    published_on         date          NOT NULL CHECK (published_on >= index_month),
    source               text          NOT NULL,
    recorded_by          text          NOT NULL,
    recorded_at          timestamptz   NOT NULL,
    UNIQUE (region_code, index_month)
);
CREATE INDEX ix_price_indices_published ON price_indices (region_code, published_on);

ALTER TABLE price_indices ENABLE ROW LEVEL SECURITY;
ALTER TABLE price_indices FORCE ROW LEVEL SECURITY;
CREATE POLICY price_indices_read ON price_indices FOR SELECT USING (region_scope_set());
CREATE POLICY price_indices_write ON price_indices FOR INSERT WITH CHECK (region_visible(region_code));

-- R-40: one row per roll version. The partial unique index makes "generated once per (region, month, programme)" a
-- database fact: a second current version cannot exist, whatever two replicas or retries do.
CREATE TABLE payment_rolls (
    id            uuid         PRIMARY KEY,
    region_code   varchar(12)  NOT NULL REFERENCES regions (code),
    month         date         NOT NULL CHECK (extract(day FROM month) = 1),
    programme     text         NOT NULL CHECK (programme IN ('Dibao', 'Tekun', 'DibaoMarginal', 'ExpenditureHardship')),
    version       integer      NOT NULL CHECK (version >= 1),
    supersedes    uuid         NULL REFERENCES payment_rolls (id),
    superseded_by uuid         NULL,
    superseded_at timestamptz  NULL,
    price_index_id uuid        NULL REFERENCES price_indices (id),
    -- R-41 decision of the price index paid in this roll (trigger, index, parameters, amounts per person), or null.
    subsidy_trace jsonb        NULL,
    generated_by  text         NOT NULL,
    generated_at  timestamptz  NOT NULL,
    reason        text         NULL,
    UNIQUE (region_code, month, programme, version)
);
CREATE UNIQUE INDEX ux_payment_rolls_current ON payment_rolls (region_code, month, programme) WHERE superseded_by IS NULL;

-- Control totals (the disbursement envelope), written by the same statement as the lines: one row per line kind and
-- one 'All' row. Insert-only.
CREATE TABLE payment_roll_totals (
    roll_id     uuid          NOT NULL REFERENCES payment_rolls (id),
    region_code varchar(12)   NOT NULL,
    kind        text          NOT NULL,
    line_count  integer       NOT NULL,
    amount      numeric(16,2) NOT NULL,
    PRIMARY KEY (roll_id, kind)
);

-- Foreign keys: enrolment_id is checked (every yuan traceable to an enrolment). roll_id, price_index_id and reissue_of
-- are not declared as foreign keys: the generating statement takes them from the roll row written just before in the
-- same transaction, from an existing index and from an existing line, and none of those rows can ever be deleted (the
-- guards below, and no DELETE grant), while a row-by-row check of each costs a third of a million-line generation.
--
-- One line per payment: an enrolment's monthly amount (tekun basic and care as two lines), a price subsidy, or the
-- re-issue of a failed line. period = the month the money is for (the roll month; the index month for a subsidy; the
-- failed line's period for a re-issue).
CREATE TABLE payment_roll_lines (
    id               uuid          PRIMARY KEY,
    roll_id          uuid          NOT NULL,
    region_code      varchar(12)   NOT NULL,
    kind             text          NOT NULL CHECK (kind IN ('DibaoHousehold', 'DibaoSinglePerson', 'TekunBasic', 'TekunCare', 'ExpenditureHardship',
                                                            'DibaoMarginal', 'PriceSubsidy')),
    enrolment_id     uuid          NOT NULL REFERENCES enrolments (id),
    household_id     uuid          NOT NULL,
    person_member_id uuid          NULL,
    application_id   uuid          NOT NULL,
    period           date          NOT NULL CHECK (extract(day FROM period) = 1),
    amount           numeric(12,2) NOT NULL CHECK (amount >= 0),
    persons          integer       NULL,
    price_index_id   uuid          NULL,
    reissue_of       uuid          NULL,
    -- Seam for overpayment recovery (R-33, the life-events branch): what is deducted from this line. Null = nothing.
    deduction        numeric(12,2) NULL CHECK (deduction IS NULL OR deduction >= 0),
    status           text          NOT NULL DEFAULT 'Pending' CHECK (status IN ('Pending', 'Paid', 'Failed')),
    status_reason    text          NULL,
    bank_reference   text          NULL,
    status_at        timestamptz   NULL,
    live             boolean       NOT NULL DEFAULT true
);
CREATE INDEX ix_payment_roll_lines_roll ON payment_roll_lines (roll_id, id);
-- Nothing is paid twice: one live, not-failed line per (enrolment, kind, period) across every roll and version.
CREATE UNIQUE INDEX ux_payment_roll_lines_once ON payment_roll_lines (enrolment_id, kind, period) WHERE live AND status <> 'Failed';
-- A failed line is re-issued at most once (while that re-issue stands).
CREATE UNIQUE INDEX ux_payment_roll_lines_reissue ON payment_roll_lines (reissue_of) WHERE reissue_of IS NOT NULL AND live;
CREATE INDEX ix_payment_roll_lines_failed ON payment_roll_lines (region_code) WHERE status = 'Failed' AND live;

-- Long generations (202 + Operation-Location): the operation resource.
CREATE TABLE payment_roll_operations (
    id           uuid         PRIMARY KEY,
    region_code  varchar(12)  NOT NULL REFERENCES regions (code),
    month        date         NOT NULL,
    programme    text         NOT NULL,
    status       text         NOT NULL CHECK (status IN ('Queued', 'Running', 'Succeeded', 'Failed')),
    roll_id      uuid         NULL REFERENCES payment_rolls (id),
    error        text         NULL,
    requested_by text         NOT NULL,
    scope_region varchar(12)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    finished_at  timestamptz  NULL
);
-- One pending operation per roll key: a repeated request joins the running one.
CREATE UNIQUE INDEX ux_payment_roll_operations_open ON payment_roll_operations (region_code, month, programme) WHERE status IN ('Queued', 'Running');

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['payment_rolls', 'payment_roll_totals', 'payment_roll_lines', 'payment_roll_operations']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (region_visible(region_code)) WITH CHECK (region_visible(region_code))',
                       t || '_region', t);
    END LOOP;
END
$$;

-- Immutability (R-40): amounts and what a line pays for never change; a status moves once, from Pending.
CREATE FUNCTION payment_roll_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'payment roll lines are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.id, NEW.roll_id, NEW.region_code, NEW.kind, NEW.enrolment_id, NEW.household_id, NEW.person_member_id, NEW.application_id,
        NEW.period, NEW.amount, NEW.persons, NEW.price_index_id, NEW.reissue_of, NEW.deduction)
       IS DISTINCT FROM
       (OLD.id, OLD.roll_id, OLD.region_code, OLD.kind, OLD.enrolment_id, OLD.household_id, OLD.person_member_id, OLD.application_id,
        OLD.period, OLD.amount, OLD.persons, OLD.price_index_id, OLD.reissue_of, OLD.deduction) THEN
        RAISE EXCEPTION 'payment roll lines are immutable once generated' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status <> 'Pending' AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'a paid or failed line keeps its status' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER tr_payment_roll_lines_guard BEFORE UPDATE OR DELETE ON payment_roll_lines
    FOR EACH ROW EXECUTE FUNCTION payment_roll_lines_guard();

CREATE FUNCTION payment_rolls_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'payment rolls and their totals are never deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_TABLE_NAME = 'payment_roll_totals' THEN
        RAISE EXCEPTION 'control totals are immutable' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.id, NEW.region_code, NEW.month, NEW.programme, NEW.version, NEW.supersedes, NEW.price_index_id, NEW.subsidy_trace, NEW.generated_by, NEW.generated_at)
       IS DISTINCT FROM
       (OLD.id, OLD.region_code, OLD.month, OLD.programme, OLD.version, OLD.supersedes, OLD.price_index_id, OLD.subsidy_trace, OLD.generated_by, OLD.generated_at)
       OR OLD.superseded_by IS NOT NULL THEN
        RAISE EXCEPTION 'a payment roll is immutable; only its supersession is recorded, once' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER tr_payment_rolls_guard BEFORE UPDATE OR DELETE ON payment_rolls
    FOR EACH ROW EXECUTE FUNCTION payment_rolls_guard();
CREATE TRIGGER tr_payment_roll_totals_guard BEFORE UPDATE OR DELETE ON payment_roll_totals
    FOR EACH ROW EXECUTE FUNCTION payment_rolls_guard();

-- The API role may write only what may change (the default privileges of 0025 gave it every column).
REVOKE UPDATE, DELETE, TRUNCATE ON payment_rolls, payment_roll_totals, payment_roll_lines, price_indices FROM "${app_role}";
CREATE TRIGGER tr_price_indices_guard BEFORE DELETE ON price_indices FOR EACH ROW EXECUTE FUNCTION payment_rolls_guard();
GRANT UPDATE (superseded_by, superseded_at) ON payment_rolls TO "${app_role}";
GRANT UPDATE (status, status_reason, bank_reference, status_at, live) ON payment_roll_lines TO "${app_role}";
GRANT SELECT, INSERT ON payment_rolls, payment_roll_totals, payment_roll_lines, price_indices TO "${app_role}";
GRANT SELECT, INSERT, UPDATE ON payment_roll_operations TO "${app_role}";
