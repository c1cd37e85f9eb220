/** meeting list / meeting add / talk list, in-process through main(). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { cliInProcess as cli, cliOk as ok } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

const root = tempDir('branch-desk-meetings-cli-');
const db = path.join(root, 'branch.sqlite');
const demo = path.join(root, 'demo.sqlite');
const file = (name: string) => path.join(root, name);
let saved: string | undefined;
let ids: Record<string, string> = {};

function idNumber(birth: string, n: number): string {
  const first17 = `130982${birth.replaceAll('-', '')}${String(n * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const person = (name: string, n: number, category: string, joinDate: string, fullDate: string | null) => ({
  name, gender: '男', ethnicity: '汉族', idNumber: idNumber(`197${n}-03-0${n}`, n), birthDate: `197${n}-03-0${n}`, education: '大学本科',
  category, joinDate, fullDate, partyGroup: '钻井一班党小组',
});

beforeAll(async () => {
  saved = process.env.BRANCH_DESK_DATA_DIR;
  process.env.BRANCH_DESK_DATA_DIR = path.join(root, 'data');
  await ok(['init', '--branch', '中共渤海钻探第一钻井队支部委员会', '--db', db]);
  fs.writeFileSync(file('members.json'), JSON.stringify([
    person('王建国', 1, '正式党员', '2000-07-01', '2001-07-01'),
    person('李红梅', 2, '正式党员', '2000-07-01', '2001-07-01'),
    person('赵志强', 3, '正式党员', '2001-07-01', '2002-07-01'),
    person('孙浩然', 4, '预备党员', '2025-12-01', null),
  ]));
  await ok(['member', 'add', '--file', file('members.json'), '--db', db]);
  const members = JSON.parse((await ok(['member', 'list', '--db', db, '--json'])).stdout) as { id: string; name: string }[];
  ids = Object.fromEntries(members.map((m) => [m.name, m.id]));
  await ok(['seed-demo', '--members', '20', '--seed', '4', '--db', demo]);
}, 120_000);

afterAll(() => {
  if (saved === undefined) delete process.env.BRANCH_DESK_DATA_DIR;
  else process.env.BRANCH_DESK_DATA_DIR = saved;
  fs.rmSync(root, { recursive: true, force: true });
});

const meeting = (over: Record<string, unknown> = {}) => ({
  type: '支部党员大会', date: '2026-03-12', startTime: '09:00', endTime: '10:30', place: '井队会议室',
  host: ids['王建国'], recorder: ids['李红梅'],
  attendees: [ids['王建国'], ids['李红梅'], ids['孙浩然']],
  absentees: [{ memberId: ids['赵志强'], reason: '病假' }],
  topics: ['讨论接收预备党员'], content: '书记主持会议。',
  resolutions: [{ text: '同意接收李四为预备党员', vote: { method: '举手', for: 2, against: 0, abstain: 0 } }],
  final: true,
  ...over,
});

async function add(name: string, body: object) {
  fs.writeFileSync(file(name), JSON.stringify(body));
  return cli(['meeting', 'add', '--file', file(name), '--db', db, '--json']);
}

describe('meeting add', () => {
  it('adds and finalises a meeting given as in the issue, with the same checks as the form', async () => {
    const r = await add('m1.json', meeting());
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: '支部党员大会', status: 'final', expected: 4, present: 3, title: '2026年第1次党员大会' });
    const list = JSON.parse((await ok(['meeting', 'list', '--year', '2026', '--db', db, '--json'])).stdout);
    expect(list).toMatchObject([{ type: '支部党员大会', date: '2026-03-12', status: 'final', expected: 4, present: 3, host: '王建国' }]);
  });

  it('refuses a vote that counts the probationer, and leaves nothing behind', async () => {
    const r = await add('m2.json', meeting({ date: '2026-04-12', resolutions: [{ text: '表决', vote: { method: '举手', for: 3 } }] }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.message).toContain('预备党员没有表决权');
    expect(JSON.parse((await ok(['meeting', 'list', '--db', db, '--json'])).stdout)).toHaveLength(1);
  });

  it('names the expected member listed neither as present nor absent', async () => {
    const r = await add('m3.json', meeting({ date: '2026-05-12', absentees: [] }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.message).toBe('出席人员：应到人员中赵志强既未列为出席，也未列为缺席');
  });

  it('refuses someone not yet on the roster on the date', async () => {
    const r = await add('m4.json', meeting({ date: '2025-06-12', final: false }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.message).toContain('孙浩然不在这次会议的应到人员中');
  });

  it('names an unknown type', async () => {
    const r = await add('m5.json', meeting({ type: '民主生活会' }));
    expect(JSON.parse(r.stderr).error.message).toMatch(/^会议类型：应为支部党员大会、支委会/);
  });
});

describe('meeting list and talk list on the demo data', () => {
  it('lists a year’s meetings with the kinds by their Chinese names', async () => {
    const year = new Date().getFullYear() - 1;
    const list = JSON.parse((await ok(['meeting', 'list', '--year', String(year), '--db', demo, '--json'])).stdout) as { type: string; date: string }[];
    expect(new Set(list.map((m) => m.type))).toEqual(new Set(['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '组织生活会']));
    expect(list.every((m) => m.date.startsWith(String(year)))).toBe(true);
    const committee = JSON.parse((await ok(['meeting', 'list', '--year', String(year), '--type', '支委会', '--db', demo, '--json'])).stdout);
    expect(committee).toHaveLength(10);
    const text = (await ok(['meeting', 'list', '--year', String(year), '--type', '支委会', '--db', demo])).stdout;
    expect(text).toContain('共 10 次会议。');
  });

  it('lists talks', async () => {
    const talks = JSON.parse((await ok(['talk', 'list', '--db', demo, '--json'])).stdout) as { type: string }[];
    expect(talks.length).toBeGreaterThan(5);
    expect(talks.some((t) => t.type === '家访')).toBe(true);
  });
});
