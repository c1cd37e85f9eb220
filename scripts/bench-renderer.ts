/**
 * The renderer's first load, for `npm run bench`:
 * (a) the scripts the first screen (首页) needs — the entry, its static imports and the screen's lazy chunk —
 *     against all the JavaScript of the bundle;
 * (b) the time to the first interactive screen (the menu and the page title visible) in the loopback host,
 *     cold (a new Chromium profile each time), against the time Chromium takes to show a blank page served by
 *     the same host.
 * The renderer is built into a temporary folder (never over dist/, which tests may be serving).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { closeContext, createContext } from '../main/app/context';
import { saveBranch } from '../main/services/branch/branch';
import { seedDemo } from '../main/services/demo/seed';
import { contextTarget, startHost } from '../main/transports/http-host';
import { branchFieldsSchema } from '../shared/domain/branch';
import { type BenchRow, median } from './bench-row';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The first screen's page module, as vite's manifest names it (the home screen of renderer/src/features/index.ts). */
const FIRST_SCREEN_PAGE = 'src/features/overview/OverviewPage.tsx';
const MEMBERS = 1000;
const RUNS = Number(process.env.BENCH_RENDERER_RUNS ?? 5);
const FIRST_SCREEN_SHARE_TARGET = 0.5;
/** Under the ~3 s the single 2 MB script took to show the menu on an idle machine here before screens loaded lazily. */
const TTI_TARGET_MS = 2000;
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function buildRenderer(outDir: string): Promise<Manifest> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  return JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** A chunk and everything it imports statically, as files. */
function withStaticImports(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
  return into;
}

function firstScreenRow(outDir: string, manifest: Manifest): BenchRow {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry || !manifest[FIRST_SCREEN_PAGE]) throw new Error(`vite manifest lacks the entry or ${FIRST_SCREEN_PAGE}`);
  const needed = withStaticImports(manifest, FIRST_SCREEN_PAGE, withStaticImports(manifest, entry));
  const size = (file: string) => fs.statSync(path.join(outDir, file)).size;
  const firstScreen = [...needed].filter((f) => f.endsWith('.js')).reduce((s, f) => s + size(f), 0);
  const all = fs
    .readdirSync(path.join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((s, f) => s + size(`assets/${f}`), 0);
  const share = firstScreen / all;
  return {
    size: 0,
    measure: 'first-screen JS (entry+static+首页)',
    value: kb(firstScreen),
    baseline: `${kb(all)} (all JS)`,
    ratio: `${(share * 100).toFixed(1)}%`,
    target: `<= ${FIRST_SCREEN_SHARE_TARGET * 100}% of all`,
    verdict: share <= FIRST_SCREEN_SHARE_TARGET ? 'PASS' : 'MISS',
  };
}

/** Milliseconds from navigation to `ready` in a new browser (a new profile): cold caches every time. */
async function coldLoad(url: string, ready: (page: import('@playwright/test').Page) => Promise<void>): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    const t = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await ready(page);
    return performance.now() - t;
  } finally {
    await browser.close();
  }
}

export async function firstInteractiveRow(outDir: string, dir: string): Promise<BenchRow> {
  fs.writeFileSync(path.join(outDir, 'blank.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>空白</title></head><body></body></html>');
  const ctx = await createContext({ db: path.join(dir, 'renderer-bench.sqlite') });
  saveBranch(ctx.db, branchFieldsSchema.parse({ name: '中共渤海钻探第一钻井队支部委员会' }));
  seedDemo(ctx.db, { members: MEMBERS, seed: 9 });
  const host = await startHost(contextTarget(ctx), { port: 0, rendererDir: outDir });
  try {
    const app: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await coldLoad(`${host.url}/blank.html`, (page) => page.waitForLoadState('load')));
      app.push(
        await coldLoad(host.openUrl, async (page) => {
          await page.locator('nav[aria-label="主菜单"] .ant-menu-item').first().waitFor({ state: 'visible', timeout: 30_000 });
          await page.locator('#page-title').waitFor({ state: 'visible', timeout: 30_000 });
        }),
      );
    }
    const tti = median(app);
    const base = median(blank);
    return {
      size: MEMBERS,
      measure: `first interactive screen, cold (median of ${RUNS})`,
      value: `${tti.toFixed(0)} ms`,
      baseline: `${base.toFixed(0)} ms (blank page)`,
      ratio: `${(tti / base).toFixed(1)}x`,
      target: `<= ${TTI_TARGET_MS} ms`,
      verdict: tti <= TTI_TARGET_MS ? 'PASS' : 'MISS',
    };
  } finally {
    await host.close();
    closeContext(ctx);
  }
}

export async function benchRenderer(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-bench-renderer-'));
  try {
    const outDir = path.join(dir, 'renderer');
    const manifest = await buildRenderer(outDir);
    return [firstScreenRow(outDir, manifest), await firstInteractiveRow(outDir, dir)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
