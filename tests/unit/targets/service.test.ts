/** Target management through the dispatcher: plan, templates, letters, assessment, zones, projects, commendations. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Letter, Project } from '../../../shared/contract/targets';
import type { LetterItemInput } from '../../../shared/domain/targets';
import { DEFAULT_REWARD_RULES } from '../../../shared/domain/targets';
import { sampleMember, testContext, trackContexts, type TestContext } from '../../helpers/context';
import { idNumber } from '../../helpers/sheets';

const track = trackContexts();
let t: TestContext;
/** name → member id */
let ids: Record<string, string>;

const MEMBERS: [string, string, string][] = [
  ['王强', '司钻', '1980-02-01'],
  ['李娜', '技术员', '1990-05-12'],
  ['赵军', '司钻', '1985-07-20'],
  ['陈静', '炊事员', '1978-11-03'],
];

function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; issues?: { field: string; message: string }[] }> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e) => e.payload,
  );
}

const templateItems = (first = 40): LetterItemInput[] => [
  { category: '思想建设', content: '按时参加“三会一课”', points: first, rule: '缺席一次扣 2 分' },
  { category: '生产经营/中心工作', content: '完成本岗位生产任务', points: 100 - first - 20, rule: '未完成一项扣 5 分' },
  { category: '党风廉政建设', content: '遵守纪律，廉洁自律', points: 20, rule: '受处分的本项不得分' },
];

/** What targetLetters.update takes, from a letter as read. */
function letterInput(l: Letter) {
  const { id, secretary, periodStart, periodEnd, items, assessmentMethod, rewardRules, otherTerms, signedDate, updatedAt } = l;
  return { id, secretary, periodStart, periodEnd, items, assessmentMethod, rewardRules, otherTerms, signedDate, expectedUpdatedAt: updatedAt };
}

function projectInput(p: Project) {
  const { id, title, problem, leaderId, memberIds, startDate, plannedEnd, status, finishedDate, outcome, benefitYuan, benefitDays, note } = p;
  return { id, title, problem, leaderId, memberIds, startDate, plannedEnd, status, finishedDate, outcome, benefitYuan, benefitDays, note };
}

async function template(post: string, first = 40) {
  return t.call('postTemplates.save', { post, items: templateItems(first), rewardRules: [...DEFAULT_REWARD_RULES], assessmentMethod: '支部评定为准' });
}

beforeEach(async () => {
  t = track(await testContext());
  await t.call('branch.save', { name: '中共渤海钻探第一钻井队支部委员会', officers: [{ name: '刘书记', role: '书记' }] });
  ids = {};
  for (const [i, [name, post, birth]] of MEMBERS.entries()) {
    const m = await t.call('members.create', sampleMember({ name, post, birthDate: birth, idNumber: idNumber(birth, '女', i + 1), gender: '女', joinDate: '2015-07-01', fullDate: '2016-07-01' }));
    ids[name] = m.id;
  }
});

describe('the yearly plan', () => {
  const items = [
    { category: '思想建设', content: '开展理论学习 12 次', measure: '每月一次', points: 30, deadline: '2025-12-31' },
    { category: '组织建设', content: '发展党员 1 名', points: 30 },
    { category: '生产经营/中心工作', content: '全年安全无事故', points: 40 },
  ];

  it('is saved when its points total 100; a wrong total is refused naming the actual total', async () => {
    const bad = await refusal(t.call('targetPlans.save', { year: 2025, items: items.map((i) => ({ ...i, points: 20 })) }));
    expect(bad).toMatchObject({ code: 'E_VALIDATION', message: '目标条目：各项分值合计应为 100 分，现为 60 分（少 40 分）' });
    const plan = await t.call('targetPlans.save', { year: 2025, title: '2025年度党建目标', items: items.map((i, n) => ({ ...i, responsibleMemberId: n === 0 ? ids['王强'] : null })) });
    expect(plan.total).toBe(100);
    expect(plan.items.every((i) => /^[0-9a-f-]{36}$/.test(i.key))).toBe(true);
    expect(plan.items[0]!.responsible).toBe('王强');
    expect(await t.call('targetPlans.years')).toEqual([2025]);
  });

  it('is copied from last year’s: new keys, deadlines a year on; refused when the year has one or last year none', async () => {
    const last = await t.call('targetPlans.save', { year: 2025, title: '2025年度党建目标', items });
    const copy = await t.call('targetPlans.copyLastYear', { year: 2026 });
    expect(copy).toMatchObject({ year: 2026, title: '2026年度党建目标', total: 100 });
    expect(copy.items.map((i) => i.content)).toEqual(last.items.map((i) => i.content));
    expect(copy.items[0]!.deadline).toBe('2026-12-31');
    expect(copy.items.some((i, n) => i.key === last.items[n]!.key)).toBe(false);
    expect(await refusal(t.call('targetPlans.copyLastYear', { year: 2026 }))).toMatchObject({ code: 'E_CONFLICT', message: expect.stringContaining('2026年已有党建目标') });
    expect(await refusal(t.call('targetPlans.copyLastYear', { year: 2030 }))).toMatchObject({ code: 'E_NOT_FOUND', message: '2029年没有党建目标可复制' });
  });
});

