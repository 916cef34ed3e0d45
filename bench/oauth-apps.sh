#!/usr/bin/env bash
# Benchmark (not a test) of the OAuth 2.0 integrated applications of oauthApps: (issue 12) against the sandbox:
# for 1, 10 and 50 declared apps, one `oauth-apps` engine process with every app new, then one with every
# app unchanged: the Creatio requests (counted by the sandbox: total, writes, SelectQuery reads with the
# session, bearer reads as the apps) and the wall time of the process.
#   bash bench/oauth-apps.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
sandbox=
trap '[ -n "$sandbox" ] && kill "$sandbox" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build src/CreatioIdentity.Sandbox -c Release --nologo -v q >/dev/null
dotnet build src/CreatioIdentity -c Release --nologo -v q >/dev/null
engine=(dotnet src/CreatioIdentity/bin/Release/net10.0/creatio-identity.dll)

# shellcheck source=bench/sandbox.sh
. bench/sandbox.sh

run() { "${engine[@]}" "$1" --config "$2" --report-dir "$work/report" >"$work/out.log" 2>&1 || { cat "$work/out.log"; exit 1; }; }
clear_record() { curl -s -X DELETE "${SANDBOX_CREATIO_URL}_sandbox/record" >/dev/null; }
counts() {
  curl -s "${SANDBOX_CREATIO_URL}_sandbox/record" | python3 -c "
import json, sys
r = json.load(sys.stdin)
reqs = r['requests']
select = sum(1 for q in reqs if q['path'].endswith('SelectQuery'))
print(f\"{r['total']} | {r['logins']} | {r['writes']} | {select} |\")"
}

# Runtime written out: auto would add its anonymous Ping to every process.
sed "s/runtime: auto/runtime: net/" examples/sandbox.yml >"$work/site.yml"
echo "| apps | run | Creatio requests | logins | writes | SelectQuery (2 as the administrator, the rest as the apps) | seconds |"
echo "|---|---|---|---|---|---|---|"
for n in 1 10 50; do
  start_sandbox
  run connect "$work/site.yml"
  python3 - "$work" "$n" <<'PY' >"$work/apps.yml"
import sys
work, n = sys.argv[1], int(sys.argv[2])
print(open(f"{work}/site.yml").read() + "oauthApps:")
for i in range(n):
    print(f"  app-{i:02}:\n    applicationUrl: https://app-{i:02}.example.com\n    systemUser: ErpIntegration\n    credentials:\n      file: {work}/secrets/app-{i:02}.json")
PY
  for label in "all new" unchanged; do
    clear_record
    start=$(date +%s.%N); run oauth-apps "$work/apps.yml"; end=$(date +%s.%N)
    echo "| $n | $label | $(counts) $(python3 -c "print(f'{$end - $start:.2f}')") |"
  done
done
