#!/usr/bin/env node
/**
 * `npm start`: the desktop app when Electron can run here, otherwise the same app in the browser.
 *   1. build the renderer if it is missing or older than its sources;
 *   2. find the Electron binary, or try once to download it (node_modules/electron/install.js, 60 s);
 *   3. with Electron: bundle dist-electron, make sure the Electron build of better-sqlite3 exists,
 *      and run Electron on this folder;
 *   4. without it: say so in one line and start the loopback host (main/cli/serve.ts --open),
 *      which prints the URL with its access token.
 * Options: --browser (skip Electron), --no-open (do not open a browser tab), --verbose (say why
 * Electron was not used); --db FILE and --port N are passed on.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');
const RENDERER_INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
const INSTALL_TIMEOUT_MS = 60_000;

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const forceBrowser = argv.includes('--browser');
const openBrowser = !argv.includes('--no-open');
const passOn = argv.filter((a) => !['--verbose', '--browser', '--no-open'].includes(a));

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function ensureRendererBuilt() {
  const built = fs.existsSync(RENDERER_INDEX) ? fs.statSync(RENDERER_INDEX).mtimeMs : 0;
  const sources = ['renderer', 'shared', 'vite.config.ts'].map((s) => newestMtime(path.join(ROOT, s)));
  if (built && sources.every((m) => m <= built)) return;
  console.error('正在构建界面（首次启动需要约半分钟）…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

const EXECUTABLE = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ?? 'electron';

/** The Electron binary if present (ELECTRON_OVERRIDE_DIST_PATH, as electron's own launcher honours it). */
function electronExecutable() {
  const pathTxt = path.join(ELECTRON_DIR, 'path.txt');
  const name = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : EXECUTABLE;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !fs.existsSync(pathTxt)) return null;
  const exe = path.join(override ?? path.join(ELECTRON_DIR, 'dist'), name);
  return fs.existsSync(exe) ? exe : null;
}

/** The Electron binary, downloading it once if needed; or the reason it cannot be had. */
function obtainElectron() {
  const present = electronExecutable();
  if (present) return { exe: present };
  if (!fs.existsSync(path.join(ELECTRON_DIR, 'install.js'))) return { reason: 'node_modules/electron 未安装' };
  console.error('正在下载 Electron 程序文件…');
  const r = spawnSync(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], {
    cwd: ELECTRON_DIR,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  const exe = electronExecutable();
  if (exe) return { exe };
  const output = `${r.error?.message ?? ''}\n${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  const line = output.split('\n').map((l) => l.trim()).find((l) => /error|fail|ENOTFOUND|ETIMEDOUT/i.test(l));
  return { reason: line ?? `install.js 退出码 ${r.status}` };
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function runChild(command, args) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set by some tools; it would make Electron run as plain Node
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    console.error(`无法启动 ${path.basename(command)}：${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowserVersion(line, reason) {
  console.log(line);
  if (verbose && reason) console.error(`原因：${reason}`);
  const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  runChild(process.execPath, [tsxCli, path.join(ROOT, 'main', 'cli', 'serve.ts'), ...(openBrowser ? ['--open'] : []), ...passOn]);
}

async function main() {
  process.chdir(ROOT); // vite.config.ts resolves its root relative to the working folder
  await ensureRendererBuilt();
  if (forceBrowser) return startBrowserVersion('按要求启动本机浏览器版：');
  const electron = obtainElectron();
  if (!electron.exe) return startBrowserVersion('无法获取 Electron 程序文件（离线或下载失败），改为启动本机浏览器版：', electron.reason);
  if (!hasDisplay()) return startBrowserVersion('没有图形界面（DISPLAY 未设置），改为启动本机浏览器版：');
  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron({ quiet: !verbose });
  const { ensureElectronNative } = await import('./electron-native.mjs');
  const native = ensureElectronNative();
  if (!native.ok) return startBrowserVersion('无法为 Electron 准备数据库组件（离线或下载失败），改为启动本机浏览器版：', native.message);
  runChild(electron.exe, [ROOT, ...passOn]);
}

main().catch((e) => {
  console.error(`启动失败：${e?.message ?? e}`);
  process.exit(1);
});
