#!/usr/bin/env bash
# Regenerates openapi/assistance.v1.json from the running code (the contract test writes it), then checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_CONTRACT=1 dotnet test tests/Assistance.Api.Tests --filter "FullyQualifiedName~ContractTests" --nologo -v q
echo "openapi/assistance.v1.json regenerated; review the diff and commit it."
