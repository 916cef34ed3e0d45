#!/usr/bin/env bash
# Wall time of a warm `dotnet cake --target=ConnectIdentity` against a running (connected)
# sandbox, next to `dotnet cake --target=Empty` on the same machine, interleaved.
#   bash bench/cake-timing.sh [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d)
trap 'kill "$sandbox" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet tool restore >/dev/null
dotnet build src/CreatioIdentity.Sandbox -c Release --nologo -v q >/dev/null
dotnet src/CreatioIdentity.Sandbox/bin/Release/net10.0/CreatioIdentity.Sandbox.dll --ready-file "$work/ready.json" --parent-pid $$ >/dev/null &
sandbox=$!
for _ in $(seq 1 300); do [ -s "$work/ready.json" ] && break; sleep 0.1; done
read_ready() { python3 -c "import json,sys; print(json.load(open('$work/ready.json'))['$1'])"; }
export SANDBOX_CREATIO_URL=$(read_ready creatioUrl) SANDBOX_IDENTITY_URL=$(read_ready identityServiceUrl)
export CREATIO_USERNAME=$(read_ready creatioUsername) CREATIO_PASSWORD=$(read_ready creatioPassword)
export IDENTITY_CLIENT_ID=$(read_ready clientId) IDENTITY_CLIENT_SECRET=$(read_ready clientSecret)

cake() { dotnet cake --target="$1" --config=examples/sandbox.yml --report-dir="$work/report" >"$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }; }
cake ConnectIdentity   # connect, and warm every cache (engine build, script cache)
cake Empty

seconds() { local start end; start=$(date +%s.%N); cake "$1"; end=$(date +%s.%N); echo "$end - $start" | bc; }
empty=(); connect=()
for _ in $(seq 1 "$runs"); do
  empty+=("$(seconds Empty)")
  connect+=("$(seconds ConnectIdentity)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
e=$(median "${empty[@]}"); c=$(median "${connect[@]}")
printf 'runs: %s (interleaved), median wall time\n' "$runs"
printf 'dotnet cake --target=Empty            %.2f s\n' "$e"
printf 'dotnet cake --target=ConnectIdentity  %.2f s  (%.2fx Empty)\n' "$c" "$(echo "$c / $e" | bc -l)"
