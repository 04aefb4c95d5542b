-- Stored idempotent responses hold whole responses, personal data included (issue 7): they are visible only to the
-- region scope that stored them (national callers and system work, with '*', see all), like the rows they describe.
-- Existing rows take the migration runner's setting ('*' for the owner's connections) and expire with the retention.
ALTER TABLE idempotency_keys
    ADD COLUMN region_prefix text NOT NULL DEFAULT coalesce(current_setting('assistance.region_prefix', true), '');

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_scope ON idempotency_keys
    USING (region_scope_set()
           AND (region_prefix = current_setting('assistance.region_prefix', true) OR current_setting('assistance.region_prefix', true) = '*'))
    WITH CHECK (region_scope_set() AND region_prefix = current_setting('assistance.region_prefix', true));
