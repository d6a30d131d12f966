#!/usr/bin/env bash
# Runs every vitest suite (one of them runs the Pester suite in pwsh), then prints one plain
# "N passed, N failed, N skipped" line that any CI can read, counting vitest's tests and
# Pester's, and exits with vitest's own status.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test/artifacts
rm -f test/artifacts/vitest.json test/artifacts/pester-counts.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test/artifacts/vitest.json "$@"
status=$?
node -e '
  const fs = require("fs");
  const file = "test/artifacts/vitest.json";
  if (!fs.existsSync(file)) { console.log("vitest wrote no results"); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  let passed = r.numPassedTests, failed = r.numFailedTests, skipped = r.numPendingTests + r.numTodoTests;
  const pesterFile = "test/artifacts/pester-counts.json";
  if (fs.existsSync(pesterFile)) {
    const p = JSON.parse(fs.readFileSync(pesterFile, "utf8"));
    console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped; Pester: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
    passed += p.passed; failed += p.failed; skipped += p.skipped;
  } else {
    console.log("vitest only: the Pester suite did not report (see its test above)");
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
'
exit $status
