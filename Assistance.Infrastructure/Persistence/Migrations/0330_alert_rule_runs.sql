-- Daily alert runs write only what changed (issue 11, performance): a rule's run inserts alerts for new conditions and
-- resolves open alerts whose condition vanished, and leaves unchanged open alerts alone (no daily "seen" rewrite of
-- hundreds of thousands of rows). An open alert's last-seen day is therefore derived: the latest day of the runs of its
-- rule since the run that raised it (a run that did not find the condition would have resolved it). One row per rule
-- run, in run order (runs of one rule are serialized by an advisory lock). The raising run is the one of the alert's
-- rule with day = alerts.raised_on and ran_at = alerts.raised_at (the runner writes the same instant to both); an alert
-- raised before this table existed has none, and every run counts (its last_seen_on was kept up to date until then).
-- A resolved alert keeps its last-seen day in alerts.last_seen_on. System rows, no region: no row-level security.
CREATE TABLE alert_rule_runs (
    seq    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule   text        NOT NULL,
    day    date        NOT NULL,
    ran_at timestamptz NOT NULL
);
CREATE INDEX ix_alert_rule_runs_rule ON alert_rule_runs (rule, seq) INCLUDE (day);
CREATE INDEX ix_alert_rule_runs_raising ON alert_rule_runs (rule, day, ran_at) INCLUDE (seq);

GRANT SELECT ON alert_rule_runs TO "${app_role}";
