/** Running the loopback host as a process: lock the database, build the renderer if needed, serve, shut down cleanly. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/contract/errors';
import { closeContext, type AppContext } from '../app/context';
import { createLogger } from '../app/log';
import { recoveryDispatch } from '../app/recovery';
import { openAppContext } from '../app/startup';
import { acquireInstanceLock } from '../app/instanceLock';
import { resolveDataLocation } from '../app/paths';
import { ensureDir, restrictUmask } from '../app/fileModes';
import { contextTarget, startHost, type HostTarget } from './http-host';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is no build or the sources are newer than it. */
export async function ensureRendererBuilt(): Promise<void> {
  const index = path.join(RENDERER_DIR, 'index.html');
  const sources = [path.join(ROOT, 'renderer'), path.join(ROOT, 'shared')];
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  // Tests build once and set BRANCH_DESK_NO_BUILD, so a host started mid-run never rebuilds under another's feet.
  if (built && process.env.BRANCH_DESK_NO_BUILD === '1') return;
  if (built && sources.every((s) => newestMtime(s) <= built)) return;
  process.stderr.write('正在构建界面（首次启动需要约半分钟）…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

function openInBrowser(url: string): void {
  const command = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the printed URL is enough.
  }
}

export async function runHostProcess(options: { db?: string; port?: number; openBrowser: boolean }): Promise<void> {
  const location = resolveDataLocation(options.db);
  restrictUmask();
  ensureDir(location.dataDir);
  const release = acquireInstanceLock(location.databasePath);
  await ensureRendererBuilt();
  let ctx: AppContext | null = null;
  let serve: HostTarget['dispatch'];
  try {
    ctx = await openAppContext(location);
    serve = contextTarget(ctx).dispatch;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'E_DB_CORRUPT') throw e;
    process.stderr.write(`${e.message}\n已进入恢复模式：请在打开的页面中选择一个完好的备份来恢复。\n`);
    serve = recoveryDispatch(location, e.message, (opened) => {
      ctx = opened;
      serve = contextTarget(opened).dispatch;
    });
  }
  const log = createLogger(location.dataDir);
  const host = await startHost({ dispatch: (name, input) => serve(name, input), log }, { port: options.port, rendererDir: RENDERER_DIR });
  process.stdout.write(`${host.openUrl}\n`);
  if (options.openBrowser) openInBrowser(host.openUrl);
  const stop = async () => {
    await host.close();
    if (ctx) closeContext(ctx);
    release();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
