/**
 * Per-test fixtures: a fresh data folder and loopback host for every test, the page opened on it,
 * every request that would leave the app's own origin blocked and recorded (the app needs no network),
 * and helpers for the api, accessibility checks and screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { idCheckChar } from '../../shared/domain/idNumber';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'tests/output/screenshots');

export interface Host {
  origin: string;
  openUrl: string;
  token: string;
  dataDir: string;
  /** Calls an operation; returns the raw `{ok, value|error}` result. */
  raw(op: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  /** Calls an operation and returns its value (throws on an error result). */
  call<T = unknown>(op: string, input?: unknown): Promise<T>;
}

export async function startHost(dataDir: string): Promise<{ child: ChildProcess; openUrl: string; stderr: () => string }> {
  // One process (node with tsx's loader), so stopping it stops the server; the renderer was built in global setup.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/cli/serve.ts', '--db', path.join(dataDir, 'branch-desk.sqlite'), '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', BRANCH_DESK_NO_BUILD: '1' } },
  );
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
  return { child, openUrl, stderr: () => err };
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The api of a started host: its origin, token, and calls to the contract over HTTP. */
export function hostClient(openUrl: string, dataDir: string): Host {
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
  return { origin: url.origin, openUrl, token, dataDir, raw, call };
}

export const test = base.extend<{ host: Host; offsite: string[]; pageErrors: string[] }>({
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-e2e-'));
    const { child, openUrl } = await startHost(dataDir);
    try {
      await use(hostClient(openUrl, dataDir));
    } finally {
      await stopHost(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },

  offsite: async ({}, use) => {
    await use([]);
  },

  pageErrors: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, host, offsite, pageErrors }, use) => {
    await guardPage(page, host, offsite, pageErrors);
    await use(page);
    expect(offsite, 'the app must not make any request outside its own origin').toEqual([]);
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Blocks every request that leaves `host`'s origin, noting it in `offsite`, and notes uncaught page errors in `errors`. */
export async function guardPage(page: Page, host: Host, offsite: string[], errors: string[]): Promise<void> {
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(host.origin + '/') || u === host.origin) return route.continue();
    offsite.push(u);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (e) => errors.push(String(e)));
}

// ---------- helpers ----------

/**
 * Opens the app. 首页 is the landing screen; tests start on `screen` (a menu item, 党员名册 unless told
 * otherwise) once the branch exists, as most of them were written for the roster.
 */
export async function openApp(page: Page, host: Host, screen = '党员名册'): Promise<void> {
  const { hasBranch } = await host.call<{ hasBranch: boolean }>('app.info');
  await page.goto(host.openUrl);
  if (hasBranch && screen !== '首页') await page.getByRole('menuitem', { name: screen, exact: true }).click();
}

export const BRANCH = {
  name: '中共渤海钻探第一钻井队支部委员会',
  parentCommittee: '中共渤海钻探第一工程公司委员会',
  foundedDate: '1998-06-18',
  address: '河北省任丘市会战道 18 号',
  officers: [
    { name: '王建国', role: '书记', duties: '主持支部全面工作' },
    { name: '李红梅', role: '组织委员', duties: '组织发展、党员管理' },
  ],
};

export async function createBranch(host: Host): Promise<void> {
  await host.call('branch.save', BRANCH);
}

/** A valid 18-character ID number for a birth date and gender. */
export function idNumber(birthDate: string, gender: '男' | '女', serial = 1, area = '130982'): string {
  const seq = serial * 2 + (gender === '男' ? 1 : 0);
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export interface MemberInput {
  name: string;
  gender: '男' | '女';
  birthDate: string;
  joinDate: string;
  fullDate?: string | null;
  category?: '正式党员' | '预备党员';
  [k: string]: unknown;
}

/** Fills the roster with `n` members: demo.seed when it is available, else one members.create per member. */
export async function fillRoster(host: Host, n: number): Promise<void> {
  const started = await host.raw('demo.seed', { members: n, seed: 7 });
  if (started.ok) {
    const job = started.value as { id: string };
    for (let i = 0; i < 600; i++) {
      // A poll may meet a kept-alive socket the busy host has just closed (ECONNRESET): asking again is harmless.
      const s = await host.call<{ state: string; message: string }>('jobs.get', { id: job.id }).catch(() => ({ state: 'running', message: '' }));
      if (s.state === 'done') return;
      if (s.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const { total } = await host.call<{ total: number }>('members.search', { status: 'all' });
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '建国红梅志强秀英海军丽娟永刚春华明亮桂兰德胜玉珍';
  for (let i = total; i < n; i++) {
    const name = surnames[i % surnames.length]! + given[(i * 7) % given.length]! + given[(i * 3 + 1) % given.length]!;
    const year = 1960 + (i % 40);
    const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    await addMember(host, { name, gender: i % 2 ? '男' : '女', birthDate: birth, joinDate: `${year + 25}-07-01`, fullDate: `${year + 26}-07-01` }, i);
  }
}

export async function addMember(host: Host, m: MemberInput, serial = 1): Promise<{ id: string; updatedAt: string }> {
  return host.call('members.create', {
    ethnicity: '汉族',
    idNumber: idNumber(m.birthDate, m.gender, serial),
    education: '21',
    category: m.fullDate ? '正式党员' : '预备党员',
    ...m,
  });
}

/** axe-core on the current page: no violation of impact serious or critical. */
export async function expectAccessible(page: Page, screen: string, only?: string): Promise<void> {
  // `only`: a modal dialog's selector; the page behind its mask is dimmed on purpose and not reachable.
  // Dialogs and drawers fade in: contrast measured mid-animation is not what the user reads. Spinners (infinite) are ignored.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  // A toast (antd message) that is fading out when the scan runs is measured at part opacity; toasts are transient
  // status lines in antd's default colours, so they are left out rather than made to fail a screen at random.
  const builder = new AxeBuilder({ page }).exclude('.ant-message');
  if (only) builder.include(only);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  const dir = path.join(ROOT, 'tests/output/axe');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${screen}.json`),
    JSON.stringify(results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, why: n.failureSummary })) })), null, 2),
  );
  expect(report, `accessibility problems on screen "${screen}"`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // let drawers and messages finish their animations
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
