/**
 * The 台账's facts, for the home page and reports: the meetings due this month and not yet held, the periods missing so
 * far in the year, 三会一课 held against required by kind (and party group), and the coverage of 谈心谈话. All are
 * counted on a date, for the year of that date, by the same rules as the calendar screen (calendar.ts).
 * A row's source opens the meetings list on its kind and period: `#/meetings?kind=committee&month=2026-03`
 * (`month` is the period: 2026-03, 2026-Q1, 2026-H1 or 2026; `groupId` for a party group's 党小组会).
 */
import { daysBetween } from '../../../shared/domain/dates';
import { filterSource, idSource, type FactSource, type FactTableRow } from '../../../shared/domain/facts';
import { CELL_STATE_LABELS, FREQUENCY_LABELS, periodsDueThisMonth, type MeetingsCalendar, type MissingPeriod } from '../../../shared/domain/meetingsCalendar';
import { all, qb } from '../../db/query';
import { memo, type CountedRecord, type FactResult, type FactScope, type FactSpec } from '../facts/registry';
import { branchCalendar } from './calendarService';
import { finalAttendance } from './records';
import { studyHours } from './studyHours';

const MEETINGS = { table: 'meetings', label: '三会一课', screen: 'meetings' } as const;
const ROSTER = { table: 'members', label: '党员名册', screen: 'roster' } as const;

interface Counted {
  calendar: MeetingsCalendar;
  meetings: CountedRecord[];
  talks: CountedRecord[];
}

/** The calendar of the scope's year on its date, and the records of that year it was counted from. */
function calendarOf(scope: FactScope): Counted {
  return memo(scope, `meetings.calendar:${scope.at}`, () => {
    const year = Number(scope.at.slice(0, 4));
    const [from, to] = [`${year}-01-01`, scope.at];
    const meetings = all(
      scope.db,
      qb.selectFrom('meetings').select(['id', 'rev']).where('branch_id', '=', scope.branchId).where('deleted_at', 'is', null).where('meeting_date', '>=', from).where('meeting_date', '<=', to),
    ).map((r) => ({ table: 'meetings', id: r.id, rev: r.rev }));
    const talks = all(
      scope.db,
      qb.selectFrom('talks').select(['id', 'rev']).where('branch_id', '=', scope.branchId).where('deleted_at', 'is', null).where('talk_date', '>=', from).where('talk_date', '<=', to),
    ).map((r) => ({ table: 'talks', id: r.id, rev: r.rev }));
    return { calendar: branchCalendar(scope.db, scope.branchId, year, scope.at), meetings, talks };
  });
}

function periodSource(p: Pick<MissingPeriod, 'kind' | 'period' | 'groupId'>, count: number): FactSource {
  return filterSource(MEETINGS, { kind: p.kind, month: p.period, ...(p.groupId ? { groupId: p.groupId } : {}) }, count);
}

const PERIOD_COLUMNS = [
  { key: 'kind', label: '会议类型' },
  { key: 'partyGroup', label: '党小组' },
  { key: 'period', label: '期间' },
  { key: 'deadline', label: '截止日期' },
  { key: 'daysLeft', label: '距截止日期（天）' },
  { key: 'state', label: '状态' },
];

function periodRows(scope: FactScope, periods: readonly MissingPeriod[]): FactTableRow[] {
  return periods.map((p) => ({
    key: `${p.kind}:${p.groupId ?? ''}:${p.period}`,
    cells: {
      kind: p.kindLabel,
      partyGroup: p.groupName,
      period: p.periodLabel,
      deadline: p.deadline,
      daysLeft: daysBetween(scope.at, p.deadline),
      state: p.draftIds.length ? CELL_STATE_LABELS.draft : p.deadline < scope.at ? CELL_STATE_LABELS.missing : CELL_STATE_LABELS.due,
    },
    source: periodSource(p, p.draftIds.length),
  }));
}

/** Periods under way and not yet held whose deadline falls in the month of the date. */
function dueThisMonth(scope: FactScope): FactResult {
  const { calendar, meetings } = calendarOf(scope);
  const due = periodsDueThisMonth(calendar);
  return { data: { kind: 'table', columns: PERIOD_COLUMNS, rows: periodRows(scope, due) }, counted: meetings };
}