describe('post templates and letters', () => {
  it('a template needs a post of the code list (or 通用), one per post, points total 100', async () => {
    expect(await refusal(t.call('postTemplates.save', { post: '宇航员', items: templateItems() }))).toMatchObject({ issues: [{ field: 'post' }] });
    expect(await refusal(t.call('postTemplates.save', { post: '司钻', items: templateItems().slice(0, 2) }))).toMatchObject({
      message: '目标条目：各项分值合计应为 100 分，现为 80 分（少 20 分）',
    });
    await template('司钻');
    expect(await refusal(template('司钻'))).toMatchObject({ code: 'E_CONFLICT', message: '岗位“司钻”已有目标模板' });
    const list = await t.call('postTemplates.list');
    expect(list).toMatchObject([{ post: '司钻', memberCount: 2, total: 100 }]);
  });

  it('generates a letter for every member from their post’s template, 通用 for the rest, and reports who has none', async () => {
    await template('司钻', 40);
    await template('技术员', 30);
    const first = await t.call('targetLetters.generate', { year: 2026 });
    expect(first).toMatchObject({ created: 3, existing: 0, missingTemplate: [{ name: '陈静', post: '炊事员' }] });
    await template('通用', 50);
    expect(await t.call('targetLetters.generate', { year: 2026 })).toMatchObject({ created: 1, existing: 3, missingTemplate: [] });
    const letters = await t.call('targetLetters.list', { year: 2026 });
    expect(letters.map((l) => [l.memberName, l.post, l.adjusted])).toEqual(
      expect.arrayContaining([['王强', '司钻', false], ['李娜', '技术员', false], ['陈静', '炊事员', false]]),
    );
    const chen = await t.call('targetLetters.get', { id: letters.find((l) => l.memberName === '陈静')!.id });
    expect(chen).toMatchObject({ title: '渤海钻探第一钻井队党支部2026年度党员目标管理责任书', secretary: '刘书记', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(chen.items[0]!.points).toBe(50);
  });

  it('a later template edit leaves generated letters alone; a hand adjustment marks the letter 已调整', async () => {
    const tpl = await template('司钻', 40);
    await t.call('targetLetters.generate', { year: 2026 });
    await t.call('postTemplates.save', { id: tpl.id, post: '司钻', items: templateItems(60) });
    const wang = (await t.call('targetLetters.list', { year: 2026 })).find((l) => l.memberName === '王强')!;
    const letter = await t.call('targetLetters.get', { id: wang.id });
    expect(letter.items[0]!.points).toBe(40);

    const items = letter.items.map((i, n) => (n === 0 ? { ...i, content: '按时参加“三会一课”，全年讲党课 1 次', points: 35 } : i));
    const wrong = await refusal(t.call('targetLetters.update', { ...letterInput(letter), items }));
    expect(wrong.message).toBe('目标条目：各项分值合计应为 100 分，现为 95 分（少 5 分）');
    items[2] = { ...items[2]!, points: 25 };
    const adjusted = await t.call('targetLetters.update', { ...letterInput(letter), items });
    expect(adjusted).toMatchObject({ adjusted: true, total: 100 });
    expect(adjusted.items[0]!.content).toContain('讲党课');
    expect(adjusted.adjustedAt).not.toBeNull();
    const back = await t.call('targetLetters.regenerate', { id: letter.id });
    expect(back).toMatchObject({ adjusted: false });
    expect(back.items[0]!.points).toBe(60);
  });
});

describe('assessment', () => {
  async function lettersFor2026() {
    await template('司钻', 40);
    await template('通用', 40);
    await t.call('targetLetters.generate', { year: 2026 });
    return t.call('targetLetters.list', { year: 2026 });
  }

  async function score(letterId: string, branch: number[], period: 'mid' | 'final' = 'final') {
    const letter = await t.call('targetLetters.get', { id: letterId });
    return t.call('assessments.save', {
      letterId,
      period,
      scores: letter.items.map((i, n) => ({ itemKey: i.key, self: i.points, group: null, branch: branch[n] ?? null })),
      assessedDate: '2026-12-20',
    });
  }

  it('totals, ranks with ties (1, 1, 3) and rewards by the letter’s thresholds', async () => {
    const letters = await lettersFor2026();
    const id = (name: string) => letters.find((l) => l.memberName === name)!.id;
    await score(id('王强'), [38, 37, 18]); // 93
    await score(id('李娜'), [40, 35, 18]); // 93
    await score(id('赵军'), [30, 30, 15]); // 75
    const chen = await score(id('陈静'), [20, 20]); // incomplete
    expect(chen).toMatchObject({ total: null, rank: null, grade: null });

    const summary = await t.call('assessments.summary', { year: 2026, period: 'final' });
    expect(summary.rows.map((r) => [r.memberName, r.total, r.rank, r.grade, r.amount, r.status])).toEqual([
      ['李娜', 93, 1, '优秀', 500, '已完成'],
      ['王强', 93, 1, '优秀', 500, '已完成'],
      ['赵军', 75, 3, '合格', null, '已完成'],
      ['陈静', null, null, null, null, '未完成'],
    ]);
    expect(summary).toMatchObject({ letters: 4, completed: 3, average: 87, byGrade: [{ grade: '优秀', count: 2 }, { grade: '合格', count: 1 }] });
    const mid = await t.call('assessments.summary', { year: 2026, period: 'mid' });
    expect(mid.rows.every((r) => r.status === '未考核')).toBe(true);
  });

  it('refuses a score above the item’s points naming the item; an assessed letter’s items cannot change', async () => {
    const letters = await lettersFor2026();
    const wang = letters.find((l) => l.memberName === '王强')!;
    const bad = await refusal(score(wang.id, [41, 30, 20]));
    expect(bad.message).toBe('评分（第 1 条）支部评分：41 分超过该条（思想建设）分值 40 分');
    await score(wang.id, [40, 30, 20]);
    const letter = await t.call('targetLetters.get', { id: wang.id });
    expect(letter.assessed).toEqual(['final']);
    const changed = letter.items.map((i, n) => (n === 0 ? { ...i, content: '改过的' } : i));
    expect(await refusal(t.call('targetLetters.update', { ...letterInput(letter), items: changed }))).toMatchObject({ code: 'E_CONFLICT' });
    // Other terms may still change.
    expect(await t.call('targetLetters.update', { ...letterInput(letter), signedDate: '2026-01-10' })).toMatchObject({ signedDate: '2026-01-10', adjusted: true });
  });
});

describe('zones, projects and commendations', () => {
  it('a project’s outcome and benefit feed the commendation proposal; a zone with regular records is proposed', async () => {
    const zone = await t.call('zones.save', { name: '1号钻机泥浆循环系统', memberId: ids['赵军']!, scopeEquipment: '泥浆泵 2 台、振动筛', startDate: '2026-01-05' });
    for (let m = 1; m <= 6; m++) await t.call('zones.addRecord', { zoneId: zone.id, date: `2026-0${m}-15`, content: `第 ${m} 月巡检、清理` });
    expect(await refusal(t.call('zones.addRecord', { zoneId: zone.id, date: '2025-12-31', content: '早于设立' }))).toMatchObject({ issues: [{ field: 'date' }] });
    const zones = await t.call('zones.list');
    expect(zones[0]!.records).toHaveLength(6);
    expect(zones[0]!.records[0]!.date).toBe('2026-06-15');

    const project = await t.call('projects.save', {
      title: '两台报废齿轮箱拼修一台',
      problem: '7号钻机转盘齿轮箱损坏，新件到货需 20 天',
      leaderId: ids['王强']!,
      memberIds: [ids['赵军']!, ids['王强']!],
      startDate: '2026-03-02',
      plannedEnd: '2026-03-20',
    });
    expect(project.memberNames).toEqual(['赵军']);
    const unfinished = await refusal(t.call('projects.save', { ...projectInput(project), status: '已完成' }));
    expect(unfinished.issues).toEqual([{ field: 'finishedDate', message: '项目已完成，请填写完成日期' }]);
    await t.call('projects.addNote', { projectId: project.id, date: '2026-03-08', content: '拆解两台齿轮箱，选出完好齿轮和轴承' });
    const done = await t.call('projects.save', {
      ...projectInput(project),
      status: '已完成',
      finishedDate: '2026-03-12',
      outcome: '拼修一台齿轮箱，钻机恢复运转',
      benefitYuan: 38000,
      benefitDays: 17,
    });
    expect(done.notes).toHaveLength(1);
    expect((await t.call('projects.list', { year: 2026 })).map((p) => p.id)).toEqual([project.id]);
    expect(await t.call('projects.list', { year: 2027 })).toEqual([]);

    const proposals = await t.call('commendations.propose', { year: 2026 });
    expect(proposals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberName: '赵军', title: '红旗责任区', source: { table: 'target_zones', id: zone.id }, recorded: false }),
        expect.objectContaining({ memberName: '王强', title: '党员先锋岗', basis: '牵头攻关“两台报废齿轮箱拼修一台”，节约费用 38000 元，缩短工期 17 天' }),
      ]),
    );
    await t.call('commendations.save', { memberId: ids['王强']!, year: 2026, title: '党员先锋岗', basis: proposals.find((p) => p.memberName === '王强')!.basis });
    expect((await t.call('commendations.propose', { year: 2026 })).find((p) => p.memberName === '王强')!.recorded).toBe(true);
    expect(await refusal(t.call('commendations.save', { memberId: ids['王强']!, year: 2026, title: '党员先锋岗' }))).toMatchObject({
      code: 'E_CONFLICT',
      message: '王强2026年已有“党员先锋岗”',
    });
  });

  it('the branch’s own letter is scored the same way: scores within points, totals when complete', async () => {
    const items = [
      { category: '组织建设', content: '“三会一课”按时召开', points: 60, selfScore: 58, reviewScore: 55 },
      { category: '生产经营/中心工作', content: '完成钻井进尺', points: 40, selfScore: 40, reviewScore: null },
    ];
    const letter = await t.call('branchLetters.save', { year: 2026, committee: '中共渤海钻探第一钻井公司委员会', items });
    expect(letter).toMatchObject({ total: 100, selfTotal: 98, reviewTotal: null });
    const over = await refusal(t.call('branchLetters.save', { year: 2026, items: [{ ...items[0]!, reviewScore: 61 }, items[1]!] }));
    expect(over.message).toBe('目标条目（第 1 条）党委评分：61 分超过该条分值 60 分');
  });
});

describe('messages', () => {
  it('a field inside a list is named by its position, by the contract’s check and by the services’', async () => {
    const items = templateItems().map((i, n) => (n === 1 ? { ...i, points: 0 } : i));
    expect(await refusal(t.call('postTemplates.save', { post: '司钻', items }))).toMatchObject({ message: '目标条目（第 2 条）分值：分值应大于 0' });
    const rules = [DEFAULT_REWARD_RULES[0]!, { ...DEFAULT_REWARD_RULES[1]!, minScore: 90 }];
    expect(await refusal(t.call('postTemplates.save', { post: '司钻', items: templateItems(), rewardRules: rules }))).toMatchObject({
      message: '奖惩规则（第 2 档）分数线：90 分与其他档重复',
    });
  });
});
