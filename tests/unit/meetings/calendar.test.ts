/** The 台账 rules on plain rows: gaps, party groups, future periods, drafts, alsoCounts, talk coverage, attendance. */
import { describe, expect, it } from 'vitest';
import { attendanceRates, meetingsCalendar, type CalendarInput, type CalendarMeeting } from '../../../main/services/meetings/calendar';
import { DEFAULT_FREQUENCIES, periodsOf, type CalendarKind } from '../../../shared/domain/meetingsCalendar';

let n = 0;
function meeting(kind: CalendarKind, date: string, extra: Partial<CalendarMeeting> = {}): CalendarMeeting {
  n += 1;
  return { id: `m${n}`, kind, alsoCounts: [], groupId: null, date, final: true, ...extra };
}

const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const mm = (m: number) => String(m).padStart(2, '0');

/** Every required meeting of 2025 held, except what `skip` names (kind → months). */
function fullYear(skip: Partial<Record<CalendarKind, number[]>> = {}): CalendarMeeting[] {
  const list: CalendarMeeting[] = [];
  const keep = (kind: CalendarKind, month: number) => !(skip[kind] ?? []).includes(month);
  for (const m of months(1, 12)) {
    if (keep('committee', m)) list.push(meeting('committee', `2025-${mm(m)}-05`));
    if (keep('themeDay', m)) list.push(meeting('themeDay', `2025-${mm(m)}-15`));
    if (keep('groupMeeting', m)) list.push(meeting('groupMeeting', `2025-${mm(m)}-20`, { groupId: 'g1' }));
  }
  for (const m of [2, 5, 8, 11]) {
    if (keep('memberMeeting', m)) list.push(meeting('memberMeeting', `2025-${mm(m)}-10`));
    if (keep('lecture', m)) list.push(meeting('lecture', `2025-${mm(m)}-12`));
  }
  if (keep('lifeMeeting', 12)) list.push(meeting('lifeMeeting', '2025-12-18'));
  return list;
}

function input(meetings: CalendarMeeting[], extra: Partial<CalendarInput> = {}): CalendarInput {
  return {
    year: 2025,
    today: '2026-03-01',
    frequencies: DEFAULT_FREQUENCIES,
    groups: [{ id: 'g1', name: '一组' }],
    meetings,
    members: [],
    talks: [],
    attendance: [],
    ...extra,
  };
}

const missingOf = (c: ReturnType<typeof meetingsCalendar>) => c.missing.map((m) => `${m.kind}${m.groupName ? `/${m.groupName}` : ''} ${m.period}`);

describe('the periods of a year', () => {
  it('has 12 months, 4 quarters or the year, each ending on its last day', () => {
    expect(periodsOf(2024, 'month').map((p) => p.deadline)).toContain('2024-02-29');
    expect(periodsOf(2026, 'quarter').map((p) => [p.period, p.label, p.deadline])).toEqual([
      ['2026-Q1', '第一季度', '2026-03-31'],
      ['2026-Q2', '第二季度', '2026-06-30'],
      ['2026-Q3', '第三季度', '2026-09-30'],
      ['2026-Q4', '第四季度', '2026-12-31'],
    ]);
    expect(periodsOf(2026, 'year').map((p) => [p.period, p.fromMonth, p.toMonth])).toEqual([['2026', 1, 12]]);
  });
});

