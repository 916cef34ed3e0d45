#!/usr/bin/env bash
# The action's second step: checks the inputs, runs the engine command behind the target (one
# process, no Cake), turns Plan's exit 2 into the output pending, and reports to GitHub after the
# target, pass or fail. The engine itself writes the outputs ok, report, summary, matrix and (Plan)
# pending-changes, the count behind that exit 2, to $GITHUB_OUTPUT, masks the secrets, annotates
# and writes the job summary.
#
#   CREATIO_IDENTITY_EXECUTABLE  the installed tool (install.sh's output)
#   INPUT_*                      the action's inputs (action.yml maps them; secrets never come this way)
#
# Exit code: the engine's (0 ok, 1 red or failed, 2 pending changes when fail-on-pending is true,
# 3 invalid configuration or input); 1 also when github-issue is true and GitHub refused the issues.
# Bash 3.2 compatible (macOS).
set -euo pipefail

# shellcheck source=action/common.sh
. "$(dirname "$0")/common.sh"

require_boolean() { # NAME VALUE
  case "$2" in
    true | false) ;;
    *) error 3 "The $1 input must be true or false, not '$2'." ;;
  esac
}

# Git Bash on Windows: the runner hands out C:\... paths; bash wants /c/...
unix_path() {
  case "${RUNNER_OS:-$(uname -s)}" in
    Windows | MINGW* | MSYS* | CYGWIN*) cygpath -u "$1" ;;
    *) printf '%s' "$1" ;;
  esac
}

executable=$(unix_path "${CREATIO_IDENTITY_EXECUTABLE:?the installed creatio-identity}")
target=${INPUT_TARGET:-ConnectIdentity}
config=${INPUT_CONFIG:-}
report_dir=${INPUT_REPORT_DIR:-artifacts/creatio-identity}
check_run=${INPUT_CHECK_RUN:-false}
github_issue=${INPUT_GITHUB_ISSUE:-false}
fail_on_pending=${INPUT_FAIL_ON_PENDING:-false}
require_boolean check-run "$check_run"
require_boolean github-issue "$github_issue"
require_boolean fail-on-pending "$fail_on_pending"
# Only the GitHub reporter gets the token: the engine never needs it.
github_token=${INPUT_GITHUB_TOKEN:-}
unset INPUT_GITHUB_TOKEN

# The Cake target names (as in the README's table) and the engine's own command names.
case "$(printf '%s' "$target" | tr '[:upper:]' '[:lower:]')" in
  validate) command=validate ;;
  preflight) command=preflight ;;
  plan) command=plan ;;
  enablefeature | enable-feature) command=enable-feature ;;
  applysettings | apply-settings) command=apply-settings ;;
  testconnection | test-connection) command=test-connection ;;
  diagnose) command=diagnose ;;
  oauthapps | oauth-apps) command=oauth-apps ;;
  rotatesecrets | rotate-secrets) command=rotate-secrets ;;
  connectidentity | connect) command=connect ;;
  monitor) command=monitor ;;
  listenvironments | list-environments) command=list-environments ;;
  sandbox) command=sandbox ;;
  *) error 3 "The target input must be one of ConnectIdentity, Validate, Preflight, Plan, EnableFeature, ApplySettings, TestConnection, Diagnose, OAuthApps, RotateSecrets, Monitor, ListEnvironments, Sandbox; not '$target'." ;;
esac

args=("$command")
if [ -n "$config" ]; then
  args+=(--config "$config")
elif [ "$command" != sandbox ]; then
  error 3 "The config input is empty: give the path of the YAML file, relative to the workspace (only the Sandbox target runs without one)."
fi
args+=(--report-dir "$report_dir")
# The engine checks the names, the number and the file (exit 3 with what to do).
if [ -n "${INPUT_ENVIRONMENT:-}" ]; then
  args+=(--environment "$INPUT_ENVIRONMENT")
fi
if [ -n "${INPUT_PARALLEL:-}" ]; then
  args+=(--parallel "$INPUT_PARALLEL")
fi
if [ -n "${INPUT_TRACE_HTTP:-}" ]; then
  args+=(--trace-http "$INPUT_TRACE_HTTP")
fi
if [ "$command" = rotate-secrets ]; then
  [ -n "${INPUT_APP:-}" ] || error 3 "The RotateSecrets target needs the app input: the name of the app of oauthApps: that gets new credentials."
  args+=(--app "$INPUT_APP")
fi

# One run id for the engine's report and the reporter that reads it back: a report left in the
# folder by an earlier step is never published as this one's.
hex=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
run_id="${hex:0:8}-${hex:8:4}-${hex:12:4}-${hex:16:4}-${hex:20:12}"
export CREATIO_IDENTITY_RUN_ID=$run_id

# Relative paths (config, report-dir, trace-http) start at the workspace, as the inputs say.
cd "$(unix_path "${GITHUB_WORKSPACE:-$PWD}")"

set +e
"$executable" "${args[@]}"
code=$?
set -e

pending=false
if [ "$code" -eq 2 ]; then
  pending=true
  if [ "$fail_on_pending" = true ]; then
    echo "::error title=creatio-identity::Plan found changes to make, and fail-on-pending is true."
  else
    echo "::notice title=creatio-identity::Plan found changes to make (output pending=true); the step passes since fail-on-pending is false."
    code=0
  fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "pending=$pending" >>"$GITHUB_OUTPUT"
fi

# After the target, pass or fail: a red run is exactly when the check run and the issue matter.
if [ "$check_run" = true ]; then
  echo "::group::Check run"
  # A courtesy: it warns by itself, and never changes the step's result.
  GITHUB_TOKEN=$github_token "$executable" github check-run --report-dir "$report_dir" --run-id "$run_id" ||
    echo "::warning title=creatio-identity::No check run was published (the reporter exited with $?)."
  echo "::endgroup::"
fi
if [ "$github_issue" = true ]; then
  echo "::group::GitHub issues"
  set +e
  GITHUB_TOKEN=$github_token "$executable" github sync-issues --report-dir "$report_dir" --run-id "$run_id"
  synced=$?
  set -e
  echo "::endgroup::"
  # A monitor that cannot alert is broken; a red target keeps its own exit code.
  if [ "$synced" -ne 0 ] && [ "$code" -eq 0 ]; then
    code=1
  fi
fi

exit "$code"
