/**
 * The 三会一课 台账 (compliance calendar): what a branch must hold, how often, and the shape of a year's calendar.
 * Pure: the rules that fill it are in main/services/meetings/calendar.ts; the screens and the exports read these.
 */

import { FREQUENCY_LABELS, MEETING_KINDS, effectiveFrequencies, type KindFrequency, type MeetingFrequency, type MeetingKind } from './meetings';

export { FREQUENCY_LABELS };
export type { KindFrequency, MeetingFrequency };

/** The meeting kinds the calendar requires, in its order (codes and labels of shared/domain/meetings). */
export const CALENDAR_KINDS: readonly MeetingKind[] = MEETING_KINDS.map((k) => k.kind);
export type CalendarKind = MeetingKind;

export const CALENDAR_KIND_LABELS = Object.fromEntries(MEETING_KINDS.map((k) => [k.kind, k.label])) as Record<MeetingKind, string>;

/** Months in one period of the frequency. */
export const FREQUENCY_MONTHS: Record<MeetingFrequency, number> = { month: 1, quarter: 3, year: 12 };

/** domain.md 2.1 (党课 quarterly, the common local rule); a branch changes them with meetings.setFrequencies. */
export const DEFAULT_FREQUENCIES: readonly KindFrequency[] = effectiveFrequencies([]);

/**
 * A period's state: 已开 (a final record), 未定稿 (only drafts), 缺开 (the period is over and nothing final),
 * 待开 (the period is under way and nothing final yet), 未到期 (the period starts after today).
 */
export type CellState = 'held' | 'draft' | 'missing' | 'due' | 'notDue';

export const CELL_STATE_LABELS: Record<CellState, string> = {
  held: '已开',
  draft: '未定稿',
  missing: '缺开',
  due: '待开',
  notDue: '未到期',
};

export interface CalendarCell {
  /** '2026-03', '2026-Q1' or '2026'. */
  period: string;
  /** Chinese: 3月, 第一季度, 全年. */
  label: string;
  /** The period's first and last month, 1–12. */
  fromMonth: number;
  toMonth: number;
  /** The period's last day: the deadline. */
  deadline: string;
  state: CellState;
  /** The final records counted (their own kind, or counted as this kind by alsoCounts), by date. */
  meetingIds: string[];
  /** Their dates, in the same order. */
  dates: string[];
  /** Drafts in the period (shown as 未定稿 when there is no final record). */
  draftIds: string[];
}

/** One line of the calendar: a kind, or for 党小组会 one party group. */
export interface CalendarRow {
  key: string;
  kind: CalendarKind;
  kindLabel: string;
  groupId: string | null;
  groupName: string | null;
  frequency: MeetingFrequency;
  /** Final records a period needs to count as held. */
  minPerPeriod: number;
  cells: CalendarCell[];
  /** Periods held / periods due so far (over or under way). */
  held: number;
  required: number;
}

/** A period over without a final record. */
export interface MissingPeriod {
  kind: CalendarKind;
  kindLabel: string;
  period: string;
  periodLabel: string;
  groupId: string | null;
  groupName: string | null;
  deadline: string;
  /** Drafts exist for it: record done, not finalised. */
  draftIds: string[];
}

/** A period under way that has no final record yet. */
export type DuePeriod = MissingPeriod;

export interface TalkCoverage {
  /** Active members talked with at least once in the year (up to today). */
  covered: number;
  /** Active members. */
  total: number;
  /** covered / total, 0–1 (0 when there is nobody). */
  rate: number;
  notTalked: { memberId: string; name: string }[];
  /** The talks counted. */
  talkIds: string[];
}

export interface AttendanceRate {
  memberId: string;
  name: string;
  /** Final records of the year that expected the member. */
  expected: number;
  attended: number;
  /** attended / expected, 0–1. */
  rate: number;
}

export interface MeetingsCalendar {
  year: number;
  /** The date the states are counted on. */
  today: string;
  /** The branch's frequencies (a kind required 0 times a period has no line). */
  frequencies: KindFrequency[];
  rows: CalendarRow[];
  missing: MissingPeriod[];
  /** Periods under way without a final record: what is due now. */
  due: DuePeriod[];
  talks: TalkCoverage;
  attendance: AttendanceRate[];
}

const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The periods of a year for a frequency, as cells without state. */
export function periodsOf(year: number, frequency: MeetingFrequency): Pick<CalendarCell, 'period' | 'label' | 'fromMonth' | 'toMonth' | 'deadline'>[] {
  const length = FREQUENCY_MONTHS[frequency];
  const periods = [];
  for (let from = 1; from <= 12; from += length) {
    const to = from + length - 1;
    const index = (from - 1) / length;
    const [period, label] =
      frequency === 'month' ? [`${year}-${pad(from)}`, `${from}月`] : frequency === 'quarter' ? [`${year}-Q${index + 1}`, QUARTER_LABELS[index]!] : [`${year}`, '全年'];
    periods.push({ period, label, fromMonth: from, toMonth: to, deadline: lastDayOfMonth(year, to) });
  }
  return periods;
}

/** The periods due by the end of the calendar's month (its `today`) and not yet held: 首页's 本月应开. */
export function periodsDueThisMonth(calendar: Pick<MeetingsCalendar, 'today' | 'due'>): DuePeriod[] {
  const month = calendar.today.slice(0, 7);
  return calendar.due.filter((p) => p.deadline.startsWith(month));
}

/** 2026年第一季度, 2026年3月, 2026年全年. */
export function periodText(year: number, label: string): string {
  return `${year}年${label}`;
}

/** 每月, or 每季度2次 when a period needs more than one final record. */
export function frequencyText(row: Pick<CalendarRow, 'frequency' | 'minPerPeriod'>): string {
  return row.minPerPeriod > 1 ? `${FREQUENCY_LABELS[row.frequency]}${row.minPerPeriod}次` : FREQUENCY_LABELS[row.frequency];
}
