#!/usr/bin/env bash
# run.sh — run the Assistance API locally (the README's first command).
#
#   ./run.sh
#
# Restores and builds the solution, starts a private PostgreSQL cluster in ./.pgdata (installing the
# Debian `postgresql` package when the binaries are missing; see scripts/pg.sh) unless ASSISTANCE_DB is
# set, prints the Swagger UI address and a development token, then runs the API in Development with
# migrations and demo data applied on startup. Ctrl+C (SIGINT) or SIGTERM stops the API and the database.
#
# Environment:
#   ASSISTANCE_DB      Npgsql connection string of an existing database; no local cluster is started.
#   ASPNETCORE_URLS    where the API listens (default http://127.0.0.1:8080).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd -P)"
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

URLS="${ASPNETCORE_URLS:-http://127.0.0.1:8080}"
# First URL, with wildcard hosts shown as localhost, for the printed addresses.
URL="${URLS%%;*}"
URL="$(printf '%s' "$URL" | sed -E 's#://(\+|\*|0\.0\.0\.0|\[::\])#://localhost#')"
URL="${URL%/}"
# Every scope the API checks (Assistance.Api/Security/Scopes.cs; a test keeps this line in step).
SCOPES="registry.read registry.write policy.read policy.admin cases.read cases.write cases.approve pii.read audit.read ops.read ops.run reports.read payments.read payments.write events.write status.query subscriptions.read subscriptions.write"
API_PROJECT="Assistance.Api"

api_pid=""
pg_started=""

log() { printf 'run.sh: %s\n' "$*" >&2; }

cleanup() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    log "stopping the API (pid $api_pid)"
    kill -TERM "$api_pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 60; i++)); do
      kill -0 "$api_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$api_pid" 2>/dev/null; then
      log "the API did not stop in 30 s; killing it"
      kill -KILL "$api_pid" 2>/dev/null || true
    fi
    wait "$api_pid" 2>/dev/null || true
  fi
  api_pid=""
  if [[ -n "$pg_started" ]]; then
    pg_cluster_down "$pg_started" || true
    pg_started=""
  fi
}

on_signal() {
  trap - INT TERM
  cleanup
  exit 0
}
trap on_signal INT TERM
trap cleanup EXIT

command -v dotnet >/dev/null 2>&1 || {
  log "the .NET SDK (dotnet) is required: https://dot.net (see global.json for the version)"
  exit 1
}

log "restoring and building (Release)…"
dotnet restore Assistance.sln </dev/null
dotnet build "$API_PROJECT/$API_PROJECT.csproj" -c Release --no-restore -nologo -v quiet </dev/null

if [[ -z "${ASSISTANCE_DB:-}" ]]; then
  pg_cluster_up "$ROOT/.pgdata" assistance
  pg_started="$ROOT/.pgdata"
  export ASSISTANCE_DB="$PG_CONNECTION_STRING"
  log "PostgreSQL ready: $ASSISTANCE_DB (data in $PG_CLUSTER_DIR)"
else
  log "using ASSISTANCE_DB from the environment; no local PostgreSQL cluster is started"
fi

export ASPNETCORE_ENVIRONMENT=Development

token=""
if token="$(env -u ASPNETCORE_URLS timeout 120 \
  dotnet run --project "$API_PROJECT" -c Release --no-launch-profile --no-build -- \
  dev-token --scopes "$SCOPES" --region 000000 </dev/null)"; then
  token="$(printf '%s' "$token" | tr -d '[:space:]')"
else
  token=""
fi

echo
echo "Swagger UI:  $URL/swagger"
echo "OpenAPI:     $URL/openapi/v1.json"
echo "Health:      $URL/health/live  $URL/health/ready"
if [[ "$token" =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$ ]]; then
  echo "Dev token (all scopes, region 000000; paste into Swagger's Authorize):"
  echo "$token"
  echo "  e.g. curl -H \"Authorization: Bearer \$TOKEN\" $URL/api/v1/regions"
else
  log "warning: could not obtain a dev token ('dotnet run -- dev-token' failed or printed no JWT)"
fi
echo "Press Ctrl+C to stop."
echo

ASPNETCORE_URLS="$URLS" \
  Database__ApplyMigrationsOnStartup=true \
  Database__LoadDemoData=true \
  dotnet run --project "$API_PROJECT" -c Release --no-launch-profile --no-build </dev/null &
api_pid=$!

set +e
wait "$api_pid"
status=$?
set -e
api_pid=""
log "the API exited with status $status"
cleanup
exit "$status"
