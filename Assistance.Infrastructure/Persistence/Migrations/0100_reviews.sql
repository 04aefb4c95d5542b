-- Dynamic management, reviews (issue 11): reviews (核查, R-30), review moratoriums (暂停复查及退出, R-31), gradual exit
-- (渐退, R-32).

-- R-32: the last day of a gradual exit; R-31: a termination decided while a moratorium was in force, waiting for its end.
ALTER TABLE enrolments
    ADD COLUMN gradual_exit_ends_on       date NULL,
    ADD COLUMN termination_pending_since  date NULL;

-- The due-review list of one region subtree (GET /api/v1/reviews/due): a range over the region codes of the subtree in
-- "C" order (so a prefix is a contiguous range whatever the database collation), then the due date, then the id, for
-- the keyset cursor. Only enrolments that can fall due are indexed.
CREATE INDEX ix_enrolments_due_review ON enrolments (region_code COLLATE "C", next_review_on, id)
    WHERE status <> 'Ended' AND next_review_on IS NOT NULL;
-- Gradual exits and postponed terminations waiting to take effect (EndExpiredGradualExits): few rows at any time.
CREATE INDEX ix_enrolments_gradual_exit_end ON enrolments (gradual_exit_ends_on) WHERE status = 'GradualExit';
CREATE INDEX ix_enrolments_termination_pending ON enrolments (termination_pending_since) WHERE termination_pending_since IS NOT NULL;

CREATE TABLE review_moratoriums (
    id              uuid         PRIMARY KEY,
    region_code     varchar(12)  NOT NULL REFERENCES regions (code),
    -- The region's subtree prefix ('23' for 230000): an enrolment is covered when its code starts with it.
    subtree_prefix  varchar(12)  NOT NULL,
    starts_on       date         NOT NULL,
    -- First day no longer in force (exclusive, as the policy packs' "to"); NULL while open-ended.
    ends_on         date         NULL CHECK (ends_on IS NULL OR ends_on > starts_on),
    reason          text         NOT NULL,
    source          text         NOT NULL,
    end_source      text         NULL CHECK (ends_on IS NULL OR end_source IS NOT NULL),
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL
);
CREATE INDEX ix_review_moratoriums_prefix ON review_moratoriums (subtree_prefix, starts_on);

CREATE TABLE enrolment_reviews (
    id                          uuid          PRIMARY KEY,
    region_code                 varchar(12)   NOT NULL REFERENCES regions (code),
    enrolment_id                uuid          NOT NULL REFERENCES enrolments (id),
    household_id                uuid          NOT NULL REFERENCES households (id),
    household_version           bigint        NOT NULL,
    reviewed_on                 date          NOT NULL,
    outcome                     text          NOT NULL CHECK (outcome IN ('Continue', 'Adjust', 'GradualExit', 'Terminate')),
    rule                        text          NOT NULL,
    source                      text          NOT NULL,
    explanation                 text          NOT NULL,
    income_rise_from_employment boolean       NOT NULL,
    amount_before               numeric(12,2) NOT NULL,
    amount_after                numeric(12,2) NOT NULL,
    effective_month             date          NULL,
    gradual_exit_ends_on        date          NULL,
    termination_postponed       boolean       NOT NULL,
    next_review_on              date          NULL,
    note                        text          NULL,
    -- The reassessment on the review date with its full trace (the api.md assessment response).
    assessment                  jsonb         NOT NULL,
    recorded_by                 text          NOT NULL,
    recorded_on                 date          NOT NULL,
    created_at                  timestamptz   NOT NULL
);
CREATE INDEX ix_enrolment_reviews_enrolment ON enrolment_reviews (enrolment_id, reviewed_on DESC, id DESC);

-- Region scope, enforced by PostgreSQL as for every region-owned table (0025).
ALTER TABLE enrolment_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrolment_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY enrolment_reviews_region ON enrolment_reviews USING (region_visible(region_code)) WITH CHECK (region_visible(region_code));

-- A moratorium of a province binds its counties: a caller reads the moratoriums of its subtree and of its ancestors
-- (they decide what falls due there), and writes only those of its subtree.
ALTER TABLE review_moratoriums ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_moratoriums FORCE ROW LEVEL SECURITY;
CREATE POLICY review_moratoriums_region ON review_moratoriums USING (region_visible(region_code)) WITH CHECK (region_visible(region_code));
CREATE POLICY review_moratoriums_ancestors ON review_moratoriums FOR SELECT
    USING (region_scope_set() AND starts_with(current_setting('assistance.region_prefix', true), subtree_prefix));

GRANT SELECT, INSERT, UPDATE ON review_moratoriums TO "${app_role}";
GRANT SELECT, INSERT ON enrolment_reviews TO "${app_role}";

-- R-31 seed (region data with its source): Heilongjiang suspended dibao and tekun reviews and exits during epidemic
-- control (S4 三, from 2022-04-01). Its end is the day the national change of epidemic management took effect,
-- 2023-01-08 (N-144: 乙类乙管 from 2023-01-08), the first day no longer in force. A migration rather than a startup
-- seeder: it is register data every deployment needs before its first review, with a fixed id, and an amendment made
-- later through the API must never be overwritten by a re-seed.
SELECT set_config('assistance.region_prefix', '*', true);
INSERT INTO review_moratoriums (id, region_code, subtree_prefix, starts_on, ends_on, reason, source, end_source, version, created_at, updated_at)
VALUES ('0190a0d0-2204-7001-8000-000000000023', '230000', '23', DATE '2022-04-01', DATE '2023-01-08', '疫情防控期间',
        'S4 三', 'N-144 (新型冠状病毒感染“乙类乙管”, in force 2023-01-08)', 1, now(), now());
