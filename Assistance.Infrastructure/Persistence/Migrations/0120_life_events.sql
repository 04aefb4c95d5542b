-- Life events from partner agencies (R-33), overpayments to recover, reassessment tasks, refusals of suitable work
-- (R-35) and the enrolment amount history the derived paid-months port reads. Every table is region-owned and held to
-- the caller's region by forced row-level security, like 0025.

-- R-33: one row per (agency, the agency's own event id): the idempotency key. An unmatched event (no household in the
-- reporting caller's region holds the ID number) is kept in the caller's own region, so the same RLS policy applies.
CREATE TABLE life_events (
    id             uuid        PRIMARY KEY,
    region_code    varchar(12) NOT NULL REFERENCES regions (code),
    agency         text        NOT NULL,
    external_id    text        NOT NULL,
    type           text        NOT NULL CHECK (type IN ('Death', 'Imprisonment', 'Release', 'Birth', 'DisabilityCertified', 'Employment',
                                                        'Unemployment', 'HukouTransfer')),
    id_number      varchar(18) NOT NULL,
    occurred_on    date        NOT NULL,
    received_on    date        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('Matched', 'Unmatched', 'Processed')),
    household_id   uuid        NULL,
    member_id      uuid        NULL,
    new_person     jsonb       NULL,
    note           text        NULL,
    request_hash   text        NOT NULL,
    first_response jsonb       NULL,
    effects        jsonb       NULL,
    recorded_by    text        NOT NULL,
    version        bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CHECK ((status = 'Unmatched') = (household_id IS NULL))
);
CREATE UNIQUE INDEX ux_life_events_partner_id ON life_events (agency, external_id);
CREATE INDEX ix_life_events_region ON life_events (region_code, id);
CREATE INDEX ix_life_events_household ON life_events (household_id) WHERE household_id IS NOT NULL;

-- R-33: 多发待追回. The months are exact and never change; only the status moves (Open → Recovered | WrittenOff).
CREATE TABLE overpayments (
    id              uuid          PRIMARY KEY,
    region_code     varchar(12)   NOT NULL REFERENCES regions (code),
    enrolment_id    uuid          NOT NULL REFERENCES enrolments (id),
    household_id    uuid          NOT NULL,
    member_id       uuid          NULL,
    id_number       varchar(18)   NOT NULL,
    life_event_id   uuid          NULL REFERENCES life_events (id),
    amount          numeric(12,2) NOT NULL CHECK (amount > 0),
    status          text          NOT NULL CHECK (status IN ('Open', 'Recovered', 'WrittenOff')),
    reason          text          NOT NULL,
    raised_on       date          NOT NULL,
    resolved_on     date          NULL,
    resolution_note text          NULL,
    version         bigint        NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL
);
-- One overpayment per event and enrolment: a replayed or concurrent event cannot raise it twice.
CREATE UNIQUE INDEX ux_overpayments_event ON overpayments (life_event_id, enrolment_id) WHERE life_event_id IS NOT NULL;
CREATE INDEX ix_overpayments_region ON overpayments (region_code, id);
CREATE INDEX ix_overpayments_enrolment ON overpayments (enrolment_id);

CREATE TABLE overpayment_months (
    overpayment_id uuid          NOT NULL REFERENCES overpayments (id) ON DELETE CASCADE,
    region_code    varchar(12)   NOT NULL,
    enrolment_id   uuid          NOT NULL,
    month          date          NOT NULL CHECK (extract(day FROM month) = 1),
    paid           numeric(12,2) NOT NULL,
    due            numeric(12,2) NOT NULL CHECK (due >= 0),
    amount         numeric(12,2) NOT NULL CHECK (amount > 0 AND amount = paid - due),
    PRIMARY KEY (overpayment_id, month)
);
CREATE INDEX ix_overpayment_months_enrolment ON overpayment_months (enrolment_id, month);

-- R-33: a caseworker's task to reassess a household after a life event (one per event).
CREATE TABLE reassessment_tasks (
    id              uuid        PRIMARY KEY,
    region_code     varchar(12) NOT NULL REFERENCES regions (code),
    household_id    uuid        NOT NULL,
    member_id       uuid        NULL,
    life_event_id   uuid        NULL REFERENCES life_events (id),
    trigger         text        NOT NULL,
    instruction     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('Open', 'Completed')),
    opened_on       date        NOT NULL,
    completed_on    date        NULL,
    completion_note text        NULL,
    outcome         jsonb       NULL,
    version         bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_reassessment_tasks_event ON reassessment_tasks (life_event_id) WHERE life_event_id IS NOT NULL;
CREATE INDEX ix_reassessment_tasks_region ON reassessment_tasks (region_code, id);

-- R-35: refusals of suitable work, per enrolment and member, in the order recorded.
CREATE TABLE work_refusals (
    id                      uuid          PRIMARY KEY,
    region_code             varchar(12)   NOT NULL REFERENCES regions (code),
    enrolment_id            uuid          NOT NULL REFERENCES enrolments (id),
    member_id               uuid          NOT NULL,
    refused_on              date          NOT NULL,
    offer                   text          NOT NULL,
    justified               boolean       NOT NULL,
    justification           text          NULL,
    consecutive_unjustified integer       NOT NULL CHECK (consecutive_unjustified >= 0),
    share_cut               numeric(12,2) NULL,
    recorded_by             text          NOT NULL,
    created_at              timestamptz   NOT NULL,
    seq                     bigint        GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX ix_work_refusals_member ON work_refusals (enrolment_id, member_id, seq);

-- Written from EnrolmentAmountChanged events: which amount was in force when (the derived paid-months port reads it).
CREATE TABLE enrolment_amount_changes (
    seq             bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enrolment_id    uuid          NOT NULL REFERENCES enrolments (id),
    region_code     varchar(12)   NOT NULL,
    recorded_on     date          NOT NULL,
    effective_month date          NOT NULL CHECK (extract(day FROM effective_month) = 1),
    amount_before   numeric(12,2) NOT NULL,
    amount_after    numeric(12,2) NOT NULL
);
CREATE INDEX ix_enrolment_amount_changes ON enrolment_amount_changes (enrolment_id, seq);

GRANT SELECT, INSERT, UPDATE ON life_events, overpayments, reassessment_tasks, work_refusals TO "${app_role}";
GRANT SELECT, INSERT ON overpayment_months, enrolment_amount_changes TO "${app_role}";

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['life_events', 'overpayments', 'overpayment_months', 'reassessment_tasks', 'work_refusals', 'enrolment_amount_changes']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (region_visible(region_code)) WITH CHECK (region_visible(region_code))',
                       t || '_region', t);
    END LOOP;
END
$$;
