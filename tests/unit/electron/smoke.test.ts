/**
 * The real Electron app, launched with Playwright's _electron, where the Electron binary, its build of
 * better-sqlite3 and a display exist (a developer's computer). Elsewhere the test is reported as
 * skipped with the reason in its name — never as passed. It downloads nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { _electron } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');

function electronExecutable(): string | null {
  const pathTxt = path.join(ELECTRON_DIR, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const exe = path.join(ELECTRON_DIR, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

function missing(): string | null {
  if (!electronExecutable()) return 'Electron binary not present';
  const native = path.join(ROOT, '.electron-native', `${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (!fs.existsSync(native)) return 'no Electron build of better-sqlite3 (node scripts/electron-native.mjs)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display';
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) return 'renderer not built (npm run build:renderer)';
  return null;
}

const reason = missing();
const data = tempDir('branch-desk-smoke-');
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

describe('Electron smoke test', () => {
  it.skipIf(reason !== null)(`opens the window on app:// and answers over IPC${reason ? ` (not run: ${reason})` : ''}`, async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs')], { stdio: 'pipe' });
    const app = await _electron.launch({
      executablePath: electronExecutable()!,
      args: [ROOT],
      env: { ...process.env, BRANCH_DESK_DATA_DIR: data } as Record<string, string>,
    });
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      expect(win.url()).toBe('app://branch-desk/index.html');
      const probe = await win.evaluate(async () => {
        const w = window as unknown as Record<string, unknown> & { branchDesk: Record<string, (i: unknown) => Promise<{ ok: boolean; value?: { dataDir: string } }>> };
        const info = await w.branchDesk['app.info']!({});
        const popup = window.open('https://example.com/');
        return { info, keys: Object.keys(w.branchDesk).length, require: typeof w.require, process: typeof w.process, popup: popup === null };
      });
      expect(probe.info.ok).toBe(true);
      expect(probe.info.value?.dataDir).toBe(data);
      expect(probe.require).toBe('undefined');
      expect(probe.process).toBe('undefined');
      expect(probe.popup).toBe(true);
      expect(app.windows()).toHaveLength(1);
      await win.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(win.url()).toBe('app://branch-desk/index.html');
    } finally {
      await app.close();
    }
  }, 120_000);
});
