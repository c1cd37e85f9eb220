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
  /** Largest request body accepted (64 MB); tests set a small one. */
  maxBodyBytes?: number;
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

/** The body, or null when it is over the limit (declared or sent): the caller answers 413, then the connection is closed. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
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
        const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
        const body = await readBody(req, limit);
        if (body === null) {
          // Answer first, then close: destroying the socket at once left the client without a status.
          res.setHeader('Connection', 'close');
          res.on('finish', () => req.destroy());
          return sendError(res, 413, 'E_VALIDATION', `请求过大（超过 ${Math.round(limit / 1024 / 1024) || 1} MB），未处理`);
        }
        let input: unknown = {};
        if (body.length) {
          try {
            input = JSON.parse(body.toString('utf8'));
          } catch {
            return sendError(res, 400, 'E_VALIDATION', '请求内容不是有效的 JSON');
          }
        }
        let name: string;
        try {
          name = decodeURIComponent(url.slice('/api/'.length).split('?')[0]!);
        } catch {
          return sendError(res, 400, 'E_VALIDATION', '请求的操作名称无效（含有错误的 % 转义）');
        }
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
