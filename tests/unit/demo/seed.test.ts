/** Demo data: deterministic, realistic, valid against the member rules; seeded in one transaction or as a job. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../shared/domain/idNumber';
import { memberFieldsSchema, memberRuleProblems } from '../../../shared/domain/member';
import { addYears } from '../../../shared/domain/dates';
import { crewTeams, MAX_GROUPS } from '../../../main/services/demo/crew';
import { generateDemoMembers } from '../../../main/services/demo/members';
import { seedDemo } from '../../../main/services/demo/seed';
import { listGroups } from '../../../main/services/roster/groups';
import { testContext, type TestContext } from '../../helpers/context';

const TODAY = '2026-11-25';

describe('generateDemoMembers', () => {
  const members = generateDemoMembers(3000, 9, TODAY);

  it('gives the same members for the same seed, and other members for another seed', () => {
    expect(generateDemoMembers(3000, 9, TODAY)).toEqual(members);
    const other = generateDemoMembers(3000, 10, TODAY);
    expect(other.map((m) => m.idNumber)).not.toEqual(members.map((m) => m.idNumber));
  });

  it('keeps names and ID numbers when only the date changes', () => {
    const later = generateDemoMembers(3000, 9, '2027-06-30');
    expect(later.map((m) => [m.name, m.idNumber])).toEqual(members.map((m) => [m.name, m.idNumber]));
  });

  it('passes the member schema and every member rule', () => {
    for (const [i, item] of members.entries()) {
      const parsed = memberFieldsSchema.safeParse(item);
      expect(parsed.success, `item ${i}`).toBe(true);
      expect(memberRuleProblems(parsed.data!, TODAY), `${i} ${item.name}`).toEqual([]);
    }
  });

  it('has valid, unique ID numbers whose 17th digit matches the gender', () => {
    const ids = new Set<string>();
    for (const m of members) {
      const check = checkIdNumber(m.idNumber);
      expect(check.ok, m.idNumber).toBe(true);
      if (check.ok) expect(check.info.gender).toBe(m.gender);
      ids.add(m.idNumber);
    }
    expect(ids.size).toBe(members.length);
  });

  it('looks like a drilling crew: birth years, probationers, statuses, posts and groups', () => {
    const share = (f: (m: (typeof members)[number]) => boolean) => members.filter(f).length / members.length;
    expect(members.every((m) => m.birthDate >= '1964-01-01' && m.birthDate <= '2003-12-31')).toBe(true);
    const probationers = members.filter((m) => m.category === '预备党员');
    expect(probationers.length / members.length).toBeGreaterThan(0.07);
    expect(probationers.length / members.length).toBeLessThan(0.13);
    expect(probationers.every((m) => m.joinDate > addYears(TODAY, -1) && m.fullDate === null)).toBe(true);
    expect(share((m) => m.status === '正常')).toBeGreaterThan(0.9);
    expect(members.filter((m) => m.status === '停止党籍').every((m) => m.lostContact && m.lostContactDate)).toBe(true);
    expect(share((m) => m.ethnicity === '汉族')).toBeGreaterThan(0.85);
    expect(share((m) => m.gender === '女')).toBeGreaterThan(0.01);
    expect(share((m) => ['31', '21', '41', '61'].includes(String(m.education)))).toBeGreaterThan(0.7);
    expect(share((m) => m.education === '14')).toBeLessThan(0.05);
    expect(new Set(members.map((m) => m.jobCategory))).toEqual(new Set(['014', '015', '016']));
    expect(members.every((m) => /^1[358]\d{9}$/.test(String(m.phone)))).toBe(true);
    expect(members.every((m) => /^.+(省|市|区|自治区).+/.test(String(m.nativePlace)))).toBe(true);
    expect(members.filter((m) => m.partyPost === '书记')).toHaveLength(1);
    expect(new Set(members.map((m) => m.partyGroup)).size).toBe(MAX_GROUPS);
  });

  it('sizes party groups at about one per ten members, capped', () => {
    expect(crewTeams(3)).toHaveLength(1);
    expect(crewTeams(50).map((t) => t.name)).toEqual(['钻井一班', '钻井二班', '机修班', '泥浆班', '后勤']);
    expect(crewTeams(100)).toHaveLength(10);
    expect(crewTeams(100_000)).toHaveLength(MAX_GROUPS);
    expect(crewTeams(300).at(-1)!.name).toBe('钻井二十四班');
  });

  it('gives a small branch a secretary only', () => {
    const small = generateDemoMembers(5, 1, TODAY);
    expect(small.filter((m) => m.partyPost && m.partyPost !== '党小组长').map((m) => m.partyPost)).toEqual(['书记']);
  });
});

describe('seeding', () => {
  let t: TestContext;
  afterEach(() => t.cleanup());

  it('creates the demo branch with its committee and group leaders, then refuses a second seeding', async () => {
    t = await testContext();
    const summary = seedDemo(t.db, { members: 120, seed: 4 }, { today: TODAY });
    expect(summary).toMatchObject({ branchCreated: true, branch: '中共渤海钻探第一钻井队支部委员会', counts: { members: 120, groups: 12, officers: 5 } });
    const branch = await t.call('branch.get');
    expect(branch!.officers.map((o) => o.role)).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员']);
    for (const officer of branch!.officers) {
      const member = await t.call('members.get', { id: officer.memberId! });
      expect(member.name).toBe(officer.name);
      expect(member.partyPost).toBe(officer.role);
    }
    const groups = listGroups(t.db);
    expect(groups.map((g) => g.name).slice(0, 3)).toEqual(['钻井一班党小组', '钻井二班党小组', '机修班党小组']);
    expect(groups.every((g) => g.leaderName !== null)).toBe(true);
    expect(() => seedDemo(t.db, { members: 10, seed: 1 })).toThrow(/已有 120 名党员/);
    expect((await t.call('members.search', { status: 'all', limit: 1 })).total).toBe(120);
  });

  it('writes members into an existing branch, with its unit as their work unit', async () => {
    t = await testContext();
    await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
    const summary = seedDemo(t.db, { members: 30, seed: 2 });
    expect(summary.branchCreated).toBe(false);
    const branch = await t.call('branch.get');
    expect(branch!.officers).toEqual([]);
    const row = (await t.call('members.search', { limit: 1 })).rows[0]!;
    expect((await t.call('members.get', { id: row.id })).workUnit).toBe('第一钻井队');
  });

  it('runs demo.seed as a job that reports progress and ends with the members written', async () => {
    t = await testContext();
    const job = await t.call('demo.seed', { members: 1200, seed: 3 });
    expect(job).toMatchObject({ kind: 'demo.seed', label: '生成示例数据', state: 'running' });
    const done = await t.jobs.wait(job.id);
    expect(done.state, done.message).toBe('done');
    // Progress counts the preparation of every capability; the roster's 1200 members are part of it.
    expect(done.total).toBeGreaterThanOrEqual(1200);
    expect(done.done).toBe(done.total);
    expect(done.message).toContain('党员 1200 名');
    expect((await t.call('members.search', { status: 'all', limit: 1 })).total).toBe(1200);
    const again = await t.call('demo.seed', { members: 5, seed: 3 }).catch((e: { payload: { code: string } }) => e.payload.code);
    expect(again).toBe('E_CONFLICT');
  });
});

describe('demo.status', () => {
  let t: TestContext;
  afterEach(() => t.cleanup());

  it('counts the roster with the recycle bin, the same count that makes demo.seed refuse', async () => {
    t = await testContext();
    expect(await t.call('demo.status')).toEqual({ members: 0 });
    seedDemo(t.db, { members: 12, seed: 4 });
    const row = (await t.call('members.search', { limit: 1 })).rows[0]!;
    await t.call('members.delete', { id: row.id });
    expect((await t.call('members.search', { status: 'all', limit: 1 })).total).toBe(11);
    expect(await t.call('demo.status')).toEqual({ members: 12 });
    expect(() => seedDemo(t.db, { members: 1, seed: 4 })).toThrow(/已有 12 名党员（含回收站）/);
  });
});
