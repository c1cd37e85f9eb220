/**
 * Window and web-contents security, as pure functions over electron's types (no runtime electron
 * import), so each rule is unit-tested without the Electron binary. See docs/security.md.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { PRODUCT_NAME } from '../app/paths';

export interface WindowOptionsInput {
  preloadPath: string;
  /** DevTools only outside a packaged build. */
  devTools?: boolean;
  /** The window's icon (Linux shows it; on Windows the exe's icon is used). */
  iconPath?: string;
}

/** The window icon inside the app (packed by electron-builder.yml's `files`; drawn by scripts/make-icons.mjs). */
export function windowIconPath(appRoot: string): string {
  return path.join(appRoot, 'assets', 'icon.png');
}

export function windowOptions({ preloadPath, devTools = false, iconPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}

interface Preventable {
  preventDefault(): void;
}

/** will-navigate / will-redirect / will-attach-webview: the app has one page and no webviews. */
export function denyEvent(event: Preventable): void {
  event.preventDefault();
}

/**
 * New windows are never created, and no URL is ever handed to the system browser: the app has no
 * external links, and a script injected into the renderer could otherwise send data out in a URL,
 * around the CSP. Exported files are opened by main itself (shellActions.ts), never by URL.
 */
export function windowOpenHandler(): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return () => ({ action: 'deny' });
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', denyEvent);
  contents.on('will-redirect', denyEvent);
  contents.on('will-attach-webview', denyEvent);
  contents.setWindowOpenHandler(windowOpenHandler());
}

export const denyPermissionRequest = (_contents: unknown, _permission: string, callback: (granted: boolean) => void): void =>
  callback(false);
export const denyPermissionCheck = (): boolean => false;

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** The app needs no camera, microphone, notifications, clipboard-read, devices or anything else. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
}
