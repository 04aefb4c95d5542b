-- One county's first page of due reviews, exactly as ReviewRepository.ListDueAsync sends it (the moratorium lookup,
-- then the keyset page of limit + 1 rows), as the API role inside a transaction with the county's region scope.
BEGIN;
SELECT set_config('assistance.region_prefix', '320682', true);
SELECT m.subtree_prefix FROM review_moratoriums m
WHERE m.starts_on <= CURRENT_DATE AND (m.ends_on IS NULL OR m.ends_on > CURRENT_DATE)
  AND (starts_with('320682', m.subtree_prefix) OR starts_with(m.subtree_prefix, '320682'));
SELECT e.id, e.region_code, e.programme, e.household_id, e.dibao_class, e.review_interval_months, e.next_review_on, e.monthly_amount, e.status, e.version
FROM enrolments e
WHERE e.status <> 'Ended' AND e.next_review_on IS NOT NULL
  AND e.region_code COLLATE "C" >= '320682' AND e.region_code COLLATE "C" < '320682:'
  AND starts_with(e.region_code, '320682')
  AND e.next_review_on < CURRENT_DATE + 1
  AND NOT (e.region_code LIKE ANY ('{}'::text[]))
ORDER BY e.region_code COLLATE "C", e.next_review_on, e.id
LIMIT 51;
COMMIT;
