import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../shared/contract/errors';
import {
  countAttendance,
  effectiveFrequencies,
  expectedMembers,
  finalizeProblems,
  kindFromText,
  kindLabel,
  MEETING_FIELD_LABELS,
  MEETING_KINDS,
  quorum,
  sniffAttachmentType,
  voteResult,
  type Attendance,
  type Vote,
} from '../../../shared/domain/meetings';

/** `full` full members and `probationers` probationers, the first `presentFull` / `presentProbationers` of them present. */
function attendance(full: number, presentFull: number, probationers = 0, presentProbationers = 0): Attendance[] {
  const row = (name: string, category: Attendance['category'], attended: boolean): Attendance => ({
    memberId: null, name, category, attended, absenceReason: attended ? '' : '病假', absenceNote: '',
  });
  return [
    ...Array.from({ length: full }, (_, i) => row(`正式${i}`, '正式党员', i < presentFull)),
    ...Array.from({ length: probationers }, (_, i) => row(`预备${i}`, '预备党员', i < presentProbationers)),
  ];
}

const vote = (f: number, against = 0, abstain = 0): Vote => ({ method: 'show', for: f, against, abstain });

describe('the kinds of meeting', () => {
  it('has the six kinds with their default frequency (党课 quarterly, 组织生活会 yearly)', () => {
    expect(MEETING_KINDS.map((k) => [k.label, k.frequency])).toEqual([
      ['支部党员大会', 'quarter'], ['支委会', 'month'], ['党小组会', 'month'], ['党课', 'quarter'], ['主题党日', 'month'], ['组织生活会', 'year'],
    ]);
    expect(kindLabel('committee')).toBe('支委会');
    expect(kindFromText('支部党员大会')).toBe('memberMeeting');
    expect(kindFromText('党员大会')).toBe('memberMeeting');
    expect(kindFromText('支部委员会会议')).toBe('committee');
    expect(kindFromText('民主生活会')).toBeNull();
  });

  it('takes a branch setting over the default frequency', () => {
    const all = effectiveFrequencies([{ kind: 'lecture', frequency: 'month', minPerPeriod: 1 }]);
    expect(all.find((f) => f.kind === 'lecture')).toEqual({ kind: 'lecture', frequency: 'month', minPerPeriod: 1 });
    expect(all.find((f) => f.kind === 'memberMeeting')).toEqual({ kind: 'memberMeeting', frequency: 'quarter', minPerPeriod: 1 });
  });
});

