import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingFieldsInput } from '../../../shared/domain/meetings';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
let m: Record<'wang' | 'li' | 'zhao' | 'qian', string>;
let g1: string;
let g2: string;

function idNumber(birth: string, n: number): string {
  const first17 = `130982${birth.replaceAll('-', '')}${String(n * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

async function member(name: string, n: number, extra: Record<string, unknown>): Promise<string> {
  const birth = `197${n}-05-0${n + 1}`;
  return (await t.call('members.create', sampleMember({ name, gender: '男', idNumber: idNumber(birth, n), birthDate: birth, ...extra }))).id;
}

function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; issues?: { field: string; message: string }[] }> {
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
  g1 = (await t.call('groups.save', { name: '第一党小组' })).id;
  g2 = (await t.call('groups.save', { name: '第二党小组' })).id;
  m = {
    wang: await member('王建国', 1, { joinDate: '2000-07-01', fullDate: '2001-07-01', partyGroupId: g1 }),
    li: await member('李红梅', 2, { joinDate: '2000-07-01', fullDate: '2001-07-01', partyGroupId: g2 }),
    // Joined 2025-03-01: a probationer until 2026-03-01.
    zhao: await member('赵志强', 3, { joinDate: '2025-03-01', fullDate: '2026-03-01', partyGroupId: g1 }),
    qian: await member('钱小明', 4, { joinDate: '2000-07-01', fullDate: '2001-07-01', partyGroupId: g2 }),
  };
  await t.call('members.recordEvent', { memberId: m.qian, event: { kind: '转出', date: '2025-09-01', counterpart: '渤海钻探第二钻井队党支部' } });
  await t.call('branch.save', {
    name: '中共渤海钻探第一钻井队支部委员会',
    officers: [
      { name: '王建国', role: '书记', memberId: m.wang },
      { name: '李红梅', role: '组织委员', memberId: m.li },
      { name: '孙委员', role: '宣传委员' },
    ],
  });
});
afterEach(() => t.cleanup());

const base = (over: Partial<MeetingFieldsInput> = {}): MeetingFieldsInput => ({
  kind: 'memberMeeting',
  date: '2026-03-12',
  startTime: '09:00',
  endTime: '10:30',
  place: '井场会议室',
  hostMemberId: null,
  recorderMemberId: null,
  ...over,
});

describe('who is expected, as of the meeting date', () => {
  it('the roster then: later members absent, those transferred out gone, probationers as probationers', async () => {
    const before = await t.call('meetings.expected', { kind: 'memberMeeting', date: '2025-01-10' });
    expect(before.map((e) => e.name)).toEqual(expect.arrayContaining(['王建国', '李红梅', '钱小明']));
    expect(before.map((e) => e.name)).not.toContain('赵志强');
    const june = await t.call('meetings.expected', { kind: 'memberMeeting', date: '2025-06-10' });
    expect(june.find((e) => e.name === '赵志强')?.category).toBe('预备党员');
    const october = await t.call('meetings.expected', { kind: 'memberMeeting', date: '2025-10-10' });
    expect(october.map((e) => e.name).sort()).toEqual(['王建国', '李红梅', '赵志强'].sort());
    const now = await t.call('meetings.expected', { kind: 'lecture', date: '2026-06-10' });
    expect(now.find((e) => e.name === '赵志强')?.category).toBe('正式党员');
  });

  it('a party group for a 党小组会, the committee for a 支委会', async () => {
    const group = await t.call('meetings.expected', { kind: 'groupMeeting', date: '2026-06-10', groupId: g1 });
    expect(group.map((e) => e.name).sort()).toEqual(['王建国', '赵志强'].sort());
    const committee = await t.call('meetings.expected', { kind: 'committee', date: '2026-06-10' });
    expect(committee.map((e) => [e.name, e.role, e.memberId])).toEqual([
      ['王建国', '书记', m.wang],
      ['李红梅', '组织委员', m.li],
      ['孙委员', '宣传委员', null],
    ]);
  });
});

describe('a meeting record from draft to final', () => {
  it('a draft gets its default title, the expected members and the host name from the roster', async () => {
    const first = await t.call('meetings.save', { fields: base({ hostMemberId: m.wang, recorderMemberId: m.li }) });
    expect(first).toMatchObject({ title: '2026年第1次党员大会', status: 'draft', version: 0, hostName: '王建国', recorderName: '李红梅' });
    expect(first.attendance.map((a) => [a.name, a.attended])).toEqual(expect.arrayContaining([['王建国', true], ['赵志强', true]]));
    expect(first.counts).toMatchObject({ expected: 3, present: 3, expectedVoting: 3 });
    const second = await t.call('meetings.save', { fields: base({ date: '2026-06-12' }) });
    expect(second.title).toBe('2026年第2次党员大会');
    const group = await t.call('meetings.save', { fields: base({ kind: 'groupMeeting', groupId: g2, date: '2026-06-15' }) });
    expect(group.title).toBe('2026年第1次第二党小组会');
    expect(group.attendance.map((a) => a.name)).toEqual(['李红梅']);
    const list = await t.call('meetings.list', { year: 2026 });
    expect(list.map((x) => x.title)).toEqual(['2026年第1次第二党小组会', '2026年第2次党员大会', '2026年第1次党员大会']);
    expect(await t.call('meetings.list', { year: 2026, kind: 'groupMeeting' })).toHaveLength(1);
  });

  it('定稿 with the form’s fields saves and finalises in one transaction: a refusal stores nothing of either', async () => {
    const committee = (present: boolean) => base({
      kind: 'committee', hostMemberId: m.wang, recorderMemberId: m.wang,
      attendance: [
        { memberId: m.wang, name: '王建国', category: '正式党员', attended: true },
        { memberId: m.li, name: '李红梅', category: '正式党员', attended: present, absenceReason: present ? '' : '公差' },
        { memberId: null, name: '孙委员', category: '正式党员', attended: false, absenceReason: '病假' },
      ],
    });
    const refused = await refusal(t.call('meetings.finalize', { fields: committee(false) }));
    expect(refused.message).toContain('未超过半数');
    expect(await t.call('meetings.list', {})).toEqual([]);

    const draft = await t.call('meetings.save', { fields: base({ kind: 'committee', hostMemberId: m.wang, recorderMemberId: m.wang, content: '草稿' }) });
    await refusal(t.call('meetings.finalize', { id: draft.id, fields: { ...committee(false), content: '改过' }, expectedUpdatedAt: draft.updatedAt }));
    expect(await t.call('meetings.get', { id: draft.id })).toMatchObject({ status: 'draft', content: '草稿', updatedAt: draft.updatedAt });

    const final = await t.call('meetings.finalize', { id: draft.id, fields: { ...committee(true), content: '改过' }, expectedUpdatedAt: draft.updatedAt });
    expect(final).toMatchObject({ id: draft.id, status: 'final', version: 1, content: '改过', counts: { present: 2 } });
    const fresh = await t.call('meetings.finalize', { fields: { ...committee(true), date: '2026-04-09' } });
    expect(fresh).toMatchObject({ status: 'final', version: 1 });
    expect(await refusal(t.call('meetings.finalize', {}))).toMatchObject({ code: 'E_VALIDATION' });
  });

  it('refuses an attendance row naming a member not on the roster, naming the row', async () => {
    const attendance = [
      { memberId: m.wang, name: '王建国', category: '正式党员' as const, attended: true },
      { memberId: '00000000-0000-4000-8000-000000000001', name: '外人', category: '正式党员' as const, attended: true },
    ];
    const refused = await refusal(t.call('meetings.save', { fields: base({ attendance }) }));
    expect(refused.issues).toEqual([expect.objectContaining({ field: 'attendance.1.memberId', message: '所选党员不在名册中' })]);
  });

  it('finalises only when the rules hold, then changes only by an amendment that keeps the earlier version', async () => {
    const attendance = [
      { memberId: m.wang, name: '王建国', category: '正式党员' as const, attended: true },
      { memberId: m.li, name: '李红梅', category: '正式党员' as const, attended: false, absenceReason: '公差' as const },
      { memberId: null, name: '孙委员', category: '正式党员' as const, attended: false, absenceReason: '病假' as const },
    ];
    const draft = await t.call('meetings.save', { fields: base({ kind: 'committee', hostMemberId: m.wang, recorderMemberId: m.wang, attendance }) });
    const noQuorum = await refusal(t.call('meetings.finalize', { id: draft.id }));
    expect(noQuorum).toMatchObject({ code: 'E_VALIDATION', message: '参会人员：应到支委 3 人，实到 1 人，未超过半数，会议不能作出决定' });

    const fixed = attendance.map((a, i) => (i === 1 ? { ...a, attended: true, absenceReason: '' as const } : a));
    const resolutions = [{ text: '同意李四列为入党积极分子', vote: { method: 'show' as const, for: 2, against: 0, abstain: 0 } }];
    const saved = await t.call('meetings.save', { id: draft.id, fields: base({ kind: 'committee', hostMemberId: m.wang, recorderMemberId: m.wang, attendance: fixed, resolutions }) });
    expect(saved.resolutions[0]!.result).toMatchObject({ valid: true, passed: true });
    const final = await t.call('meetings.finalize', { id: draft.id });
    expect(final).toMatchObject({ status: 'final', version: 1 });
    expect(final.finalizedAt).not.toBeNull();

    const edit = await refusal(t.call('meetings.save', { id: draft.id, fields: base({ kind: 'committee' }) }));
    expect(edit).toMatchObject({ code: 'E_CONFLICT', message: '这份会议记录已定稿，只能通过“修订”修改' });
    expect(await refusal(t.call('meetings.delete', { id: draft.id }))).toMatchObject({ code: 'E_CONFLICT' });
    const noReason = await refusal(t.call('meetings.amend', { id: draft.id, reason: '', fields: base({ kind: 'committee' }) }));
    expect(noReason.message).toBe('修订原因：请填写修订原因');

    const amended = await t.call('meetings.amend', {
      id: draft.id,
      reason: '补记孙委员请假原因',
      fields: base({ kind: 'committee', hostMemberId: m.wang, recorderMemberId: m.wang, resolutions, attendance: fixed.map((a, i) => (i === 2 ? { ...a, absenceNote: '住院' } : a)) }),
    });
    expect(amended).toMatchObject({ status: 'final', version: 2, amendReason: '补记孙委员请假原因' });
    const history = await t.call('meetings.history', { id: draft.id });
    expect(history.map((h) => [h.version, h.current, h.reason])).toEqual([[1, false, ''], [2, true, '补记孙委员请假原因']]);
    expect(history[0]!.meeting.attendance[2]!.absenceNote).toBe('');
    expect(history[1]!.meeting.attendance[2]!.absenceNote).toBe('住院');
    expect(history[0]!.supersededAt).not.toBeNull();

    // An amendment that breaks the rules is refused whole: nothing of it is kept.
    const broken = await refusal(
      t.call('meetings.amend', { id: draft.id, reason: '改为只有一人出席', fields: base({ kind: 'committee', hostMemberId: m.wang, recorderMemberId: m.wang, attendance }) }),
    );
    expect(broken.message).toContain('未超过半数');
    expect(await t.call('meetings.history', { id: draft.id })).toHaveLength(2);
    expect((await t.call('meetings.get', { id: draft.id })).version).toBe(2);
  });

  it('refuses 定稿 of a meeting still to come and of one without a host, naming the field', async () => {
    const future = await t.call('meetings.save', { fields: base({ date: '2099-01-05', hostMemberId: m.wang, recorderMemberId: m.wang }) });
    expect((await refusal(t.call('meetings.finalize', { id: future.id }))).message).toMatch(/^会议日期：会议日期 2099-01-05 还未到/);
    const hostless = await t.call('meetings.save', { fields: base({ recorderMemberId: m.wang }) });
    expect((await refusal(t.call('meetings.finalize', { id: hostless.id }))).message).toBe('主持人：定稿前请填写主持人');
  });

  it('a 党员大会 vote counted against probationers is refused on 定稿', async () => {
    const attendance = [
      { memberId: m.wang, name: '王建国', category: '正式党员' as const, attended: true },
      { memberId: m.li, name: '李红梅', category: '正式党员' as const, attended: true },
      { memberId: m.zhao, name: '赵志强', category: '预备党员' as const, attended: true },
    ];
    const resolutions = [{ text: '选举支部书记', vote: { method: 'secret' as const, for: 3, against: 0, abstain: 0 } }];
    const d = await t.call('meetings.save', { fields: base({ date: '2025-06-10', hostMemberId: m.wang, recorderMemberId: m.li, attendance, resolutions }) });
    expect(d.resolutions[0]!.result!.valid).toBe(false);
    const r = await refusal(t.call('meetings.finalize', { id: d.id }));
    expect(r.message).toMatch(/^决议第 1 项的表决情况：第 1 项决议表决无效/);
  });

  it('names the field at fault when a record is saved', async () => {
    const noGroup = await refusal(t.call('meetings.save', { fields: base({ kind: 'groupMeeting' }) }));
    expect(noGroup.message).toBe('党小组：党小组会请选择党小组');
    const emptyResolution = await refusal(t.call('meetings.save', { fields: base({ resolutions: [{ text: ' ' }] }) }));
    expect(emptyResolution.message).toBe('决议第 1 项的决议内容：请填写决议内容');
    const badTime = await refusal(t.call('meetings.save', { fields: base({ startTime: '10:00', endTime: '09:00' }) }));
    expect(badTime.message).toBe('结束时间：结束时间应晚于开始时间');
    const noReason = await refusal(
      t.call('meetings.save', { fields: base({ attendance: [{ memberId: m.wang, name: '王建国', category: '正式党员', attended: false }] }) }),
    );
    expect(noReason.message).toBe('参会人员第 1 项的缺席原因：王建国缺席，请选择缺席原因');
  });

  it('a draft goes to the trash and comes back with its attendance', async () => {
    const d = await t.call('meetings.save', { fields: base() });
    await t.call('meetings.delete', { id: d.id });
    expect(await t.call('meetings.list', {})).toHaveLength(0);
    const trash = await t.call('trash.list');
    expect(trash.map((x) => [x.tableLabel, x.label])).toEqual([['会议记录', '2026-03-12 2026年第1次党员大会（草稿）']]);
    await t.call('trash.restore', { table: 'meetings', id: d.id });
    expect((await t.call('meetings.get', { id: d.id })).attendance).toHaveLength(3);
  });

  it('saving a draft again updates its attendance rows in place and drops those no longer expected', async () => {
    const d = await t.call('meetings.save', { fields: base() });
    const ids = new Map(d.attendance.map((a) => [a.name, a.id]));
    const again = await t.call('meetings.save', {
      id: d.id,
      fields: base({ attendance: d.attendance.filter((a) => a.name !== '赵志强').map((a) => ({ ...a, attended: a.name !== '李红梅', absenceReason: a.name === '李红梅' ? '事假' : '' })) }),
    });
    expect(again.attendance.map((a) => a.name).sort()).toEqual(['李红梅', '王建国'].sort());
    expect(again.attendance.every((a) => ids.get(a.name) === a.id)).toBe(true);
    expect(again.counts).toMatchObject({ expected: 2, present: 1, absent: 1 });
  });
});

describe('frequencies', () => {
  it('defaults, a branch setting, and back to the default', async () => {
    expect((await t.call('meetings.frequencies', {})).find((f) => f.kind === 'lecture')).toEqual({ kind: 'lecture', frequency: 'quarter', minPerPeriod: 1 });
    await t.call('meetings.setFrequencies', { frequencies: [{ kind: 'lecture', frequency: 'month', minPerPeriod: 1 }] });
    expect((await t.call('meetings.frequencies', {})).find((f) => f.kind === 'lecture')!.frequency).toBe('month');
    await t.call('meetings.setFrequencies', { frequencies: [{ kind: 'lecture', frequency: 'quarter', minPerPeriod: 1 }] });
    expect((await t.call('meetings.frequencies', {})).find((f) => f.kind === 'lecture')!.frequency).toBe('quarter');
    expect(t.db.prepare('SELECT count(*) AS n FROM meeting_frequencies WHERE deleted_at IS NULL').get()).toEqual({ n: 0 });
  });
});

describe('attendance of final meetings (for rates and study hours)', () => {
  it('counts final records only, one row per expected member', async () => {
    const { finalAttendance } = await import('../../../main/services/meetings/records');
    const { requireBranchId } = await import('../../../main/services/branch/branch');
    const d = await t.call('meetings.save', { fields: base({ kind: 'lecture', classHours: 2, hostMemberId: m.wang, recorderMemberId: m.li }) });
    await t.call('meetings.save', { fields: base({ date: '2026-04-01' }) });
    expect(finalAttendance(t.db, requireBranchId(t.db), '2026-01-01', '2026-12-31')).toEqual([]);
    await t.call('meetings.finalize', { id: d.id });
    const rows = finalAttendance(t.db, requireBranchId(t.db), '2026-01-01', '2026-12-31');
    expect(rows.map((r) => [r.name, r.attended, r.classHours, r.kind])).toEqual(
      expect.arrayContaining([['王建国', true, 2, 'lecture'], ['赵志强', true, 2, 'lecture']]),
    );
    expect(rows).toHaveLength(3);
  });
});
