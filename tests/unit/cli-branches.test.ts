/** A committee database holding several branches (taken in from packages): `handover export --branch`. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, cliOk as ok, snapshot } from '../helpers/cli';
import { tempDir } from '../helpers/context';

const FIRST = '中共第一钻井队支部委员会';
const SECOND = '中共第二钻井队支部委员会';
const THIRD = '中共第三钻井队支部委员会';

const root = tempDir('branch-desk-cli-branches-');
/** The committee's data folder: its own branch (FIRST), and SECOND and THIRD imported from packages. */
const homeDir = path.join(root, 'home');
const home = path.join(homeDir, 'home.sqlite');
const out = (name: string) => path.join(root, 'out', name);
const json = <T = any>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

/** A database of its own for `name`, with `members` members, handed over into `home`. */
async function takeIn(name: string, members: number, seed: number): Promise<string> {
  const db = path.join(root, `branch-${seed}`, 'x.sqlite');
  await ok(['init', '--branch', name, '--db', db]);
  await ok(['seed-demo', '--members', String(members), '--seed', String(seed), '--db', db]);
  const zbk = path.join(root, `branch-${seed}.zbk`);
  await ok(['handover', 'export', zbk, '--db', db]);
  await ok(['handover', 'import', zbk, '--db', home]);
  return db;
}

let second: string;
beforeAll(async () => {
  await ok(['init', '--branch', FIRST, '--db', home]);
  await ok(['seed-demo', '--members', '15', '--seed', '1', '--db', home]);
  second = await takeIn(SECOND, 12, 2);
  await takeIn(THIRD, 8, 3);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('handover export --branch', () => {
  it('exports the named branch, whose package holds exactly that branch’s members', async () => {
    const file = out('second.zbk');
    const r = await ok(['handover', 'export', file, '--branch', SECOND, '--db', home, '--json']);
    expect(json(r).package.branch.name).toBe(SECOND);
    const target = path.join(root, 'received', 'x.sqlite');
    await ok(['handover', 'import', file, '--db', target]);
    const received = json((await ok(['member', 'list', '--all', '--db', target, '--json'])));
    const original = json((await ok(['member', 'list', '--all', '--db', second, '--json'])));
    expect(received.length).toBe(12);
    expect(received).toEqual(original);
  });

  it('takes a part of the name that only one branch has, and the local branch by default', async () => {
    const third = await ok(['handover', 'export', out('third.zbk'), '--branch', '第三', '--db', home, '--json']);
    expect(json(third).package.branch.name).toBe(THIRD);
    const local = await ok(['handover', 'export', out('local.zbk'), '--db', home, '--json']);
    expect(json(local).package.branch.name).toBe(FIRST);
    const text = await ok(['handover', 'export', out('local-text.zbk'), '--branch', FIRST, '--db', home]);
    expect(text.stdout).toContain(`（${FIRST}）`);
  });

  it.each([
    ['钻井队', '有 3 个支部的名称含“钻井队”，请写出完整名称'],
    ['第四', '没有名为“第四”的支部'],
  ])('refuses %s as a usage error listing the branches (local first, then as the database orders them), and writes nothing', async (name, problem) => {
    const before = snapshot(homeDir);
    const file = out(`refused-${name}.zbk`);
    const r = await cli(['handover', 'export', file, '--branch', name, '--db', home, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe('E_VALIDATION');
    expect(error.message).toBe(`选项 --branch：${problem}。数据文件中的支部：${FIRST}（本支部）、${THIRD}、${SECOND}`);
    expect(fs.existsSync(file)).toBe(false);
    expect(snapshot(homeDir)).toEqual(before);
    const text = await cli(['handover', 'export', file, '--branch', name, '--db', home]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--branch 支部名称');
  });

  it('says the data file is missing rather than guessing, and creates nothing', async () => {
    const db = path.join(root, 'missing', 'x.sqlite');
    const r = await cli(['handover', 'export', out('missing.zbk'), '--branch', SECOND, '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toBe('E_NOT_FOUND');
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });
});
