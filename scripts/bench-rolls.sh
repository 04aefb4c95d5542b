#!/usr/bin/env bash
# Payment roll benchmark (docs/benchmarks.md, "Payment rolls"), every figure in one run on one host:
#   1. N synthetic enrolled households through binary COPY (scripts/synthetic-data.sh), then, as benchmark setup, every
#      enrolment moved into one county (320682001) so that one county's monthly rolls cover all N enrolments;
#   2. the API (Release) generates that county's rolls for the month — Dibao, Tekun and DibaoMarginal, one POST each,
#      synchronous (PaymentRolls:AsyncThresholdLines set above N) — timed with curl;
#   3. the baseline: one hand-written INSERT … SELECT of the same lines (one per enrolment in force with an amount) into
#      a copy of payment_roll_lines with the same indexes, timed by psql in the same database;
#   4. GET …/export.csv of the largest roll, while the API process's resident set is sampled every 100 ms;
#   5. the same export again from a second API process started with DOTNET_GCHeapHardLimit (BENCH_EXPORT_HEAP_LIMIT,
#      default 0x4000000 = 64 MiB): it completes only if the export never holds the roll in memory — compare the
#      printed file size with the limit (choose N, or a lower limit, so that the file is bigger than the limit).
# The load average is printed before and after: the machine may be shared, compare the ratio within one run.
#
#   scripts/bench-rolls.sh [households=1000000] [month=2026-11]
#   BENCH_PGDIR=/tmp/x scripts/bench-rolls.sh ...   # reuse (or keep) a cluster folder; default: a fresh temporary one
#   BENCH_PORT=8112 BENCH_EXPORT_HEAP_LIMIT=0x1000000 scripts/bench-rolls.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
source "$ROOT/scripts/pg.sh"
HOUSEHOLDS="${1:-1000000}"
MONTH="${2:-2026-11}"
PORT="${BENCH_PORT:-8097}"
COUNTY=320682
DB=rollsbench

PGDIR="${BENCH_PGDIR:-$(mktemp -d /tmp/assistance-rolls-bench-XXXXXX)}"
api_pid=""
cleanup() {
  [[ -n "$api_pid" ]] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  if [[ -z "${BENCH_PGDIR:-}" ]]; then
    pg_cluster_down "$PGDIR" >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
}
trap cleanup EXIT

pg_ensure_binaries
PG_SERVER_OPTIONS="${PG_SERVER_OPTIONS:--c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB}" \
  pg_cluster_up "$PGDIR" "$DB" >/dev/null
