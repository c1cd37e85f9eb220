/**
 * The meeting screens' own logic: the list's filters round-trip through the route (the calendar links into it),
 * the sign-in list keeps what was marked when the expected members are read again, and the form's values become
 * the contract's fields with its problems named at the form's fields.
 */
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../../shared/contract/meetings';
import { attendanceOf, emptyMeeting, finalProblems, meetingInput, meetingProblems, parseMeeting, signInRows, timeText, type MeetingValues } from '../../../renderer/src/features/meetings/meetingModel';
import { filtersFromQuery, inPeriod, queryOfFilters, shownRows, statusLabel } from '../../../renderer/src/features/meetings/meetingsStore';
import { queryOfTalkFilters, talkFiltersFromQuery } from '../../../renderer/src/features/meetings/talksStore';

const M1 = '11111111-1111-4111-8111-111111111111';
const M2 = '22222222-2222-4222-8222-222222222222';
const M3 = '33333333-3333-4333-8333-333333333333';

function summary(patch: Partial<MeetingSummary>): MeetingSummary {
  return {
    id: 'x', kind: 'committee', alsoCounts: [], groupId: null, groupName: null, title: '2026年第3次支委会', date: '2026-03-12', startTime: '09:00',
    endTime: '', place: '队部会议室', hostName: '王建国', status: 'final', version: 1, finalizedAt: null, expected: 5, present: 5, attachmentCount: 0,
    updatedAt: '', ...patch,
  };
}

describe('meetings list filters', () => {
  it('the calendar link ?kind=committee&month=2026-03 filters that kind and month of that year, and writes back the same', () => {
    const f = filtersFromQuery({ kind: 'committee', month: '2026-03' });
    expect(f).toMatchObject({ year: 2026, month: '2026-03', kind: 'committee', groupId: null, status: null, query: '' });
    const q = Object.fromEntries(Object.entries(queryOfFilters(f)).filter(([, v]) => v));
    expect(q).toEqual({ kind: 'committee', month: '2026-03' });
    expect(filtersFromQuery({ kind: 'party', month: '2026-13' })).toMatchObject({ kind: null, month: null });
    // A quarter's and a year's periods (党员大会, 组织生活会) as the calendar names them.
    expect(filtersFromQuery({ month: '2025-Q2' })).toMatchObject({ year: 2025, month: '2025-Q2' });
    expect(filtersFromQuery({ month: '2024' })).toMatchObject({ year: 2024, month: null });
    expect([inPeriod('2025-06-30', '2025-Q2'), inPeriod('2025-07-01', '2025-Q2'), inPeriod('2025-03-12', '2025-03')]).toEqual([true, false, true]);
  });

  it('已定稿 and 已修订 are told apart by the version; the month and the search words filter the rows', () => {
    const rows = [
      summary({ id: 'a', version: 1 }),
      summary({ id: 'b', version: 2, date: '2026-04-02' }),
      summary({ id: 'c', status: 'draft', version: 0, place: '井场值班房' }),
    ];
    const f = filtersFromQuery({});
    expect(shownRows(rows, { ...f, status: 'final' }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(shownRows(rows, { ...f, status: 'amended' }).map((r) => r.id)).toEqual(['b']);
    expect(shownRows(rows, { ...f, month: '2026-03' }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(shownRows(rows, { ...f, query: '井场' }).map((r) => r.id)).toEqual(['c']);
    expect(rows.map(statusLabel)).toEqual(['已定稿', '已修订（第 2 版）', '草稿']);
  });

  it('a person\'s talks show all their years; the route keeps the person', () => {
    const f = talkFiltersFromQuery({ member: M1 });
    expect(f).toMatchObject({ year: null, memberId: M1, personName: null });
    expect(Object.fromEntries(Object.entries(queryOfTalkFilters(f)).filter(([, v]) => v))).toEqual({ member: M1 });
  });
});

function committeeMeeting(patch: Partial<MeetingValues> = {}): MeetingValues {
  const expected = [
    { memberId: M1, name: '王建国', category: '正式党员' as const, role: '书记' },
    { memberId: M2, name: '李红梅', category: '正式党员' as const, role: '组织委员' },
    { memberId: M3, name: '张志强', category: '正式党员' as const, role: '宣传委员' },
  ];
  return { ...emptyMeeting('committee', '2026-03-12'), attendance: signInRows(expected), place: '队部会议室', startTime: '9:00', hostName: '王建国', recorderName: '李红梅', ...patch };
}

describe('the sign-in list and the form', () => {
  it('reading the expected members again keeps each member\'s mark and starts newcomers as present', () => {
    const rows = signInRows([{ memberId: M1, name: '王建国', category: '正式党员', role: '' }, { memberId: M2, name: '李红梅', category: '正式党员', role: '' }]);
    rows[1] = { ...rows[1]!, presence: '病假', absenceNote: '住院' };
    const again = signInRows(
      [{ memberId: M2, name: '李红梅', category: '正式党员', role: '' }, { memberId: M3, name: '张志强', category: '预备党员', role: '' }],
      rows,
    );
    expect(again.map((r) => [r.name, r.presence, r.absenceNote])).toEqual([['李红梅', '病假', '住院'], ['张志强', 'present', '']]);
    expect(attendanceOf(again)).toEqual([
      { memberId: M2, name: '李红梅', category: '正式党员', attended: false, absenceReason: '病假', absenceNote: '住院' },
      { memberId: M3, name: '张志强', category: '预备党员', attended: true, absenceReason: '', absenceNote: '' },
    ]);
  });

  it('the form gives the contract its fields: times padded, host and recorder linked to the list, empty rows left out', () => {
    const v = committeeMeeting({ speeches: [{ speaker: '张志强', text: '同意' }, { speaker: '', text: '' }], topics: ['研究发展对象', ''] });
    const input = meetingInput(v);
    expect(input).toMatchObject({ startTime: '09:00', hostMemberId: M1, recorderMemberId: M2, topics: ['研究发展对象'], date: '2026-03-12' });
    expect(input.speeches).toEqual([{ speaker: '张志强', memberId: M3, text: '同意' }]);
    expect(timeText('9：30')).toBe('09:30');
    expect(meetingProblems(v, false)).toEqual([]);
  });

  it('problems are named at the form\'s fields: the date, the time, the reason of an amendment', () => {
    const v = committeeMeeting({ date: null, endTime: '8:00' });
    const fields = meetingProblems(v, true).map((p) => p.field);
    expect(fields).toContain('date');
    expect(fields).toContain('reason');
    expect(meetingProblems(committeeMeeting({ endTime: '8:00' }), false)).toEqual([{ field: 'endTime', message: '结束时间应晚于开始时间' }]);
  });

  it('定稿 is refused when only one of three committee members is present, at the sign-in list', () => {
    const v = committeeMeeting();
    v.attendance = v.attendance.map((r, i) => (i === 0 ? r : { ...r, presence: '公差' }));
    const parsed = parseMeeting(v);
    expect(parsed.fields).not.toBeNull();
    const problems = finalProblems(parsed.fields!);
    expect(problems.map((p) => p.field)).toEqual(['attendance']);
    expect(problems[0]!.message).toContain('未超过半数');
    expect(finalProblems(parseMeeting(committeeMeeting()).fields!)).toEqual([]);
    expect(dayjs.isDayjs(v.date)).toBe(true);
  });
});
