#!/usr/bin/env bash
# Loads N synthetic enrolled households (dibao stable/unstable, tekun centralized/decentralized with care agreements,
# marginal) into a database through binary COPY, for load tests and benchmarks. Never use it on a production register.
#
#   scripts/synthetic-data.sh <households> [--seed S] [--today YYYY-MM-DD]
#
# Target: ASSISTANCE_DB, the owner's Npgsql connection string (the role that runs migrations), e.g.
#   ASSISTANCE_DB="Host=127.0.0.1;Port=5432;Database=assistance;Username=postgres" scripts/synthetic-data.sh 1000000
# Without ASSISTANCE_DB the script starts (or reuses) the local cluster of run.sh in .pgdata and loads into it.
# The database is migrated and the policy packs loaded first; the rows add to whatever is there (ID numbers stay unique).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/synthetic-data.sh <households> [--seed S] [--today YYYY-MM-DD]" >&2
  exit 2
fi
households="$1"
shift

if [[ -z "${ASSISTANCE_DB:-}" ]]; then
  # shellcheck source=scripts/pg.sh
  source "$ROOT/scripts/pg.sh"
  pg_ensure_binaries
  pg_cluster_up "$ROOT/.pgdata" assistance
  export ASSISTANCE_DB="$PG_CONNECTION_STRING"
  echo "synthetic-data: loading into the local cluster ($ASSISTANCE_DB)" >&2
fi

dotnet build Assistance.Api/Assistance.Api.csproj -c Release -nologo -v quiet </dev/null >&2
dotnet run --project Assistance.Api -c Release --no-launch-profile --no-build -- synthetic-data --households "$households" "$@" </dev/null
