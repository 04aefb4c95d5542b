-- Scheduled jobs and early warning (issue 11).

-- One row per attempt of a job for a period (a day '2026-11-02', a month '2026-11', an hour '2026-11-02T09'). At most
-- one Running or Succeeded row per job and period: that index is what makes a second run of the same period a no-op,
-- whichever replica or caller starts it. The no-op is recorded too (outcome Skipped, pointing at the run that did the
-- work); a Failed period may be run again. System rows, no personal data, no region: no row-level security.
CREATE TABLE job_runs (
    id           uuid        PRIMARY KEY,
    job          text        NOT NULL,
    period       text        NOT NULL,
    trigger      text        NOT NULL CHECK (trigger IN ('Schedule', 'OnDemand')),
    requested_by text        NOT NULL,
    instance     text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('Running', 'Succeeded', 'Failed', 'Skipped')),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NULL,
    counts       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    detail       text        NULL,
    same_as_run  uuid        NULL REFERENCES job_runs (id)
);
CREATE UNIQUE INDEX ux_job_runs_period ON job_runs (job, period) WHERE outcome IN ('Running', 'Succeeded');
-- GET /jobs: the last run of each job.
CREATE INDEX ix_job_runs_job_started ON job_runs (job, started_at DESC, id DESC);

GRANT SELECT ON job_runs TO "${app_role}";

-- 预警 (R-36, R-61, R-30): one row per alert. An alert is raised by a rule for a subject (an enrolment, or an enrolment
-- and one of its persons) and is never raised twice while it is not Resolved; a condition that recurs after its alert
-- was resolved raises a new one. subject_key carries ids only, never an ID number.
CREATE TABLE alerts (
    id              uuid        PRIMARY KEY,
    region_code     varchar(12) NOT NULL REFERENCES regions (code),
    rule            text        NOT NULL,
    rule_id         text        NOT NULL,
    source          text        NOT NULL,
    subject_key     text        NOT NULL,
    enrolment_id    uuid        NOT NULL REFERENCES enrolments (id),
    household_id    uuid        NOT NULL,
    member_id       uuid        NULL,
    detail          text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('Open', 'Acknowledged', 'Resolved')),
    raised_on       date        NOT NULL,
    last_seen_on    date        NOT NULL,
    raised_at       timestamptz NOT NULL,
    acknowledged_at timestamptz NULL,
    acknowledged_by text        NULL,
    resolved_at     timestamptz NULL,
    resolved_by     text        NULL,
    resolution_note text        NULL,
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((status = 'Resolved') = (resolved_at IS NOT NULL))
);
CREATE UNIQUE INDEX ux_alerts_open_condition ON alerts (rule, subject_key) WHERE status <> 'Resolved';
CREATE INDEX ix_alerts_region ON alerts (region_code, id);
CREATE INDEX ix_alerts_enrolment ON alerts (enrolment_id);

ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY alerts_region ON alerts USING (region_visible(region_code)) WITH CHECK (region_visible(region_code));
GRANT SELECT, INSERT, UPDATE ON alerts TO "${app_role}";

-- R-30 (ReviewOverdue) and the due-review lists: active enrolments by region and review date.
CREATE INDEX ix_enrolments_review_due ON enrolments (next_review_on, region_code) WHERE status <> 'Ended' AND next_review_on IS NOT NULL;
-- R-37 (medical-insurance changes): enrolments that started or ended in a month, by region.
CREATE INDEX ix_enrolments_start_month ON enrolments (start_month, region_code);
CREATE INDEX ix_enrolments_ended_on ON enrolments (ended_on, region_code) WHERE ended_on IS NOT NULL;
