/** A committee database holding several branches (taken in from packages): `handover export --branch`, `roster import --branch`. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, cliOk as ok, snapshot } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { idNumber } from '../../helpers/sheets';

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
  await ok(['handover', 'export', zbk, '--db', db, '--no-password']);
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
    const r = await ok(['handover', 'export', file, '--branch', SECOND, '--db', home, '--json', '--no-password']);
    expect(json(r).package.branch.name).toBe(SECOND);
    const target = path.join(root, 'received', 'x.sqlite');
    await ok(['handover', 'import', file, '--db', target]);
    const received = json((await ok(['member', 'list', '--all', '--db', target, '--json'])));
    const original = json((await ok(['member', 'list', '--all', '--db', second, '--json'])));
    expect(received.length).toBe(12);
    expect(received).toEqual(original);
  });

  it('takes a part of the name that only one branch has, and the local branch by default', async () => {
    const third = await ok(['handover', 'export', out('third.zbk'), '--branch', '第三', '--db', home, '--json', '--no-password']);
    expect(json(third).package.branch.name).toBe(THIRD);
    const local = await ok(['handover', 'export', out('local.zbk'), '--db', home, '--json', '--no-password']);
    expect(json(local).package.branch.name).toBe(FIRST);
    const text = await ok(['handover', 'export', out('local-text.zbk'), '--branch', FIRST, '--db', home, '--no-password']);
    expect(text.stdout).toContain(`（${FIRST}）`);
  });

  it.each([
    ['钻井队', '有 3 个支部的名称含“钻井队”，请写出完整名称'],
    ['第四', '没有名为“第四”的支部'],
  ])('refuses %s as a usage error listing the branches (local first, then as the database orders them), and writes nothing', async (name, problem) => {
    const before = snapshot(homeDir);
    const file = out(`refused-${name}.zbk`);
    const r = await cli(['handover', 'export', file, '--branch', name, '--db', home, '--json', '--no-password']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe('E_VALIDATION');
    expect(error.message).toBe(`选项 --branch：${problem}。数据文件中的支部：${FIRST}（本支部）、${THIRD}、${SECOND}`);
    expect(fs.existsSync(file)).toBe(false);
    expect(snapshot(homeDir)).toEqual(before);
    const text = await cli(['handover', 'export', file, '--branch', name, '--db', home, '--no-password']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--branch 支部名称');
  });

  it('says the data file is missing rather than guessing, and creates nothing', async () => {
    const db = path.join(root, 'missing', 'x.sqlite');
    const r = await cli(['handover', 'export', out('missing.zbk'), '--branch', SECOND, '--db', db, '--json', '--no-password']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.code).toBe('E_NOT_FOUND');
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });
});

describe('member list --branch', () => {
  it('lists the branch named by a part of its name, the same members its own database holds', async () => {
    const listed = json<{ id: string; branch: string }[]>(await ok(['member', 'list', '--branch', '第二钻井队', '--db', home, '--json']));
    const own = json<{ id: string }[]>(await ok(['member', 'list', '--db', second, '--json']));
    expect(listed.map((m) => m.id)).toEqual(own.map((m) => m.id));
    expect(new Set(listed.map((m) => m.branch))).toEqual(new Set([SECOND]));
    const all = json<{ branch: string }[]>(await ok(['member', 'list', '--branch', 'all', '--db', home, '--json']));
    expect(new Set(all.map((m) => m.branch))).toEqual(new Set([FIRST, SECOND, THIRD]));
  });
});

describe('roster import --branch', () => {
  /** Members of the branch named `name` with this ID number, read straight from the data file. */
  function countIn(name: string, id: string): number {
    // Read-write, though only read: closing then removes the -wal and -shm files (a read-only connection leaves them).
    const db = new Database(home);
    try {
      const row = db
        .prepare('SELECT count(*) AS n FROM members m JOIN branches b ON b.id = m.branch_id WHERE b.name = ? AND m.id_number = ? AND m.deleted_at IS NULL')
        .get(name, id) as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  }

  it('imports into the named branch, not the local one, and says which', async () => {
    const id = idNumber('1991-03-04', '女', 77);
    const sheet = out('one-member.csv');
    fs.mkdirSync(path.dirname(sheet), { recursive: true });
    fs.writeFileSync(
      sheet,
      `姓名,性别,民族,身份证号,出生日期,学历,人员类别,入党日期,转正日期\n周梅,女,汉族,${id},1991-03-04,大学本科毕业,正式党员,2016-07-01,2017-07-01\n`,
    );
    const dry = await ok(['roster', 'import', sheet, '--branch', '第二', '--dry-run', '--db', home]);
    expect(dry.stdout).toContain(`导入到：${SECOND}`);
    expect(countIn(SECOND, id)).toBe(0);
    const r = await ok(['roster', 'import', sheet, '--branch', '第二', '--db', home, '--json']);
    expect(json(r)).toMatchObject({ new: 1, written: true });
    expect(countIn(SECOND, id)).toBe(1);
    expect(countIn(FIRST, id)).toBe(0);
    // The same person again into that branch is unchanged, not a second member.
    expect(json(await ok(['roster', 'import', sheet, '--branch', SECOND, '--db', home, '--json']))).toMatchObject({ new: 0, unchanged: 1 });
    expect(countIn(SECOND, id)).toBe(1);
  });

  it('refuses an unknown branch before reading the data file into a preview, and changes nothing', async () => {
    const sheet = out('one-member.csv');
    const before = snapshot(homeDir);
    const r = await cli(['roster', 'import', sheet, '--branch', '第九', '--db', home, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toContain('选项 --branch：没有名为“第九”的支部');
    expect(snapshot(homeDir)).toEqual(before);
  });
});
