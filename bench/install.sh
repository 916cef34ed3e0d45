#!/usr/bin/env bash
# Benchmark (not a test) of what a user's CI job spends, simulated on this machine, from a NuGet
# source holding the packed packages (artifacts/packages, packed first) and nothing installed:
#  - plain: `dotnet tool install CreatioIdentity --tool-path EMPTY` then `creatio-identity connect`;
#  - cake:  examples/consumer (the Cake recipe): `dotnet tool restore && dotnet cake --target=ConnectIdentity`;
# each run with an empty NuGet cache and an empty tools folder, against a fresh sandbox; and the
# size of each package.
#   bash bench/install.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$PWD
runs=${1:-5}
work=$(mktemp -d)
sandbox=
trap 'if [ -n "$sandbox" ]; then kill "$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null; fi; rm -rf "$work"' EXIT

dotnet tool restore >/dev/null
dotnet cake --target=Pack >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
feed="$repository/artifacts/packages"
version=$(tr -d '[:space:]' <"$feed/version.txt")
cp "${NUGET_PACKAGES:-$HOME/.nuget/packages}/cake.tool/7.0.0/cake.tool.7.0.0.nupkg" "$work/"
mkdir -p "$work/feed" && cp "$feed"/*."$version".nupkg "$work/cake.tool.7.0.0.nupkg" "$work/feed/"
dotnet build src/CreatioIdentity.Sandbox -c Release --nologo -v q >/dev/null

# shellcheck source=bench/sandbox.sh
. bench/sandbox.sh

# A folder that knows the feed alone, an empty NuGet cache.
new_job() {
  rm -rf "$work/job" && mkdir -p "$work/job"
  printf '<configuration><packageSources><clear /><add key="feed" value="%s" /></packageSources></configuration>\n' "$work/feed" >"$work/job/nuget.config"
  export NUGET_PACKAGES="$work/job/.nuget"
}

seconds() { local start=$1; python3 -c "import time; print(f'{time.time() - $start:.2f}')"; }
now() { python3 -c 'import time; print(time.time())'; }

plain() {
  new_job
  cp examples/consumer/creatio-identity.yml "$work/job/"
  local start; start=$(now)
  (cd "$work/job" && dotnet tool install CreatioIdentity --version "$version" --tool-path tools >/dev/null &&
    tools/creatio-identity connect --config creatio-identity.yml >"$work/out.log" 2>&1) || { cat "$work/out.log"; exit 1; }
  seconds "$start"
}

cake() {
  new_job
  cp -R examples/consumer/. "$work/job/"
  sed -i.bak "s/version=1.0.0/version=$version/" "$work/job/build.cake"
  local start; start=$(now)
  (cd "$work/job" && dotnet tool restore >/dev/null && dotnet cake --target=ConnectIdentity >"$work/out.log" 2>&1) || { cat "$work/out.log"; exit 1; }
  seconds "$start"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) " s (min " a[1] ", max " a[NR] ")" }'; }

echo "Version $version, $runs runs each, $(nproc) cores."
for kind in plain cake; do
  for _ in $(seq 1 "$runs"); do
    start_sandbox
    export CREATIO_URL=$SANDBOX_CREATIO_URL IDENTITY_SERVICE_URL=$SANDBOX_IDENTITY_URL # the consumer's file
    "$kind"
  done | median | sed "s/^/$kind: install + connect: /"
done
echo "| package | size |"
echo "|---|---|"
for package in "$feed"/*."$version".nupkg; do
  printf '| %s | %s KB |\n' "$(basename "$package")" "$(( $(wc -c <"$package") / 1024 ))"
done
