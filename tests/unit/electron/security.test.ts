import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../../main/electron/appOrigin';
import { menuTemplate } from '../../../main/electron/menu';
import { nativeBindingPath } from '../../../main/electron/nativeBinding';
import {
  denyEvent,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenSession,
  hardenWebContents,
  windowOpenHandler,
  windowIconPath,
  windowOptions,
} from '../../../main/electron/security';
import { openExportedFile, showExportedFile } from '../../../main/electron/shellActions';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp';
import { tempDir } from '../../helpers/context';

const fakeEvent = () => ({ preventDefault: vi.fn() });

describe('window options', () => {
  const options = windowOptions({ preloadPath: '/app/dist-electron/preload.cjs' });
  const web = options.webPreferences!;

  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.spellcheck).toBe(false);
  });

  it('leaves web security on and enables nothing experimental', () => {
    expect('webSecurity' in web ? web.webSecurity : true).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the given preload, and DevTools only when asked (development)', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
    expect(web.devTools).toBe(false);
    expect(windowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences!.devTools).toBe(true);
    expect(options.show).toBe(false);
  });
});

describe('window icon', () => {
  it('the window gets the app icon, a PNG in assets/ that electron-builder packs', () => {
    const root = path.resolve(__dirname, '../../..');
    const icon = windowIconPath(root);
    expect(icon).toBe(path.join(root, 'assets', 'icon.png'));
    expect(windowOptions({ preloadPath: '/p.cjs', iconPath: icon }).icon).toBe(icon);
    expect(windowOptions({ preloadPath: '/p.cjs' })).not.toHaveProperty('icon');
    const png = fs.readFileSync(icon);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

  it("defaults to 'self' and allows scripts only from the app", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('names no remote host and no wildcard anywhere', () => {
    for (const [name, values] of directives) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/^(https?:|wss?:|\*|[\w-]+\.[\w.-]+)/);
      }
    }
  });

  it('the renderer page carries the same script policy in its meta tag', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('navigation, new windows, webviews', () => {
  it('denyEvent prevents the default action', () => {
    const e = fakeEvent();
    denyEvent(e);
    expect(e.preventDefault).toHaveBeenCalledOnce();
  });

  it('hardenWebContents denies navigation, redirects and webviews on the contents', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = fakeEvent();
      contents.emit(name, e, 'https://evil.example/');
      expect(e.preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(handler({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('new windows are always denied, web links too: no URL leaves the app', () => {
    const handler = windowOpenHandler();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'app://branch-desk/x', 'ms-msdt:/id', 'https://www.12371.cn/', 'http://evil.example/?d=110105194912310020']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
  });

  it('no code in main/ can reach shell.openExternal', () => {
    const root = path.resolve(__dirname, '../../../main');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mts|cts|js)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const callers = files.filter((f) => /openExternal/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(callers).toEqual([]);
  });
});

describe('session permissions', () => {
  it('every permission request and check is refused', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    hardenSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as typeof denyPermissionRequest;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as typeof denyPermissionCheck;
    expect(check()).toBe(false);
    expect((session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });
});

describe('shell helpers', () => {
  it('openExportedFile opens existing documents only, never programs', async () => {
    const dir = tempDir();
    try {
      const doc = path.join(dir, '花名册.docx');
      const exe = path.join(dir, 'setup.exe');
      fs.writeFileSync(doc, 'x');
      fs.writeFileSync(exe, 'x');
      const shell = { openPath: vi.fn(async () => '') };
      expect(await openExportedFile(shell, doc)).toBe('');
      expect(await openExportedFile(shell, exe)).toContain('只能打开');
      expect(await openExportedFile(shell, 'relative.docx')).toContain('无效');
      expect(await openExportedFile(shell, path.join(dir, 'missing.docx'))).toContain('不存在');
      expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(doc);
      const folderShell = { showItemInFolder: vi.fn() };
      showExportedFile(folderShell, doc);
      expect(folderShell.showItemInFolder).toHaveBeenCalledWith(doc);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('app origin, menu, native binding', () => {
  it('isAppUrl accepts only app://branch-desk', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    for (const url of ['app://evil/index.html', 'http://127.0.0.1:5173/', 'file:///index.html', 'app:/branch-desk', '', null]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('the menu is Chinese, and reload appears only in development', () => {
    const labels = (dev: boolean) => JSON.stringify(menuTemplate({ isDev: dev, onAbout: () => undefined }));
    const top = menuTemplate({ isDev: false, onAbout: () => undefined }).map((m) => m.label);
    expect(top).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const label of ['退出', '复制', '粘贴', '关于支部工作台']) expect(labels(false)).toContain(label);
    expect(labels(false)).not.toContain('重新加载');
    expect(labels(false)).not.toContain('toggleDevTools');
    expect(labels(true)).toContain('重新加载');
  });

  it('the about item calls its action', () => {
    const onAbout = vi.fn();
    const help = menuTemplate({ isDev: false, onAbout }).at(-1)!.submenu as { click?: () => void }[];
    help[0]!.click!();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('nativeBindingPath: resources when packaged, .electron-native/<platform>-<arch> in development', () => {
    const env = {};
    expect(nativeBindingPath({ packaged: true, resourcesPath: '/opt/app/resources', appRoot: '/x', env })).toBe(
      path.join('/opt/app/resources', 'native', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ packaged: false, resourcesPath: '', appRoot: '/repo', platform: 'linux', arch: 'arm64', env })).toBe(
      path.join('/repo', '.electron-native', 'linux-arm64', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ packaged: true, resourcesPath: '/r', appRoot: '/x', env: { BRANCH_DESK_NATIVE_BINDING: '/b.node' } })).toBe(
      path.resolve('/b.node'),
    );
  });
});
