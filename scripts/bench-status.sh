#!/usr/bin/env bash
# Status-query benchmark (issue 13), both in one run on one host (same auth, rate limiter, partner audit, pipeline):
#   POST /api/v1/status-queries          the real endpoint (mediator, validation, lookup port, answer objects)
#   POST /api/v1/benchmark/status-queries the same single indexed statement with bare Npgsql (Benchmarks:ConstantEndpoint)
# on a database loaded by the synthetic-data loader (default 560,000 households: about 1,000,000 enrolled persons, 1.78 members per household),
# each request a batch of 10 ID numbers (8 enrolled, 2 unknown), wrk at a fixed concurrency on loopback, with a partner
# token (agency claim), so every call is also audited. The load average is printed (the machine may be shared).
#
#   scripts/bench-status.sh [households=560000] [duration_seconds=20] [connections=16]
# Environment: ROUNDS (default 1), BENCH_AGENCY= (no agency claim: no partner audit row), BENCH_POOL (the API's
# Database:MaxPoolSize for the run; default the API's own, 20), BENCH_PGDIR / BENCH_KEEP_DB (reuse a loaded cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
source "$ROOT/scripts/pg.sh"
HOUSEHOLDS="${1:-560000}"
DURATION="${2:-20}"
CONNECTIONS="${3:-16}"
PORT="${BENCH_PORT:-8098}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

