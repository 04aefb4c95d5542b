#!/usr/bin/env bash
# Regenerates openapi/assistance.v1.json from the running code (the contract test writes it), then checks it.
# Uses ASSISTANCE_TEST_DB when set; otherwise starts a throwaway PostgreSQL cluster (scripts/pg.sh) and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
if [[ -z "${ASSISTANCE_TEST_DB:-}" ]]; then
  # shellcheck source=scripts/pg.sh
  source "$ROOT/scripts/pg.sh"
  pg_ensure_binaries
  cluster_dir="$(mktemp -d /tmp/assistance-contract-pg.XXXXXX)"
  trap 'pg_cluster_down "$cluster_dir" >/dev/null 2>&1 || true; rm -rf "$cluster_dir"' EXIT
  PG_QUIET=1 pg_cluster_up "$cluster_dir" assistance
  ASSISTANCE_TEST_DB="$(pg_connection_string "$PG_CLUSTER_DIR" postgres)"
  export ASSISTANCE_TEST_DB
fi
UPDATE_CONTRACT=1 dotnet test tests/Assistance.Api.Tests --filter "FullyQualifiedName~ContractTests" --nologo -v q
echo "openapi/assistance.v1.json regenerated; review the diff and commit it."
