/**
 * The rules of the 三会一课 台账, as one pure function over plain rows (no database): which required meetings of a
 * year were held, which are missing, which are due; the yearly coverage of 谈心谈话; each member's attendance rate.
 *
 * - Only final (定稿) records count, and a period needs minPerPeriod of them (1 unless the branch says more); a period with drafts only is 未定稿 (and still missing once it is over).
 * - A record counts for its own kind and for every kind in its alsoCounts (a 党员大会 held on the theme day is
 *   also the 主题党日).
 * - 党小组会 are required per party group: a group's row counts only the records of that group.
 * - A period that starts after today is 未到期; the one under way is 待开 until a final record exists. Final records
 *   dated after today do not count (the calendar as it stood on a past date).
 * calendarService.ts reads the rows and calls it.
 */
import {
  CALENDAR_KIND_LABELS,
  CALENDAR_KINDS,
  periodsOf,
  periodText,
  type AttendanceRate,
  type CalendarCell,
  type CalendarKind,
  type CalendarRow,
  type CellState,
  type KindFrequency,
  type MeetingsCalendar,
  type MissingPeriod,
  type TalkCoverage,
} from '../../../shared/domain/meetingsCalendar';

export interface CalendarMeeting {
  id: string;
  kind: string;
  /** Other kinds this record also counts as. */
  alsoCounts: readonly string[];
  groupId: string | null;
  date: string;
  final: boolean;
}

export interface CalendarGroup {
  id: string;
  name: string;
}

export interface CalendarMember {
  id: string;
  name: string;
}

export interface CalendarTalk {
  id: string;
  date: string;
  /** The member talked with (null for a visit to a non-member). */
  memberId: string | null;
}

/** A member's attendance over the year's final records up to today (attendanceByMember). */
export interface CalendarAttendance {
  memberId: string;
  /** The name as recorded on the meetings. */
  name: string;
  expected: number;
  attended: number;
}

export interface CalendarInput {
  year: number;
  today: string;
  /** Every kind's frequency (DEFAULT_FREQUENCIES, or the branch's): a kind required 0 times a period has no line. */
  frequencies: readonly KindFrequency[];
  /** The party groups that must hold 党小组会. */
  groups: readonly CalendarGroup[];
  /** The branch's records (any year; the rules keep the year's). */
  meetings: readonly CalendarMeeting[];
  /** The active members whom the talks should cover. */
  members: readonly CalendarMember[];
  talks: readonly CalendarTalk[];
  /** Per member, over the year's final records up to today. */
  attendance: readonly CalendarAttendance[];
}

function countsAs(m: CalendarMeeting, kind: CalendarKind): boolean {
  return m.kind === kind || m.alsoCounts.includes(kind);
}

function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

function stateOf(cell: Pick<CalendarCell, 'fromMonth' | 'deadline'>, year: number, today: string, held: boolean, drafts: boolean): CellState {
  if (held) return 'held';
  const start = `${year}-${String(cell.fromMonth).padStart(2, '0')}-01`;
  if (start > today) return 'notDue';
  if (drafts) return 'draft';
  return cell.deadline < today ? 'missing' : 'due';
}

function calendarRow(input: CalendarInput, setting: KindFrequency, group: CalendarGroup | null, meetings: readonly CalendarMeeting[]): CalendarRow {
  const { kind, frequency, minPerPeriod } = setting;
  const own = meetings.filter((m) => countsAs(m, kind) && (group === null || m.groupId === group.id));
  const cells = periodsOf(input.year, frequency).map((p): CalendarCell => {
    const inPeriod = own.filter((m) => monthOf(m.date) >= p.fromMonth && monthOf(m.date) <= p.toMonth);
    const finals = inPeriod.filter((m) => m.final);
    const meetingIds = finals.map((m) => m.id);
    const draftIds = inPeriod.filter((m) => !m.final).map((m) => m.id);
    return { ...p, state: stateOf(p, input.year, input.today, meetingIds.length >= minPerPeriod, draftIds.length > 0), meetingIds, dates: finals.map((m) => m.date), draftIds };
  });
  return {
    key: group ? `${kind}:${group.id}` : kind,
    kind,
    kindLabel: CALENDAR_KIND_LABELS[kind],
    groupId: group?.id ?? null,
    groupName: group?.name ?? null,
    frequency,
    minPerPeriod,
    cells,
    held: cells.filter((c) => c.state === 'held').length,
    required: cells.filter((c) => c.state !== 'notDue').length,
  };
}

