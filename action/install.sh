#!/usr/bin/env bash
# The action's first step: puts the CreatioIdentity .NET tool, at one version, into the runner's
# tool cache ($RUNNER_TOOL_CACHE/creatio-identity/<version>/<arch>, the layout of the setup-*
# actions) and reuses it when a previous job on the same runner left it there. Nothing is
# compiled: `dotnet tool install` picks the native package for the runner (linux-x64,
# linux-arm64, osx-arm64, win-x64) or the portable one elsewhere.
#
#   CREATIO_IDENTITY_VERSION       the version to install (the action's `version` input)
#   CREATIO_IDENTITY_NUGET_SOURCE  a feed URL, a folder (relative to the workspace), or empty for nuget.org
#
# Writes executable=<path> to $GITHUB_OUTPUT and the tool's folder to $GITHUB_PATH, so that later
# steps can call creatio-identity too. Exit 3 for an input that cannot work, 1 when the install fails.
# Bash 3.2 compatible (macOS), no sha256sum, no GNU-only options.
set -euo pipefail

# shellcheck source=action/common.sh
. "$(dirname "$0")/common.sh"

windows=false
case "${RUNNER_OS:-$(uname -s)}" in
  Windows | MINGW* | MSYS* | CYGWIN*) windows=true ;;
esac

# Git Bash on Windows: the runner hands out C:\... paths; bash tests want /c/..., dotnet wants C:\...
unix_path() { if $windows; then cygpath -u "$1"; else printf '%s' "$1"; fi; }
native_path() { if $windows; then cygpath -w "$1"; else printf '%s' "$1"; fi; }

xml_escape() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

version=${CREATIO_IDENTITY_VERSION:-}
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]]; then
  error 3 "The version input must be a package version such as 1.0.0, not '$version'."
fi

workspace=$(unix_path "${GITHUB_WORKSPACE:-$PWD}")
source=${CREATIO_IDENTITY_NUGET_SOURCE:-}
folder_source=false
case "$source" in
  '') source=https://api.nuget.org/v3/index.json ;;
  *://*) ;;
  *)
    folder_source=true
    case "$source" in
      /* | [A-Za-z]:[\\/]*) source=$(unix_path "$source") ;;
      *) source="$workspace/$source" ;;
    esac
    if [ ! -d "$source" ]; then
      error 3 "The nuget-source folder $source does not exist: give a feed URL, or a folder of .nupkg files relative to the workspace."
    fi
    ;;
esac

arch=$(printf '%s' "${RUNNER_ARCH:-$(uname -m)}" | tr '[:upper:]' '[:lower:]')
case "$arch" in
  x86_64 | amd64) arch=x64 ;;
  aarch64) arch=arm64 ;;
esac
executable_name=creatio-identity
if $windows; then
  executable_name=creatio-identity.exe
fi

temp=$(unix_path "${RUNNER_TEMP:-${TMPDIR:-/tmp}}")
cache=$(unix_path "${RUNNER_TOOL_CACHE:-$temp/tool-cache}")
tool_dir="$cache/creatio-identity/$version/$arch"
complete_marker="$tool_dir.complete"
executable="$tool_dir/$executable_name"

# A folder source is a build of one's own (the self-test's), whose version may be rebuilt: always
# installed afresh. A released version from a feed never changes, so a complete install is reused.
if ! $folder_source && [ -f "$complete_marker" ] && [ -f "$executable" ]; then
  echo "CreatioIdentity $version is in the tool cache: $tool_dir"
else
  rm -rf "$tool_dir" "$complete_marker"
  mkdir -p "$tool_dir"

  # Installed from an empty folder, with a nuget.config of its own that names one source: the
  # workspace's nuget.config (its package source mapping refuses --add-source), global.json and
  # Directory.Build.props play no part.
  work=$(mktemp -d "$temp/creatio-identity-install.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  source_value=$source
  if $folder_source; then
    source_value=$(native_path "$source")
  fi
  # The key names the credentials variable of a private feed: NuGetPackageSourceCredentials_CreatioIdentityFeed.
  cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="CreatioIdentityFeed" value="$(xml_escape "$source_value")" />
  </packageSources>
</configuration>
EOF

  echo "Installing CreatioIdentity $version from $source into $tool_dir"
  if ! (cd "$work" && dotnet tool install CreatioIdentity --version "$version" \
    --tool-path "$(native_path "$tool_dir")" --configfile "$(native_path "$work/nuget.config")"); then
    rm -rf "$tool_dir"
    error 1 "CreatioIdentity $version could not be installed from $source (above: what NuGet said). Is that version published there? A private feed takes its credentials from the step's env: NuGetPackageSourceCredentials_CreatioIdentityFeed: Username=...;Password=..."
  fi
  if [ ! -f "$executable" ]; then
    error 1 "The CreatioIdentity $version package installed no $executable_name in $tool_dir."
  fi
  # Only a feed's version counts as installed for good; a folder's is replaced next time.
  if ! $folder_source; then
    touch "$complete_marker"
  fi
fi

"$executable" --version
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "executable=$(native_path "$executable")" >>"$GITHUB_OUTPUT"
else
  echo "executable=$(native_path "$executable")"
fi
if [ -n "${GITHUB_PATH:-}" ]; then
  native_path "$tool_dir" >>"$GITHUB_PATH"
  echo >>"$GITHUB_PATH"
fi
