#!/usr/bin/env bash
# Soak: consecutive ConnectIdentity runs (in-process, through the CommandRunner) against one
# sandbox with random faults from a fixed seed; fails if a run reports success on a wrong state or
# sends a write twice. The same test runs in the suite with the defaults (200 runs, seed 4242).
#   bash bench/soak.sh [runs=200] [seed=4242] [budget-seconds=600]
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
CREATIO_IDENTITY_SOAK_RUNS=${1:-200} CREATIO_IDENTITY_SOAK_SEED=${2:-4242} CREATIO_IDENTITY_SOAK_SECONDS=${3:-600} \
CREATIO_IDENTITY_SOAK_REPORT="$report" \
  dotnet test tests/CreatioIdentity.Tests -c Release --nologo --filter "FullyQualifiedName~SoakTests" >/dev/null \
  || { echo "soak failed: run the same command with --logger 'console;verbosity=detailed' to see which run" >&2; exit 1; }
cat "$report"
