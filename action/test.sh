#!/usr/bin/env bash
# Runs the action's two scripts (install.sh, run.sh) as the runner would, on this machine, against
# a folder of packed packages, and checks what they hand back: a green Sandbox run and its
# outputs, an invalid configuration (exit 3), an invalid input (exit 3), Plan with pending changes
# (pending=true; exit 0, or 2 with fail-on-pending), and a released version reused from the tool
# cache. The self-test workflow does the same through `uses: ./` on Linux, macOS and Windows.
#
#   dotnet tool restore && dotnet cake --target=Pack
#   bash action/test.sh [artifacts/packages] [VERSION]     # VERSION: from version.txt by default
#
# Needs the sandbox built (dotnet build src/CreatioIdentity.Sandbox -c Release) and jq.
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
feed=$(cd "${1:-$repository/artifacts/packages}" && pwd)
version=${2:-$(tr -d '[:space:]' <"$feed/version.txt")}
sandbox_dll="$repository/src/CreatioIdentity.Sandbox/bin/Release/net10.0/CreatioIdentity.Sandbox.dll"
[ -f "$sandbox_dll" ] || { echo "Build the sandbox first: dotnet build src/CreatioIdentity.Sandbox -c Release"; exit 1; }

scratch=$(mktemp -d)
sandbox_pid=
cleanup() {
  if [ -n "$sandbox_pid" ]; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# What the runner gives every step: a workspace, a tool cache, a temp folder, the command files.
export GITHUB_WORKSPACE="$scratch/workspace" RUNNER_TOOL_CACHE="$scratch/tool-cache" RUNNER_TEMP="$scratch/temp"
export GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$scratch/step-summary.md" GITHUB_PATH="$scratch/path"
mkdir -p "$GITHUB_WORKSPACE" "$RUNNER_TOOL_CACHE" "$RUNNER_TEMP"
cp -R "$feed" "$GITHUB_WORKSPACE/packages"
failures=0

# check NAME COMMAND...: one assertion, reported by name.
check() {
  local name=$1
  shift
  if "$@"; then echo "  ok   $name"; else echo "  FAIL $name"; failures=$((failures + 1)); fi
}

jq_true() { jq -e "$@" >/dev/null; }

# step NAME SCRIPT [VAR=VALUE...]: runs one script of the action as its own step, with fresh
# $GITHUB_OUTPUT; its exit code lands in $code, its outputs in $outputs.
step() {
  local name=$1 script=$2
  shift 2
  outputs="$scratch/$name.output"
  : >"$outputs"
  echo "== $name"
  set +e
  (cd "$GITHUB_WORKSPACE" && env GITHUB_OUTPUT="$outputs" "$@" bash "$repository/action/$script") >"$scratch/$name.log" 2>&1
  code=$?
  set -e
  echo "   exit $code"
}

# output NAME: a step output, in either form the runner reads (name=value, or name<<delimiter).
output() {
  awk -v name="$1" '
    index($0, name "<<") == 1 { delimiter = substr($0, length(name) + 3); inside = 1; next }
    inside && $0 == delimiter { inside = 0; next }
    inside { print; next }
    index($0, name "=") == 1 { print substr($0, length(name) + 2) }' "$outputs"
}

step install install.sh CREATIO_IDENTITY_VERSION="$version" CREATIO_IDENTITY_NUGET_SOURCE=packages
check "the install passes" test "$code" -eq 0
executable=$(output executable)
check "the executable is in the tool cache" test "$executable" = "$RUNNER_TOOL_CACHE/creatio-identity/$version/$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')/creatio-identity"
check "a build from a folder is not kept for good" test ! -e "$(dirname "$executable").complete"
check "its folder is on the PATH of later steps" grep -qxF "$(dirname "$executable")" "$GITHUB_PATH"
run() { step "$1" run.sh CREATIO_IDENTITY_EXECUTABLE="$executable" "${@:2}"; }

run sandbox INPUT_TARGET=Sandbox INPUT_CONFIG= INPUT_REPORT_DIR=artifacts/sandbox
report=$(output report)
check "Sandbox passes" test "$code" -eq 0
check "ok is true" test "$(output ok)" = true
check "pending is false" test "$(output pending)" = false
check "report points at report.json" test "$report" = "$GITHUB_WORKSPACE/artifacts/sandbox/report.json"
check "the report is green" jq_true '.ok and (.checks | length) == 9 and all(.checks[]; .status == "pass")' "$report"
check "summary is summary.md" test "$(output summary)" = "$(cat "$GITHUB_WORKSPACE/artifacts/sandbox/summary.md")"
check "the job summary has the table" grep -qF '| AccessTokenRetrievable | ✅ pass |' "$GITHUB_STEP_SUMMARY"

mkdir -p "$GITHUB_WORKSPACE/invalid"
printf '%s\n' 'version: 1' 'creatio:' '  url: https://creatio.example.com' '  usernme: Supervisor' >"$GITHUB_WORKSPACE/invalid/creatio-identity.yml"
run invalid INPUT_TARGET=Validate INPUT_CONFIG=invalid/creatio-identity.yml
check "an invalid configuration is exit 3" test "$code" -eq 3
check "ok is false" test "$(output ok)" = false
check "the report says Validate failed" jq_true '.ok == false and .steps[0].name == "Validate" and .steps[0].status == "failed"' "$(output report)"

run bad-input INPUT_TARGET=Conect INPUT_CONFIG=invalid/creatio-identity.yml
check "an unknown target is exit 3" test "$code" -eq 3
check "it says which targets there are" grep -qF "::error title=creatio-identity::The target input must be one of ConnectIdentity" "$scratch/bad-input.log"
run injected INPUT_TARGET=$'x\n::warning::injected' INPUT_CONFIG=invalid/creatio-identity.yml
check "an input quoted in an error cannot start a workflow command" test "$(grep -c '^::' "$scratch/injected.log")" -eq 1
run bad-boolean INPUT_TARGET=Plan INPUT_FAIL_ON_PENDING=yes
check "fail-on-pending that is not true or false is exit 3" test "$code" -eq 3

# A sandbox of its own, never connected: Plan finds the feature and the settings to change.
mkdir -p "$scratch/sandbox"
dotnet "$sandbox_dll" --runtime net --ready-file "$scratch/sandbox/ready.json" >"$scratch/sandbox/output.txt" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 120); do [ -s "$scratch/sandbox/ready.json" ] && break; sleep 0.5; done
ready="$scratch/sandbox/ready.json"
sandbox_env=(
  SANDBOX_CREATIO_URL="$(jq -r .creatioUrl "$ready")" SANDBOX_IDENTITY_URL="$(jq -r .identityServiceUrl "$ready")"
  CREATIO_USERNAME="$(jq -r .creatioUsername "$ready")" CREATIO_PASSWORD="$(jq -r .creatioPassword "$ready")"
  IDENTITY_CLIENT_ID="$(jq -r .clientId "$ready")" IDENTITY_CLIENT_SECRET="$(jq -r .clientSecret "$ready")"
)
cp "$repository/examples/sandbox.yml" "$GITHUB_WORKSPACE/sandbox.yml"
run plan INPUT_TARGET=Plan INPUT_CONFIG=sandbox.yml INPUT_REPORT_DIR=artifacts/plan "${sandbox_env[@]}"
check "Plan with changes passes by default" test "$code" -eq 0
check "pending is true" test "$(output pending)" = true
check "it says so" grep -qF '::notice title=creatio-identity::Plan found changes to make' "$scratch/plan.log"
run plan-fails INPUT_TARGET=Plan INPUT_CONFIG=sandbox.yml INPUT_REPORT_DIR=artifacts/plan INPUT_FAIL_ON_PENDING=true "${sandbox_env[@]}"
check "with fail-on-pending: true it is exit 2" test "$code" -eq 2
check "pending is true" test "$(output pending)" = true

