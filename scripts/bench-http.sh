#!/usr/bin/env bash
# HTTP benchmark, every ratio of docs/benchmarks.md in one run on one host (same auth, rate limiter and pipeline):
#   - POST /api/v1/assessments (docs/examples/assessment.json) with the full trace and with ?trace=none, each against
#     the constant endpoint POST /api/v1/benchmark/constant;
#   - GET /api/v1/households/{id} against GET /api/v1/benchmark/households/{id}, the same reads with bare Npgsql in
#     one round trip.
# Both baselines are mapped only under Benchmarks:ConstantEndpoint=true. wrk at a fixed concurrency on loopback; the
# load average is printed before and after (the machine may be shared: compare ratios within one run).
#
#   scripts/bench-http.sh [duration_seconds=20] [connections=16]
#   ROUNDS=3 scripts/bench-http.sh ...         # three rounds, every other one in reverse order, each with its ratios
#   BENCH_IMPORT=1000000 scripts/bench-http.sh ...  # then also the bulk-import ratio of the same goals, in the same run:
#                                               # scripts/bench-import.sh N on its own cluster and API, after the HTTP
#                                               # API is stopped (the two never share the cores)
#   BENCH_PROFILE=1 scripts/bench-http.sh ...   # then also: dotnet-counters and a dotnet-trace CPU profile of
#                                               # POST /api/v1/assessments (full trace) under the same load, summarised
#                                               # by scripts/profile-summary.py; files kept in $BENCH_OUT (default /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
source "$ROOT/scripts/pg.sh"
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
PORT="${BENCH_PORT:-8099}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

PGDIR="$(mktemp -d /tmp/assistance-bench-XXXXXX)"
LUA_DIR="$(mktemp -d /tmp/assistance-bench-lua-XXXXXX)"
api_pid=""
cleanup() {
  [[ -n "$api_pid" ]] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  pg_cluster_down "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$PGDIR" "$LUA_DIR"
}
trap cleanup EXIT

pg_ensure_binaries
pg_cluster_up "$PGDIR" >/dev/null
export ASSISTANCE_DB="$(pg_connection_string "$PGDIR")"
dotnet build Assistance.Api -c Release -nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Benchmarks__ConstantEndpoint=true RateLimiting__PermitsPerMinute=100000000 RateLimiting__Burst=10000000
export Logging__LogLevel__Default=Warning Database__LoadDemoData=true
(cd Assistance.Api/bin/Release/net10.0 && exec dotnet Assistance.Api.dll) >/tmp/assistance-bench-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
TOKEN="$(cd Assistance.Api/bin/Release/net10.0 && dotnet Assistance.Api.dll dev-token --scopes "policy.read registry.read" --region 000000)"

BODY="$(tr -d '\n' < docs/examples/assessment.json | sed 's/"/\\"/g')"
cat > "$LUA_DIR/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = "$BODY"
LUA
cat > "$LUA_DIR/get.lua" <<LUA
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

for _ in $(seq 1 120); do # demo households are seeded after readiness may already be reported
  HOUSEHOLD="$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/households?limit=1" |
    grep -oE '"id":"[0-9a-f-]{36}"' | head -n 1 | cut -d'"' -f4 || true)"
  [[ -n "$HOUSEHOLD" ]] && break
  sleep 0.5
done
check() { curl -fsS -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data @$3} "http://127.0.0.1:$PORT$2" | head -c 100; echo; }
echo "sanity: $(check POST /api/v1/assessments docs/examples/assessment.json)"
echo "sanity: $(check POST '/api/v1/assessments?trace=none' docs/examples/assessment.json)"
echo "sanity: $(check POST /api/v1/benchmark/constant docs/examples/assessment.json)"
echo "sanity: $(check GET "/api/v1/households/$HOUSEHOLD")"
echo "sanity: $(check GET "/api/v1/benchmark/households/$HOUSEHOLD")"

