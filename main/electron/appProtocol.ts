/**
 * The app:// protocol: serves the built renderer (dist/renderer) to the window, refusing any path
 * that leaves that folder, with the same CSP and security headers as the loopback host.
 * No electron import: main.ts passes the handler to protocol.handle, tests call it with a Request.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS } from '../security/csp';
import { MIME_TYPES, resolveInside } from '../security/staticFiles';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/** Registered before the app is ready: standard (a real origin, relative URLs, module scripts) and secure. */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, '请求地址无效');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(403, '拒绝访问');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, '不支持的请求');
    const file = resolveInside(rendererDir, url.pathname);
    if (!file) return refuse(403, '拒绝访问');
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return refuse(404, '没有这个文件');
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' },
    });
  };
}
