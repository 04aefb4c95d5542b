#!/usr/bin/env bash
# test.sh — build, check and test everything (the README's second command; CI runs it via .ci/run).
#
#   ./test.sh
#
# Steps (each failure is counted; the script keeps going so that the summary is always printed):
#   1. dotnet restore, dotnet build -c Release -warnaserror          (a failure counts as 1 failed)
#   2. dotnet format --verify-no-changes                              (a diff counts as 1 failed)
#   3. PostgreSQL binaries present (installed with apt-get when missing) unless ASSISTANCE_TEST_DB is
#      set; the C# fixture starts its own throwaway cluster from them (ASSISTANCE_PG_BINDIR is exported).
#   4. dotnet test on the solution, one TRX file per test project in TestResults/
#   5. Spectral (spectral:oas + OWASP, see .spectral.yaml) on openapi/assistance.v1.json (counts as 1 test)
#   6. Redocly CLI (recommended-strict, see redocly.yaml) on the same file (counts as 1 test)
#   7. TypeScript consumer: openapi-typescript types from the contract + journey.ts compiled with tsc --strict
#      (tools/typescript-client; counts as 1 test)
# The last line of output is always `N passed, N failed`; the exit code is non-zero when N failed > 0.
#
# Environment:
#   ASSISTANCE_TEST_DB   Npgsql connection string of a server the tests use instead of a private cluster.
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
REDOCLY_DIR="$ROOT/tools/redocly"
TS_CLIENT_DIR="$ROOT/tools/typescript-client"

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

if [[ -z "${ASSISTANCE_TEST_DB:-}" ]]; then
  section "PostgreSQL binaries"
  if pg_ensure_binaries; then
    echo "    $ASSISTANCE_PG_BINDIR (exported as ASSISTANCE_PG_BINDIR)"
  else
    fail_step "PostgreSQL binaries are missing and could not be installed"
  fi
else
  section "PostgreSQL: using ASSISTANCE_TEST_DB from the environment"
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

# npm ci only when the lock file is newer than the install (or always in CI), like Spectral above.
npm_tool() {
  local dir="$1" bin="$2"
  if [[ "${CI:-}" == true || ! -x "$dir/node_modules/.bin/$bin" ||
    ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null) || return 1
  fi
}

section "OpenAPI lint (Redocly CLI recommended-strict) of $CONTRACT"
if npm_tool "$REDOCLY_DIR" redocly &&
  "$REDOCLY_DIR/node_modules/.bin/redocly" lint "$ROOT/$CONTRACT" --config "$ROOT/redocly.yaml" --format=summary </dev/null; then
  passed=$((passed + 1))
  echo "    lint passed"
else
  fail_step "Redocly lint"
fi

section "TypeScript consumer: openapi-typescript + tsc --strict (tools/typescript-client)"
if npm_tool "$TS_CLIENT_DIR" tsc &&
  (cd "$TS_CLIENT_DIR" && ./node_modules/.bin/openapi-typescript "$ROOT/$CONTRACT" -o generated/assistance.d.ts --default-non-nullable false </dev/null &&
    ./node_modules/.bin/tsc -p tsconfig.json </dev/null); then
  passed=$((passed + 1))
  echo "    typed client compiles"
else
  fail_step "TypeScript consumer (generation or tsc --strict)"
fi

echo
echo "$passed passed, $failed failed"
if ((failed > 0)); then
  exit 1
fi