/** The gaps of the year so far, the latest first (what the home page lists first is what can still be put right). */
function missingSoFar(scope: FactScope): FactResult {
  const { calendar, meetings } = calendarOf(scope);
  const latestFirst = calendar.missing.map((p, i) => ({ p, i })).sort((a, b) => b.p.deadline.localeCompare(a.p.deadline) || a.i - b.i).map((x) => x.p);
  return { data: { kind: 'table', columns: PERIOD_COLUMNS, rows: periodRows(scope, latestFirst) }, counted: meetings };
}

/** 首页's 三会一课 reminders in one list: what is due this month, then this year's gaps, the latest first. */
function reminders(scope: FactScope): FactResult {
  const due = dueThisMonth(scope);
  const missing = missingSoFar(scope);
  const rows = [...(due.data.kind === 'table' ? due.data.rows : []), ...(missing.data.kind === 'table' ? missing.data.rows : [])];
  return { data: { kind: 'table', columns: PERIOD_COLUMNS, rows }, counted: due.counted };
}

const HELD_COLUMNS = [
  { key: 'kind', label: '会议类型' },
  { key: 'partyGroup', label: '党小组' },
  { key: 'frequency', label: '频次' },
  { key: 'required', label: '应开（期）' },
  { key: 'held', label: '已开（期）' },
  { key: 'missing', label: '缺开（期）' },
  { key: 'meetings', label: '会议次数' },
];

function heldAgainstRequired(scope: FactScope): FactResult {
  const { calendar, meetings } = calendarOf(scope);
  const rows: FactTableRow[] = calendar.rows.map((r) => {
    const ids = [...new Set(r.cells.flatMap((c) => c.meetingIds))];
    return {
      key: r.key,
      cells: {
        kind: r.kindLabel,
        partyGroup: r.groupName,
        frequency: FREQUENCY_LABELS[r.frequency],
        required: r.required,
        held: r.held,
        missing: r.cells.filter((c) => c.state === 'missing' || (c.state === 'draft' && c.deadline < calendar.today)).length,
        meetings: ids.length,
      },
      source: idSource(MEETINGS, ids),
    };
  });
  return { data: { kind: 'table', columns: HELD_COLUMNS, rows }, counted: meetings };
}

function talkCoverage(scope: FactScope): FactResult {
  const { calendar, talks } = calendarOf(scope);
  const t = calendar.talks;
  const notTalked = new Set(t.notTalked.map((m) => m.memberId));
  const talkIds = new Set(t.talkIds);
  return {
    data: {
      kind: 'series',
      total: t.total,
      points: [
        // The talks counted name the covered members; the roster screen lists those not yet talked with.
        { key: 'covered', label: '已谈心谈话', value: t.covered, source: idSource({ table: 'talks', label: '谈心谈话', screen: 'talks' }, t.talkIds) },
        { key: 'notCovered', label: '尚未谈心谈话', value: t.notTalked.length, source: idSource(ROSTER, [...notTalked]) },
      ],
    },
    counted: talks.filter((r) => talkIds.has(r.id)),
  };
}

const STUDY_COLUMNS = [
  { key: 'name', label: '姓名' },
  { key: 'role', label: '身份' },
  { key: 'hours', label: '已完成学时' },
  { key: 'required', label: '年度要求学时' },
  { key: 'shortfall', label: '尚差学时' },
];

/** Each member's class hours this year so far, from the final meetings with 学时 they attended (the row opens those meetings). */
function studyHoursFact(scope: FactScope): FactResult {
  const rows = studyHours(scope.db, scope.branchId, scope.at);
  const ids = new Set(rows.flatMap((r) => r.meetingIds));
  const { meetings } = calendarOf(scope);
  return {
    data: {
      kind: 'table',
      columns: STUDY_COLUMNS,
      rows: rows.map((r) => ({
        key: r.memberId,
        cells: { name: r.name, role: r.committee ? '支部委员' : '党员', hours: r.hours, required: r.required, shortfall: Math.max(0, r.required - r.hours) },
        source: idSource(MEETINGS, [...new Set(r.meetingIds)]),
      })),
    },
    counted: meetings.filter((m) => ids.has(m.id)),
  };
}

