/**
 * The loopback host: serves the built renderer and the contract on 127.0.0.1 only, for `npm start`
 * where Electron cannot run and for the Playwright tests. Every API request must carry the per-run
 * token (Authorization: Bearer); requests whose Host or Origin is not this host are refused, which
 * also stops DNS-rebinding pages in the user's browser.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/contract/errors';
import type { AppContext } from '../app/context';
import type { Logger } from '../app/log';
import { dispatch } from '../dispatcher';
import { SECURITY_HEADERS } from '../security/csp';
import { MIME_TYPES, resolveInside } from '../security/staticFiles';

export interface HostOptions {
  port?: number;
  /** Folder of the built renderer (vite build output). */
  rendererDir: string;
  token?: string;
}

export interface Host {
  url: string;
  /** The URL to open: carries the token in its fragment, which browsers never send to servers. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }));
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** What the host serves: the contract's dispatch, and a log. Normally an app context; in recovery mode a smaller one. */
export interface HostTarget {
  dispatch(name: string, input: unknown): Promise<Result<unknown>>;
  log: Logger;
}

export function contextTarget(ctx: AppContext): HostTarget {
  return { dispatch: (name, input) => dispatch(ctx, name, input), log: ctx.log };
}

export async function startHost(target: HostTarget, options: HostOptions): Promise<Host> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  let origin = '';
  const allowedHosts = new Set<string>();

  const server = http.createServer(async (req, res) => {
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) return sendError(res, 403, 'E_UNAUTHORIZED', '拒绝访问：主机名不符');
      const url = req.url ?? '/';
      if (url.startsWith('/api/')) {
        if (req.headers.origin !== undefined && req.headers.origin !== origin) {
          return sendError(res, 403, 'E_UNAUTHORIZED', '拒绝访问：来源不符');
        }
        if (!tokenMatches(req.headers.authorization, token)) {
          return sendError(res, 401, 'E_UNAUTHORIZED', '缺少或错误的访问令牌');
        }
        if (req.method !== 'POST') return sendError(res, 405, 'E_UNKNOWN_OPERATION', '只接受 POST 请求');
        const body = await readBody(req);
        if (body === null) return sendError(res, 413, 'E_VALIDATION', '请求过大');
        let input: unknown = {};
        if (body.length) {
          try {
            input = JSON.parse(body.toString('utf8'));
          } catch {
            return sendError(res, 400, 'E_VALIDATION', '请求内容不是有效的 JSON');
          }
        }
        const name = decodeURIComponent(url.slice('/api/'.length).split('?')[0]!);
        const result = await target.dispatch(name, input);
        return send(res, 200, JSON.stringify(result));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'E_UNKNOWN_OPERATION', '不支持的请求');
      const file = resolveInside(options.rendererDir, url);
      if (!file) return sendError(res, 403, 'E_UNAUTHORIZED', '拒绝访问');
      fs.readFile(file, (err, data) => {
        if (err) return sendError(res, 404, 'E_NOT_FOUND', '没有这个文件');
        send(res, 200, data, MIME_TYPES[path.extname(file)] ?? 'application/octet-stream');
      });
    } catch (e) {
      target.log.error('host request failed', e);
      if (!res.headersSent) sendError(res, 500, 'E_INTERNAL', '程序内部错误');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`);
  target.log.info(`loopback host listening on port ${port}`);
  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