PGDIR="${BENCH_PGDIR:-$(mktemp -d /tmp/assistance-bench-status-XXXXXX)}"
LUA_DIR="$(mktemp -d /tmp/assistance-bench-status-lua-XXXXXX)"
api_pid=""
cleanup() {
  [[ -n "$api_pid" ]] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  [[ -n "${BENCH_KEEP_DB:-}" ]] || { pg_cluster_down "$PGDIR" >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
  rm -rf "$LUA_DIR"
}
trap cleanup EXIT

pg_ensure_binaries
pg_cluster_up "$PGDIR" >/dev/null
export ASSISTANCE_DB="$(pg_connection_string "$PGDIR")"
dotnet build Assistance.Api -c Release -nologo -v q >/dev/null
psql_() { "$ASSISTANCE_PG_BINDIR/psql" "$(pg_connection_string "$PGDIR" | sed -E 's/Host=([^;]*);Port=([^;]*);Database=([^;]*);Username=([^;]*).*/host=\1 port=\2 dbname=\3 user=\4/')" -qAtX -c "$1"; }
persons="$(psql_ "SELECT count(*) FROM enrolment_persons WHERE active" 2>/dev/null || echo 0)"
if [[ "$persons" -lt 100 ]]; then
  echo "== loading $HOUSEHOLDS synthetic households"
  (cd Assistance.Api/bin/Release/net10.0 && time dotnet Assistance.Api.dll synthetic-data --households "$HOUSEHOLDS" --seed 42)
  psql_ "VACUUM ANALYZE enrolment_persons" # one statement per call: psql -c runs several in one transaction, VACUUM refuses that
  psql_ "VACUUM ANALYZE enrolments"
  persons="$(psql_ "SELECT count(*) FROM enrolment_persons WHERE active")"
fi
echo "== active enrolment persons: $persons"

export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Benchmarks__ConstantEndpoint=true RateLimiting__PermitsPerMinute=100000000 RateLimiting__Burst=10000000
export Partners__DefaultPermitsPerMinute=100000000 Partners__DefaultBurst=10000000
export Logging__LogLevel__Default=Warning
[[ -n "${BENCH_POOL:-}" ]] && export Database__MaxPoolSize="$BENCH_POOL"
POOL="${BENCH_POOL:-20 (default)}"
(cd Assistance.Api/bin/Release/net10.0 && exec dotnet Assistance.Api.dll) >/tmp/assistance-bench-status-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
# BENCH_AGENCY= (empty) measures without the agency claim, i.e. without the partner audit row written per call.
AGENCY="${BENCH_AGENCY-bench-agency}"
TOKEN="$(cd Assistance.Api/bin/Release/net10.0 && dotnet Assistance.Api.dll dev-token --scopes "status.query" --region 000000 ${AGENCY:+--agency "$AGENCY"} --sub bench)"

ITEMS="$(psql_ "SELECT string_agg(format('{\"referenceId\":\"r%s\",\"idNumber\":\"%s\"}', n, id_number), ',') FROM (SELECT row_number() OVER () AS n, id_number FROM (SELECT id_number FROM enrolment_persons WHERE active ORDER BY md5(id_number) LIMIT 8) s) t")"
BODY="{\"items\":[$ITEMS,{\"referenceId\":\"u1\",\"idNumber\":\"110101190001010019\"},{\"referenceId\":\"u2\",\"idNumber\":\"11010119000101002X\"}]}"
ESCAPED="$(printf '%s' "$BODY" | sed 's/"/\\"/g')"
cat > "$LUA_DIR/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = "$ESCAPED"
LUA
check() { curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data "$BODY" "http://127.0.0.1:$PORT$1" | head -c 160; echo; }
echo "sanity: $(check /api/v1/status-queries)"
echo "sanity: $(check /api/v1/benchmark/status-queries)"

run() {
  wrk -t2 -c"$CONNECTIONS" -d3s -s "$LUA_DIR/post.lua" "http://127.0.0.1:$PORT$1" >/dev/null # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA_DIR/post.lua" "http://127.0.0.1:$PORT$1"
}
# Both endpoints are warmed up once before the first round (JIT tiers, prepared statements on every pooled
# connection, index pages in shared buffers); each run then has its own short warm-up.
wrk -t2 -c"$CONNECTIONS" -d10s -s "$LUA_DIR/post.lua" "http://127.0.0.1:$PORT/api/v1/status-queries" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$LUA_DIR/post.lua" "http://127.0.0.1:$PORT/api/v1/benchmark/status-queries" >/dev/null
# PostgreSQL's postmaster starts its own session, so with the kernel's automatic grouping on (the Debian default) the
# database and the API + wrk are two scheduling groups splitting the two cores, which shows as a long tail on both
# endpoints (docs/benchmarks.md). The setting is printed with every round.
AUTOGROUP="$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || echo n/a)"
rps() { printf '%s\n' "$1" | awk '/Requests\/sec/ {print $2}'; }
pct() { printf '%s\n' "$1" | awk -v p="$2" '$1==p {print $2}'; }
# ROUNDS > 1 (environment) alternates the order (status then bare, bare then status, …) so that a load that drifts
# during the run does not always favour the same endpoint; every round prints its own figures and ratio.
ROUNDS="${ROUNDS:-1}"
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  if (( round % 2 == 1 )); then
    STATUS="$(run /api/v1/status-queries)"
    BARE="$(run /api/v1/benchmark/status-queries)"
  else
    BARE="$(run /api/v1/benchmark/status-queries)"
    STATUS="$(run /api/v1/status-queries)"
  fi
  printf '%s\n' "$STATUS" "$BARE" | grep -E 'Non-2xx|Socket errors' >&2 || true
  echo "== round $round, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== summary: persons=$persons batch=10 connections=$CONNECTIONS pool=$POOL agency=${AGENCY:-none} duration=${DURATION}s round=$round autogroup=$AUTOGROUP"
  printf '%-22s %10s req/s  p50 %s  p99 %s\n' status-queries "$(rps "$STATUS")" "$(pct "$STATUS" 50%)" "$(pct "$STATUS" 99%)"
  printf '%-22s %10s req/s  p50 %s  p99 %s\n' bare-npgsql "$(rps "$BARE")" "$(pct "$BARE" 50%)" "$(pct "$BARE" 99%)"
  awk -v a="$(rps "$STATUS")" -v c="$(rps "$BARE")" 'BEGIN { printf "ratio status-queries / bare Npgsql: %.2f   (goal >= 0.7; p99 goal < 20 ms)\n", a / c }'
done

if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  source "$ROOT/scripts/bench-profile.sh"
  bench_profile "$api_pid" "$LUA_DIR/post.lua" "http://127.0.0.1:$PORT/api/v1/status-queries" "POST /api/v1/status-queries" assistance-status "$CONNECTIONS"
fi
