/**
 * The 台账 through the dispatcher, on records made as the screens make them: gaps, drafts, alsoCounts, party groups,
 * the branch's frequencies, talks, attendance, the facts of the home page, the exports, and a committee's database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFact } from '../../../main/services/facts/service';
import { finalAttendance } from '../../../main/services/meetings/records';
import { requireBranchId } from '../../../main/services/branch/branch';
import { factQuerySchema } from '../../../shared/contract/facts';
import type { AttendanceInput, MeetingFieldsInput, MeetingKind } from '../../../shared/domain/meetings';
import { committee, committeeIdNumber } from '../../helpers/committee';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
let members: { id: string; name: string }[];
let groups: { id: string; name: string }[];

const mm = (m: number) => String(m).padStart(2, '0');

beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共第一钻井队支部委员会' });
  groups = [await t.call('groups.save', { name: '钻井班党小组', sortOrder: 1 }), await t.call('groups.save', { name: '机修班党小组', sortOrder: 2 })];
  members = [];
  const names = ['王建国', '李红梅', '张志强', '刘秀英', '陈海军', '杨丽娟'];
  for (const [i, name] of names.entries()) {
    const day = i + 1;
    const m = await t.call('members.create', {
      ...sampleMember({ name, idNumber: committeeIdNumber(day), birthDate: `1980-01-${mm(day)}`, joinDate: '2005-07-01', fullDate: '2006-07-01' }),
      partyGroupId: groups[i % 2]!.id,
    });
    members.push({ id: m.id, name });
  }
  await t.call('branch.save', {
    name: '中共第一钻井队支部委员会',
    officers: [
      { name: '王建国', role: '书记', memberId: members[0]!.id },
      { name: '李红梅', role: '组织委员', memberId: members[1]!.id },
      { name: '张志强', role: '宣传委员', memberId: members[2]!.id },
    ],
  });
});
afterEach(() => t.cleanup());

async function record(kind: MeetingKind, date: string, o: { final?: boolean; groupId?: string; alsoCounts?: MeetingKind[]; absent?: string[]; others?: AttendanceInput[] } = {}) {
  const expected = await t.call('meetings.expected', { kind, date, groupId: o.groupId ?? null });
  const fields: MeetingFieldsInput = {
    kind,
    date,
    groupId: o.groupId ?? null,
    alsoCounts: o.alsoCounts ?? [],
    startTime: '09:00',
    endTime: '10:00',
    place: '队部会议室',
    hostName: '王建国',
    recorderName: '李红梅',
    attendance: expected.map((e) => {
      const absent = (o.absent ?? []).includes(e.name);
      return { memberId: e.memberId, name: e.name, category: e.category, attended: !absent, absenceReason: absent ? '公差' : '' } as AttendanceInput;
    }).concat(o.others ?? []),
  };
  const saved = await t.call('meetings.save', { fields });
  if (o.final !== false) await t.call('meetings.finalize', { id: saved.id });
  return saved.id;
}

/** 2025 with every required meeting, except what `skip` leaves out (kind → months). */
async function year2025(skip: Partial<Record<MeetingKind, number[]>> = {}) {
  const keep = (kind: MeetingKind, m: number) => !(skip[kind] ?? []).includes(m);
  for (let m = 1; m <= 12; m++) {
    if (keep('committee', m)) await record('committee', `2025-${mm(m)}-05`);
    if (keep('themeDay', m)) await record('themeDay', `2025-${mm(m)}-15`);
    for (const g of groups) if (keep('groupMeeting', m)) await record('groupMeeting', `2025-${mm(m)}-20`, { groupId: g.id });
    if (m % 3 === 2) {
      if (keep('memberMeeting', m)) await record('memberMeeting', `2025-${mm(m)}-10`);
      if (keep('lecture', m)) await record('lecture', `2025-${mm(m)}-12`);
    }
  }
  if (keep('lifeMeeting', 12)) await record('lifeMeeting', '2025-12-18');
}

const gaps = async (year = 2025) =>
  (await t.call('meetings.calendar', { year })).missing.map((m) => `${m.kind}${m.groupName ? `/${m.groupName}` : ''} ${m.period}${m.draftIds.length ? ' 未定稿' : ''}`);

