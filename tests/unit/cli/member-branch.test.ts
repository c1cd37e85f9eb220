/** `member list --branch NAME|all` on a committee database: its own branch (甲) and two taken in from packages (乙, 丙). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, cliOk as ok, snapshot } from '../../helpers/cli';
import { committee } from '../../helpers/committee';
import type { TestContext } from '../../helpers/context';

const JIA = '中共甲钻井队支部委员会';
const YI = '中共乙钻井队支部委员会';
const BING = '中共丙钻井队支部委员会';

const open: TestContext[] = [];
let db: string;
let dir: string;
beforeAll(async () => {
  const { c } = await committee((t) => (open.push(t), t));
  dir = c.dir;
  db = path.join(c.dir, 'test.sqlite');
}, 60_000);
afterAll(() => open.splice(0).forEach((t) => t.cleanup()));

const json = <T = any>(r: { stdout: string }) => JSON.parse(r.stdout) as T;
const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe('member list --branch', () => {
  it('lists the local branch by default, without a branch field', async () => {
    const rows = json<{ name: string; branch?: string }[]>(await ok(['member', 'list', '--db', db, '--json']));
    expect(names(rows)).toEqual(['王建国']);
    expect(rows[0]).not.toHaveProperty('branch');
  });

  it('lists a branch taken in from a package, by its full name or a part only it has', async () => {
    const full = json<{ name: string; branch: string }[]>(await ok(['member', 'list', '--branch', YI, '--db', db, '--json']));
    expect(names(full)).toEqual(['刘芳', '张伟'].sort());
    expect(new Set(full.map((r) => r.branch))).toEqual(new Set([YI]));
    const part = json(await ok(['member', 'list', '--branch', '丙钻井队', '--db', db, '--json']));
    expect(names(part)).toEqual(['杨丽', '赵军', '陈强'].sort());
    const text = await ok(['member', 'list', '--branch', '乙', '--db', db]);
    expect(text.stdout).toContain(`${YI} 共 2 人。`);
    expect(text.stdout).not.toContain('所在支部');
    expect(text.stdout).not.toContain('王建国');
  });

  it('--branch all lists every branch, grouped by branch, with a 所在支部 column after 序号', async () => {
    const rows = json<{ name: string; branch: string }[]>(await ok(['member', 'list', '--branch', 'all', '--db', db, '--json']));
    expect(rows).toHaveLength(6);
    const order = rows.map((r) => r.branch);
    expect(order).toEqual([...order].sort());
    expect(new Set(order)).toEqual(new Set([JIA, YI, BING]));
    expect(rows.find((r) => r.name === '王建国')!.branch).toBe(JIA);
    const text = (await ok(['member', 'list', '--branch', 'all', '--db', db])).stdout;
    const [header, , ...lines] = text.split('\n');
    expect(header!.split(/\s+/).slice(0, 3)).toEqual(['序号', '所在支部', '姓名']);
    expect(lines.find((l) => l.includes('张伟'))).toMatch(new RegExp(`^\\d+\\s+${YI}\\s+张伟`));
    expect(text).toContain('共 6 人，3 个支部。');
    // --search narrows within every branch.
    expect(names(json(await ok(['member', 'list', '--branch', 'all', '--search', '张伟', '--db', db, '--json'])))).toEqual(['张伟']);
  });

  it.each([
    ['第九', '没有名为“第九”的支部'],
    ['钻井队', '有 3 个支部的名称含“钻井队”，请写出完整名称'],
  ])('--branch %s: a usage error naming it and listing the branches, before the data file is opened', async (name, problem) => {
    const before = snapshot(dir);
    const r = await cli(['member', 'list', '--branch', name, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe('E_VALIDATION');
    expect(error.message).toBe(`选项 --branch：${problem}。数据文件中的支部：${JIA}（本支部）、${BING}、${YI}；或写 --branch all 列出全部支部`);
    // member list opens the database (and logs) when it runs: unchanged bytes show it was refused in prepare().
    expect(snapshot(dir)).toEqual(before);
    const text = await cli(['member', 'list', '--branch', name, '--db', db]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--branch 支部名称|all');
  });

  it('the snapshot above does see a listing that runs: opening the database writes to the data folder', async () => {
    const before = snapshot(dir);
    await ok(['member', 'list', '--branch', 'all', '--db', db, '--json']);
    expect(snapshot(dir)).not.toEqual(before);
  });
});
