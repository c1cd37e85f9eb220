import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, localToday } from '../../../shared/domain/dates';
import { idCheckChar } from '../../../shared/domain/idNumber';
import type { Applicant } from '../../../shared/domain/pipeline';
import type { OperationInput } from '../../../shared/contract/operations';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
let formal: string[];
let groupId: string;

/** A valid ID number for a birth date (YYYY-MM-DD) and gender. */
function idNumber(birth: string, gender: '男' | '女', n = 1): string {
  const seq = String(n * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = `130982${birth.replaceAll('-', '')}${seq}`;
  return first17 + idCheckChar(first17);
}

function applicantInput(name: string, birth: string, applicationDate: string, n = 1) {
  return {
    name,
    gender: '男',
    ethnicity: '汉族',
    idNumber: idNumber(birth, '男', n),
    birthDate: birth,
    education: '大专',
    politicalStatus: '共青团员',
    phone: '13812345678',
    workUnit: '渤海钻探第一钻井队',
    post: '司钻',
    partyGroupId: groupId,
    applicationDate,
    note: '入党申请书一份',
  } as const;
}

type StepExtras = Omit<OperationInput<'pipeline.recordStep'>, 'id' | 'step' | 'date'>;

/** The data steps 5, 9 and 11 need, unless a test gives its own. */
function extrasFor(step: number): StepExtras {
  if (step === 5) return { cultivatorIds: [formal[0]!] };
  if (step === 9) return { introducerIds: [formal[0]!, formal[1]!] };
  if (step === 11) return { trainingDays: 3, trainingHours: 24 };
  return {};
}

function record(id: string, step: number, date: string, extras: StepExtras = extrasFor(step)): Promise<Applicant> {
  return t.call('pipeline.recordStep', { id, step, date, ...extras });
}

/** Records the steps after the last recorded one, with the given dates in order. */
async function walk(a: Applicant, dates: Record<number, string>): Promise<Applicant> {
  let current = a;
  for (const [step, date] of Object.entries(dates)) current = await record(a.id, Number(step), date);
  return current;
}

function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; issues: { field: string; message: string }[] }> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e) => e.payload,
  );
}

beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共渤海钻探第一钻井队支部委员会' });
  groupId = (await t.call('groups.save', { name: '钻井一班' })).id;
  formal = [];
  for (const [i, name] of ['王建国', '李红梅', '赵志强'].entries()) {
    const birth = `197${i}-05-0${i + 1}`;
    const m = await t.call('members.create', sampleMember({ name, gender: '男', idNumber: idNumber(birth, '男', 50 + i), birthDate: birth, joinDate: '2000-07-01', fullDate: '2001-07-01' }));
    formal.push(m.id);
  }
});
afterEach(() => t.cleanup());

const ACTIVIST_YEAR: Record<number, string> = { 2: '2023-03-28', 3: '2023-05-10', 4: '2023-05-20', 5: '2023-05-22', 6: '2023-11-30' };
const TARGET_YEAR: Record<number, string> = { 7: '2024-05-15', 8: '2024-05-25', 9: '2024-06-01', 10: '2024-06-20', 11: '2024-07-05' };
const ADMISSION: Record<number, string> = { 12: '2024-07-15', 13: '2024-07-25', 14: '2024-08-05', 15: '2024-08-20', 16: '2024-09-02' };

