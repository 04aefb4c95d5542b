#!/usr/bin/env bash
# HTTP benchmark: POST /api/v1/assessments (the api.md example) next to a constant endpoint of the same host,
# same auth and pipeline, in the same run, with wrk at a fixed concurrency on loopback. Prints both and the ratio.
#
#   scripts/bench-http.sh [duration_seconds=20] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
source "$ROOT/scripts/pg.sh"
DURATION="${1:-20}"
CONNECTIONS="${2:-16}"
PORT="${BENCH_PORT:-8099}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

PGDIR="$(mktemp -d /tmp/assistance-bench-XXXXXX)"
api_pid=""
cleanup() {
  [[ -n "$api_pid" ]] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  pg_cluster_down "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$PGDIR" /tmp/assistance-bench-post.lua
}
trap cleanup EXIT

pg_ensure_binaries
pg_cluster_up "$PGDIR" >/dev/null
export ASSISTANCE_DB="$(pg_connection_string "$PGDIR")"
dotnet build Assistance.Api -c Release -nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Benchmarks__ConstantEndpoint=true RateLimiting__PermitsPerMinute=100000000 RateLimiting__Burst=10000000
export Logging__LogLevel__Default=Warning
(cd Assistance.Api/bin/Release/net10.0 && exec dotnet Assistance.Api.dll) >/tmp/assistance-bench-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
TOKEN="$(cd Assistance.Api/bin/Release/net10.0 && dotnet Assistance.Api.dll dev-token --scopes "policy.read" --region 000000)"

BODY="$(tr -d '\n' < docs/examples/assessment.json | sed 's/"/\\"/g')"
cat > /tmp/assistance-bench-post.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = "$BODY"
LUA

check() { curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @docs/examples/assessment.json "http://127.0.0.1:$PORT$1" | head -c 120; echo; }
echo "sanity: $(check /api/v1/assessments)"
echo "sanity: $(check /api/v1/benchmark/constant)"

run() {
  # Warm up, then measure.
  wrk -t2 -c"$CONNECTIONS" -d5s -s /tmp/assistance-bench-post.lua "http://127.0.0.1:$PORT$1" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s /tmp/assistance-bench-post.lua "http://127.0.0.1:$PORT$1"
}
echo "== constant endpoint (same host, same auth + pipeline)"
CONST="$(run /api/v1/benchmark/constant)"; echo "$CONST"
echo "== POST /api/v1/assessments (api.md example, full trace)"
ASSESS="$(run /api/v1/assessments)"; echo "$ASSESS"
rps() { printf '%s\n' "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { printf '%s\n' "$1" | awk '$1=="99%" {print $2}'; }
echo "== summary: connections=$CONNECTIONS duration=${DURATION}s"
echo "constant:    $(rps "$CONST") req/s, p99 $(p99 "$CONST")"
echo "assessments: $(rps "$ASSESS") req/s, p99 $(p99 "$ASSESS")"
awk -v a="$(rps "$ASSESS")" -v c="$(rps "$CONST")" 'BEGIN { printf "ratio assessments/constant: %.2f\n", a / c }'
