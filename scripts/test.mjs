#!/usr/bin/env node
/**
 * `npm test`: type checks, vitest (unit and integration, in Node), the Electron security scan,
 * then Playwright (Debian's Chromium against the loopback host). Every stage runs even when an
 * earlier one fails; the last line totals everything as `N passed, N failed[, N skipped]`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(label, command, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function count(label, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  stages.push(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

// 1. Type checks (node side with electron's types, web side without Node types): one check each.
for (const [label, project] of [['typecheck node', 'tsconfig.json'], ['typecheck renderer', 'renderer/tsconfig.json']]) {
  const ok = run(label, bin('tsc'), ['-p', project, '--noEmit']);
  count(label, ok ? 1 : 0, ok ? 0 : 1);
}

// 2. vitest
const unitJson = path.join(results, 'unit.json');
fs.rmSync(unitJson, { force: true });
const unitOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const unit = readJson(unitJson);
if (unit) count('vitest', unit.numPassedTests, unit.numFailedTests + (unitOk || unit.numFailedTests ? 0 : 1), unit.numPendingTests + unit.numTodoTests);
else count('vitest', 0, 1);

// 3. Electron security scan (electronegativity): one check.
if (fs.existsSync(path.join(root, 'scripts', 'electronegativity.mjs'))) {
  const ok = run('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);
  count('electronegativity', ok ? 1 : 0, ok ? 0 : 1);
}

// 4. Playwright
const e2eJson = path.join(results, 'e2e.json');
fs.rmSync(e2eJson, { force: true });
if (fs.existsSync(path.join(root, 'playwright.config.ts'))) {
  const e2eOk = run('playwright', bin('playwright'), ['test']);
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    const { expected, unexpected, flaky, skipped } = e2e.stats;
    count('playwright', expected, unexpected + flaky + (e2eOk || unexpected || flaky ? 0 : 1), skipped);
  } else count('playwright', 0, 1);
}

process.stdout.write(`\n=== summary ===\n${stages.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(totals.failed ? 1 : 0);
