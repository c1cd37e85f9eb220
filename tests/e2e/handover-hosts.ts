/**
 * More hosts for the hand-over, backup and committee tests: each with its own data folder, like the
 * fixture's host, stopped and removed by `stop()`. Packages travel between them as files.
 */
import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { expect, type Host } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ExtraHost extends Host {
  stop(): Promise<void>;
}

/** A host on a new data folder, or on `existingDataDir` (prepared by the test). */
export async function launchHost(existingDataDir?: string): Promise<ExtraHost> {
  const dataDir = existingDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/serve.ts', '--db', path.join(dataDir, 'branch-desk.sqlite'), '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', BRANCH_DESK_NO_BUILD: '1' },
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${err}`)), 45_000);
    lines.on('line', (line) => {
      if (/^http:\/\/127\.0\.0\.1:\d+\/#token=/.test(line.trim())) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before printing its URL:\n${err}`));
    });
  });
  const url = new URL(openUrl);
  const token = /token=([^&]+)/.exec(url.hash)![1]!;
  const raw: Host['raw'] = async (op, input = {}) => {
    const res = await fetch(`${url.origin}/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Awaited<ReturnType<Host['raw']>>;
  };
  const call: Host['call'] = async <T,>(op: string, input?: unknown) => {
    const r = await raw(op, input);
    if (!r.ok) throw new Error(`${op} failed: ${r.error?.code} ${r.error?.message}`);
    return r.value as T;
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { origin: url.origin, openUrl, token, dataDir, raw, call, stop };
}

/**
 * A folder of its own for a test's package files (not the test's output folder: another Playwright run
 * on the same checkout empties that when it starts). Removed by the returned function.
 */
export function packageFolder(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-packages-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A package written to a file, for the file chooser. */
export function packageFile(dir: string, pkg: { fileName: string; data: string }, name = pkg.fileName): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(pkg.data, 'base64'));
  return file;
}

/** Picks a package file on the 导入交接包 panel. */
export async function choosePackage(page: Page, file: string): Promise<void> {
  await page.getByTestId('package-file').setInputFiles(file);
}

export async function goTo(page: Page, menu: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: menu }).click();
  await expect(page.getByRole('heading', { level: 2, name: menu })).toBeVisible();
}

/** A second page on another host's origin, guarded like the fixture's page: nothing may leave that origin. */
export async function guardedPage(page: Page, host: Host) {
  const other = await page.context().newPage();
  const offsite: string[] = [];
  const errors: string[] = [];
  await other.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(host.origin + '/') || u === host.origin) return route.continue();
    offsite.push(u);
    return route.abort('blockedbyclient');
  });
  other.on('pageerror', (e) => errors.push(String(e)));
  return { page: other, offsite, errors };
}

