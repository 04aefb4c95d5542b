#!/usr/bin/env bash
# Due-review list benchmark (issue 11): one county's due reviews with a million active enrolments.
#
#   ASSISTANCE_DB="Host=127.0.0.1;Port=5432;Database=bench;Username=postgres" scripts/synthetic-data.sh 1000000
#   ASSISTANCE_DB=... benchmarks/due-reviews.sh [seconds]
#
# 1. SQL: pgbench runs the repository's statements (benchmarks/due-reviews/due-reviews.sql) as the API role, one
#    client, for the given seconds (default 20), and prints the average latency; EXPLAIN (ANALYZE, BUFFERS) shows the plan.
# 2. HTTP: starts the API against the same database and times 200 GET /api/v1/reviews/due?regionCode=320682 with curl
#    (a county officer's dev token), printing median, p95 and max.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
seconds="${1:-20}"
: "${ASSISTANCE_DB:?set ASSISTANCE_DB to the owner connection string of a database loaded by scripts/synthetic-data.sh}"
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"
pg_ensure_binaries
host="$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$ASSISTANCE_DB")"
port="$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$ASSISTANCE_DB")"
db="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$ASSISTANCE_DB")"
app="host=$host port=$port dbname=$db user=assistance_app"

echo "== active enrolments: $("$ASSISTANCE_PG_BINDIR/psql" "host=$host port=$port dbname=$db user=postgres" -Atc "SELECT set_config('assistance.region_prefix','*',false); SELECT count(*) FROM enrolments WHERE status <> 'Ended'" | tail -1)"
echo "== plan"
sed -e 's/^SELECT e.id/EXPLAIN (ANALYZE, BUFFERS) SELECT e.id/' benchmarks/due-reviews/due-reviews.sql | "$ASSISTANCE_PG_BINDIR/psql" "$app" -q | grep -v '^ *$' || true
echo "== pgbench (1 client, ${seconds}s)"
"$ASSISTANCE_PG_BINDIR/pgbench" -n -c 1 -T "$seconds" -f benchmarks/due-reviews/due-reviews.sql "$app" | grep -E 'latency|tps|transactions actually'

echo "== HTTP"
dotnet build Assistance.Api/Assistance.Api.csproj -c Release -nologo -v quiet </dev/null >/dev/null
token="$(ASPNETCORE_ENVIRONMENT=Development dotnet run --project Assistance.Api -c Release --no-launch-profile --no-build -- \
  dev-token --scopes cases.read --region 320682 </dev/null | tr -d '[:space:]')"
url="http://127.0.0.1:${BENCH_PORT:-5391}"
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" Database__ApplyMigrationsOnStartup=false Logging__LogLevel__Default=Warning \
  RateLimiting__PermitsPerMinute=1000000 RateLimiting__Burst=100000 \
  dotnet run --project Assistance.Api -c Release --no-launch-profile --no-build </dev/null >/tmp/due-reviews-api.log 2>&1 &
api=$!
trap 'kill $api 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null && break; sleep 1; done
for _ in $(seq 1 20); do curl -sf -H "Authorization: Bearer $token" "$url/api/v1/reviews/due?regionCode=320682" >/dev/null; done
for _ in $(seq 1 200); do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url/api/v1/reviews/due?regionCode=320682"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "requests %d  median %.1f ms  p95 %.1f ms  max %.1f ms\n", NR, t[int(NR/2)], t[int(NR*0.95)], t[NR] }'
curl -s -H "Authorization: Bearer $token" "$url/api/v1/reviews/due?regionCode=320682&limit=3" | head -c 600; echo
