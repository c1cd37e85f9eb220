import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_DEFINITION, createAppProtocolHandler } from '../../../main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/csp';
import { tempDir } from '../../helpers/context';

let root: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = tempDir('branch-desk-protocol-');
  rendererDir = path.join(root, 'dist', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>支部工作台</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
  fs.writeFileSync(path.join(root, 'dist', 'secret.txt'), 'SECRET');
  // A sibling whose name starts with the renderer folder's name: a bare prefix test would let it through.
  fs.mkdirSync(path.join(root, 'dist', 'renderer-other'));
  fs.writeFileSync(path.join(root, 'dist', 'renderer-other', 'x.txt'), 'SIBLING');
  handler = createAppProtocolHandler(rendererDir);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme without bypassing CSP', () => {
    expect(APP_SCHEME_DEFINITION.scheme).toBe('app');
    expect(APP_SCHEME_DEFINITION.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_DEFINITION.privileges?.bypassCSP).toBeFalsy();
  });

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const res = await get('app://branch-desk/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('支部工作台');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts with a JavaScript type (module scripts need it)', async () => {
    const res = await get('app://branch-desk/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://branch-desk/..%2Fsecret.txt',
    'app://branch-desk/..%2F..%2Fsecret.txt',
    'app://branch-desk/%2e%2e%2fsecret.txt',
    'app://branch-desk/assets/..%2F..%2F..%2Fsecret.txt',
    'app://branch-desk/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://branch-desk/..%2Frenderer-other%2Fx.txt',
    'app://branch-desk/index.html%00.js',
    'app://branch-desk/%E0%A4%A',
  ])('refuses %s without reading outside the renderer folder', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('SIBLING');
    expect(body).not.toContain('root:');
  });

  it('refuses other hosts and non-GET methods, and answers 404 for missing files', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://branch-desk/index.html', 'POST')).status).toBe(405);
    expect((await get('app://branch-desk/nothing.js')).status).toBe(404);
  });
});