# The GitHub reporter after the target, pass or fail, with a stand-in for the tool that records
# how it was called: which exit code wins, and that only the reporter gets the token.
stub="$scratch/stub-creatio-identity"
cat >"$stub" <<'STUB'
#!/usr/bin/env bash
echo "$* token=${GITHUB_TOKEN:-} run=${CREATIO_IDENTITY_RUN_ID:-}" >>"$STUB_CALLS"
if [ "$1" = github ]; then exit "${STUB_GITHUB_EXIT:-0}"; fi
exit "${STUB_ENGINE_EXIT:-0}"
STUB
chmod +x "$stub"
reporter() { # NAME ENGINE_EXIT GITHUB_EXIT INPUTS...
  export STUB_CALLS="$scratch/$1.calls" STUB_ENGINE_EXIT=$2 STUB_GITHUB_EXIT=$3
  : >"$STUB_CALLS"
  step "$1" run.sh CREATIO_IDENTITY_EXECUTABLE="$stub" INPUT_TARGET=Diagnose INPUT_CONFIG=c.yml INPUT_REPORT_DIR=r INPUT_GITHUB_TOKEN=t0ken "${@:4}"
}
reporter check-run-red 1 0 INPUT_CHECK_RUN=true
engine_run=$(sed -n '1s/.* run=//p' "$STUB_CALLS")
check "a red target keeps exit 1" test "$code" -eq 1
check "the engine ran diagnose, without the token" grep -qxF "diagnose --config c.yml --report-dir r token= run=$engine_run" "$STUB_CALLS"
check "then the check run, of the same run, with the token" grep -qxF "github check-run --report-dir r --run-id $engine_run token=t0ken run=$engine_run" "$STUB_CALLS"
reporter check-run-refused 0 1 INPUT_CHECK_RUN=true
check "a refused check run never fails the step" test "$code" -eq 0
reporter issues-refused 0 1 INPUT_GITHUB_ISSUE=true
check "refused issues fail a green step (exit 1)" test "$code" -eq 1
check "sync-issues ran" grep -qF "github sync-issues --report-dir r --run-id " "$STUB_CALLS"
reporter issues-refused-invalid 3 1 INPUT_GITHUB_ISSUE=true
check "an invalid configuration keeps exit 3" test "$code" -eq 3
reporter no-reporter 0 0
check "without check-run and github-issue only the engine runs" test "$(wc -l <"$STUB_CALLS" | tr -d ' ')" -eq 1
reporter arguments 0 0 INPUT_ENVIRONMENT=dev,prod INPUT_PARALLEL=2 INPUT_TRACE_HTTP=t.har
check "environment, parallel and trace-http reach the engine" grep -qF "diagnose --config c.yml --report-dir r --environment dev,prod --parallel 2 --trace-http t.har token=" "$STUB_CALLS"
reporter no-config 0 0 INPUT_CONFIG=
check "an empty config is exit 3 outside Sandbox" test "$code" -eq 3
reporter lower-case 0 0 INPUT_TARGET=connectidentity
check "a target's case does not matter" grep -qF "connect --config c.yml" "$STUB_CALLS"

# A feed (a URL, even file://) serves released versions: a second install finds the first.
step reinstall install.sh CREATIO_IDENTITY_VERSION="$version" CREATIO_IDENTITY_NUGET_SOURCE="file://$feed"
step reuse install.sh CREATIO_IDENTITY_VERSION="$version" CREATIO_IDENTITY_NUGET_SOURCE="file://$feed"
check "a released version is installed from a feed URL" grep -qF "Installing CreatioIdentity $version from file://" "$scratch/reinstall.log"
check "into the same place" test "$(output executable)" = "$executable"
check "and reused from the tool cache" grep -qF "is in the tool cache" "$scratch/reuse.log"
step missing install.sh CREATIO_IDENTITY_VERSION=0.0.1 CREATIO_IDENTITY_NUGET_SOURCE=packages
check "a version the feed does not have is exit 1" test "$code" -eq 1
step no-folder install.sh CREATIO_IDENTITY_VERSION="$version" CREATIO_IDENTITY_NUGET_SOURCE=no-such-folder
check "a source folder that does not exist is exit 3" test "$code" -eq 3

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed; the logs:"
  for log in "$scratch"/*.log; do echo "---- $log"; cat "$log"; done
  exit 1
fi
echo "All checks passed."