run() { # script path
  wrk -t2 -c"$CONNECTIONS" -d3s -s "$LUA_DIR/$1.lua" "http://127.0.0.1:$PORT$2" >/dev/null # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA_DIR/$1.lua" "http://127.0.0.1:$PORT$2"
}
rps() { printf '%s\n' "$1" | awk '/Requests\/sec/ {print $2}'; }
pct() { printf '%s\n' "$1" | awk -v p="$2" '$1==p {print $2}'; }
ratio() { awk -v a="$1" -v c="$2" 'BEGIN { printf "%.2f", a / c }'; }
NAMES=(constant assess_full assess_none household bare_household)
endpoint() { # name -> "<lua script> <path>"
  case "$1" in
    constant) echo "post /api/v1/benchmark/constant" ;;
    assess_full) echo "post /api/v1/assessments" ;;
    assess_none) echo "post /api/v1/assessments?trace=none" ;;
    household) echo "get /api/v1/households/$HOUSEHOLD" ;;
    bare_household) echo "get /api/v1/benchmark/households/$HOUSEHOLD" ;;
  esac
}
measure() { local lua path; read -r lua path <<<"$(endpoint "$1")"; run "$lua" "$path"; }
# Every endpoint is warmed up once before the first round (JIT tiers, caches, prepared statements); each run then
# has its own short warm-up. ROUNDS > 1 (environment) runs the five endpoints again in reverse order every other
# round, so that a load drifting during the run does not always favour the same endpoint; every round prints its
# own figures and ratios.
for name in "${NAMES[@]}"; do
  read -r lua path <<<"$(endpoint "$name")"
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$LUA_DIR/$lua.lua" "http://127.0.0.1:$PORT$path" >/dev/null
done
ROUNDS="${ROUNDS:-1}"
declare -A OUT
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  order=("${NAMES[@]}")
  if (( round % 2 == 0 )); then order=(bare_household household assess_none assess_full constant); fi
  for name in "${order[@]}"; do
    OUT[$name]="$(measure "$name")"
    printf '%s\n' "${OUT[$name]}" | grep -E 'Non-2xx|Socket errors' >&2 || true
  done
  echo "== round $round, load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== summary: connections=$CONNECTIONS duration=${DURATION}s round=$round"
  for name in "${NAMES[@]}"; do
    printf '%-16s %10s req/s  p50 %s  p99 %s\n' "$name" "$(rps "${OUT[$name]}")" "$(pct "${OUT[$name]}" 50%)" "$(pct "${OUT[$name]}" 99%)"
  done
  echo "ratio assessments full trace / constant: $(ratio "$(rps "${OUT[assess_full]}")" "$(rps "${OUT[constant]}")")   (goal >= 0.5)"
  echo "ratio assessments no trace / constant:   $(ratio "$(rps "${OUT[assess_none]}")" "$(rps "${OUT[constant]}")")   (goal >= 0.7)"
  echo "ratio GET household / bare Npgsql read:  $(ratio "$(rps "${OUT[household]}")" "$(rps "${OUT[bare_household]}")")   (goal >= 0.6)"
  echo "p99 at $CONNECTIONS connections: full trace $(pct "${OUT[assess_full]}" 99%), no trace $(pct "${OUT[assess_none]}" 99%)   (goal < 5 ms)"
done

if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  source "$ROOT/scripts/bench-profile.sh"
  bench_profile "$api_pid" "$LUA_DIR/post.lua" "http://127.0.0.1:$PORT/api/v1/assessments" "POST /api/v1/assessments (full trace)" assistance-assess "$CONNECTIONS"
fi

if [[ "${BENCH_IMPORT:-0}" != 0 ]]; then
  kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  api_pid=""
  echo "== bulk import: $BENCH_IMPORT households through POST /api/v1/household-imports against a raw binary COPY (scripts/bench-import.sh)"
  import_out="$(BENCH_PORT=$((PORT + 1)) "$ROOT/scripts/bench-import.sh" "$BENCH_IMPORT" 2>&1 | grep -v '^pg.sh')"
  printf '%s\n' "$import_out"
  echo "ratio bulk import / raw binary COPY:     $(printf '%s\n' "$import_out" | awk -F': ' '/^ratio/ {print $2}')   (goal >= 0.5)"
fi
