/**
 * Window and web-contents security, as pure functions over electron's types (no runtime electron
 * import), so each rule is unit-tested without the Electron binary. See docs/security.md.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { PRODUCT_NAME } from '../app/paths';
import { parseUrl } from './appOrigin';

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

/** Only plain web links may leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password && parsed.hostname !== '';
}

export type OpenExternal = (url: string) => Promise<void>;

/** New windows are never created; an http(s) link is handed to the system browser instead. */
export function windowOpenHandler(openExternal: OpenExternal): (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse {
  return ({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  };
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: HardenableContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', denyEvent);
  contents.on('will-redirect', denyEvent);
  contents.on('will-attach-webview', denyEvent);
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
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
