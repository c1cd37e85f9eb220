/**
 * Key derivation: only the parameters the app writes are accepted, refused before any derivation,
 * and the derivation runs off the main thread, so the host keeps answering meanwhile.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importHandover } from '../../../main/services/handover/handover';
import { readZip, writeZip } from '../../../main/services/handover/zip';
import { contextTarget, startHost, type Host } from '../../../main/transports/http-host';
import type { TestContext } from '../../helpers/context';
import { packageOf, seededContext } from '../../helpers/handover';
import { databaseBytes } from '../../helpers/trust';

let source: TestContext;
let target: TestContext;
let encrypted: Buffer;

beforeAll(async () => {
  source = await seededContext(8);
  target = await seededContext(3, 99);
  encrypted = await packageOf(source, { password: 'pw12' });
});
afterAll(() => {
  source.cleanup();
  target.cleanup();
});
afterEach(() => vi.restoreAllMocks());

async function withHeader(edit: (header: any) => void): Promise<Buffer> {
  const entries = await readZip(encrypted);
  const header = JSON.parse(entries.get('header.json')!.toString());
  edit(header);
  entries.set('header.json', Buffer.from(JSON.stringify(header)));
  return writeZip([...entries].map(([name, data]) => ({ name, data })));
}


describe('key derivation parameters', () => {
  it('writes N=2^15, r=8, p=1', async () => {
    const header = JSON.parse((await readZip(encrypted)).get('header.json')!.toString());
    expect(header.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
  });

  const hostile: [string, (h: any) => void][] = [
    ['N = 2^20', (h) => (h.kdf.N = 1 << 20)],
    ['N = 2^16', (h) => (h.kdf.N = 1 << 16)],
    ['r = 16', (h) => (h.kdf.r = 16)],
    ['p = 4', (h) => (h.kdf.p = 4)],
    ['a smaller N', (h) => (h.kdf.N = 1024)],
  ];
  it.each(hostile)('a header asking for %s is refused at once, without deriving a key, the database unchanged', async (_label, edit) => {
    const file = await withHeader(edit);
    const scrypt = vi.spyOn(crypto, 'scrypt');
    const scryptSync = vi.spyOn(crypto, 'scryptSync');
    const before = databaseBytes(target);
    for (const password of ['pw12', undefined]) {
      const error = await importHandover(target, file, { password, resolutions: { all: 'package' } }).catch((e) => e);
      expect(error.reason).toBe('unsupported-kdf');
      expect(error.message).toMatch(/密钥参数.*已拒绝/);
    }
    expect(scrypt).not.toHaveBeenCalled();
    expect(scryptSync).not.toHaveBeenCalled();
    expect(databaseBytes(target)).toBe(before);
  });
});

describe('a changed header byte and a wrong password are told apart', () => {
  it('a changed salt, iv or key-check value is reported as a damaged header, not as a wrong password', async () => {
    for (const field of ['salt', 'iv', 'keyCheck'] as const) {
      const file = await withHeader((h) => {
        const holder = field === 'salt' ? h.kdf : field === 'iv' ? h.cipher : h;
        const value: string = holder[field];
        holder[field] = (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
      });
      const error = await importHandover(target, file, { password: 'pw12' }).catch((e) => e);
      expect(error.reason, field).toBe('header-damaged');
      expect(error.message).toContain('包头');
    }
    const wrong = await importHandover(target, encrypted, { password: 'nope' }).catch((e) => e);
    expect(wrong.reason).toBe('wrong-password');
  });
});

describe('the derivation does not block the main thread', () => {
  let host: Host;
  beforeAll(async () => {
    const rendererDir = path.join(target.dir, 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    host = await startHost(contextTarget(target), { rendererDir });
  });
  afterAll(() => host.close());

  const post = (op: string, body: unknown) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: `/api/${op}`, method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' } },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  it('the host answers app.info while a package key is being derived', async () => {
    const events: string[] = [];
    const real = crypto.scrypt;
    // The real derivation starts at once on the thread pool; its result is handed on only after app.info has answered,
    // which it can only do while the main thread is free.
    vi.spyOn(crypto, 'scrypt').mockImplementation(((...args: any[]) => {
      const callback = args.pop();
      events.push('derivation started');
      const info = post('app.info', {}).then((r) => events.push(`app.info answered ${r.status}`));
      (real as any)(...args, (err: Error | null, key: Buffer) => info.then(() => (events.push('derivation finished'), callback(err, key))));
    }) as any);
    const preview = await post('handover.preview', { data: encrypted.toString('base64'), fileName: 'p.zbk', password: 'pw12' });
    events.push('preview answered');
    expect(preview.body.ok).toBe(true);
    expect(events).toEqual(['derivation started', 'app.info answered 200', 'derivation finished', 'preview answered']);
  });
});
