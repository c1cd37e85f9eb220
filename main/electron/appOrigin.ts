/**
 * The origin the renderer runs at under Electron: app://branch-desk. Kept free of any electron
 * import so the IPC registration (main/transports/ipc.ts) can check senders against it in tests.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'branch-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own renderer, judged with a URL parser (a prefix test can be fooled). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
