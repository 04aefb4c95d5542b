-- Residence-scoped parameter values (R-02): a value may be limited to Urban or Rural households (NULL = both).
-- The no-overlap rule is per residence scope: an Urban value and a value for both may be in force together, the
-- resolver prefers the Urban one for urban households at that level.
ALTER TABLE parameter_values
    ADD COLUMN residence text NULL CHECK (residence IN ('Urban', 'Rural'));

ALTER TABLE parameter_values DROP CONSTRAINT ex_parameter_values_no_overlap;
ALTER TABLE parameter_values ADD CONSTRAINT ex_parameter_values_no_overlap EXCLUDE USING gist (
    key WITH =,
    region_code WITH =,
    (coalesce(residence, 'Both')) WITH =,
    daterange(effective_from, effective_to, '[)') WITH &&
) WHERE (superseded_at IS NULL);

-- expenditure.route (one route per region) becomes two flags that can both be in force. Existing rows keep their
-- dates, sources and history; a regional choice of one route says nothing about the other, so only the national
-- baseline and an explicit None set both flags.
INSERT INTO parameter_values (id, key, region_code, effective_from, effective_to, value, source, is_demo, recorded_at, recorded_by, superseded_at)
SELECT gen_random_uuid(), 'expenditure.dibaoInclusion.enabled', region_code, effective_from, effective_to,
       CASE WHEN value = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb(value = '"DibaoInclusion"'::jsonb) END,
       source, is_demo, recorded_at, recorded_by, superseded_at
FROM parameter_values
WHERE key = 'expenditure.route' AND (region_code = '000000' OR value IN ('"DibaoInclusion"'::jsonb, '"None"'::jsonb, 'null'::jsonb));

INSERT INTO parameter_values (id, key, region_code, effective_from, effective_to, value, source, is_demo, recorded_at, recorded_by, superseded_at)
SELECT gen_random_uuid(), 'expenditure.rigidShare.enabled', region_code, effective_from, effective_to,
       CASE WHEN value = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb(value = '"RigidShare"'::jsonb) END,
       source, is_demo, recorded_at, recorded_by, superseded_at
FROM parameter_values
WHERE key = 'expenditure.route' AND (region_code = '000000' OR value IN ('"RigidShare"'::jsonb, '"None"'::jsonb, 'null'::jsonb));

DELETE FROM parameter_values WHERE key = 'expenditure.route';

-- S3 (Bengbu) wrote these for city districts (城区) only: the values loaded from its pack are Urban-only.
UPDATE parameter_values SET residence = 'Urban'
WHERE region_code = '340300' AND recorded_by = 'policy pack 340300-bengbu.json'
  AND key IN ('tekun.basic.minShareOfConsumption', 'tekun.care.minShareOfBasic', 'expenditure.maxMultipleOfStandard',
              'expenditure.dibaoInclusion.enabled');

UPDATE policy_revision SET revision = revision + 1;