describe('a past year', () => {
  it('with every meeting held has nothing missing and every period held', () => {
    const c = meetingsCalendar(input(fullYear()));
    expect(c.missing).toEqual([]);
    expect(c.due).toEqual([]);
    expect(c.rows.map((r) => [r.key, r.held, r.required])).toEqual([
      ['memberMeeting', 4, 4],
      ['committee', 12, 12],
      ['groupMeeting:g1', 12, 12],
      ['lecture', 4, 4],
      ['themeDay', 12, 12],
      ['lifeMeeting', 1, 1],
    ]);
  });

  it('with gaps gives exactly those gaps', () => {
    const c = meetingsCalendar(input(fullYear({ committee: [3, 7], memberMeeting: [5], lecture: [11], themeDay: [1], lifeMeeting: [12] })));
    expect(missingOf(c)).toEqual(['memberMeeting 2025-Q2', 'committee 2025-03', 'committee 2025-07', 'lecture 2025-Q4', 'themeDay 2025-01', 'lifeMeeting 2025']);
    const committee = c.rows.find((r) => r.kind === 'committee')!;
    expect(committee.cells.filter((x) => x.state === 'missing').map((x) => x.label)).toEqual(['3月', '7月']);
    expect(c.missing.find((m) => m.kind === 'lifeMeeting')).toMatchObject({ periodLabel: '2025年全年', deadline: '2025-12-31', draftIds: [] });
  });

  it('counts two meetings in one month as one period held, and names their ids', () => {
    const extra = meeting('committee', '2025-03-25');
    const c = meetingsCalendar(input([...fullYear(), extra]));
    const march = c.rows.find((r) => r.kind === 'committee')!.cells[2]!;
    expect(march.meetingIds).toHaveLength(2);
    expect(march.meetingIds).toContain(extra.id);
    expect(c.rows.find((r) => r.kind === 'committee')!.held).toBe(12);
  });

  it('ignores meetings of other years', () => {
    const c = meetingsCalendar(input([meeting('lifeMeeting', '2024-12-20'), meeting('lifeMeeting', '2026-01-05')]));
    expect(c.rows.find((r) => r.kind === 'lifeMeeting')!.cells[0]!.state).toBe('missing');
  });
});

describe('party groups', () => {
  it('requires a 党小组会 per group per month, counting only that group’s meetings', () => {
    const list = fullYear(); // g1 every month
    for (const m of [1, 2, 4]) list.push(meeting('groupMeeting', `2025-${mm(m)}-21`, { groupId: 'g2' }));
    list.push(meeting('groupMeeting', '2025-03-21', { groupId: null })); // no group: counts for none
    const c = meetingsCalendar(input(list, { groups: [{ id: 'g1', name: '一组' }, { id: 'g2', name: '二组' }] }));
    const g2 = c.rows.find((r) => r.key === 'groupMeeting:g2')!;
    expect(g2).toMatchObject({ groupName: '二组', held: 3, required: 12 });
    expect(c.rows.find((r) => r.key === 'groupMeeting:g1')!.held).toBe(12);
    expect(missingOf(c)).toEqual([3, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `groupMeeting/二组 2025-${mm(m)}`));
  });

  it('has no 党小组会 line when the branch has no groups', () => {
    const c = meetingsCalendar(input(fullYear(), { groups: [] }));
    expect(c.rows.some((r) => r.kind === 'groupMeeting')).toBe(false);
  });
});

describe('the current year', () => {
  const today = '2025-05-14';
  const upToApril = () => fullYear().filter((m) => m.date < '2025-05-01');

  it('marks periods after today 未到期, the one under way 待开, and only past ones missing', () => {
    const c = meetingsCalendar(input(upToApril(), { today }));
    const committee = c.rows.find((r) => r.kind === 'committee')!;
    expect(committee.cells.map((x) => x.state)).toEqual([...Array(4).fill('held'), 'due', ...Array(7).fill('notDue')]);
    expect(committee.required).toBe(5);
    const lecture = c.rows.find((r) => r.kind === 'lecture')!;
    expect(lecture.cells.map((x) => x.state)).toEqual(['held', 'due', 'notDue', 'notDue']);
    expect(c.rows.find((r) => r.kind === 'lifeMeeting')!.cells[0]!.state).toBe('due');
    expect(c.missing).toEqual([]);
    expect(c.due.map((d) => `${d.kind} ${d.period}`)).toEqual([
      'memberMeeting 2025-Q2',
      'committee 2025-05',
      'groupMeeting 2025-05',
      'lecture 2025-Q2',
      'themeDay 2025-05',
      'lifeMeeting 2025',
    ]);
  });

  it('turns a period into 缺开 the day after its deadline', () => {
    const c = meetingsCalendar(input(upToApril().filter((m) => !(m.kind === 'committee' && m.date.startsWith('2025-04'))), { today }));
    expect(missingOf(c)).toEqual(['committee 2025-04']);
  });

  it('counted on a past date, ignores final records dated after it', () => {
    const c = meetingsCalendar(input(fullYear(), { today: '2025-05-14' }));
    expect(c.rows.find((r) => r.kind === 'committee')!.cells.map((x) => x.state).slice(3, 6)).toEqual(['held', 'held', 'notDue']);
    expect(c.rows.find((r) => r.kind === 'themeDay')!.cells[4]!.state).toBe('due'); // held on the 15th
  });

  it('treats a whole future year as 未到期', () => {
    const c = meetingsCalendar(input([], { year: 2027, today }));
    expect(c.rows.every((r) => r.required === 0 && r.cells.every((x) => x.state === 'notDue'))).toBe(true);
    expect(c.missing).toEqual([]);
  });
});

