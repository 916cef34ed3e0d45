#!/usr/bin/env bash
# Benchmark (not a test) of the bad input corpus: each bad file through a real engine process
# (`connect`, URLs at a closed loopback port), with its exit code, wall time and peak memory.
# The tests (tests/CreatioIdentity.Tests/BadInput) assert the messages and that nothing is sent;
# this measures what they do not: time and memory, the alias bomb and the 10 MB file included.
#   bash bench/bad-input.sh [native|jit]     (native: src/CreatioIdentity/bin/native, after a Cake run)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${1:-jit}" = native ] && [ -x src/CreatioIdentity/bin/native/creatio-identity ]; then
  engine=(src/CreatioIdentity/bin/native/creatio-identity)
else
  dotnet build src/CreatioIdentity -c Release --nologo -v q >/dev/null
  engine=(dotnet src/CreatioIdentity/bin/Release/net10.0/creatio-identity.dll)
fi

export CREATIO_URL=http://127.0.0.1:9/ IDENTITY_URL=http://127.0.0.1:9/ CREATIO_USERNAME=Supervisor \
  CREATIO_PASSWORD=bench-password IDENTITY_CLIENT_ID=creatio IDENTITY_CLIENT_SECRET=bench-secret

python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
valid = """version: 1
creatio:
  url: ${CREATIO_URL}
  username: ${CREATIO_USERNAME}
  password: ${CREATIO_PASSWORD}
identityService:
  url: ${IDENTITY_URL}
  clientId: ${IDENTITY_CLIENT_ID}
  clientSecret: ${IDENTITY_CLIENT_SECRET}
"""
def edit(find, replace): return valid.replace(find, replace, 1).encode()
laughs = 'lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{n}: &{chr(96 + n)} [{', '.join(['*' + chr(95 + n)] * 9)}]\n" for n in range(2, 10))
cases = {
  "valid file (reference)": valid.encode(),
  "malformed YAML": edit("  username: ${CREATIO_USERNAME}", "  username: [Supervisor, Admin"),
  "tab indentation": edit("  username:", "\tusername:"),
  "duplicate key": edit("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  username: Admin"),
  "unknown key": edit("  username:", "  usernme:"),
  "wrong type": edit("  password: ${CREATIO_PASSWORD}", "  password: ${CREATIO_PASSWORD}\n  timeoutSeconds: soon"),
  "empty file": b"",
  "10 MB file": b"# padding padding padding padding padding padding padding padding padding padding\n" * (128 * 1024),
  "billion laughs": (valid + laughs).encode(),
  "nesting bomb (100k [)": (valid + "settings: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
  "non-UTF-8 bytes": valid.replace("Supervisor", "").encode().replace(b"${CREATIO_USERNAME}", b"J\xfcrgen"),
  "control character": edit("  username: ${CREATIO_USERNAME}", "  username: Super\avisor"),
  "URL with user:password": edit("  url: ${CREATIO_URL}", "  url: https://admin:pass@creatio.example.com"),
  "unset ${VAR}": edit("${CREATIO_PASSWORD}", "${NOT_SET_ANYWHERE}"),
  "unterminated ${": edit("${CREATIO_PASSWORD}", "${CREATIO_PASSWORD"),
  "nested ${A${B}}": edit("${CREATIO_USERNAME}", "${CREATIO_${USER}}"),
}
with open(os.path.join(work, "cases.txt"), "w") as index:
  for i, (name, data) in enumerate(cases.items()):
    path = os.path.join(work, f"case{i}.yml")
    open(path, "wb").write(data)
    index.write(f"{path}\t{name}\t{len(data)}\n")
PY

echo "| case | bytes | exit | wall s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
while IFS=$'\t' read -r path name size; do
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time" "${engine[@]}" connect --config "$path" --report-dir "$work/report" >/dev/null 2>&1
  code=$?
  set -e
  # time(1) puts "Command exited with non-zero status N" first; the numbers are on the last line.
  read -r wall rss < <(tail -n 1 "$work/time")
  awk -v n="$name" -v s="$size" -v c="$code" -v w="$wall" -v r="$rss" 'BEGIN { printf "| %s | %s | %s | %s | %.1f |\n", n, s, c, w, r / 1024 }'
done <"$work/cases.txt"
