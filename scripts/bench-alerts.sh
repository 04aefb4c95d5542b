#!/usr/bin/env bash
# The daily alert run against a large register (docs/benchmarks.md, "Alert run on 1,000,000 enrolments"):
# starts the API (Release, scheduler off) on the database of ASSISTANCE_DB (load it first with
# scripts/synthetic-data.sh 1000000 --today <day>), then runs the alert-rules and due-review-scan jobs through
# POST /api/v1/jobs/{name}/runs for <day> and prints each run record (started/finished, counts), each rule's wall
# time (<Rule>.ms) and writes (<Rule>.raised / .cleared; .unchanged = open conditions left untouched), and the wall
# time of the request. Each period runs once: use a new day for a new measurement (or delete its job_runs rows).
#
#   ASSISTANCE_DB="Host=…;Database=bench1m;Username=<owner>" scripts/bench-alerts.sh 2026-11-02
set -euo pipefail
cd "$(dirname "$0")/.."
DAY="${1:?usage: scripts/bench-alerts.sh <day YYYY-MM-DD>}"
PORT="${BENCH_PORT:-8098}"
: "${ASSISTANCE_DB:?set ASSISTANCE_DB to the owner connection string of the loaded database}"
api_pid=""
cleanup() { [[ -n "$api_pid" ]] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true; }
trap cleanup EXIT

dotnet build Assistance.Api -c Release -nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Scheduler__Enabled=false Logging__LogLevel__Default=Warning Database__ApplyMigrationsOnStartup=true
(cd Assistance.Api/bin/Release/net10.0 && exec dotnet Assistance.Api.dll) >/tmp/assistance-bench-alerts-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
TOKEN="$(cd Assistance.Api/bin/Release/net10.0 && dotnet Assistance.Api.dll dev-token --scopes "ops.run" --region 000000)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for job in alert-rules due-review-scan; do
  echo "== $job $DAY"
  curl -fsS -o /tmp/assistance-bench-alerts-run.json -w "request wall time: %{time_total} s\n" -X POST \
    -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -d "{\"period\":\"$DAY\"}" "http://127.0.0.1:$PORT/api/v1/jobs/$job/runs"
  cat /tmp/assistance-bench-alerts-run.json; echo
  # Per-rule wall time (ms) and what each rule wrote, from the run's counts.
  grep -oE '"[A-Za-z]+\.(ms|raised|cleared|unchanged|open)":[0-9]+' /tmp/assistance-bench-alerts-run.json | tr -d '"' | sort || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