describe('the development procedure, from application to full membership', () => {
  it('admits a probationer without retyping and makes a full member after step 24', async () => {
    let a = await t.call('pipeline.create', applicantInput('孙浩然', '1998-04-12', '2023-03-06'));
    expect(a).toMatchObject({ stage: '入党申请人', applicationDate: '2023-03-06', stageSince: '2023-03-06', partyGroup: '钻井一班', memberId: null });
    expect(a.steps).toMatchObject([{ step: 1, title: '递交入党申请书', note: '入党申请书一份' }]);
    a = await walk(a, ACTIVIST_YEAR);
    expect(a).toMatchObject({ stage: '入党积极分子', stageSince: '2023-05-10', cultivators: [{ id: formal[0], name: '王建国' }] });
    expect(a.next).toMatchObject({ step: 7, title: '确定发展对象', earliestDate: '2024-05-11' });
    a = await walk(a, TARGET_YEAR);
    expect(a).toMatchObject({ stage: '发展对象', introducers: [{ name: '王建国' }, { name: '李红梅' }], trainingDays: 3, trainingHours: 24 });
    a = await walk(a, ADMISSION);
    expect(a.next).toMatchObject({ step: 17, dueDate: '2024-11-20', latestDate: '2025-02-20' });

    a = await record(a.id, 17, '2024-09-25', { note: '党委〔2024〕21号' });
    expect(a).toMatchObject({ stage: '预备党员', admissionDate: '2024-08-20', stageSince: '2024-09-25' });
    const member = await t.call('members.get', { id: a.memberId! });
    expect(member).toMatchObject({
      name: '孙浩然', gender: '男', idNumber: a.idNumber, birthDate: '1998-04-12', education: '31', category: '预备党员',
      applicationDate: '2023-03-06', joinDate: '2024-08-20', fullDate: null, partyGroup: '钻井一班', post: '司钻', phone: '13812345678', status: '正常',
    });
    const roster = await t.call('members.search', { category: '预备党员' });
    expect(roster.rows.map((r) => [r.name, r.joinDate, r.probationEnd])).toEqual([['孙浩然', '2024-08-20', '2025-08-20']]);

    a = await walk(a, { 18: '2024-10-10', 19: '2024-10-12', 20: '2024-10-15', 21: '2025-02-20', 22: '2025-07-25', 23: '2025-08-10' });
    const early = await refusal(record(a.id, 24, '2025-08-15'));
    expect(early.issues).toEqual([{ field: 'date', message: '预备期到 2025-08-20 才满，上级党委审批转正应在预备期满之后' }]);
    expect((await t.call('members.get', { id: a.memberId! })).category).toBe('预备党员');

    a = await record(a.id, 24, '2025-09-10');
    expect(a.stage).toBe('正式党员');
    expect(await t.call('members.get', { id: a.memberId! })).toMatchObject({ category: '正式党员', fullDate: '2025-08-20' });
    expect(await t.call('members.events', { id: a.memberId! })).toMatchObject([{ kind: '转正', date: '2025-08-20', meetingDate: '2025-08-10' }]);
    a = await record(a.id, 25, '2025-09-30');
    expect(a.next).toBeNull();
    expect(a.steps.map((s) => s.step)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('refuses a development target before one full year as activist, with the reason', async () => {
    const a = await walk(await t.call('pipeline.create', applicantInput('周子轩', '2000-09-09', '2026-01-05')), {
      2: '2026-01-20', 3: '2026-03-01', 4: '2026-03-10', 5: '2026-03-12', 6: '2026-09-01',
    });
    const refused = await refusal(record(a.id, 7, '2026-11-20'));
    expect(refused).toEqual({
      code: 'E_VALIDATION',
      message: '日期：确定为入党积极分子（2026-03-01）未满一年，最早 2027-03-02 才能确定为发展对象',
      issues: [{ field: 'date', message: '确定为入党积极分子（2026-03-01）未满一年，最早 2027-03-02 才能确定为发展对象' }],
    });
    expect((await t.call('pipeline.get', { id: a.id })).stage).toBe('入党积极分子');
    // Exactly one year is not "more than one year" either.
    const atOneYear = await t.call('pipeline.create', applicantInput('吴思远', '1999-02-02', '2023-01-05', 2));
    await walk(atOneYear, { 2: '2023-01-20', 3: '2023-03-01', 4: '2023-03-10', 5: '2023-03-12', 6: '2023-09-01' });
    expect((await refusal(record(atOneYear.id, 7, '2024-03-01'))).issues[0]!.message).toContain('最早 2024-03-02');
    expect((await record(atOneYear.id, 7, '2024-03-02')).stage).toBe('发展对象');
  });

  it('reminds of the talk due within a month of the application, without refusing it late', async () => {
    const today = localToday();
    const late = await t.call('pipeline.create', applicantInput('郑凯', '1997-06-30', addDays(today, -40)));
    expect(late.next).toMatchObject({ step: 2, title: '党组织派人谈话', dueDate: addMonths(addDays(today, -40), 1), overdue: true });
    expect(late.warnings).toEqual([`递交入党申请书已超过一个月（应于 ${addMonths(addDays(today, -40), 1)} 前谈话），尚未派人谈话`]);
    const fresh = await t.call('pipeline.create', applicantInput('冯雪', '1996-01-15', addDays(today, -10), 2));
    expect(fresh.next).toMatchObject({ step: 2, dueDate: addMonths(addDays(today, -10), 1), overdue: false });
    expect(fresh.warnings).toEqual([]);
    const talked = await record(late.id, 2, addDays(today, -1));
    expect(talked.warnings).toEqual([expect.stringContaining('晚于递交申请后一个月')]);
    expect(talked.next).toMatchObject({ step: 3, overdue: false });
  });

  it('refuses the branch committee review (step 12) after training below 3 days and 24 class hours', async () => {
    let a = await walk(await t.call('pipeline.create', applicantInput('陈一鸣', '1995-03-03', '2023-03-06')), {
      ...ACTIVIST_YEAR, 7: '2024-05-15', 8: '2024-05-25', 9: '2024-06-01', 10: '2024-06-20',
    });
    a = await record(a.id, 11, '2024-07-05', { trainingDays: 2, trainingHours: 16 });
    expect(a.warnings).toEqual([expect.stringContaining('集中培训不足 3 天或 24 学时')]);
    const refused = await refusal(record(a.id, 12, '2024-07-15'));
    expect(refused.issues).toEqual([{ field: 'step', message: '集中培训不足 3 天或 24 学时（已记录 2 天、16 学时），不能进行支部委员会审查' }]);
    await t.call('pipeline.undoStep', { id: a.id });
    await record(a.id, 11, '2024-07-05', { trainingHours: 24 });
    expect((await record(a.id, 12, '2024-07-15')).steps.at(-1)).toMatchObject({ step: 12, title: '支部委员会审查' });
    expect((await refusal(record(a.id, 13, '2024-07-25', {}).then(() => record(a.id, 14, '2024-07-01')))).issues).toEqual([
      { field: 'date', message: '日期不能早于上一步“上级党委预审”的日期（2024-07-25）' },
    ]);
  });

  it('refuses the higher committee approval more than 6 months after the branch meeting; reminds after 3', async () => {
    let a = await walk(await t.call('pipeline.create', applicantInput('褚明', '1994-10-10', '2023-01-06')), {
      2: '2023-01-28', 3: '2023-03-10', 4: '2023-03-20', 5: '2023-03-22', 6: '2023-09-30',
      7: '2024-03-15', 8: '2024-03-25', 9: '2024-04-01', 10: '2024-04-20', 11: '2024-05-05',
      12: '2024-05-15', 13: '2024-06-25', 14: '2024-10-05', 15: '2025-01-10', 16: '2025-01-20',
    });
    expect(a.next).toMatchObject({ step: 17, dueDate: '2025-04-10', latestDate: '2025-07-10', overdue: true });
    expect(a.warnings).toEqual([expect.stringContaining('已超过三个月，上级党委尚未审批（最迟不超过 2025-07-10）')]);
    const refused = await refusal(record(a.id, 17, '2025-07-11'));
    expect(refused.issues).toEqual([{ field: 'date', message: '上级党委审批距支部大会讨论（2025-01-10）已超过 6 个月（最迟 2025-07-10），不能再审批' }]);
    expect(await t.call('members.search', { category: '预备党员' })).toMatchObject({ total: 0 });
    a = await record(a.id, 17, '2025-07-10');
    expect(a.warnings).toContain('上级党委审批（2025-07-10）超过支部大会讨论后三个月');
    expect(a.memberId).not.toBeNull();
  });

  it('needs exactly two introducers, both full members on the roster', async () => {
    const probationer = await t.call('members.create', sampleMember({ name: '钱多多', idNumber: idNumber('1990-01-01', '男', 70), gender: '男', birthDate: '1990-01-01', category: '预备党员', joinDate: '2026-01-10', fullDate: null }));
    const a = await walk(await t.call('pipeline.create', applicantInput('卫东', '1993-12-12', '2023-03-06')), {
      ...ACTIVIST_YEAR, 7: '2024-05-15', 8: '2024-05-25',
    });
    const one = await refusal(record(a.id, 9, '2024-06-01', { introducerIds: [formal[0]!] }));
    expect(one.issues).toEqual([{ field: 'introducerIds', message: '入党介绍人应为 2 名正式党员（现为 1 名）' }]);
    expect(one.message).toBe('入党介绍人：入党介绍人应为 2 名正式党员（现为 1 名）');
    const same = await refusal(record(a.id, 9, '2024-06-01', { introducerIds: [formal[0]!, formal[0]!] }));
    expect(same.issues).toEqual([{ field: 'introducerIds', message: '入党介绍人不能重复选择同一人' }]);
    const notFull = await refusal(record(a.id, 9, '2024-06-01', { introducerIds: [formal[0]!, probationer.id] }));
    expect(notFull.issues).toEqual([{ field: 'introducerIds', message: '“钱多多”是预备党员，入党介绍人应为正式党员' }]);
    expect((await record(a.id, 9, '2024-06-01', { introducerIds: [formal[1]!, formal[2]!] })).introducers.map((p) => p.name)).toEqual(['李红梅', '赵志强']);
  });

  it('keeps steps in order, with no dates in the future and no skipped stage', async () => {
    const a = await t.call('pipeline.create', applicantInput('蒋励', '1999-07-07', '2026-02-02'));
    expect((await refusal(record(a.id, 3, '2026-03-01'))).issues).toEqual([{ field: 'step', message: '请先记录第 2 步“党组织派人谈话”' }]);
    expect((await refusal(record(a.id, 7, '2026-03-01'))).issues).toContainEqual({ field: 'step', message: '尚未完成第 3 步“推荐和确定入党积极分子”（进入“入党积极分子”阶段），不能记录第 7 步“确定发展对象”' });
    expect((await refusal(record(a.id, 2, addDays(localToday(), 1)))).issues).toEqual([{ field: 'date', message: '日期不能晚于今天' }]);
    expect((await refusal(record(a.id, 2, '2026-02-01'))).issues).toEqual([{ field: 'date', message: '日期不能早于上一步“递交入党申请书”的日期（2026-02-02）' }]);
    await record(a.id, 2, '2026-02-02');
    expect((await refusal(record(a.id, 3, '2026-02-02'))).issues).toEqual([{ field: 'date', message: '确定为入党积极分子的日期应晚于递交入党申请书的日期（2026-02-02）' }]);
    expect((await refusal(record(a.id, 2, '2026-02-03'))).issues).toEqual([{ field: 'step', message: '第 2 步“党组织派人谈话”已记录；如需更正，请先撤销' }]);
  });
});

describe('applicants: fields, undo, termination, deletion', () => {
  it('checks the applicant is 18 at the application and the ID number agrees, naming the fields', async () => {
    const young = await refusal(t.call('pipeline.create', applicantInput('小明', '2008-12-01', '2026-11-01')));
    expect(young.issues).toEqual([{ field: 'applicationDate', message: '递交入党申请书时应年满十八周岁（2026-12-01 满十八周岁）' }]);
    const wrong = await refusal(t.call('pipeline.create', { ...applicantInput('小红', '1999-01-01', '2026-01-01'), birthDate: '1999-01-02', gender: '女' }));
    expect(wrong.issues.map((i) => i.field)).toEqual(['birthDate', 'gender']);
    const party = await refusal(t.call('pipeline.create', { ...applicantInput('小刚', '1999-01-01', '2026-01-01'), politicalStatus: '中共党员' }));
    expect(party).toMatchObject({ message: '政治面貌：请选择政治面貌（共青团员、群众等）' });
    const member = await refusal(t.call('pipeline.create', { ...applicantInput('王建国', '1970-05-01', '2026-01-01'), idNumber: idNumber('1970-05-01', '男', 50) }));
    expect(member.issues).toEqual([{ field: 'idNumber', message: '“王建国”已在本支部党员名册中；如为补录其发展过程，递交入党申请书日期应与名册一致（名册中未填写）' }]);
  });

  it('updates fields and corrects the application date within the recorded steps', async () => {
    const a = await walk(await t.call('pipeline.create', applicantInput('韩磊', '1997-08-08', '2025-03-01')), { 2: '2025-03-20' });
    const { id, branchId, partyGroup, stage, stageSince, applicationDate, admissionDate, memberId, cultivators, introducers, trainingDays, trainingHours, terminatedDate, terminationReason, steps, next, warnings, createdAt, updatedAt, ...fields } = a;
    const updated = await t.call('pipeline.update', { id, fields: { ...fields, post: '副司钻' }, applicationDate: '2025-02-27', expectedUpdatedAt: updatedAt });
    expect(updated).toMatchObject({ post: '副司钻', applicationDate: '2025-02-27' });
    const late = await refusal(t.call('pipeline.update', { id, fields, applicationDate: '2025-03-21' }));
    expect(late.issues).toEqual([{ field: 'applicationDate', message: '不能晚于第 2 步“党组织派人谈话”的日期（2025-03-20）' }]);
    const stale = await refusal(t.call('pipeline.update', { id, fields, expectedUpdatedAt: updatedAt }));
    expect(stale.code).toBe('E_CONFLICT');
  });

  it('undoes the last step to the trash, with its effects; undoing the approval trashes the member it made', async () => {
    let a = await walk(await t.call('pipeline.create', applicantInput('杨帆', '1996-06-06', '2023-03-06')), { ...ACTIVIST_YEAR, ...TARGET_YEAR, ...ADMISSION, 17: '2024-09-25' });
    const memberId = a.memberId!;
    a = await t.call('pipeline.undoStep', { id: a.id });
    expect(a).toMatchObject({ stage: '发展对象', memberId: null, next: { step: 17 } });
    expect(await refusal(t.call('members.get', { id: memberId }))).toMatchObject({ code: 'E_NOT_FOUND' });
    const trash = await t.call('trash.list');
    expect(trash.map((i) => i.label)).toEqual(expect.arrayContaining(['第 17 步 上级党委审批 2024-09-25', '杨帆']));
    const log = t.db.prepare("SELECT action FROM change_log WHERE table_name = 'applicant_steps' AND row_id = (SELECT id FROM applicant_steps WHERE step = 17)").all();
    expect(log).toEqual([{ action: 'insert' }, { action: 'delete' }]);
    // Undoing cultivators clears them; recording again works.
    for (let i = 0; i < 12; i++) a = await t.call('pipeline.undoStep', { id: a.id });
    expect(a).toMatchObject({ stage: '入党积极分子', cultivators: [], next: { step: 5 } });
    a = await record(a.id, 5, '2023-05-22', { cultivatorIds: [formal[2]!, formal[1]!] });
    expect(a.cultivators.map((c) => c.name)).toEqual(['赵志强', '李红梅']);
    for (let i = 0; i < 4; i++) a = await t.call('pipeline.undoStep', { id: a.id });
    expect(await refusal(t.call('pipeline.undoStep', { id: a.id }))).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'id' }] });
  });

  it('undoing the 转正 approval makes the member a probationer again', async () => {
    let a = await walk(await t.call('pipeline.create', applicantInput('朱琳', '1996-02-02', '2023-03-06')), {
      ...ACTIVIST_YEAR, ...TARGET_YEAR, ...ADMISSION, 17: '2024-09-25', 18: '2024-10-10', 19: '2024-10-12', 20: '2024-10-15', 21: '2025-02-20', 22: '2025-07-25', 23: '2025-08-20', 24: '2025-08-25',
    });
    expect((await t.call('members.get', { id: a.memberId! })).category).toBe('正式党员');
    a = await t.call('pipeline.undoStep', { id: a.id });
    expect(a.stage).toBe('预备党员');
    expect(await t.call('members.get', { id: a.memberId! })).toMatchObject({ category: '预备党员', fullDate: null });
    expect(await t.call('members.events', { id: a.memberId! })).toEqual([]);
  });

  it('terminates with a reason (undone by undo), refuses steps meanwhile, and deletes to the trash', async () => {
    const a = await walk(await t.call('pipeline.create', applicantInput('秦川', '1995-05-05', '2025-03-01')), { 2: '2025-03-20', 3: '2025-06-01' });
    const stopped = await t.call('pipeline.terminate', { id: a.id, date: '2025-10-01', reason: '本人申请撤回入党申请' });
    expect(stopped).toMatchObject({ stage: '已终止', stageSince: '2025-10-01', terminationReason: '本人申请撤回入党申请', next: null });
    expect((await refusal(record(a.id, 4, '2025-10-02'))).issues).toEqual([{ field: 'id', message: '该申请人的发展已终止，不能再记录步骤' }]);
    expect((await refusal(t.call('pipeline.terminate', { id: a.id, date: '2025-10-01', reason: '' }))).issues).toEqual([{ field: 'reason', message: '请填写终止发展的原因' }]);
    expect(await t.call('pipeline.undoStep', { id: a.id })).toMatchObject({ stage: '入党积极分子', terminatedDate: null });
    await t.call('pipeline.delete', { id: a.id });
    expect(await refusal(t.call('pipeline.get', { id: a.id }))).toMatchObject({ code: 'E_NOT_FOUND' });
    await t.call('trash.restore', { table: 'applicants', id: a.id });
    expect((await t.call('pipeline.get', { id: a.id })).steps).toHaveLength(3);
  });
});