describe('drafts', () => {
  it('do not count: a past period with drafts only is 未定稿 and still missing, naming the drafts', () => {
    const list = fullYear({ committee: [6] });
    const draft = meeting('committee', '2025-06-09', { final: false });
    const c = meetingsCalendar(input([...list, draft]));
    const june = c.rows.find((r) => r.kind === 'committee')!.cells[5]!;
    expect(june).toMatchObject({ state: 'draft', meetingIds: [], draftIds: [draft.id] });
    expect(c.missing).toEqual([expect.objectContaining({ kind: 'committee', period: '2025-06', draftIds: [draft.id] })]);
  });

  it('a draft beside a final record leaves the period held', () => {
    const c = meetingsCalendar(input([...fullYear(), meeting('committee', '2025-06-20', { final: false })]));
    expect(c.rows.find((r) => r.kind === 'committee')!.cells[5]!.state).toBe('held');
  });

  it('a draft in the month under way is due, not missing', () => {
    const draft = meeting('committee', '2025-05-03', { final: false });
    const c = meetingsCalendar(input([draft], { today: '2025-05-14' }));
    expect(c.rows.find((r) => r.kind === 'committee')!.cells[4]!.state).toBe('draft');
    expect(c.due.find((d) => d.kind === 'committee')).toMatchObject({ period: '2025-05', draftIds: [draft.id] });
    expect(c.missing.some((m) => m.kind === 'committee' && m.period === '2025-05')).toBe(false);
  });
});

describe('alsoCounts', () => {
  it('counts a 党员大会 held on the theme day as the 主题党日 too, and a 组织生活会 held as a 党员大会', () => {
    const list = fullYear({ themeDay: [5], memberMeeting: [11] });
    list.push(meeting('memberMeeting', '2025-05-15', { alsoCounts: ['themeDay'] }));
    list.push(meeting('lifeMeeting', '2025-11-20', { alsoCounts: ['memberMeeting'] }));
    const c = meetingsCalendar(input(list));
    expect(c.missing).toEqual([]);
    const may = c.rows.find((r) => r.kind === 'themeDay')!.cells[4]!;
    expect(may.meetingIds).toHaveLength(1);
    expect(c.rows.find((r) => r.kind === 'lifeMeeting')!.cells[0]!.meetingIds).toHaveLength(2);
  });

  it('without it the theme day of that month is missing', () => {
    const list = fullYear({ themeDay: [5] });
    list.push(meeting('memberMeeting', '2025-05-15'));
    expect(missingOf(meetingsCalendar(input(list)))).toEqual(['themeDay 2025-05']);
  });
});