export ASSISTANCE_DB="$(pg_connection_string "$PGDIR" "$DB")"
PSQL=("$ASSISTANCE_PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -XqtA -v ON_ERROR_STOP=1)

echo "== uptime at start: $(uptime)"
loaded="$("${PSQL[@]}" -c "SELECT to_regclass('public.enrolments') IS NOT NULL")"
if [[ "$loaded" == t ]]; then
  loaded="$("${PSQL[@]}" -c "SELECT set_config('assistance.region_prefix', '*', false)" -c "SELECT count(*) >= $HOUSEHOLDS FROM enrolments" | tail -n 1)"
fi
if [[ "$loaded" != t ]]; then
  start=$(date +%s.%N)
  scripts/synthetic-data.sh "$HOUSEHOLDS" --seed 7 --today 2026-11-02 >&2
  echo "loaded $HOUSEHOLDS households in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
  "${PSQL[@]}" -c "SELECT set_config('assistance.region_prefix', '*', false)" -c "UPDATE enrolments SET region_code = '${COUNTY}001'" \
    -c "VACUUM ANALYZE enrolments" >/dev/null
fi
"${PSQL[@]}" -c "SELECT set_config('assistance.region_prefix', '*', false)" \
  -c "SELECT 'enrolments in force ' || count(*) || ', with an amount ' || count(*) FILTER (WHERE monthly_amount > 0) FROM enrolments
      WHERE starts_with(region_code, '$COUNTY') AND start_month <= '$MONTH-01' AND status <> 'Suspended' AND (ended_on IS NULL OR ended_on >= '$MONTH-01')"
# Earlier runs' rolls are removed (as the owner; TRUNCATE is not guarded) so each run generates from scratch.
"${PSQL[@]}" -c "TRUNCATE payment_roll_lines, payment_roll_totals, payment_roll_operations, payment_rolls CASCADE" \
  -c "DROP TABLE IF EXISTS bench_baseline_lines" -c "VACUUM ANALYZE payment_roll_lines" >/dev/null

dotnet build Assistance.Api -c Release -nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning
export PaymentRolls__AsyncThresholdLines=100000000 RateLimiting__PermitsPerMinute=100000000 RateLimiting__Burst=10000000
(cd Assistance.Api/bin/Release/net10.0 && exec dotnet Assistance.Api.dll) >/tmp/assistance-rolls-bench-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
TOKEN="$(cd Assistance.Api/bin/Release/net10.0 && dotnet Assistance.Api.dll dev-token --scopes "payments.read payments.write" --region $COUNTY)"

# Warm-up (JIT, connection pool, policy cache): the marginal roll of the month before, not timed.
curl -sS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data "{\"regionCode\":\"$COUNTY\",\"month\":\"$("${PSQL[@]}" -c "SELECT to_char(DATE '$MONTH-01' - interval '1 month', 'YYYY-MM')")\",\"programme\":\"DibaoMarginal\"}" \
  "http://127.0.0.1:$PORT/api/v1/payment-rolls"
echo "== load average before the rolls: $(cut -d' ' -f1-3 /proc/loadavg)"
total=0
largest=""
largest_lines=0
for programme in Dibao Tekun DibaoMarginal; do
  out="$(curl -sS -o /tmp/assistance-rolls-bench-roll.json -w '%{http_code} %{time_total}' -X POST \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data "{\"regionCode\":\"$COUNTY\",\"month\":\"$MONTH\",\"programme\":\"$programme\"}" "http://127.0.0.1:$PORT/api/v1/payment-rolls")"
  code="${out%% *}"
  seconds="${out##* }"
  lines="$(grep -oE '"lineCount":[0-9]+' /tmp/assistance-rolls-bench-roll.json | head -n 1 | cut -d: -f2)"
  id="$(grep -oE '"id":"[0-9a-f-]{36}"' /tmp/assistance-rolls-bench-roll.json | head -n 1 | cut -d'"' -f4)"
  printf 'POST payment-rolls %-14s HTTP %s  %8.2f s  %8s lines\n' "$programme" "$code" "$seconds" "${lines:-?}"
  total="$(awk -v a="$total" -v b="$seconds" 'BEGIN { printf "%.3f", a + b }')"
  if [[ "${lines:-0}" -gt "$largest_lines" ]]; then largest="$id"; largest_lines="$lines"; fi
done
echo "API, the county's rolls for $MONTH: $total s"

baseline="$("${PSQL[@]}" <<SQL
SELECT set_config('assistance.region_prefix', '*', false);
CREATE TABLE bench_baseline_lines (LIKE payment_roll_lines INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
\timing on
INSERT INTO bench_baseline_lines (id, roll_id, region_code, kind, enrolment_id, household_id, person_member_id, application_id, period, amount)
SELECT gen_random_uuid(), gen_random_uuid(), e.region_code, CASE e.programme WHEN 'Tekun' THEN 'TekunBasic' WHEN 'Dibao' THEN 'DibaoHousehold' ELSE e.programme END,
       e.id, e.household_id, e.person_member_id, e.application_id, DATE '$MONTH-01', e.monthly_amount
FROM enrolments e
WHERE starts_with(e.region_code, '$COUNTY') AND e.start_month <= DATE '$MONTH-01' AND e.status <> 'Suspended'
  AND (e.ended_on IS NULL OR e.ended_on >= DATE '$MONTH-01') AND e.monthly_amount > 0;
\timing off
DROP TABLE bench_baseline_lines;
SQL
)"
baseline_ms="$(printf '%s\n' "$baseline" | grep -oE 'Time: [0-9.]+ ms' | grep -oE '[0-9.]+' | tail -n 1)"
baseline_s="$(awk -v m="$baseline_ms" 'BEGIN { printf "%.3f", m / 1000 }')"
echo "baseline A, one hand-written INSERT … SELECT of the same lines into a copy of the table (its indexes and checks, no foreign keys): $baseline_s s"
echo "ratio API / baseline A: $(awk -v a="$total" -v b="$baseline_s" 'BEGIN { printf "%.2f", a / b }')"

# Baseline B: the same INSERT … SELECT into payment_roll_lines itself — its foreign keys, unique indexes and triggers,
# which every real roll line must satisfy — for the month after (so the "once" index does not meet this run's lines),
# under a throwaway roll, rolled back. The owner (superuser) runs it, so it pays no row-level security.
next_month="$("${PSQL[@]}" -c "SELECT to_char(DATE '$MONTH-01' + interval '1 month', 'YYYY-MM-DD')")"
baseline_b="$("${PSQL[@]}" <<SQL
BEGIN;
INSERT INTO payment_rolls (id, region_code, month, programme, version, generated_by, generated_at)
VALUES ('00000000-0000-7000-8000-00000000b0b0', '$COUNTY', DATE '$next_month', 'Dibao', 1, 'bench-rolls.sh', now());
\timing on
INSERT INTO payment_roll_lines (id, roll_id, region_code, kind, enrolment_id, household_id, person_member_id, application_id, period, amount)
SELECT gen_random_uuid(), '00000000-0000-7000-8000-00000000b0b0', e.region_code, CASE e.programme WHEN 'Tekun' THEN 'TekunBasic' WHEN 'Dibao' THEN 'DibaoHousehold' ELSE e.programme END,
       e.id, e.household_id, e.person_member_id, e.application_id, DATE '$next_month', e.monthly_amount
FROM enrolments e
WHERE starts_with(e.region_code, '$COUNTY') AND e.start_month <= DATE '$MONTH-01' AND e.status <> 'Suspended'
  AND (e.ended_on IS NULL OR e.ended_on >= DATE '$MONTH-01') AND e.monthly_amount > 0;
\timing off
ROLLBACK;
SQL
)"
baseline_b_ms="$(printf '%s\n' "$baseline_b" | grep -oE 'Time: [0-9.]+ ms' | grep -oE '[0-9.]+' | tail -n 1)"
baseline_b_s="$(awk -v m="$baseline_b_ms" 'BEGIN { printf "%.3f", m / 1000 }')"
echo "baseline B, the same INSERT … SELECT into payment_roll_lines itself (foreign keys, indexes, triggers; rolled back): $baseline_b_s s"
echo "ratio API / baseline B: $(awk -v a="$total" -v b="$baseline_b_s" 'BEGIN { printf "%.2f", a / b }')   (goal <= 1.5; goal API < 30 s)"