describe('members already on the roster', () => {
  it('fills in the development record of a probationer, linking the member at step 17 instead of making another', async () => {
    const birth = '1995-09-09';
    const m = await t.call('members.create', sampleMember({ name: '曹阳', gender: '男', idNumber: idNumber(birth, '男', 90), birthDate: birth, category: '预备党员', applicationDate: '2023-03-06', joinDate: '2024-08-20', fullDate: null }));
    let a = await t.call('pipeline.create', { ...applicantInput('曹阳', birth, '2023-03-06'), idNumber: m.idNumber });
    a = await walk(a, { ...ACTIVIST_YEAR, ...TARGET_YEAR, ...ADMISSION, 17: '2024-09-25' });
    expect(a.memberId).toBe(m.id);
    expect((await t.call('members.search', { status: 'all' })).total).toBe(4);
    a = await t.call('pipeline.undoStep', { id: a.id });
    expect(a.memberId).toBeNull();
    expect((await t.call('members.get', { id: m.id })).name).toBe('曹阳'); // not made by the step: kept
    const wrongDate = await t.call('pipeline.create', { ...applicantInput('曹阳', birth, '2023-04-01'), idNumber: m.idNumber, name: '曹阳' }).catch((e) => e.payload);
    expect(wrongDate.issues).toEqual([{ field: 'idNumber', message: expect.stringContaining('与正在发展的“曹阳”的身份证号重复') }, { field: 'idNumber', message: expect.stringContaining('名册中为 2023-03-06') }]);
  });
});

