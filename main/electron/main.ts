/**
 * The Electron main process: single instance, one data folder shared with the host and the CLI,
 * the database lock, the app:// protocol, IPC, the menu and the one window. Everything with a rule
 * in it lives in the modules imported here and is unit-tested; this file only wires them together.
 * Exports arrive as downloads of the renderer's blob: URLs and are saved by downloads.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { closeContext, type AppContext } from '../app/context';
import { openAppContext } from '../app/startup';
import { acquireInstanceLock } from '../app/instanceLock';
import { createLogger } from '../app/log';
import { ensureDir, restrictUmask } from '../app/fileModes';
import { PRODUCT_NAME, resolveDataLocation } from '../app/paths';
import { APP_VERSION } from '../app/version';
import { registerIpc, type IpcTarget } from '../transports/ipc';
import { recoveryDispatch } from '../app/recovery';
import { dispatch } from '../dispatcher';
import { AppError } from '../../shared/contract/errors';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { APP_SCHEME_DEFINITION, createAppProtocolHandler } from './appProtocol';
import { handleDownloads } from './downloads';
import { menuTemplate } from './menu';
import { nativeBindingPath } from './nativeBinding';
import { hardenSession, hardenWebContents, windowIconPath, windowOptions } from './security';
import { registerPrintPdf } from './printPdf';

const { values: args } = parseArgs({
  args: process.argv.slice(app.isPackaged ? 1 : 2),
  options: { db: { type: 'string' } },
  strict: false,
  allowPositionals: true,
});
const location = resolveDataLocation(typeof args.db === 'string' ? args.db : null);
const isDev = !app.isPackaged;
const appRoot = app.getAppPath();

/** The appId of electron-builder.yml: Windows groups the taskbar button and shortcuts by it. */
const APP_USER_MODEL_ID = 'cn.branchdesk.app';

let mainWindow: BrowserWindow | null = null;
let ctx: AppContext | null = null;
let unregisterIpc: (() => void) | null = null;
let unregisterPrintPdf: (() => void) | null = null;
let releaseLock: (() => void) | null = null;

// Before ready: the privileged scheme, the sandbox for every renderer, and the shared data folder
// (Chromium's own files go to a subfolder so they do not clutter the user's data).
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
app.enableSandbox();
restrictUmask();
app.setPath('userData', location.dataDir);
app.setPath('sessionData', path.join(location.dataDir, 'chromium'));
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): void {
  const preloadPath = path.join(appRoot, 'dist-electron', 'preload.cjs');
  const options = windowOptions({ preloadPath, devTools: isDev, iconPath: windowIconPath(appRoot) });
  // The security switches are repeated literally so that scanners (electronegativity) can see them here.
  mainWindow = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY_URL);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `关于${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${APP_VERSION}`,
    detail: `本程序完全离线运行，数据只保存在本机。\n数据文件夹：${location.dataDir}`,
    buttons: ['确定'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/**
 * Opens the data; a database that fails its check is not opened, and the window shows the recovery
 * screen instead (the same as the browser version), answering through the recovery dispatch until
 * a backup has been restored.
 */
async function openOrRecover(nativeBinding: string): Promise<IpcTarget> {
  // The screens' 打开数据文件夹 / 打开所在文件夹: main resolves the folder, the shell opens it.
  const open = async () => Object.assign(await openAppContext(location, { nativeBinding }), { openFolder: (folder: string) => shell.openPath(folder) });
  try {
    ctx = await open();
    return ctx;
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'E_DB_CORRUPT') throw e;
    const log = createLogger(location.dataDir);
    log.error('database failed its check at start-up; recovery mode', e);
    let serve = recoveryDispatch(location, e.message, (opened) => {
      ctx = opened;
      serve = (name, input) => dispatch(opened, name, input);
    }, open);
    return { dispatch: (name, input) => serve(name, input), log };
  }
}

async function start(): Promise<void> {
  ensureDir(location.dataDir);
  releaseLock = acquireInstanceLock(location.databasePath);
  const nativeBinding = nativeBindingPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appRoot });
  if (!fs.existsSync(nativeBinding)) {
    throw new Error(`缺少数据库组件 ${nativeBinding}。开发时请先运行 node scripts/electron-native.mjs。`);
  }
  const target = await openOrRecover(nativeBinding);
  hardenSession(session.defaultSession);
  handleDownloads(session.defaultSession, {
    dialog,
    shell,
    documentsDir: () => app.getPath('documents'),
    windowFor: (contents) => BrowserWindow.fromWebContents(contents),
    log: target.log,
  });
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appRoot, 'dist', 'renderer')));
  unregisterIpc = registerIpc(ipcMain, target);
  unregisterPrintPdf = registerPrintPdf(ipcMain, {
    dialog,
    documentsDir: () => app.getPath('documents'),
    windowFor: (contents) => BrowserWindow.fromWebContents(contents),
    log: target.log,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isDev, onAbout: showAbout })));
  createWindow();
}

/** Stop answering, close the database, then let another instance have it. */
function shutdown(): void {
  unregisterIpc?.();
  unregisterIpc = null;
  unregisterPrintPdf?.();
  unregisterPrintPdf = null;
  if (ctx) closeContext(ctx);
  ctx = null;
  releaseLock?.();
  releaseLock = null;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  (ctx?.log ?? createLogger(location.dataDir)).error('startup failed', error);
  dialog.showErrorBox(`${PRODUCT_NAME}无法启动`, message);
  shutdown();
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutdown);
  app.whenReady().then(start).catch(fail);
}
