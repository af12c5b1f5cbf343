// Prints one closing line, "N passed, N failed, N skipped, N flaky", summed over the Vitest and Playwright JSON
// reports. A flaky test (failed, then passed on CI's one retry) is not counted as passed: it is named, loudly.
import fs from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const flaky = []

/** Playwright's report nests suites; a test's outcome is 'expected', 'unexpected', 'flaky' or 'skipped'. */
function flakyTests(suite, titles = []) {
  const here = suite.title ? [...titles, suite.title] : titles
  for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) if (test.status === 'flaky') flaky.push([...here, spec.title].join(' › '))
  for (const child of suite.suites ?? []) flakyTests(child, here)
}

for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue
  const report = JSON.parse(fs.readFileSync(file, 'utf8'))
  if ('numPassedTests' in report) {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  } else if (report.stats) {
    passed += report.stats.expected
    failed += report.stats.unexpected
    skipped += report.stats.skipped
    for (const suite of report.suites ?? []) flakyTests(suite)
  }
}
if (flaky.length) {
  console.log(`\n!! ${flaky.length} FLAKY test(s): they failed once and passed only on the retry. Fix them:`)
  for (const title of flaky) console.log(`!!   ${title}`)
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped, ${flaky.length} flaky`)
process.exit(failed ? 1 : 0)
