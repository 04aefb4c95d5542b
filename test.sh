#!/usr/bin/env bash
# test.sh — build, check and test everything (the README's second command; CI runs it via .ci/run).
#
#   ./test.sh
#
# Steps (each failure is counted; the script keeps going so that the summary is always printed):
#   1. dotnet restore, dotnet build -c Release -warnaserror          (a failure counts as 1 failed)
#   2. dotnet format --verify-no-changes                              (a diff counts as 1 failed)
#   3. Unless ASSISTANCE_TEST_DB is set: one throwaway PostgreSQL cluster (scripts/pg.sh, binaries installed with
#      apt-get when missing) in a fresh /tmp folder, handed to the tests as ASSISTANCE_TEST_DB (superuser `postgres`:
#      the tests create databases and migrations create the API's login role). Stopped and deleted when the script
#      ends, whatever the outcome.
#   4. dotnet test on the solution, one TRX file per test project in TestResults/
#   5. Spectral (spectral:oas + OWASP, see .spectral.yaml) on openapi/assistance.v1.json (counts as 1 test)
# The last line of output is always `N passed, N failed`; the exit code is non-zero when N failed > 0.
#
# Environment:
#   ASSISTANCE_TEST_DB   Npgsql connection string of a server the tests use instead of a throwaway cluster; its user
#                        must be able to create databases and roles (or the role `assistance_app` must exist).
#   TEST_RESULTS_DIR     where TRX files are collected (default ./TestResults).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd -P)"
# shellcheck source=scripts/pg.sh
source "$ROOT/scripts/pg.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export SCARF_ANALYTICS=false # @stoplight packages pull in an install-time analytics ping; we skip scripts anyway

SOLUTION="Assistance.sln"
CONTRACT="openapi/assistance.v1.json"
RESULTS_DIR="${TEST_RESULTS_DIR:-$ROOT/TestResults}"
TRX_NAME="assistance.trx" # written by the trx logger into each test project's TestResults/ folder
SPECTRAL_DIR="$ROOT/tools/spectral"

passed=0
failed=0

section() { printf '\n==> %s\n' "$*"; }
fail_step() {
  failed=$((failed + 1))
  printf 'test.sh: FAILED: %s\n' "$*" >&2
}

