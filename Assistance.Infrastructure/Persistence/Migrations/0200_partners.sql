-- Partner agency interoperability (issue 13): asynchronous status-query jobs, webhook subscriptions, the outbox of
-- partner events and its deliveries.

-- The status query reads active enrolment persons by ID number (ix_enrolment_persons_id_number of 0020, partial on
-- active) and then the enrolment by its primary key for the start month. This covering index answers the first step
-- from the index alone (index-only scan: programme, region and the enrolment id without visiting the heap).
CREATE INDEX ix_enrolment_persons_status ON enrolment_persons (id_number) INCLUDE (programme, region_code, enrolment_id) WHERE active;

-- Asynchronous status queries (batches above the synchronous limit). The job belongs to the caller who created it
-- (subject and agency) and is answered with the region scope the caller had then (scope_prefix, as RegionScope's
-- DatabasePrefix); it holds ID numbers, so rows are deleted after the retention (StatusQueryJobWorker).
CREATE TABLE status_query_jobs (
    id           uuid        PRIMARY KEY,
    subject      text        NOT NULL,
    agency       text        NULL,
    scope_prefix text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('Pending', 'Completed')),
    item_count   integer     NOT NULL CHECK (item_count > 0),
    items        jsonb       NOT NULL,
    results      jsonb       NULL,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz NULL
);
CREATE INDEX ix_status_query_jobs_pending ON status_query_jobs (created_at) WHERE status = 'Pending';

-- Webhook subscriptions of partner agencies. region_prefix is the subscriber's region scope when it subscribed
-- (RegionScope.Prefix, empty for national): only events of regions inside it are delivered. The signing secret is
-- stored encrypted (AES-GCM, key from configuration; see docs/partners.md), never in clear.
CREATE TABLE partner_subscriptions (
    id               uuid        PRIMARY KEY,
    agency           text        NOT NULL,
    subject          text        NOT NULL,
    region_prefix    text        NOT NULL,
    subscriber_region varchar(12) NOT NULL,
    callback_url     text        NOT NULL,
    event_types      text[]      NOT NULL CHECK (cardinality(event_types) > 0),
    secret_protected text        NOT NULL,
    created_at       timestamptz NOT NULL,
    deleted_at       timestamptz NULL
);
CREATE INDEX ix_partner_subscriptions_agency ON partner_subscriptions (agency, created_at, id) WHERE deleted_at IS NULL;

-- The outbox: one row per partner event, written by OutboxSink in the transaction of the change that caused it.
-- order_key groups the events whose order matters for a receiver (the household: every person of an enrolment event).
CREATE TABLE outbox_events (
    id          uuid        PRIMARY KEY,
    seq         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    type        text        NOT NULL,
    region_code varchar(12) NOT NULL,
    order_key   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    data        jsonb       NOT NULL
);
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_events FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_events_region ON outbox_events USING (region_visible(region_code)) WITH CHECK (region_visible(region_code));

-- One delivery per event and matching subscription, fanned out in the same transaction as the event. The attempt
-- state lives here (attempts, next_attempt_at): a worker claims due rows with FOR UPDATE SKIP LOCKED and pushes
-- next_attempt_at forward by a lease while it sends, so a crashed worker's rows come due again (at-least-once).
CREATE TABLE outbox_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL REFERENCES outbox_events (id),
    event_seq       bigint      NOT NULL,
    subscription_id uuid        NOT NULL REFERENCES partner_subscriptions (id),
    order_key       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('Pending', 'Delivered', 'DeadLettered')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text        NULL,
    delivered_at    timestamptz NULL,
    dead_lettered_at timestamptz NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (event_id, subscription_id)
);
CREATE INDEX ix_outbox_deliveries_due ON outbox_deliveries (next_attempt_at, event_seq) WHERE status = 'Pending';
-- Order per person: an earlier pending delivery of the same subscription and order key holds back the later ones.
CREATE INDEX ix_outbox_deliveries_order ON outbox_deliveries (subscription_id, order_key, event_seq) WHERE status = 'Pending';
CREATE INDEX ix_outbox_deliveries_dead ON outbox_deliveries (subscription_id, dead_lettered_at, id) WHERE status = 'DeadLettered';

GRANT SELECT, INSERT, UPDATE, DELETE ON status_query_jobs, partner_subscriptions, outbox_events, outbox_deliveries TO "${app_role}";
