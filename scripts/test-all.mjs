// `npm test`: type-check, lint, build, then every suite (unit, browser end-to-end, real Electron),
// ending with one line that CI reads: `N passed, N failed[, N skipped]`. Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.once('error', (error) => {
      console.error(error);
      resolve(1);
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

/** Type-check, lint and build count as one test each: a failure there fails the run. */
async function gate(label, command, args) {
  const code = await run(label, command, args);
  steps.push(`${label}: ${code === 0 ? 'ok' : 'FAILED'}`);
  totals[code === 0 ? 'passed' : 'failed'] += 1;
  return code === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

await gate('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
await gate('lint', bin('eslint'), ['.']);
const built = await gate('build', bin('electron-vite'), ['build']);

const unitReport = join(reports, 'vitest.json');
const unitCode = await run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = readJson(unitReport);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  steps.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (!unit || (unitCode !== 0 && unit.numFailedTests === 0)) {
  totals.failed += 1;
  steps.push('unit: the runner itself failed');
}

if (built) {
  const e2eReport = join(reports, 'playwright.json');
  const e2eCode = await run('end-to-end (Chromium) and Electron (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport,
  });
  const e2e = readJson(e2eReport);
  if (e2e) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = e2e.stats;
    totals.passed += expected + flaky;
    totals.failed += unexpected;
    totals.skipped += skipped;
    steps.push(`playwright: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
    for (const reason of skipReasons(e2e)) steps.push(`  skipped: ${reason}`);
    if (e2e.errors?.length) {
      totals.failed += e2e.errors.length;
      steps.push(`playwright: ${e2e.errors.length} errors outside tests`);
    }
  }
  if (!e2e || (e2eCode !== 0 && (e2e.stats.unexpected ?? 0) === 0 && !e2e.errors?.length)) {
    totals.failed += 1;
    steps.push('playwright: the runner itself failed');
  }
} else {
  totals.failed += 1;
  steps.push('playwright: not run, the build failed');
}

function* skipReasons(report) {
  const seen = new Set();
  const walk = function* (suite) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const a of t.annotations ?? []) {
          if (a.type === 'skip' && a.description && !seen.has(a.description)) {
            seen.add(a.description);
            yield a.description;
          }
        }
      }
    }
    for (const child of suite.suites ?? []) yield* walk(child);
  };
  for (const suite of report.suites ?? []) yield* walk(suite);
}

console.log(`\n── summary ──\n${steps.join('\n')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