describe('frequencies', () => {
  const withSetting = (kind: CalendarKind, frequency: 'month' | 'quarter' | 'year', minPerPeriod = 1) =>
    DEFAULT_FREQUENCIES.map((f) => (f.kind === kind ? { kind, frequency, minPerPeriod } : f));

  it('follow the branch setting: 党课 monthly makes every month without one a gap', () => {
    const c = meetingsCalendar(input(fullYear(), { frequencies: withSetting('lecture', 'month') }));
    expect(missingOf(c)).toEqual([1, 3, 4, 6, 7, 9, 10, 12].map((m) => `lecture 2025-${mm(m)}`));
  });

  it('党课 yearly is met by one in the year', () => {
    const c = meetingsCalendar(input(fullYear({ lecture: [2, 5, 11] }), { frequencies: withSetting('lecture', 'year') }));
    expect(c.rows.find((r) => r.kind === 'lecture')!.cells.map((x) => [x.period, x.state])).toEqual([['2025', 'held']]);
  });

  it('two a quarter: a quarter with one final record is missing, and names it', () => {
    const list = fullYear();
    list.push(meeting('lecture', '2025-03-20'), meeting('lecture', '2025-06-20'), meeting('lecture', '2025-09-20'));
    const c = meetingsCalendar(input(list, { frequencies: withSetting('lecture', 'quarter', 2) }));
    const lecture = c.rows.find((r) => r.kind === 'lecture')!;
    expect(lecture.cells.map((x) => x.state)).toEqual(['held', 'held', 'held', 'missing']);
    expect(lecture.cells[3]!.meetingIds).toHaveLength(1);
    expect(missingOf(c)).toEqual(['lecture 2025-Q4']);
  });

  it('a kind required 0 times has no line and no gaps', () => {
    const c = meetingsCalendar(input([], { frequencies: withSetting('themeDay', 'month', 0) }));
    expect(c.rows.some((r) => r.kind === 'themeDay')).toBe(false);
    expect(c.missing.some((m) => m.kind === 'themeDay')).toBe(false);
  });
});

describe('talk coverage', () => {
  const members = [
    { id: 'a', name: '张三' },
    { id: 'b', name: '李四' },
    { id: 'c', name: '王五' },
    { id: 'd', name: '赵六' },
  ];

  it('is members talked with at least once this year up to today, over the active members, naming the rest', () => {
    const talks = [
      { id: 't1', date: '2025-02-01', memberId: 'a' },
      { id: 't2', date: '2025-03-01', memberId: 'a' },
      { id: 't3', date: '2025-04-01', memberId: 'c' },
      { id: 't4', date: '2024-12-30', memberId: 'b' }, // last year
      { id: 't5', date: '2025-06-01', memberId: 'd' }, // after today
      { id: 't6', date: '2025-04-02', memberId: null }, // a visit to a non-member
      { id: 't7', date: '2025-04-03', memberId: 'gone' }, // someone no longer active
    ];
    const c = meetingsCalendar(input([], { today: '2025-05-14', members, talks }));
    expect(c.talks).toEqual({
      covered: 2,
      total: 4,
      rate: 0.5,
      notTalked: [
        { memberId: 'b', name: '李四' },
        { memberId: 'd', name: '赵六' },
      ],
      talkIds: ['t1', 't2', 't3'],
    });
  });

  it('is 0 of 0 without members', () => {
    expect(meetingsCalendar(input([])).talks).toMatchObject({ covered: 0, total: 0, rate: 0 });
  });
});

describe('attendance rate', () => {
  it('is attended over expected per member, lowest first, by name at equal rates', () => {
    const row = (memberId: string, name: string, attended: number, expected: number) => ({ memberId, name, attended, expected });
    const attendance = [row('a', '张三', 2, 3), row('b', '李四', 2, 2), row('c', '王五', 0, 1), row('d', '赵六', 2, 3)];
    const c = meetingsCalendar(input([], { attendance }));
    expect(c.attendance.map((r) => [r.name, r.attended, r.expected, Number(r.rate.toFixed(3))])).toEqual([
      ['王五', 0, 1, 0],
      ['张三', 2, 3, 0.667],
      ['赵六', 2, 3, 0.667],
      ['李四', 2, 2, 1],
    ]);
  });

  it('leaves out members expected at no final record', () => {
    expect(attendanceRates([{ memberId: 'a', name: '张三', expected: 0, attended: 0 }])).toEqual([]);
  });
});
