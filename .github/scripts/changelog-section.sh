#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version: the lines under the "## " heading that names
# it (## [1.2.0] - 2026-12-01, or ## 1.2.0), up to the next "## " heading. Exit 1 when no heading
# names the version (1.2.0 is not 1.2.0-rc.1 nor 1.2.01).
#
#   bash .github/scripts/changelog-section.sh VERSION [CHANGELOG.md]
set -euo pipefail
version=${1:?the version}
changelog=${2:-CHANGELOG.md}
awk -v version="$version" '
  BEGIN { gsub(/\./, "\\.", version); named = "(^|[^0-9A-Za-z.-])" version "([^0-9A-Za-z.-]|$)" }
  /^## / {
    if (inside) exit
    inside = ($0 ~ named)
    if (inside) found = 1
    next
  }
  inside { print }
  END { exit !found }' "$changelog"