const ATTENDANCE_COLUMNS = [
  { key: 'name', label: '姓名' },
  { key: 'expected', label: '应参加（次）' },
  { key: 'attended', label: '实参加（次）' },
  { key: 'rate', label: '参会率（%）' },
];

/** Each member's attendance of the year's final records so far, as the 台账 counts it; a row opens the meetings that expected them. */
function attendanceRate(scope: FactScope): FactResult {
  const { calendar, meetings } = calendarOf(scope);
  const expectedBy = new Map<string, Set<string>>();
  for (const a of finalAttendance(scope.db, scope.branchId, `${scope.at.slice(0, 4)}-01-01`, scope.at)) {
    if (a.memberId) expectedBy.set(a.memberId, (expectedBy.get(a.memberId) ?? new Set()).add(a.meetingId));
  }
  const ids = new Set([...expectedBy.values()].flatMap((s) => [...s]));
  return {
    data: {
      kind: 'table',
      columns: ATTENDANCE_COLUMNS,
      rows: calendar.attendance.map((a) => ({
        key: a.memberId,
        cells: { name: a.name, expected: a.expected, attended: a.attended, rate: Math.round(a.rate * 1000) / 10 },
        source: idSource(MEETINGS, [...(expectedBy.get(a.memberId) ?? [])]),
      })),
    },
    counted: meetings.filter((m) => ids.has(m.id)),
  };
}

const table = { kind: 'table', capability: 'meetings', periodKind: 'at' } as const;

export const MEETINGS_CALENDAR_FACTS: readonly FactSpec[] = [
  {
    ...table,
    key: 'meetings.calendar.dueThisMonth',
    title: '本月应召开的三会一课',
    unit: '次',
    description: '统计日所在月底前应召开、尚无定稿记录的会议（按支部设定的频次，党小组会按党小组）；只有草稿的记为未定稿。',
    compute: dueThisMonth,
  },
  {
    ...table,
    key: 'meetings.calendar.missing',
    title: '本年缺开的三会一课',
    unit: '次',
    description: '统计日所在年度内、期限已过而没有定稿记录的会议期次（按支部设定的频次，党小组会按党小组），期限近的在前。',
    compute: missingSoFar,
  },
  {
    ...table,
    key: 'meetings.calendar.reminders',
    title: '三会一课提醒（本月应开、本年缺开）',
    unit: '次',
    description: '首页的三会一课提醒：统计日所在月底前应召开而尚无定稿记录的会议，其后是本年期限已过而没有定稿记录的会议期次（期限近的在前）。',
    compute: reminders,
  },
  {
    ...table,
    key: 'meetings.calendar.heldVsRequired',
    title: '三会一课召开情况（已开/应开）',
    unit: '期',
    description: '统计日所在年度内，各类会议（党小组会按党小组）已到期的期次中有定稿记录的期次；同一记录可按“同时计为”计入多类会议。',
    compute: heldAgainstRequired,
  },
  {
    ...table,
    key: 'meetings.attendanceRate',
    title: '党员参会率',
    unit: '%',
    description: '统计日所在年度内至统计日，每名党员应参加的已定稿会议次数、实际出席次数及参会率（与三会一课台账相同）。',
    compute: attendanceRate,
  },
  {
    ...table,
    key: 'meetings.studyHours',
    title: '党员学习学时（党课和集中学习）',
    unit: '学时',
    description: '统计日所在年度内至统计日，每名在册党员出席的已定稿会议（党课、主题党日、党小组学习等填有学时的会议）的学时合计，与年度要求比较：党员 32 学时，书记和支部委员 56 学时。',
    compute: studyHoursFact,
  },
  {
    key: 'meetings.talks.coverage',
    title: '谈心谈话覆盖情况',
    kind: 'series',
    capability: 'meetings',
    unit: '人',
    periodKind: 'at',
    description: '统计日所在年度内至统计日，被谈话（含家访）至少一次的党员人数，与统计日在册党员人数之比。',
    compute: talkCoverage,
  },
];
