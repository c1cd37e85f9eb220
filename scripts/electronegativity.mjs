#!/usr/bin/env node
/**
 * Runs Doyensec's Electronegativity over main/ and turns its report into a pass/fail check:
 *   - any HIGH finding fails, unless it is one of the scanner's known false positives on
 *     `new BrowserWindow(windowOptions(...))` (it cannot follow the function call) AND evaluating
 *     windowOptions() shows the flagged option really is safe;
 *   - any MEDIUM finding fails unless docs/security.md explains it (a row in its findings table);
 *   - LOW and informational findings are listed only.
 * The scanner itself always exits 0 and waits on network look-ups that fail offline (about 10 s).
 * Its SARIF report is read; severities come from the scanner's check definitions.
 * Usage: node scripts/electronegativity.mjs [--input DIR]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNER = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const DOC = path.join(ROOT, 'docs', 'security.md');
const TIMEOUT_MS = 90_000;

/** What must hold in windowOptions().webPreferences for each check the scanner cannot follow. */
const VERIFIABLE = {
  CONTEXT_ISOLATION_JS_CHECK: (w) => w.contextIsolation === true,
  SANDBOX_JS_CHECK: (w) => w.sandbox === true,
  NODE_INTEGRATION_JS_CHECK: (w) => w.nodeIntegration === false && w.nodeIntegrationInWorker === false && w.nodeIntegrationInSubFrames === false,
  WEB_SECURITY_JS_CHECK: (w) => w.webSecurity !== false,
  INSECURE_CONTENT_JS_CHECK: (w) => w.allowRunningInsecureContent !== true,
  EXPERIMENTAL_FEATURES_JS_CHECK: (w) => w.experimentalFeatures !== true,
  BLINK_FEATURES_JS_CHECK: (w) => !w.enableBlinkFeatures,
};
const WINDOW_CALL = /new BrowserWindow\(windowOptions\(/;

const RANK = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/**
 * The severity of each check, read from the scanner's own check sources (its SARIF report has no
 * severity). A check that can report more than one severity counts at its highest.
 */
export function checkSeverities(checksDir = path.join(path.dirname(SCANNER), 'finder', 'checks')) {
  const severities = new Map();
  for (const entry of fs.readdirSync(checksDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const source = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const id = /this\.id = "([A-Z0-9_]+)"/.exec(source)?.[1];
    const levels = [...source.matchAll(/severity\.([A-Z]+)/g)].map((m) => RANK.indexOf(m[1])).filter((r) => r >= 0);
    if (id && levels.length) severities.set(id, RANK[Math.max(...levels)]);
  }
  return severities;
}

/**
 * Findings from the SARIF report. (Its CSV report is unreliable: the header and the rows are
 * written by two concurrent writeFile calls, and now and then the header overwrites the first row.)
 * An unknown check counts as HIGH.
 */
export function parseSarif(text, severities) {
  const results = JSON.parse(text).runs?.[0]?.results ?? [];
  return results.map((r) => {
    const location = r.locations?.[0]?.physicalLocation ?? {};
    const uri = location.artifactLocation?.uri ?? 'file:///';
    return {
      check: r.ruleId,
      severity: severities.get(r.ruleId) ?? 'HIGH',
      file: uri === 'file:///' ? 'N/A' : uri,
      line: location.region?.startLine ?? 0,
      description: r.message?.text ?? '',
    };
  });
}

/** Rows of the findings table in docs/security.md: | `CHECK` | `file` | ... */
export function explainedFindings(markdown) {
  const explained = new Set();
  for (const m of markdown.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|/gm)) explained.add(`${m[1]} ${m[2]}`);
  return explained;
}

/** Evaluates the real windowOptions() (bundled on the fly) so a false positive is proven, not assumed. */
async function loadWebPreferences() {
  const { build } = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-negativity-'));
  try {
    const outfile = path.join(dir, 'security.mjs');
    await build({ entryPoints: [path.join(ROOT, 'main/electron/security.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
    const { windowOptions } = await import(pathToFileURL(outfile).href);
    return windowOptions({ preloadPath: '/preload.cjs' }).webPreferences;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Decides each finding: 'fail', 'verified' (proven false positive), 'explained', or 'listed'. */
export function classify(findings, { inputDir, explained, webPreferences }) {
  return findings.map((f) => {
    const key = `${f.check} ${f.file}`;
    const source = f.file !== 'N/A' && fs.existsSync(path.join(inputDir, f.file)) ? fs.readFileSync(path.join(inputDir, f.file), 'utf8').split('\n')[f.line - 1] ?? '' : '';
    const verify = VERIFIABLE[f.check];
    if (verify && WINDOW_CALL.test(source) && webPreferences) {
      return { ...f, outcome: verify(webPreferences) ? 'verified' : 'fail' };
    }
    if (f.severity === 'HIGH' || f.severity === 'CRITICAL') return { ...f, outcome: 'fail' };
    if (f.severity === 'MEDIUM') return { ...f, outcome: explained.has(key) ? 'explained' : 'fail' };
    return { ...f, outcome: 'listed' };
  });
}

const OUTCOME_TEXT = {
  fail: '未通过',
  verified: '误报（已核对 windowOptions 的实际取值）',
  explained: '已在 docs/security.md 说明',
  listed: '仅列出',
};

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string', default: 'main' } } });
  const inputDir = path.resolve(ROOT, values.input);
  const electronVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-negativity-'));
  const report = path.join(dir, 'report.sarif');
  const started = Date.now();
  try {
    const r = spawnSync(process.execPath, [SCANNER, '-i', inputDir, '-o', report, '-r', '-e', electronVersion, '-v', 'false'], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
    });
    if (r.error || !fs.existsSync(report)) {
      console.error(`electronegativity 没有生成报告：${r.error?.message ?? ''}${r.stderr ?? ''}`.trim());
      return 1;
    }
    const findings = parseSarif(fs.readFileSync(report, 'utf8'), checkSeverities());
    const explained = fs.existsSync(DOC) ? explainedFindings(fs.readFileSync(DOC, 'utf8')) : new Set();
    const webPreferences = findings.some((f) => VERIFIABLE[f.check]) ? await loadWebPreferences().catch(() => null) : null;
    const decided = classify(findings, { inputDir, explained, webPreferences });
    for (const f of decided) {
      const where = f.file === 'N/A' ? '(全局)' : `${f.file}:${f.line}`;
      console.log(`${f.outcome === 'fail' ? '✗' : '·'} [${f.severity}] ${f.check} ${where} — ${OUTCOME_TEXT[f.outcome]}`);
    }
    const failed = decided.filter((f) => f.outcome === 'fail').length;
    const count = (s) => decided.filter((f) => f.severity === s).length;
    console.log(
      `electronegativity: ${decided.length} findings (${count('HIGH')} high, ${count('MEDIUM')} medium, ${count('LOW') + count('INFORMATIONAL')} low), ${failed} unexplained, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return failed ? 1 : 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e?.message ?? e);
      process.exit(1);
    },
  );
}
