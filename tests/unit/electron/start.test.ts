/** `npm start` without Electron (--browser, the path taken where the binary cannot be had): one line, then the host URL. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const data = tempDir('branch-desk-start-');
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

function startUntilUrl(): Promise<{ lines: string[]; url: string; token: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), '--browser', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, BRANCH_DESK_DATA_DIR: data, DISPLAY: '' },
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (stop(), reject(new Error(`no URL within 90 s:\n${out}`))), 90_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ lines: out.trim().split('\n'), url: m[1]!, token: m[2]!, stop });
      }
    });
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`start.mjs exited (${code}):\n${out}`))));
  });
}

describe('npm start, browser version', () => {
  it('prints one notice line and the tokened URL of a working host on the chosen data folder', async () => {
    const started = await startUntilUrl();
    try {
      expect(started.lines).toHaveLength(2);
      expect(started.lines[0]).toContain('本机浏览器版');
      const page = await fetch(`${started.url}/`);
      expect(page.status).toBe(200);
      const info = await fetch(`${started.url}/api/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${started.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const body = (await info.json()) as { ok: boolean; value: { dataDir: string } };
      expect(body.ok).toBe(true);
      expect(body.value.dataDir).toBe(data);
      expect((await fetch(`${started.url}/api/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      started.stop();
    }
  }, 120_000);
});