# Memory while streaming the CSV of the largest roll: resident set of the API process sampled every 100 ms.
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$api_pid/status"; }
# export <file>: streams the largest roll's CSV into <file> while sampling the API's resident set; sets before, peak,
# code, seconds and bytes.
export_sampled() {
  before="$(rss)"
  peak="$before"
  curl -sS -o "$1" -w '%{http_code} %{time_total} %{size_download}\n' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/v1/payment-rolls/$largest/export.csv" >/tmp/assistance-rolls-bench-export.txt &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2>/dev/null; do
    now="$(rss)"
    ((now > peak)) && peak="$now"
    sleep 0.1
  done
  wait "$curl_pid"
  read -r code seconds bytes </tmp/assistance-rolls-bench-export.txt
}
export_sampled /tmp/assistance-rolls-bench.csv
echo "GET export.csv ($largest_lines lines): HTTP $code, $seconds s, $((bytes / 1048576)) MiB, $(($(wc -l </tmp/assistance-rolls-bench.csv) - 1)) rows"
echo "API resident set: before $((before / 1024)) MiB, peak during the export $((peak / 1024)) MiB (+$(((peak - before) / 1024)) MiB for a $((bytes / 1048576)) MiB file)"

# Flat memory: the same export from an API whose GC heap is capped below the file's size.
kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
api_pid=""
HEAP_LIMIT="${BENCH_EXPORT_HEAP_LIMIT:-0x4000000}"
(cd Assistance.Api/bin/Release/net10.0 && DOTNET_GCHeapHardLimit="$HEAP_LIMIT" exec dotnet Assistance.Api.dll) \
  >/tmp/assistance-rolls-bench-api-capped.log 2>&1 &
api_pid=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
export_sampled /tmp/assistance-rolls-bench-capped.csv
same="differs from"
cmp -s /tmp/assistance-rolls-bench.csv /tmp/assistance-rolls-bench-capped.csv && same="identical to"
echo "GET export.csv with DOTNET_GCHeapHardLimit=$HEAP_LIMIT ($((HEAP_LIMIT / 1048576)) MiB): HTTP $code, $seconds s, $((bytes / 1048576)) MiB ($bytes bytes), $(($(wc -l </tmp/assistance-rolls-bench-capped.csv) - 1)) rows, $same the uncapped export"
echo "capped API resident set: before $((before / 1024)) MiB, peak during the export $((peak / 1024)) MiB"
grep -m 3 -iE 'OutOfMemory|fatal' /tmp/assistance-rolls-bench-api-capped.log || true
echo "== uptime at the end: $(uptime)"
