/**
 * The origin the renderer runs at under Electron: app://branch-desk. Kept free of any electron
 * import so the IPC registration (main/transports/ipc.ts) can check senders against it in tests.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'branch-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The URL parsed, or null when it is not one: every URL rule here parses (a prefix test can be fooled). */
export function parseUrl(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs of our own renderer. */
export function isAppUrl(url: string | undefined | null): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}
