/** Hand-over passwords on the command line: never in the process list, at least 4 characters, no plain export by accident. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/dispatcher';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { seededContext } from '../../helpers/handover';

const ROOT = path.resolve(__dirname, '../../..');
const SECRET = 'Zq7-不可见的口令';
const dir = tempDir('branch-desk-password-');
const db = path.join(dir, 'home.sqlite');
const out = (name: string) => path.join(dir, name);

beforeAll(() => {
  expect(runCli(['seed-demo', '--members', '5', '--db', db], dir).code).toBe(0); // also builds the bundle
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every process's command line under `pid` (itself and its children). */
function commandLines(pid: number): string[] {
  const lines: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(entry) === pid || parent === pid) lines.push(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // the process ended meanwhile
    }
  }
  return lines;
}

describe.runIf(process.platform === 'linux')('the password never appears in the process list', () => {
  it('handover export --password-stdin: the running process shows no password; the package needs it', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist-cli', 'cli.cjs'), 'handover', 'export', out('stdin.zbk'), '--password-stdin', '--db', db], {
      cwd: ROOT,
      env: { ...process.env, BRANCH_DESK_DATA_DIR: dir },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    // The CLI waits for the password on stdin: look at its command line while it runs.
    await new Promise((r) => setTimeout(r, 300));
    const lines = commandLines(child.pid!);
    expect(lines.join('\n')).toContain('--password-stdin');
    expect(lines.join('\n')).not.toContain(SECRET);
    child.stdin.end(`${SECRET}\n`);
    expect(await exited, stderr).toBe(0);
    expect(stderr).not.toContain(SECRET);

    const wrong = runCli(['handover', 'import', out('stdin.zbk'), '--dry-run', '--db', out('other.sqlite')], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('设置了密码');
    const right = spawnSyncWithEnv(['handover', 'import', out('stdin.zbk'), '--dry-run', '--db', out('other.sqlite')], { BRANCH_DESK_PASSWORD: SECRET });
    expect(right.code, right.stderr).toBe(0);
    expect(right.stderr).not.toContain('警告');
  });
});

function spawnSyncWithEnv(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist-cli', 'cli.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BRANCH_DESK_DATA_DIR: dir, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('password rules', () => {
  it('--password still works but warns that others can see it', () => {
    const r = runCli(['handover', 'export', out('arg.zbk'), '--password', 'abcd', '--db', db], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('进程列表');
    expect(r.stdout).toContain('已加密');
  });

  it('a password shorter than 4 characters is refused by the CLI and by main', async () => {
    const r = runCli(['handover', 'export', out('short.zbk'), '--password', 'abc', '--db', db], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('至少需要 4 个字符');
    expect(fs.existsSync(out('short.zbk'))).toBe(false);
    const t = await seededContext(2);
    try {
      const result = await dispatch(t, 'handover.export', { password: 'a' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatchObject({ code: 'E_VALIDATION', message: expect.stringContaining('至少需要 4 个字符') });
    } finally {
      t.cleanup();
    }
  });

  it('exporting without a password needs --no-password, and says the package is not encrypted', () => {
    const refused = runCli(['handover', 'export', out('plain.zbk'), '--db', db], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--no-password');
    expect(refused.stderr).toContain('明文');
    expect(fs.existsSync(out('plain.zbk'))).toBe(false);
    const plain = runCli(['handover', 'export', out('plain.zbk'), '--no-password', '--db', db], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('未加密');
    const both = runCli(['handover', 'export', out('both.zbk'), '--no-password', '--password', 'abcd', '--db', db], dir);
    expect(both.code).toBe(2);
  });

  it('importing a plain package with a password says that it was not encrypted', () => {
    runCli(['handover', 'export', out('plain2.zbk'), '--no-password', '--db', db], dir);
    const r = spawnSyncWithEnv(['handover', 'import', out('plain2.zbk'), '--dry-run', '--db', out('third.sqlite')], { BRANCH_DESK_PASSWORD: 'abcd' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('没有加密');
  });
});
