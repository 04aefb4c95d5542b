-- Temporary assistance (临时救助, R-42 … R-44) and the township reserve funds (备用金, R-45).
--
-- * A case belongs to the township where the emergency happened (region_code, 9 digits), whatever the person's hukou.
-- * A reserve fund is one row per township holding its balance; the ledger (reserve_fund_entries) is append-only.
--   The balance never goes negative: payments lock the fund's row, the UPDATE is guarded (balance >= amount) and the
--   CHECK constraints refuse a negative balance or a balance that disagrees with the ledger's totals.
-- * A case is disbursed at most once (unique index on the disbursement's case): no retry or race pays twice.

CREATE TABLE temporary_assistance_cases (
    id                       uuid          PRIMARY KEY,
    region_code              varchar(12)   NOT NULL REFERENCES regions (code) CHECK (length(region_code) = 9),
    type                     text          NOT NULL CHECK (type IN ('Emergency', 'Expenditure')),
    person_name              text          NOT NULL,
    id_number                varchar(18)   NOT NULL,
    occurred_on              date          NOT NULL,
    description              text          NOT NULL,
    amount_requested         numeric(14,2) NOT NULL CHECK (amount_requested > 0),
    unemployed_migrant_grant boolean       NOT NULL,
    residence                text          NOT NULL CHECK (residence IN ('Urban', 'Rural')),
    residence_basis          text          NOT NULL,
    monthly_standard         numeric(14,2) NOT NULL CHECK (monthly_standard > 0),
    months                   numeric(12,4) NOT NULL,
    tier                     text          NOT NULL CHECK (tier IN ('Township', 'County', 'CaseByCase')),
    status                   text          NOT NULL CHECK (status IN ('Submitted', 'Approved', 'Refused', 'Paid')),
    submitted_on             date          NOT NULL,
    submitted_by             text          NOT NULL,
    decided_on               date          NULL,
    decided_by               text          NULL,
    meeting_reference        text          NULL,
    refusal_reasons          text          NULL,
    paid_on                  date          NULL,
    paid_by                  text          NULL,
    first_aid                boolean       NOT NULL DEFAULT false,
    paperwork_due_on         date          NULL,
    paperwork_recorded_on    date          NULL,
    paperwork_explanation    text          NULL,
    evaluation               jsonb         NOT NULL,
    version                  bigint        NOT NULL,
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL,
    -- R-43: a 一事一议 case is never approved without the coordination meeting's reference.
    CONSTRAINT ck_temporary_assistance_case_by_case_reference
        CHECK (tier <> 'CaseByCase' OR decided_on IS NULL OR status = 'Refused' OR meeting_reference IS NOT NULL),
    CONSTRAINT ck_temporary_assistance_paid CHECK ((status = 'Paid') = (paid_on IS NOT NULL))
);
CREATE INDEX ix_temporary_assistance_cases_region ON temporary_assistance_cases (region_code, id);
CREATE INDEX ix_temporary_assistance_cases_paid ON temporary_assistance_cases (region_code, paid_on) WHERE status = 'Paid';
-- R-44: the overdue-paperwork list reads only first-aid payments still missing their paperwork.
CREATE INDEX ix_temporary_assistance_cases_paperwork_due ON temporary_assistance_cases (paperwork_due_on)
    WHERE first_aid AND paperwork_recorded_on IS NULL;

CREATE TABLE reserve_funds (
    region_code      varchar(12)   PRIMARY KEY REFERENCES regions (code) CHECK (length(region_code) = 9),
    balance          numeric(16,2) NOT NULL CHECK (balance >= 0),
    topped_up_total  numeric(16,2) NOT NULL CHECK (topped_up_total >= 0),
    disbursed_total  numeric(16,2) NOT NULL CHECK (disbursed_total >= 0),
    version          bigint        NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CONSTRAINT ck_reserve_funds_balance_is_ledger CHECK (balance = topped_up_total - disbursed_total)
);

CREATE TABLE reserve_fund_entries (
    sequence      bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            uuid          NOT NULL UNIQUE,
    region_code   varchar(12)   NOT NULL REFERENCES reserve_funds (region_code),
    kind          text          NOT NULL CHECK (kind IN ('TopUp', 'Disbursement')),
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    balance_after numeric(16,2) NOT NULL CHECK (balance_after >= 0),
    case_id       uuid          NULL REFERENCES temporary_assistance_cases (id),
    occurred_on   date          NOT NULL,
    actor         text          NOT NULL,
    reason        text          NULL,
    recorded_at   timestamptz   NOT NULL,
    CONSTRAINT ck_reserve_fund_entries_case CHECK ((kind = 'Disbursement') = (case_id IS NOT NULL))
);
CREATE INDEX ix_reserve_fund_entries_fund ON reserve_fund_entries (region_code, sequence);
CREATE UNIQUE INDEX ux_reserve_fund_entries_case ON reserve_fund_entries (case_id) WHERE kind = 'Disbursement';

-- The ledger is appended and read, never changed (the default privileges of 0025 granted more).
REVOKE UPDATE, DELETE ON reserve_fund_entries FROM "${app_role}";
GRANT SELECT, INSERT ON reserve_fund_entries TO "${app_role}";
GRANT SELECT, INSERT, UPDATE ON temporary_assistance_cases, reserve_funds TO "${app_role}";

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['temporary_assistance_cases', 'reserve_funds', 'reserve_fund_entries']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (region_visible(region_code)) WITH CHECK (region_visible(region_code))',
                       t || '_region', t);
    END LOOP;
END
$$;
