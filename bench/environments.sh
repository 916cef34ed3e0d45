#!/usr/bin/env bash
# Benchmark (not a test) of many Creatio sites, issue 5: ConnectIdentity and Monitor over 1, 10
# and 50 environments with 0, 20 and 100 ms of latency per Creatio request; wall time, Creatio
# requests, logins, writes and the engine's peak memory (GNU time's maximum resident set size).
#   bash bench/environments.sh [bench options, e.g. --latency-ms 100 --environments 1 50 --parallel 4]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The engine as the Cake targets run it: native where the machine can link, else the JIT build.
dotnet cake --target=PrepareEngine >/dev/null
engine=src/CreatioIdentity/bin/native/creatio-identity
[ -x "$engine" ] || engine=src/CreatioIdentity/bin/Release/net10.0/creatio-identity.dll
dotnet run --project bench/CreatioIdentity.Bench -c Release -- --engine "$engine" "$@"