describe('meetings.calendar', () => {
  it('gives exactly the gaps of a year, per party group, a draft as 未定稿, and counts alsoCounts', async () => {
    await year2025({ committee: [3], groupMeeting: [7], lifeMeeting: [12], themeDay: [5] });
    await record('committee', '2025-03-25', { final: false });
    // The 党员大会 of May held on the theme day counts as the theme day too.
    await record('memberMeeting', '2025-05-15', { alsoCounts: ['themeDay'] });
    expect(await gaps()).toEqual([
      'committee 2025-03 未定稿',
      'groupMeeting/钻井班党小组 2025-07',
      'groupMeeting/机修班党小组 2025-07',
      'lifeMeeting 2025',
    ]);
    const calendar = await t.call('meetings.calendar', { year: 2025 });
    expect(calendar.rows.map((r) => [r.key.split(':')[0], r.groupName, r.held, r.required])).toEqual([
      ['memberMeeting', null, 4, 4],
      ['committee', null, 11, 12],
      ['groupMeeting', '钻井班党小组', 11, 12],
      ['groupMeeting', '机修班党小组', 11, 12],
      ['lecture', null, 4, 4],
      ['themeDay', null, 12, 12],
      ['lifeMeeting', null, 0, 1],
    ]);
  });

  it('a draft finalised leaves the gaps; a trashed draft leaves the calendar', async () => {
    await year2025({ committee: [3] });
    const id = await record('committee', '2025-03-25', { final: false });
    expect(await gaps()).toEqual(['committee 2025-03 未定稿']);
    await t.call('meetings.finalize', { id });
    expect(await gaps()).toEqual([]);
    const draft = await record('themeDay', '2025-06-28', { final: false });
    expect((await t.call('meetings.calendar', { year: 2025 })).rows.find((r) => r.kind === 'themeDay')!.cells[5]!.draftIds).toEqual([draft]);
    await t.call('meetings.delete', { id: draft });
    expect((await t.call('meetings.calendar', { year: 2025 })).rows.find((r) => r.kind === 'themeDay')!.cells[5]!.draftIds).toEqual([]);
  });

  it('follows the branch’s frequencies: 党课 monthly', async () => {
    await year2025();
    await t.call('meetings.setFrequencies', { frequencies: [{ kind: 'lecture', frequency: 'month', minPerPeriod: 1 }] });
    expect(await gaps()).toEqual([1, 3, 4, 6, 7, 9, 10, 12].map((m) => `lecture 2025-${mm(m)}`));
  });

  it('counts talk coverage and attendance over the final records', async () => {
    await record('memberMeeting', '2025-02-10', { absent: ['刘秀英'] });
    await record('memberMeeting', '2025-05-10', { absent: ['刘秀英', '杨丽娟'] });
    await record('memberMeeting', '2025-08-10', { final: false, absent: ['王建国'] });
    for (const who of [1, 2, 2]) await t.call('talks.save', { fields: { kind: 'talk', date: '2025-04-01', talkerIds: [members[0]!.id], memberId: members[who]!.id } });
    await t.call('talks.save', { fields: { kind: 'visit', date: '2025-04-02', talkerNames: ['王建国'], personName: '赵师傅' } });
    const c = await t.call('meetings.calendar', { year: 2025 });
    expect(c.talks).toMatchObject({ covered: 2, total: 6, notTalked: [members[0], members[3], members[4], members[5]].map((m) => ({ memberId: m!.id, name: m!.name })) });
    expect(c.talks.rate).toBeCloseTo(1 / 3);
    expect(c.attendance.map((a) => [a.name, a.attended, a.expected])).toEqual([
      ['刘秀英', 0, 2],
      ['杨丽娟', 1, 2],
      ...['陈海军', '李红梅', '王建国', '张志强'].map((n) => [n, 2, 2]),
    ]);
  });

  it('rates attendance as the records’ own attendance (finalAttendance) does: one rate per member on both paths', async () => {
    await record('memberMeeting', '2025-02-10', { absent: ['刘秀英'] });
    await record('groupMeeting', '2025-03-20', { groupId: groups[0]!.id, absent: ['王建国'] });
    await record('groupMeeting', '2025-03-21', { groupId: groups[1]!.id });
    await record('committee', '2025-04-05', { absent: ['张志强'] });
    await record('lecture', '2025-05-12', { final: false, absent: ['李红梅'] });
    // Someone recorded without a roster member (transferred in, not yet on the roster) counts for nobody.
    await record('themeDay', '2025-06-15', { absent: ['杨丽娟'], others: [{ memberId: null, name: '赵师傅', category: '正式党员', attended: true }] });

    const rows = finalAttendance(t.db, requireBranchId(t.db), '2025-01-01', '2025-12-31');
    expect(rows.some((r) => r.memberId === null)).toBe(true);
    const core = new Map<string, { expected: number; attended: number }>();
    for (const r of rows.filter((r) => r.memberId)) {
      const c = core.get(r.memberId!) ?? { expected: 0, attended: 0 };
      core.set(r.memberId!, { expected: c.expected + 1, attended: c.attended + (r.attended ? 1 : 0) });
    }
    const calendar = (await t.call('meetings.calendar', { year: 2025 })).attendance;
    expect(calendar).toHaveLength(members.length);
    for (const a of calendar) {
      const c = core.get(a.memberId)!;
      expect([a.name, a.expected, a.attended, a.rate]).toEqual([a.name, c.expected, c.attended, c.attended / c.expected]);
    }
    // The draft's absence is not counted; the finalised 主题党日 is.
    expect(calendar.find((a) => a.name === '李红梅')).toMatchObject({ expected: 4, attended: 4 });
    expect(calendar.find((a) => a.name === '杨丽娟')).toMatchObject({ expected: 3, attended: 2 });
  });

  it('gives the home page’s facts the same periods, and the Word and Excel files', async () => {
    await year2025({ committee: [3] });
    const missing = getFact(t.db, factQuerySchema.parse({ key: 'meetings.calendar.missing', at: '2025-12-31' })).data;
    expect(missing.kind === 'table' && missing.rows.map((r) => [r.cells.kind, r.cells.period, r.source.filter])).toEqual([['支委会', '2025年3月', { kind: 'committee', month: '2025-03' }]]);
    const due = getFact(t.db, factQuerySchema.parse({ key: 'meetings.calendar.dueThisMonth', at: '2025-06-10' })).data;
    // Counted on 10 June 2025: June's monthly meetings not yet held (they are on the 15th and 20th), nothing else ends in June but Q2.
    expect(due.kind === 'table' && due.rows.map((r) => `${r.cells.kind}${r.cells.partyGroup ? `/${r.cells.partyGroup}` : ''} ${r.cells.period}`)).toEqual([
      '党小组会/钻井班党小组 2025年6月',
      '党小组会/机修班党小组 2025年6月',
      '主题党日 2025年6月',
    ]);
    const word = await t.call('meetings.exportCalendarWord', { year: 2025 });
    expect(word.fileName).toBe('中共第一钻井队支部委员会2025年三会一课台账-' + (await t.call('meetings.calendar', { year: 2025 })).today + '.docx');
    expect(Buffer.from(word.data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const excel = await t.call('meetings.exportCalendarXlsx', { year: 2025 });
    expect(excel.fileName).toMatch(/2025年三会一课台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const preview = await t.call('meetings.previewCalendar', { year: 2025 });
    expect(preview.document).toMatchObject({ preset: 'record', orientation: 'landscape' });
  });
});

describe('in a committee’s database', () => {
  const contexts: TestContext[] = [];
  afterEach(() => contexts.splice(0).forEach((c) => c.cleanup()));

  it('gives each branch its own calendar', async () => {
    const { c, yi } = await committee((ctx) => (contexts.push(ctx), ctx));
    const calendar = await c.call('meetings.calendar', { year: 2025, branchId: yi });
    expect(calendar.missing).toHaveLength(12 + 12 + 4 + 4 + 1);
    expect(calendar.talks.total).toBe(2);
    const refused = await c.call('meetings.calendar', { year: 2025, branchId: crypto.randomUUID() }).catch((e: { payload: { message: string } }) => e.payload.message);
    expect(refused).toBe('支部：所选支部不存在');
  });
});
