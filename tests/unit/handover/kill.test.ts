/** kill -9 of the CLI in the middle of importing a large package: the database holds all of it or none of it. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw } from '../../../main/db/connection';
import { seedDemo } from '../../../main/services/demo/seed';
import { exportPackage } from '../../../main/services/handover/export';
import { tempDir, testContext } from '../../helpers/context';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'main', 'cli', 'index.ts');
/** One process (node with tsx's loader), so SIGKILL hits the process that writes, not a wrapper. */
const node = (args: string[]) => [process.execPath, ['--import', 'tsx', cli, ...args]] as const;
const MEMBERS = 8000;
let dir: string;
let pkg: string;

beforeAll(async () => {
  dir = tempDir();
  const source = await testContext();
  seedDemo(source.db, { members: MEMBERS, seed: 3 });
  pkg = path.join(dir, 'large.zbk');
  await exportPackage(source.db, pkg, { appVersion: 'test' });
  source.cleanup();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function memberCount(db: string): number {
  const conn = openRaw(db);
  try {
    return (conn.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

function check(db: string): { ok: boolean } {
  const r = spawnSync(...node(['check', '--db', db, '--json']), { cwd: root, encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

/** Starts an import and kills it with SIGKILL once `when` says so (polled every 2 ms). */
function importAndKill(db: string, when: (elapsedMs: number) => boolean, env: Record<string, string> = {}): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(...node(['handover', 'import', pkg, '--db', db]), { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
    const started = Date.now();
    let killed = false;
    const timer = setInterval(() => {
      if (!killed && when(Date.now() - started)) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 2);
    child.on('exit', () => {
      clearInterval(timer);
      resolve(killed ? 'killed' : 'finished');
    });
  });
}

function freshTarget(name: string): string {
  const db = path.join(dir, `${name}.sqlite`);
  spawnSync(...node(['init', '--branch', '中共委员会测试支部', '--db', db]), { cwd: root });
  return db;
}

describe('kill -9 during an import', () => {
  it('killed halfway through the write transaction: nothing of the package is stored', async () => {
    const db = freshTarget('mid-write');
    const marker = path.join(dir, 'fault-reached');
    const outcome = await importAndKill(db, () => fs.existsSync(marker), {
      BRANCH_DESK_FAULT: 'import.mid-transaction',
      BRANCH_DESK_FAULT_MARKER: marker,
    });
    expect(outcome).toBe('killed');
    expect(check(db).ok).toBe(true);
    expect(memberCount(db)).toBe(0);
    // The same package imports whole afterwards.
    expect(await importAndKill(db, () => false)).toBe('finished');
    expect(memberCount(db)).toBe(MEMBERS);
  }, 120_000);

  it('killed at random moments: every time all of it or none of it', async () => {
    for (const delay of [800, 1600, 2400]) {
      const db = freshTarget(`at-${delay}`);
      await importAndKill(db, (elapsed) => elapsed >= delay);
      expect(check(db).ok, `killed after ${delay} ms`).toBe(true);
      expect([0, MEMBERS], `killed after ${delay} ms`).toContain(memberCount(db));
    }
  }, 240_000);

  it('not killed: all of it', async () => {
    const db = freshTarget('complete');
    expect(await importAndKill(db, () => false)).toBe('finished');
    expect(memberCount(db)).toBe(MEMBERS);
  }, 120_000);
});
