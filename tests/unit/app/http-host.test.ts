import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextTarget, startHost, type Host } from '../../../main/transports/http-host';
import { testContext, sampleMember, type TestContext } from '../../helpers/context';

let t: TestContext;
let host: Host;
let rendererDir: string;

/** A raw request, so Host and Origin headers can be forged (fetch would not allow it). */
function request(
  p: string,
  { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

beforeAll(async () => {
  t = await testContext();
  rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>支部工作台</title>');
  fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'outside');
  host = await startHost(contextTarget(t), { rendererDir });
  await t.call('branch.save', { name: '中共测试支部委员会' });
});
afterAll(async () => {
  await host.close();
  t.cleanup();
});

describe('loopback host', () => {
  it('listens on 127.0.0.1 and puts the token in the URL fragment only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.openUrl).toBe(`${host.url}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await request('/api/app.info')).status).toBe(401);
    expect((await request('/api/app.info', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await request('/api/app.info', { headers: auth() });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { hasBranch: true } });
  });

  it('refuses a foreign Origin or Host header even with the token (DNS rebinding)', async () => {
    const foreignOrigin = await request('/api/app.info', { headers: { ...auth(), Origin: 'http://evil.example' } });
    expect(foreignOrigin.status).toBe(403);
    const rebound = await request('/api/app.info', { headers: { ...auth(), Host: `evil.example:${host.port}` } });
    expect(rebound.status).toBe(403);
    const sameOrigin = await request('/api/app.info', { headers: { ...auth(), Origin: host.url } });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers invalid input with E_VALIDATION and changes nothing', async () => {
    const before = await t.call('members.search', {});
    const r = await request('/api/members.create', { headers: auth(), body: JSON.stringify(sampleMember({ idNumber: '110105194912310021' })) });
    const payload = JSON.parse(r.body);
    expect(payload.ok).toBe(false);
    expect(payload.error.code).toBe('E_VALIDATION');
    expect(payload.error.issues[0].field).toBe('idNumber');
    const bad = await request('/api/members.create', { headers: auth(), body: '{"name": 5}' });
    expect(JSON.parse(bad.body).error.code).toBe('E_VALIDATION');
    expect((await t.call('members.search', {})).total).toBe(before.total);
  });

  it('answers an unknown operation and a broken body with typed errors', async () => {
    expect(JSON.parse((await request('/api/members.drop', { headers: auth() })).body).error.code).toBe('E_UNKNOWN_OPERATION');
    const broken = await request('/api/app.info', { headers: auth(), body: '{' });
    expect(broken.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await request('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('支部工作台');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%00index.html']) {
      const r = await request(p, { method: 'GET' });
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('outside');
    }
  });

  it('serves the favicon the page links to as image/png without the token, as the page itself; the API still needs it', async () => {
    const root = path.resolve(__dirname, '../../..');
    // renderer/index.html links ./favicon.png; vite copies renderer/public/favicon.png beside it.
    expect(fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8')).toContain('<link rel="icon" type="image/png" href="./favicon.png" />');
    const favicon = fs.readFileSync(path.join(root, 'renderer', 'public', 'favicon.png'));
    fs.writeFileSync(path.join(rendererDir, 'favicon.png'), favicon);
    const r = await new Promise<{ status: number; type: string | undefined; bytes: Buffer }>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: host.port, path: '/favicon.png' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], bytes: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(r.status).toBe(200);
    expect(r.type).toBe('image/png');
    expect(r.bytes.equals(favicon)).toBe(true);
    // The page's CSP lets it load an image from its own origin.
    expect((await request('/', { method: 'GET' })).headers['content-security-policy']).toMatch(/img-src 'self'/);
    expect((await request('/api/app.info')).status).toBe(401);
  });
});
