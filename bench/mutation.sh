#!/usr/bin/env bash
# Mutation score of the engine's Steps, Creatio and Configuration folders with Stryker.NET: a
# benchmark (slow: every mutant is a rebuild-free test run), not part of .ci/run.
#
#   bash bench/mutation.sh                      # all three folders
#   bash bench/mutation.sh Configuration        # one folder
#
# Each folder's mutants are judged by the in-process tests written for it (the tests that start the
# engine as a process run the built, unmutated engine, so they cannot kill a mutant): Configuration
# by tests/Configuration and the hostile-file corpus of tests/BadInput; Creatio by tests/Creatio (every
# client against a scripted Creatio, CreatioFixture) and tests/Steps (the steps on the real clients);
# Steps by tests/Steps and the integration tests that run the steps against the sandbox (connect,
# each step, plan, the real-world variants).
# Everything else is left out (Steps with its sandbox tests already takes 75 minutes on 2 cores): a mutant that only a
# distant test kills counts as survived here. MUTATION_FILTER=... replaces a folder's filter.
# Reports: artifacts/mutation/<folder>/reports/mutation-report.{html,json}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/artifacts/tools/stryker"
if [ ! -x "$tools/dotnet-stryker" ]; then
    dotnet tool install dotnet-stryker --version 5.1.0 --tool-path "$tools" >/dev/null
fi
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(Steps Creatio Configuration)

# The fixtures start the sandbox from its build output.
dotnet build "$root/CreatioIdentity.slnx" -c Release -v q -nologo >/dev/null

tests_of() {
    local t='FullyQualifiedName~CreatioIdentity.Tests.'
    case "$1" in
        Configuration) echo "${t}Configuration.|${t}BadInput." ;;
        Creatio) echo "${t}Creatio.|${t}Steps." ;;
        Steps) echo "${t}Steps.|${t}Integration.ConnectTests|${t}Integration.StepTests|${t}Integration.PlanTests|${t}Integration.Variants." ;;
        *) echo "unknown folder: $1" >&2; return 1 ;;
    esac
}

failed=0
for folder in "${folders[@]}"; do
    out="$root/artifacts/mutation/$folder"
    rm -rf "$out"
    mkdir -p "$out"
    filter=${MUTATION_FILTER:-$(tests_of "$folder")}
    started=$(date +%s)
    (cd "$root/tests/CreatioIdentity.Tests" && "$tools/dotnet-stryker" \
        --project CreatioIdentity.csproj \
        --mutate "**/$folder/**/*.cs" \
        --test-case-filter "$filter" \
        --configuration Release \
        --concurrency "${STRYKER_CONCURRENCY:-2}" \
        --reporter json --reporter html --reporter progress \
        --output "$out" >"$out.log" 2>&1) || { echo "$folder: stryker failed, see $out.log"; failed=1; continue; }
    report="$out/reports/mutation-report.json"
    jq -r --arg folder "$folder" --arg seconds "$(( $(date +%s) - started ))" '
        [.files[].mutants[].status] as $s
        | ($s | map(select(. == "Killed" or . == "Timeout")) | length) as $killed
        | ($s | map(select(. == "Survived" or . == "NoCoverage")) | length) as $alive
        | "\($folder): \($killed) killed, \($alive) alive (\($s | map(select(. == "NoCoverage")) | length) without a covering test), score \(if ($killed + $alive) > 0 then ($killed * 1000 / ($killed + $alive) | floor) / 10 else 0 end)% in \($seconds) s"' "$report"
    # The first 40 survivors (jq cuts the list: a head(1) that closes the pipe would fail the script under pipefail).
    jq -r '[.files | to_entries[] | .key as $f | .value.mutants[] | select(.status == "Survived")
        | "  survived \($f | sub(".*/src/"; "src/")):\(.location.start.line) \(.mutatorName): \(.replacement // "" | gsub("\n"; " ") | .[0:80])"] | .[:40][]' "$report"
done
exit "$failed"