# Add the counters of one TRX file to the totals.
count_trx() {
  local file="$1" counters outcome p f e t a
  counters="$(grep -o '<Counters [^>]*>' "$file" | head -n 1 || true)"
  outcome="$(grep -o '<ResultSummary outcome="[A-Za-z]*"' "$file" | head -n 1 | sed -E 's/.*outcome="([A-Za-z]*)"/\1/' || true)"
  if [[ -z "$counters" ]]; then
    fail_step "$(basename "$file"): no result counters (test run did not complete)"
    return
  fi
  attr() { printf '%s' "$counters" | sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p"; }
  p="$(attr passed)" f="$(attr failed)" e="$(attr error)" t="$(attr timeout)" a="$(attr aborted)"
  p="${p:-0}" f="${f:-0}" e="${e:-0}" t="${t:-0}" a="${a:-0}"
  printf '    %-40s %s passed, %s failed (outcome %s)\n' "$(basename "$file" .trx)" "$p" "$((f + e + t + a))" "${outcome:-?}"
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
  if ((f + e + t + a == 0)) && [[ "$outcome" =~ ^(Failed|Error|Aborted|Timeout)$ ]]; then
    fail_step "$(basename "$file"): run outcome $outcome"
  fi
}

build_ok=0
section "dotnet restore"
if dotnet restore "$SOLUTION" </dev/null; then
  section "dotnet build -c Release -warnaserror"
  if dotnet build "$SOLUTION" -c Release -warnaserror --no-restore -nologo </dev/null; then
    build_ok=1
  else
    fail_step "build"
  fi
  section "dotnet format --verify-no-changes"
  if ! dotnet format "$SOLUTION" --verify-no-changes --no-restore </dev/null; then
    fail_step "dotnet format found changes to make (run: dotnet format $SOLUTION)"
  fi
else
  fail_step "restore"
fi

test_cluster=""
stop_test_cluster() {
  if [[ -n "$test_cluster" ]]; then
    PG_QUIET=1 pg_cluster_down "$test_cluster" || true
    rm -rf "$test_cluster"
    test_cluster=""
  fi
}
trap stop_test_cluster EXIT
trap 'stop_test_cluster; exit 130' INT TERM

if [[ -z "${ASSISTANCE_TEST_DB:-}" ]]; then
  section "PostgreSQL: one throwaway cluster for the tests (scripts/pg.sh)"
  test_cluster_dir="$(mktemp -d /tmp/assistance-test-pg.XXXXXX)"
  # Durability is not under test here: skip fsync; room for every test class's pool.
  if PG_SERVER_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    pg_cluster_up "$test_cluster_dir" assistance; then
    test_cluster="$PG_CLUSTER_DIR"
    [[ "$test_cluster" == "$test_cluster_dir" ]] || rm -rf "$test_cluster_dir"
    ASSISTANCE_TEST_DB="$(pg_connection_string "$PG_CLUSTER_DIR" postgres)"
    export ASSISTANCE_TEST_DB
    echo "    $ASSISTANCE_TEST_DB (exported as ASSISTANCE_TEST_DB; removed at the end)"
  else
    rm -rf "$test_cluster_dir"
    fail_step "could not start a PostgreSQL cluster for the tests"
  fi
else
  section "PostgreSQL: using ASSISTANCE_TEST_DB from the environment"
  pg_ensure_binaries || true # psql for the tests that check the administrator can still connect
fi

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
RESULTS_DIR="$(cd "$RESULTS_DIR" && pwd -P)"
if ((build_ok)); then
  section "dotnet test"
  # Old per-project result files must not be counted again.
  find "$ROOT" \( -path "$ROOT/.git" -o -path "$ROOT/.pgdata" -o -name node_modules \) -prune -o \
    -path "*/TestResults/$TRX_NAME" -type f -print0 | xargs -0 rm -f
  test_rc=0
  dotnet test "$SOLUTION" -c Release --no-build --logger "trx;LogFileName=$TRX_NAME" </dev/null || test_rc=$?

  section "test results"
  failed_before=$failed
  while IFS= read -r -d '' trx; do
    project="$(basename "$(dirname "$(dirname "$trx")")")"
    mv "$trx" "$RESULTS_DIR/$project.trx"
    count_trx "$RESULTS_DIR/$project.trx"
  done < <(find "$ROOT" \( -path "$ROOT/.git" -o -path "$ROOT/.pgdata" -o -path "$RESULTS_DIR" -o -name node_modules \) -prune -o \
    -path "*/TestResults/$TRX_NAME" -type f -print0 | sort -z)
  if ((test_rc != 0 && failed == failed_before)); then
    fail_step "dotnet test exited with $test_rc but reported no failed test (crash or abort?)"
  fi
else
  section "dotnet test skipped: the build failed"
fi

section "OpenAPI lint (Spectral: spectral:oas + OWASP) of $CONTRACT"
lint_contract() {
  if [[ ! -f "$ROOT/$CONTRACT" ]]; then
    echo "test.sh: $CONTRACT does not exist" >&2
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: node/npm are required for the Spectral lint (node >= 20.17)" >&2
    return 1
  fi
  if [[ "${CI:-}" == true || ! -x "$SPECTRAL_DIR/node_modules/.bin/spectral" ||
    ! "$SPECTRAL_DIR/node_modules/.package-lock.json" -nt "$SPECTRAL_DIR/package-lock.json" ]]; then
    (cd "$SPECTRAL_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null) || return 1
  fi
  "$SPECTRAL_DIR/node_modules/.bin/spectral" lint "$ROOT/$CONTRACT" --ruleset "$ROOT/.spectral.yaml" \
    --fail-severity error </dev/null
}
if lint_contract; then
  passed=$((passed + 1))
  echo "    lint passed"
else
  fail_step "OpenAPI lint"
fi

echo
echo "$passed passed, $failed failed"
if ((failed > 0)); then
  exit 1
fi
