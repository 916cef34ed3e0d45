# Sourced by the benchmarks: start_sandbox [RUNTIME] starts a fresh sandbox (killing the one before)
# with its ready file in $work, and exports the variables examples/sandbox.yml reads. Needs $work
# and a variable sandbox (its pid, empty at first); the sandbox stops with this shell ($$).
start_sandbox() { # $1 = net (default) | netframework
  [ -n "$sandbox" ] && kill "$sandbox" 2>/dev/null && wait "$sandbox" 2>/dev/null || true
  rm -f "$work/ready.json"
  dotnet src/CreatioIdentity.Sandbox/bin/Release/net10.0/CreatioIdentity.Sandbox.dll --runtime "${1:-net}" --ready-file "$work/ready.json" --parent-pid $$ >/dev/null &
  sandbox=$!
  for _ in $(seq 1 300); do [ -s "$work/ready.json" ] && break; sleep 0.1; done
  eval "$(python3 - "$work/ready.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for name, key in [("SANDBOX_CREATIO_URL", "creatioUrl"), ("SANDBOX_IDENTITY_URL", "identityServiceUrl"),
                  ("CREATIO_USERNAME", "creatioUsername"), ("CREATIO_PASSWORD", "creatioPassword"),
                  ("IDENTITY_CLIENT_ID", "clientId"), ("IDENTITY_CLIENT_SECRET", "clientSecret")]:
    print(f"export {name}='{r[key]}'")
PY
)"
}
