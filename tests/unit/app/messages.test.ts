/** Issue 11, item 8: each of these mistakes gets a clear Chinese message and a 4xx code or a usage error, never 程序内部错误. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../main/services/spreadsheet/readers';
import { contextTarget, startHost, type Host } from '../../../main/transports/http-host';
import { cliInProcess } from '../../helpers/cli';
import { testContext, type TestContext } from '../../helpers/context';
import { buildXlsx } from '../../helpers/sheets';

/** English words of a library's message; the app's own names (Excel, WPS, xlsx) are allowed. */
const englishWords = (text: string) => (text.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !['Excel', 'xlsx', 'WPS'].includes(w));

describe('spreadsheets', () => {
  it('a 0-byte file says the file is empty', async () => {
    for (const format of ['xlsx', 'xls', 'csv'] as const) {
      const e = await readSpreadsheet(Buffer.alloc(0), format).catch((x) => x);
      expect(e.code).toBe('E_VALIDATION');
      expect(e.message).toContain('文件是空的');
    }
  });

  it('a truncated .xlsx says so in Chinese, without the library’s English text', async () => {
    const whole = await buildXlsx([['姓名', '身份证号'], ['张三', '110105194912310020']]);
    for (const cut of [0.3, 0.6, 0.9]) {
      const e = await readSpreadsheet(whole.subarray(0, Math.floor(whole.length * cut)), 'xlsx').catch((x) => x);
      expect(e.code, `cut at ${cut}`).toBe('E_VALIDATION');
      expect(e.message).toContain('文件不完整');
      expect(englishWords(e.message)).toEqual([]);
    }
  });
});

describe('the command line', () => {
  let dir: string;
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
    dir = t.dir;
  });
  afterAll(() => t.cleanup());

  it('handover import of a folder names it as a folder', async () => {
    const r = await cliInProcess(['handover', 'import', dir, '--dry-run', '--db', path.join(dir, 'x.sqlite')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('是文件夹');
    expect(r.stderr).not.toMatch(/程序内部错误|EISDIR/);
  });

  it('seed-demo --members -5 says what range is allowed', async () => {
    const r = await cliInProcess(['seed-demo', '--members', '-5', '--db', path.join(dir, 'seed.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --members 应在 1 到');
    expect(r.stderr).not.toContain('不应带值');
    expect(fs.existsSync(path.join(dir, 'seed.sqlite'))).toBe(false);
  });
});

describe('the loopback host', () => {
  let t: TestContext;
  let host: Host;
  beforeAll(async () => {
    t = await testContext();
    const rendererDir = path.join(t.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    host = await startHost(contextTarget(t), { rendererDir, maxBodyBytes: 1024 });
  });
  afterAll(async () => {
    await host.close();
    t.cleanup();
  });

  function post(p: string, chunks: string[], declareLength: boolean): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
      const headers: Record<string, string | number> = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
      if (declareLength) headers['Content-Length'] = total;
      const req = http.request({ host: '127.0.0.1', port: host.port, path: p, method: 'POST', headers }, (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: data }));
      });
      req.on('error', reject);
      for (const c of chunks) req.write(c);
      req.end();
    });
  }

  it('a body over the limit gets a 413 with a Chinese message, declared or sent in chunks', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(4000) });
    for (const declared of [true, false]) {
      const r = await post('/api/app.info', declared ? [big] : [big.slice(0, 900), big.slice(900)], declared);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error).toMatchObject({ code: 'E_VALIDATION', message: expect.stringContaining('请求过大') });
    }
    expect((await post('/api/app.info', ['{}'], true)).status).toBe(200);
  });

  it('a bad % escape in an operation name gives a 400', async () => {
    const r = await post('/api/app.%E0%A4%A', ['{}'], true);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toContain('% 转义');
  });
});
