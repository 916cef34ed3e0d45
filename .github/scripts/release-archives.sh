#!/usr/bin/env bash
# The release's per-platform archives, made from the packed packages (what `dotnet tool install`
# would put on disk), for machines that take a download rather than NuGet:
#   creatio-identity-VERSION-linux-x64.tar.gz, -linux-arm64.tar.gz, -osx-arm64.tar.gz (native),
#   creatio-identity-VERSION-win-x64.zip (native), creatio-identity-VERSION-any.zip (needs .NET 10).
# Debug symbols (*.dbg) stay in the packages; LICENSE goes in every archive.
#
#   bash .github/scripts/release-archives.sh PACKAGES_DIR VERSION OUT_DIR
set -euo pipefail
packages=${1:?the folder of .nupkg files}
version=${2:?the version}
out=${3:?the output folder}
repository=$(cd "$(dirname "$0")/../.." && pwd)

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for rid in linux-x64 linux-arm64 osx-arm64 win-x64 any; do
  package="$packages/CreatioIdentity.$rid.$version.nupkg"
  if [ ! -f "$package" ]; then
    echo "::error title=release::$package is missing: every runtime's package must be packed before a release."
    exit 1
  fi

  unzip -q "$package" -d "$work/$rid.nupkg"
  # tools/<framework or any>/<rid>/: the folder the tool runs from, beside its DotnetToolSettings.xml.
  settings=$(find "$work/$rid.nupkg/tools" -name DotnetToolSettings.xml | head -n 1)
  if [ -z "$settings" ]; then
    echo "::error title=release::$package holds no tool (no DotnetToolSettings.xml)."
    exit 1
  fi

  name="creatio-identity-$version-$rid"
  mkdir "$work/$name"
  cp -R "$(dirname "$settings")/." "$work/$name/"
  find "$work/$name" \( -name '*.dbg' -o -name DotnetToolSettings.xml \) -exec rm -f {} +
  if [ -f "$repository/LICENSE" ]; then
    cp "$repository/LICENSE" "$work/$name/"
  fi
  # Zip entries carry no Unix mode: the native executable gets its execute bit back here.
  if [ -f "$work/$name/creatio-identity" ]; then
    chmod 755 "$work/$name/creatio-identity"
  fi

  case "$rid" in
    win-x64 | any) (cd "$work" && zip -qr "$out/$name.zip" "$name") ;;
    *) tar -czf "$out/$name.tar.gz" -C "$work" "$name" ;;
  esac
  echo "$name: $(find "$work/$name" -type f | wc -l | tr -d ' ') file(s)"
done