describe('the board', () => {
  it('groups applicants by stage with the stage-entry date, the next step and its due date', async () => {
    const today = localToday();
    const applied = await t.call('pipeline.create', applicantInput('甲', '1998-01-01', addDays(today, -45), 1));
    const activist = await walk(await t.call('pipeline.create', applicantInput('乙', '1998-01-01', '2025-01-06', 2)), {
      2: '2025-01-20', 3: '2025-03-01', 4: '2025-03-10', 5: '2025-03-12', 6: '2025-09-01',
    });
    const target = await walk(await t.call('pipeline.create', applicantInput('丙', '1998-01-01', '2023-03-06', 3)), { ...ACTIVIST_YEAR, 7: '2024-05-15' });
    const admitted = await walk(await t.call('pipeline.create', applicantInput('丁', '1998-01-01', '2023-03-06', 4)), { ...ACTIVIST_YEAR, ...TARGET_YEAR, ...ADMISSION, 17: '2024-09-25' });
    const stopped = await t.call('pipeline.create', applicantInput('戊', '1998-01-01', '2025-01-06', 5));
    await t.call('pipeline.terminate', { id: stopped.id, date: '2025-02-01', reason: '调离本单位' });

    const board = await t.call('pipeline.board', {});
    expect(board.today).toBe(today);
    expect(board.stages.map((s) => [s.stage, s.total, s.entries.map((e) => e.name)])).toEqual([
      ['入党申请人', 1, ['甲']],
      ['入党积极分子', 1, ['乙']],
      ['发展对象', 1, ['丙']],
      ['预备党员', 1, ['丁']],
      ['正式党员', 0, []],
      ['已终止', 1, []],
    ]);
    const [a, b, c, d] = board.stages.map((s) => s.entries[0]!);
    expect(a).toMatchObject({ id: applied.id, stageSince: addDays(today, -45), next: { step: 2, overdue: true, dueDate: addMonths(addDays(today, -45), 1) } });
    expect(a!.warnings).toHaveLength(1);
    expect(b).toMatchObject({ id: activist.id, stageSince: '2025-03-01', next: { step: 7, earliestDate: '2026-03-02', dueDate: null, overdue: false } });
    expect(c).toMatchObject({ id: target.id, stageSince: '2024-05-15', next: { step: 8 }, partyGroup: '钻井一班' });
    expect(d).toMatchObject({ id: admitted.id, stageSince: '2024-09-25', memberId: admitted.memberId, next: { step: 18 } });
    // The probation of 丁 ran from 2024-08-20 and has ended without 转正.
    expect(d!.warnings).toContain('预备期已于 2025-08-20 期满，应及时讨论转正');
    expect(board.probation.overdue).toMatchObject([{ name: '丁', probationEnd: '2025-08-20', applicantId: admitted.id }]);
    const all = await t.call('pipeline.board', { includeFinished: true });
    expect(all.stages.at(-1)!.entries).toMatchObject([{ name: '戊', stageSince: '2025-02-01', next: null }]);
  });

  it('lists probationers due for 转正 within 30 days, and those past it, from the roster', async () => {
    const today = localToday();
    const probationer = (name: string, n: number, joinDate: string) =>
      t.call('members.create', sampleMember({ name, gender: '男', idNumber: idNumber('1990-03-03', '男', n), birthDate: '1990-03-03', category: '预备党员', joinDate, fullDate: null }));
    await probationer('三十天内', 80, addDays(addYears(today, -1), 20));
    await probationer('正好三十天', 81, addDays(addYears(today, -1), 30));
    await probationer('还有四十天', 82, addDays(addYears(today, -1), 40));
    const past = await probationer('已过期', 83, addDays(addYears(today, -1), -10));
    const extended = await probationer('已延长', 84, addDays(addYears(today, -1), -5));
    await t.call('members.recordEvent', { memberId: extended.id, event: { kind: '延长预备期', date: addDays(today, -3), months: 6, reason: '考察不够' } });

    const { probation } = await t.call('pipeline.board', {});
    expect(probation.dueSoon.map((p) => [p.name, p.daysLeft])).toEqual([['三十天内', 20], ['正好三十天', 30]]);
    expect(probation.dueSoon[0]!.probationEnd).toBe(addYears(addDays(addYears(today, -1), 20), 1));
    expect(probation.overdue.map((p) => [p.name, p.daysLeft, p.memberId])).toEqual([['已过期', -10, past.id]]);
  });
});
