/** scripts/electronegativity.mjs: how it reads the scanner's report and decides pass/fail. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts', 'electronegativity.mjs');

interface Finding {
  check: string;
  severity: string;
  file: string;
  line: number;
  sample: string;
  outcome?: string;
}
let scanner: {
  parseSarif(text: string, severities: Map<string, string>): Finding[];
  checkSeverities(): Map<string, string>;
  explainedFindings(markdown: string): Set<string>;
  classify(findings: Finding[], o: { inputDir: string; explained: Set<string>; webPreferences: Record<string, unknown> | null }): Finding[];
};
let dir: string;

beforeAll(async () => {
  scanner = await import(pathToFileURL(SCRIPT).href);
  dir = tempDir('branch-desk-scanner-');
  fs.mkdirSync(path.join(dir, 'electron'));
  fs.writeFileSync(
    path.join(dir, 'electron', 'main.ts'),
    ['w = new BrowserWindow(windowOptions({ preloadPath, devTools: isDev }));', 'w = new BrowserWindow({ webPreferences: { contextIsolation: false } });'].join('\n'),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sarif = (results: { ruleId: string; uri: string; line: number }[]) =>
  JSON.stringify({
    runs: [
      {
        results: results.map((r) => ({
          ruleId: r.ruleId,
          level: 'warning',
          message: { text: 'x' },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line, startColumn: 1 } } }],
        })),
      },
    ],
  });

const finding = (check: string, severity: string, line: number): Finding => ({ check, severity, file: 'electron/main.ts', line, sample: '' });

describe('electronegativity gate', () => {
  it('takes each check severity from the scanner definitions, at its highest', () => {
    const severities = scanner.checkSeverities();
    expect(severities.get('CONTEXT_ISOLATION_JS_CHECK')).toBe('HIGH');
    expect(severities.get('SANDBOX_JS_CHECK')).toBe('MEDIUM');
    expect(severities.get('NODE_INTEGRATION_JS_CHECK')).toBe('HIGH'); // reports HIGH or INFORMATIONAL
    expect(severities.get('CSP_GLOBAL_CHECK')).toBe('MEDIUM'); // reports LOW or MEDIUM
    expect(severities.size).toBeGreaterThan(30);
  });

  it('reads findings from SARIF; global ones have no file; an unknown check counts as HIGH', () => {
    const severities = new Map([['CSP_GLOBAL_CHECK', 'MEDIUM']]);
    const rows = scanner.parseSarif(
      sarif([
        { ruleId: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1 },
        { ruleId: 'NEW_CHECK', uri: 'electron/main.ts', line: 52 },
      ]),
      severities,
    );
    expect(rows).toMatchObject([
      { check: 'CSP_GLOBAL_CHECK', severity: 'MEDIUM', file: 'N/A' },
      { check: 'NEW_CHECK', severity: 'HIGH', file: 'electron/main.ts', line: 52 },
    ]);
    expect(() => scanner.parseSarif('not json', severities)).toThrow();
  });

  it('reads the explained findings from docs/security.md', () => {
    const explained = scanner.explainedFindings(fs.readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8'));
    expect(explained.has('CSP_GLOBAL_CHECK N/A')).toBe(true);
    expect(explained.has('AUXCLICK_JS_CHECK electron/main.ts')).toBe(true);
    // shell.openExternal is gone: nothing about it may be explained away.
    expect([...explained].filter((f) => f.startsWith('OPEN_EXTERNAL_JS_CHECK'))).toEqual([]);
  });

  it('a flagged windowOptions() call passes only when the real option value is safe', () => {
    const findings = [finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 1)];
    const safe = scanner.classify(findings, { inputDir: dir, explained: new Set(), webPreferences: { contextIsolation: true } });
    const unsafe = scanner.classify(findings, { inputDir: dir, explained: new Set(), webPreferences: { contextIsolation: false } });
    expect(safe[0]!.outcome).toBe('verified');
    expect(unsafe[0]!.outcome).toBe('fail');
  });

  it('any other HIGH fails, MEDIUM fails unless explained, LOW is only listed', () => {
    const decided = scanner.classify(
      [finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 2), finding('AUXCLICK_JS_CHECK', 'MEDIUM', 1), finding('PRELOAD_JS_CHECK', 'MEDIUM', 1), finding('X', 'LOW', 1)],
      { inputDir: dir, explained: new Set(['AUXCLICK_JS_CHECK electron/main.ts']), webPreferences: { contextIsolation: true } },
    );
    expect(decided.map((f) => f.outcome)).toEqual(['fail', 'explained', 'fail', 'listed']);
  });

  it('the real scanner run fails an insecure window (exit 1) and names the check', () => {
    const bad = tempDir('branch-desk-insecure-');
    try {
      fs.writeFileSync(
        path.join(bad, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });\n",
      );
      const r = spawnSync(process.execPath, [SCRIPT, '--input', bad], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/✗ \[HIGH\] CONTEXT_ISOLATION_JS_CHECK main\.js:2/);
      expect(r.stdout).toMatch(/electronegativity: \d+ findings .* [1-9]\d* unexplained/);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});