function periodOf(row: CalendarRow, cell: CalendarCell, year: number): MissingPeriod {
  return {
    kind: row.kind,
    kindLabel: row.kindLabel,
    period: cell.period,
    periodLabel: periodText(year, cell.label),
    groupId: row.groupId,
    groupName: row.groupName,
    deadline: cell.deadline,
    draftIds: cell.draftIds,
  };
}

export function talkCoverage(year: number, today: string, members: readonly CalendarMember[], talks: readonly CalendarTalk[]): TalkCoverage {
  const counted = talks.filter((t) => t.date.startsWith(`${year}-`) && t.date <= today && t.memberId !== null);
  const talkedWith = new Set(counted.map((t) => t.memberId));
  const notTalked = members.filter((m) => !talkedWith.has(m.id)).map((m) => ({ memberId: m.id, name: m.name }));
  const covered = members.length - notTalked.length;
  const memberIds = new Set(members.map((m) => m.id));
  return {
    covered,
    total: members.length,
    rate: members.length ? covered / members.length : 0,
    notTalked,
    talkIds: counted.filter((t) => memberIds.has(t.memberId!)).map((t) => t.id),
  };
}

/** One collator for every sort: localeCompare with a locale builds one per call, most of the rules' time (npm run bench). */
const byPinyin = new Intl.Collator('zh-Hans-CN');

/** Each member's expected and attended records from the rows of final attendance (records.ts finalAttendance); the name last recorded. */
export function attendanceByMember(rows: readonly { memberId: string | null; name: string; attended: boolean }[]): CalendarAttendance[] {
  const byMember = new Map<string, CalendarAttendance>();
  for (const r of rows) {
    if (!r.memberId) continue; // a guest, not on the roster
    const a = byMember.get(r.memberId) ?? { memberId: r.memberId, name: r.name, expected: 0, attended: 0 };
    a.name = r.name;
    a.expected += 1;
    if (r.attended) a.attended += 1;
    byMember.set(r.memberId, a);
  }
  return [...byMember.values()];
}

/** attended / expected per member, lowest rate first; members expected at no final record are left out. */
export function attendanceRates(attendance: readonly CalendarAttendance[]): AttendanceRate[] {
  const rates = attendance.filter((a) => a.expected > 0).map((a) => ({ ...a, rate: a.attended / a.expected }));
  return rates.sort((a, b) => a.rate - b.rate || byPinyin.compare(a.name, b.name));
}

export function meetingsCalendar(input: CalendarInput): MeetingsCalendar {
  // A final record dated after today (the calendar counted on a past date) is not counted yet; drafts show at any date.
  const yearMeetings = input.meetings
    .filter((m) => m.date.startsWith(`${input.year}-`) && (!m.final || m.date <= input.today))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const rows: CalendarRow[] = [];
  for (const kind of CALENDAR_KINDS) {
    const setting = input.frequencies.find((f) => f.kind === kind);
    if (!setting || setting.minPerPeriod < 1) continue;
    if (kind !== 'groupMeeting') rows.push(calendarRow(input, setting, null, yearMeetings));
    else for (const group of input.groups) rows.push(calendarRow(input, setting, group, yearMeetings));
  }
  const missing: MissingPeriod[] = [];
  const due: MissingPeriod[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      const over = cell.deadline < input.today;
      if (cell.state === 'missing' || (cell.state === 'draft' && over)) missing.push(periodOf(row, cell, input.year));
      if (cell.state === 'due' || (cell.state === 'draft' && !over)) due.push(periodOf(row, cell, input.year));
    }
  }
  return {
    year: input.year,
    today: input.today,
    frequencies: [...input.frequencies],
    rows,
    missing,
    due,
    talks: talkCoverage(input.year, input.today, input.members, input.talks),
    attendance: attendanceRates(input.attendance),
  };
}
