/**
 * The bundled main process (dist-electron/main.cjs, as esbuild builds it) run in plain Node with a
 * recording stand-in for the 'electron' module and the Node build of better-sqlite3. This checks the
 * wiring the real binary would see: order of startup calls, the data folder, the database lock, the
 * app:// handler, the IPC sender check, the hardening of new web contents and the saving of exports
 * (the session's will-download).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../shared/contract/operations';
import { PRINT_PDF_CHANNEL } from '../../../shared/contract/print';
import { tempDir } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const NODE_BINDING = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const HARNESS = String.raw`
const Module = require('node:module');
const fs = require('node:fs');
const { EventEmitter } = require('node:events');
const calls = [];
const record = (...a) => calls.push(a);
const ipc = new Map();
let protocolHandler = null;
const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getAppPath: () => process.env.FAKE_APP_ROOT,
  getPath: (name) => (record('app.getPath', name), process.env.FAKE_DOCUMENTS),
  setPath: (name, p) => record('app.setPath', name, p),
  enableSandbox: () => record('app.enableSandbox'),
  setAppUserModelId: (id) => record('app.setAppUserModelId', id),
  requestSingleInstanceLock: () => (record('app.requestSingleInstanceLock'), process.env.FAKE_LOCK !== 'taken'),
  quit: () => record('app.quit'),
  exit: (code) => record('app.exit', code),
  whenReady: () => (record('app.whenReady'), Promise.resolve()),
});
class BrowserWindow extends EventEmitter {
  constructor(options) { super(); record('new BrowserWindow', options); }
  loadURL(url) { record('loadURL', url); setImmediate(finish); return Promise.resolve(); }
  isMinimized() { return false; }
  restore() {}
  show() { record('window.show'); }
  focus() { record('window.focus'); }
  static fromWebContents(contents) { return contents.window ?? null; }
}
const boxResponses = [1]; // the after-save box: 打开所在文件夹
const deny = (name) => (handler) => record(name, handler.length);
const electron = {
  app, BrowserWindow,
  dialog: { showErrorBox: (title, message) => { record('dialog.showErrorBox', title, message); setImmediate(finish); }, showMessageBox: async (...a) => {
    record('dialog.showMessageBox', a.length, a.at(-1).message, a.at(-1).buttons);
    return { response: boxResponses.shift() ?? a.at(-1).buttons.length - 1 };
  } },
  ipcMain: { handle: (c, h) => ipc.set(c, h), removeHandler: (c) => ipc.delete(c) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (t) => record('Menu.setApplicationMenu', t.map((i) => i.label)) },
  protocol: {
    registerSchemesAsPrivileged: (s) => record('protocol.registerSchemesAsPrivileged', s),
    handle: (scheme, h) => { record('protocol.handle', scheme); protocolHandler = h; },
  },
  session: { defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (h) => { let granted; h({}, 'media', (g) => (granted = g)); record('session.permissionRequest', granted); },
    setPermissionCheckHandler: (h) => record('session.permissionCheck', h({}, 'media', 'app://branch-desk', {})),
    setDevicePermissionHandler: (h) => record('session.devicePermission', h({})),
  }) },
  shell: {
    openExternal: async (u) => record('shell.openExternal', u),
    openPath: async (p) => (record('shell.openPath', p), ''),
    showItemInFolder: (p) => record('shell.showItemInFolder', p),
  },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };

let finished = false;
async function finish() {
  if (finished) return;
  finished = true;
  const out = { calls, channels: [...ipc.keys()] };
  if (protocolHandler) {
    const trusted = { senderFrame: { url: 'app://branch-desk/index.html', parent: null } };
    out.info = await ipc.get('op:app.info')(trusted, {});
    out.refused = await ipc.get('op:app.info')({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    const page = await protocolHandler(new Request('app://branch-desk/index.html'));
    out.page = { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };
    out.traversal = (await protocolHandler(new Request('app://branch-desk/..%2F..%2Fsecret.txt'))).status;
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (h) => (contents.openHandler = h) });
    app.emit('web-contents-created', {}, contents);
    let prevented = 0;
    for (const e of ['will-navigate', 'will-redirect', 'will-attach-webview']) contents.emit(e, { preventDefault: () => prevented++ }, 'https://evil.example/');
    out.prevented = prevented;
    out.windowOpen = ['file:///etc/passwd', 'https://evil.example/?d=secret', 'http://127.0.0.1:1/'].map((url) => contents.openHandler({ url }));
    await new Promise((r) => setTimeout(r, 20));
    // Exports: a foreign download is cancelled; the app's own blob: download gets the save dialog,
    // then the after-save box on the window, whose 打开所在文件夹 shows the file.
    const download = (url, name) => {
      const item = Object.assign(new EventEmitter(), {
        savePath: '', getURL: () => url, getFilename: () => name, getSavePath: () => item.savePath,
        setSaveDialogOptions: (o) => (out.saveDialog = o),
      });
      return item;
    };
    let cancelled = 0;
    const foreign = download('https://evil.example/x.docx', 'x.docx');
    electron.session.defaultSession.emit('will-download', { preventDefault: () => cancelled++ }, foreign, { isDestroyed: () => false });
    out.foreignCancelled = cancelled;
    out.foreignDialog = out.saveDialog ?? null;
    const own = download('blob:app://branch-desk/0f6c2d9a-1111-4222-8333-444455556666', '花名册.docx');
    electron.session.defaultSession.emit('will-download', { preventDefault: () => cancelled++ }, own, { isDestroyed: () => false, window: {} });
    own.savePath = out.saveDialog.defaultPath;
    fs.writeFileSync(own.savePath, 'x');
    own.emit('done', {}, 'completed');
    await new Promise((r) => setTimeout(r, 20));
    out.ownCancelled = cancelled - 1;
    app.emit('second-instance');
    out.lockedWhileRunning = fs.existsSync(out.info.value.databasePath + '.lock');
    app.emit('will-quit');
    out.lockedAfterQuit = fs.existsSync(out.info.value.databasePath + '.lock');
    out.channelsAfterQuit = ipc.size;
  }
  process.stdout.write('RESULT:' + JSON.stringify(out) + '\n');
  process.exit(0);
}
require(process.env.FAKE_MAIN);
setTimeout(finish, process.env.FAKE_LOCK === 'taken' ? 300 : 15000);
`;

let work: string;
let outDir: string;

beforeAll(() => {
  work = tempDir('branch-desk-bundle-');
  outDir = path.join(work, 'app', 'dist-electron');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), '--out', outDir], { stdio: 'pipe' });
  fs.mkdirSync(path.join(work, 'app', 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(work, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>支部工作台</title>');
  fs.writeFileSync(path.join(work, 'app', 'secret.txt'), 'SECRET');
  fs.writeFileSync(path.join(work, 'harness.cjs'), HARNESS);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(work, 'harness.cjs')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      ...process.env,
      NODE_PATH: path.join(ROOT, 'node_modules'),
      FAKE_MAIN: path.join(outDir, 'main.cjs'),
      FAKE_APP_ROOT: path.join(work, 'app'),
      FAKE_DOCUMENTS: path.join(work, 'Documents'),
      BRANCH_DESK_DATA_DIR: path.join(work, 'data'),
      BRANCH_DESK_NATIVE_BINDING: NODE_BINDING,
      ...env,
    },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT:'));
  if (!line) throw new Error(`harness printed no result (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice('RESULT:'.length));
}

describe('bundled Electron main process (stand-in electron module)', () => {
  it('builds a sandbox-safe preload that requires only electron and lists every operation', () => {
    const preload = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    for (const name of OPERATION_NAMES) expect(preload).toContain(JSON.stringify(name));
    expect(preload).not.toContain('zod');
  });

  it('starts: scheme and sandbox before ready, shared data folder, lock, protocol, IPC, window', () => {
    const out = run();
    const names = out.calls.map((c: unknown[]) => c[0]);
    const dataDir = path.join(work, 'data');
    expect(names.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('app.whenReady'));
    expect(names.indexOf('app.enableSandbox')).toBeLessThan(names.indexOf('app.whenReady'));
    expect(out.calls).toContainEqual(['app.setPath', 'userData', dataDir]);
    expect(names.indexOf('app.setPath')).toBeLessThan(names.indexOf('app.requestSingleInstanceLock'));
    expect(out.calls).toContainEqual(['protocol.handle', 'app']);
    expect(out.calls).toContainEqual(['session.permissionRequest', false]);
    expect(out.calls).toContainEqual(['session.permissionCheck', false]);
    expect(out.calls).toContainEqual(['loadURL', 'app://branch-desk/index.html']);
    expect(out.calls).toContainEqual(['Menu.setApplicationMenu', ['文件', '编辑', '视图', '帮助']]);
    const windowCall = out.calls.find((c: unknown[]) => c[0] === 'new BrowserWindow');
    expect(windowCall[1].webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(windowCall[1].webPreferences.preload).toBe(path.join(work, 'app', 'dist-electron', 'preload.cjs'));
    expect(names).not.toContain('dialog.showErrorBox');

    expect(out.channels.sort()).toEqual([...OPERATION_NAMES.map((n) => `op:${n}`), PRINT_PDF_CHANNEL].sort());
    expect(out.info.ok).toBe(true);
    expect(out.info.value.databasePath).toBe(path.join(dataDir, 'branch-desk.sqlite'));
    expect(out.refused.error.code).toBe('E_UNAUTHORIZED');
    expect(out.page).toMatchObject({ status: 200, body: expect.stringContaining('支部工作台') });
    expect(out.page.csp).toContain("script-src 'self'");
    expect(out.traversal).toBe(403);
    expect(out.prevented).toBe(3);
    expect(out.windowOpen).toEqual([{ action: 'deny' }, { action: 'deny' }, { action: 'deny' }]);
    expect(names).not.toContain('shell.openExternal');
    const saved = path.join(work, 'Documents', '支部工作台', '花名册.docx');
    expect(out.foreignCancelled).toBe(1);
    expect(out.foreignDialog).toBeNull();
    expect(out.ownCancelled).toBe(0);
    expect(out.saveDialog).toMatchObject({ defaultPath: saved, filters: [{ name: 'Word 文档', extensions: ['docx'] }] });
    expect(out.calls).toContainEqual(['app.getPath', 'documents']);
    expect(out.calls).toContainEqual(['dialog.showMessageBox', 2, '已保存：花名册.docx', ['打开文件', '打开所在文件夹', '关闭']]);
    expect(out.calls).toContainEqual(['shell.showItemInFolder', saved]);
    expect(names).toContain('window.focus'); // second-instance focuses the window
    expect(out.lockedWhileRunning).toBe(true);
    expect(out.lockedAfterQuit).toBe(false);
    expect(out.channelsAfterQuit).toBe(0);
  });

  it('a second instance quits at once and opens nothing', () => {
    const out = run({ FAKE_LOCK: 'taken' });
    const names = out.calls.map((c: unknown[]) => c[0]);
    expect(names).toContain('app.quit');
    expect(names).not.toContain('app.whenReady');
    expect(names).not.toContain('new BrowserWindow');
    expect(out.channels).toEqual([]);
  });

  it('reports a missing Electron build of better-sqlite3 in a dialog and exits with an error', () => {
    const out = run({ BRANCH_DESK_NATIVE_BINDING: path.join(work, 'missing', 'better_sqlite3.node') });
    const dialogCall = out.calls.find((c: unknown[]) => c[0] === 'dialog.showErrorBox');
    expect(dialogCall?.[2]).toContain('electron-native.mjs');
    expect(out.calls).toContainEqual(['app.exit', 1]);
    expect(fs.readFileSync(path.join(work, 'data', 'logs', 'branch-desk.log'), 'utf8')).toContain('startup failed');
    expect(fs.existsSync(path.join(work, 'data', 'branch-desk.sqlite.lock'))).toBe(false);
    expect(out.calls.map((c: unknown[]) => c[0])).not.toContain('new BrowserWindow');
  });
});
