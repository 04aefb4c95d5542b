#!/usr/bin/env bash
# Bulk-import benchmark (issue 14), one run: N synthetic households with members and incomes loaded into an empty
# register (1) through POST /api/v1/household-imports (NDJSON, validated, staged by binary COPY, moved under RLS) and
# (2) as a raw binary COPY of the same rows by the superuser; prints both times and the ratio raw/import.
# A fresh PostgreSQL cluster (scripts/pg.sh) and a Release build of the API; the load average is printed before and
# after (the machine may be shared).
#
#   scripts/bench-import.sh [households=1000000]
#   BENCH_PROFILE=1 scripts/bench-import.sh 50000   # also a dotnet-trace CPU profile of the API during the import
#                                                   # (BENCH_PROFILE_SECONDS, default 10), summarised by
#                                                   # scripts/profile-summary.py; the file is kept in $BENCH_OUT (/tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
source "$ROOT/scripts/pg.sh"
COUNT="${1:-1000000}"
PORT="${BENCH_PORT:-8098}"

PGDIR="$(mktemp -d /tmp/assistance-bench-import-XXXXXX)"
api_pid=""
cleanup() {
  [[ -n "$api_pid" ]] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  pg_cluster_down "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT

pg_ensure_binaries
PG_SERVER_OPTIONS="${PG_SERVER_OPTIONS:-} -c max_wal_size=4GB" pg_cluster_up "$PGDIR" >/dev/null
export ASSISTANCE_DB="$(pg_connection_string "$PGDIR")"
dotnet build Assistance.Api -c Release -nologo -v q >/dev/null
dotnet build benchmarks/Assistance.ImportBenchmark -c Release -nologo -v q >/dev/null
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export Logging__LogLevel__Default=Warning Database__LoadDemoData=false
(cd Assistance.Api/bin/Release/net10.0 && exec dotnet Assistance.Api.dll) >/tmp/assistance-bench-import-api.log 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
TOKEN="$(cd Assistance.Api/bin/Release/net10.0 && dotnet Assistance.Api.dll dev-token --scopes "registry.read registry.write" --region 000000)"

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
trace_pid=""
if [[ "${BENCH_PROFILE:-0}" == 1 ]]; then
  OUTDIR="${BENCH_OUT:-/tmp}"
  dotnet tool restore >/dev/null
  dotnet tool run dotnet-trace -- collect -p "$api_pid" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:${BENCH_PROFILE_SECONDS:-10}" --format Speedscope -o "$OUTDIR/assistance-import.nettrace" >/dev/null 2>&1 &
  trace_pid=$!
  sleep 2
fi
dotnet benchmarks/Assistance.ImportBenchmark/bin/Release/net10.0/Assistance.ImportBenchmark.dll \
  "$COUNT" "http://127.0.0.1:$PORT" "$TOKEN" "$ASSISTANCE_DB"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "$trace_pid" ]]; then
  wait "$trace_pid" || true
  python3 scripts/profile-summary.py "$OUTDIR/assistance-import.speedscope.json" 30
fi