describe('quorum and votes (domain.md 2.1)', () => {
  it('党员大会: more than half of the full members present; exactly half is not enough', () => {
    expect(quorum('memberMeeting', countAttendance(attendance(10, 6))).met).toBe(true);
    expect(quorum('memberMeeting', countAttendance(attendance(10, 5))).met).toBe(false);
    expect(quorum('memberMeeting', countAttendance(attendance(9, 5))).met).toBe(true);
    expect(quorum('memberMeeting', countAttendance(attendance(9, 4))).met).toBe(false);
  });

  it('probationary members present do not make the quorum', () => {
    // 10 full, 5 of them present, and 4 probationers present: 9 of 14 present, but only 5 of 10 voting.
    const c = countAttendance(attendance(10, 5, 4, 4));
    expect(c).toMatchObject({ expected: 14, present: 9, expectedVoting: 10, presentVoting: 5 });
    expect(quorum('memberMeeting', c)).toEqual({ met: false, text: '有表决权的正式党员应到 10 人，实到 5 人，未超过半数，不能表决' });
  });

  it('a vote passes only with 赞成 from more than half of the full members who should attend', () => {
    const c = countAttendance(attendance(10, 8, 3, 3));
    expect(voteResult('memberMeeting', c, vote(6, 2))).toMatchObject({ valid: true, passed: true });
    // 5 of 10: exactly half of those who should attend is not a majority, even with everyone present voting for it.
    expect(voteResult('memberMeeting', c, vote(5, 3))).toMatchObject({ valid: true, passed: false });
    expect(voteResult('memberMeeting', c, vote(5, 0, 3))!.text).toBe('赞成 5 票，未超过应到会有表决权的 10 人的半数，未通过');
  });

  it('probationers have no vote: more ballots than full members present make the vote invalid', () => {
    const c = countAttendance(attendance(10, 8, 3, 3));
    const r = voteResult('memberMeeting', c, vote(9, 0));
    expect(r).toMatchObject({ valid: false, passed: false });
    expect(r!.text).toContain('预备党员没有表决权');
  });

  it('a vote without quorum is invalid whatever the count', () => {
    expect(voteResult('memberMeeting', countAttendance(attendance(10, 5)), vote(5))).toMatchObject({ valid: false, passed: false });
  });

  it('支委会: more than half of the committee members present, probationary or not', () => {
    expect(quorum('committee', countAttendance(attendance(5, 3))).met).toBe(true);
    expect(quorum('committee', countAttendance(attendance(4, 2))).met).toBe(false);
    expect(quorum('committee', countAttendance(attendance(3, 2))).text).toBe('应到支委 3 人，实到 2 人，超过半数');
    expect(voteResult('committee', countAttendance(attendance(5, 3)), vote(3))).toMatchObject({ valid: true, passed: true });
    expect(voteResult('committee', countAttendance(attendance(4, 3)), vote(2, 1))).toMatchObject({ valid: true, passed: false });
  });

  it('other kinds have no quorum rule, and no vote means no result', () => {
    expect(quorum('lecture', countAttendance(attendance(10, 1))).met).toBeNull();
    expect(voteResult('memberMeeting', countAttendance(attendance(10, 8)), { method: 'none', for: 0, against: 0, abstain: 0 })).toBeNull();
  });

  it('定稿 is refused for a 支委会 without quorum and for an invalid vote, naming the resolution', () => {
    const base = { hostName: '王建国', recorderName: '李红梅', place: '会议室', startTime: '09:00' };
    const committee = finalizeProblems({ ...base, kind: 'committee', resolutions: [], attendance: attendance(4, 2) });
    expect(committee).toEqual([{ field: 'attendance', message: '应到支委 4 人，实到 2 人，未超过半数，会议不能作出决定' }]);
    const res = { text: '同意接收张三为预备党员', responsible: '', deadline: '', vote: vote(9) };
    const meeting = finalizeProblems({ ...base, kind: 'memberMeeting', resolutions: [res], attendance: attendance(10, 8, 3, 3) });
    expect(meeting).toHaveLength(1);
    expect(meeting[0]!.field).toBe('resolutions.0.vote');
    expect(meeting[0]!.message).toMatch(/^第 1 项决议表决无效/);
    expect(finalizeProblems({ ...base, hostName: '', kind: 'lecture', resolutions: [], attendance: attendance(3, 3) })).toEqual([
      { field: 'hostName', message: '定稿前请填写主持人' },
    ]);
  });
});

describe('who is expected', () => {
  const roster = [
    { id: 'a', name: '王建国', category: '正式党员' as const, partyGroupId: 'g1' },
    { id: 'b', name: '李红梅', category: '预备党员' as const, partyGroupId: 'g2' },
    { id: 'c', name: '赵志强', category: '正式党员' as const, partyGroupId: 'g1' },
  ];
  const committee = [
    { name: '王建国', role: '书记', memberId: 'a' },
    { name: '外单位委员', role: '组织委员', memberId: null },
  ];

  it('the roster for a 党员大会, the group for a 党小组会, the committee for a 支委会', () => {
    expect(expectedMembers('memberMeeting', roster).map((m) => m.name)).toEqual(['王建国', '李红梅', '赵志强']);
    expect(expectedMembers('groupMeeting', roster, { groupId: 'g1' }).map((m) => m.memberId)).toEqual(['a', 'c']);
    expect(expectedMembers('committee', roster, { committee })).toEqual([
      { memberId: 'a', name: '王建国', category: '正式党员', role: '书记' },
      { memberId: null, name: '外单位委员', category: '正式党员', role: '组织委员' },
    ]);
  });

  it('leaves out a committee member who was not on the roster on the date', () => {
    const later = [...committee, { name: '新委员', role: '宣传委员', memberId: 'z' }];
    expect(expectedMembers('committee', roster, { committee: later }).map((m) => m.name)).toEqual(['王建国', '外单位委员']);
  });
});

describe('attachments and messages', () => {
  it('tells jpg, png and pdf by their first bytes, and nothing else', () => {
    expect(sniffAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from('MZ'))).toBeNull();
  });

  it('names a field inside a list by the list, the item and the field', () => {
    expect(fieldLabel('resolutions.1.vote.for', MEETING_FIELD_LABELS)).toBe('决议第 2 项的赞成票');
    expect(fieldLabel('attendance.0.absenceReason', MEETING_FIELD_LABELS)).toBe('参会人员第 1 项的缺席原因');
    expect(fieldLabel('topics.2', MEETING_FIELD_LABELS)).toBe('议题第 3 项');
    expect(fieldLabel('date', MEETING_FIELD_LABELS)).toBe('会议日期');
  });
});
