/** `codes list`: the lists as the screen shows them, through the CLI (in process). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliOk } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 'db.sqlite');
  await cliOk(['init', '--branch', '中共第一钻井队支部委员会', '--db', db]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('codes list', () => {
  it('lists every kind with its items in order, and one kind by key or Chinese name', async () => {
    const all = await cliOk(['codes', 'list', '--db', db]);
    for (const title of ['【岗位】', '【缺席原因】', '【谈话类型】', '【会议地点】', '【表彰称号】']) expect(all.stdout).toContain(title);
    const one = await cliOk(['codes', 'list', '--kind', '缺席原因', '--db', db, '--json']);
    const lists = JSON.parse(one.stdout) as { kind: string; items: { label: string }[] }[];
    expect(lists.map((l) => l.kind)).toEqual(['absenceReasons']);
    expect(lists[0]!.items.map((i) => i.label)).toEqual(['公差', '病假', '事假', '轮休', '探亲', '外出培训', '其他']);
    expect((await cliOk(['codes', 'list', '--kind', 'posts', '--db', db])).stdout).toMatch(/【岗位】[\s\S]*1\s+队长\s+在用/);
  });

  it('refuses an unknown --kind before opening the database, listing the kinds', async () => {
    const r = await cliInProcess(['codes', 'list', '--kind', '工资', '--db', path.join(dir, 'none.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --kind 的值“工资”不是已知的字典');
    expect(r.stderr).toContain('posts（岗位）');
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  });
});
