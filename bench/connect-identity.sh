#!/usr/bin/env bash
# Benchmark (not a test) of `dotnet cake --target=ConnectIdentity` against the sandbox:
#  - Creatio requests, logins and writes of one run on a fresh and on a connected sandbox,
#    for each simulated runtime (counted by the sandbox itself);
#  - the wall time of a warm ConnectIdentity next to `dotnet cake --target=Empty`, interleaved.
#   bash bench/connect-identity.sh [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d)
sandbox=
trap '[ -n "$sandbox" ] && kill "$sandbox" 2>/dev/null; rm -rf "$work"' EXIT

dotnet tool restore >/dev/null
dotnet build src/CreatioIdentity.Sandbox -c Release --nologo -v q >/dev/null

# shellcheck source=bench/sandbox.sh
. bench/sandbox.sh

cake() { dotnet cake --target="$1" --config="${2:-examples/sandbox.yml}" --report-dir="$work/report" >"$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }; }
record() { curl -s "${SANDBOX_CREATIO_URL}_sandbox/record"; }
clear_record() { curl -s -X DELETE "${SANDBOX_CREATIO_URL}_sandbox/record" >/dev/null; }
counts() { record | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"{r['total']} | {r['logins']} | {r['writes']}\")"; }

cake Empty   # build the engine and warm the script cache before anything is counted
echo "| sandbox | run | Creatio requests | logins | writes |"
echo "|---|---|---|---|---|"
for runtime in net netframework; do
  # runtime: auto (examples/sandbox.yml), then the runtime written out, each against a fresh sandbox
  sed "s/runtime: auto/runtime: $runtime/" examples/sandbox.yml >"$work/explicit.yml"
  for config in examples/sandbox.yml "$work/explicit.yml"; do
    label="$runtime ($( [ "$config" = examples/sandbox.yml ] && echo 'runtime: auto' || echo "runtime: $runtime" ))"
    start_sandbox "$runtime"
    clear_record; cake ConnectIdentity "$config"; echo "| $label | fresh | $(counts) |"
    clear_record; cake ConnectIdentity "$config"; echo "| $label | connected | $(counts) |"
  done
done
echo

seconds() { local start end; start=$(date +%s.%N); cake "$1"; end=$(date +%s.%N); python3 -c "print($end - $start)"; }
empty=(); connect=()
for _ in $(seq 1 "$runs"); do
  empty+=("$(seconds Empty)")
  connect+=("$(seconds ConnectIdentity)")
done
python3 - "${#empty[@]}" "${empty[@]}" "${connect[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1]); empty = list(map(float, sys.argv[2:2 + n])); connect = list(map(float, sys.argv[2 + n:]))
e, c = statistics.median(empty), statistics.median(connect)
print(f"{n} interleaved runs each, median (min-max) wall time, warm, connected sandbox:")
print(f"dotnet cake --target=Empty            {e:.2f} s ({min(empty):.2f}-{max(empty):.2f})")
print(f"dotnet cake --target=ConnectIdentity  {c:.2f} s ({min(connect):.2f}-{max(connect):.2f})  = {c / e:.2f}x Empty")
PY
