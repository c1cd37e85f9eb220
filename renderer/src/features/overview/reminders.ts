/**
 * 首页's reminders: sections of named people, each read from one table fact, each name opening its record.
 * Two cards show them: 转正提醒 (probation) and 本月到期 (what is due by the end of the month). A capability
 * adds its reminders by adding a section to the card's list; the store reads every section's fact.
 */
import type { FactData, FactTableRow, FactValue } from '../../../../shared/domain/facts';
import { kindFromText, kindInfo } from '../../../../shared/domain/meetings';
import { screenHref } from '../../app/screens';
import { sourceHref } from './sourceLinks';

export interface ReminderItem {
  key: string;
  name: string;
  /** The record the name opens. */
  href: string | undefined;
  /** What is due, e.g. '入党积极分子 · 党组织派人谈话'. */
  what: string;
  /** When, e.g. '2026-12-20，还有 12 天'. */
  when: string;
  late: boolean;
}

export interface ReminderSection {
  key: string;
  title: string;
  /** What a count counts: 人, 次 (meetings). */
  unit: string;
  factKey: string;
  empty: string;
  /** The whole list, when a section shows only its first items. */
  more: { label: string; href: string };
  /** The list its count opens: exactly the people (or periods) the section counts. */
  list: string;
  /** Only the heading line with its count (a card kept to the first screen); the count opens the names. */
  countOnly?: boolean;
  items(rows: readonly FactTableRow[]): ReminderItem[];
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const days = (n: number) => Math.abs(n);

function probationItems(late: boolean) {
  return (rows: readonly FactTableRow[]): ReminderItem[] =>
    rows.map((r) => {
      const daysLeft = Number(r.cells.daysLeft ?? 0);
      return {
        key: r.key,
        name: text(r.cells.name),
        href: screenHref('roster', { member: r.source.ids?.[0] ?? r.key }),
        what: text(r.cells.partyGroup) || '未编入党小组',
        when: `预备期满 ${text(r.cells.probationEnd)}，${late ? `已超过 ${days(daysLeft)} 天` : daysLeft === 0 ? '今天期满' : `还有 ${daysLeft} 天`}`,
        late,
      };
    });
}

function dueStepItems(rows: readonly FactTableRow[]): ReminderItem[] {
  return rows.map((r) => {
    const daysLeft = Number(r.cells.daysLeft ?? 0);
    return {
      key: r.key,
      name: text(r.cells.name),
      href: screenHref('pipeline', { applicant: r.key }),
      what: `${text(r.cells.stage)} · ${text(r.cells.step)}`,
      when: `${text(r.cells.dueDate)}，${daysLeft < 0 ? `已逾期 ${days(daysLeft)} 天` : daysLeft === 0 ? '今天到期' : `还有 ${daysLeft} 天`}`,
      late: daysLeft < 0,
    };
  });
}

const PIPELINE_LIST = { label: '查看发展党员', href: screenHref('pipeline') };
/** 发展党员's 即将转正 tab: the probationers past or near the end of their probation (overdue: only those past it). */
export const PROBATION_LIST = { label: '查看即将转正', href: screenHref('pipeline', { tab: 'probation' }) };
const OVERDUE_LIST = { label: '查看已期满', href: screenHref('pipeline', { tab: 'probation', overdue: '1' }) };
const DUE_SOON_LIST = screenHref('pipeline', { tab: 'probation', soon: '1' });
const STEPS_DUE_LIST = screenHref('pipeline', { due: 'month' });
/** The 台账 with its list of this month's due meetings and this year's gaps (what meetings.calendar.reminders counts). */
const MEETINGS_DUE_LIST = screenHref('meetingsCalendar', { due: 'month' });

/**
 * A period of the 三会一课 台账 (meetings.calendar.reminders): the kind, then the party group, the period and its state;
 * one whose deadline has passed is late. Each opens the meetings of that kind and period, where it is recorded.
 */
/** 党员大会 for 支部党员大会: the name column is narrow. */
function shortKind(label: string): string {
  const kind = kindFromText(label);
  return kind ? kindInfo(kind).shortLabel : label;
}

function meetingPeriodItems(rows: readonly FactTableRow[]): ReminderItem[] {
  return rows.map((r) => {
    const daysLeft = Number(r.cells.daysLeft ?? 0);
    const group = text(r.cells.partyGroup);
    const late = daysLeft < 0;
    return {
      key: r.key,
      name: shortKind(text(r.cells.kind)),
      href: sourceHref(r.source) ?? screenHref('meetingsCalendar'),
      what: `${group ? `${group} · ` : ''}${text(r.cells.period)} · ${text(r.cells.state)}`,
      when: late ? `截止 ${text(r.cells.deadline)}，已过 ${days(daysLeft)} 天` : `截止 ${text(r.cells.deadline)}，${daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天`}`,
      late,
    };
  });
}

/** 党内汇报 逾期未交: each name opens that person's reports, where the report is recorded. */
function overdueReportItems(rows: readonly FactTableRow[]): ReminderItem[] {
  return rows.map((r) => ({
    key: r.key,
    name: text(r.cells.name),
    href: sourceHref(r.source) ?? REPORTS_OVERDUE_LIST,
    what: text(r.cells.role),
    when: `${text(r.cells.missedPeriod)} 未交${r.cells.lastReportDate ? `，上次 ${text(r.cells.lastReportDate)}` : '，从未提交'}`,
    late: true,
  }));
}

/** The 党内汇报 screen filtered to 逾期未交: exactly the people meetings.reports.overdue counts. */
const REPORTS_OVERDUE_LIST = screenHref('reports', { status: 'overdue' });

/** 转正提醒: probationers past their probation, and those whose probation ends within 30 days. */
export const PROBATION_SECTIONS: readonly ReminderSection[] = [
  {
    key: 'overdue',
    title: '预备期已满、尚未转正',
    unit: '人',
    factKey: 'pipeline.probation.overdue',
    empty: '没有预备期已满而未转正的党员。',
    more: OVERDUE_LIST,
    list: OVERDUE_LIST.href,
    items: probationItems(true),
  },
  {
    key: 'dueSoon',
    title: '30 天内预备期满',
    unit: '人',
    factKey: 'pipeline.probation.dueSoon',
    empty: '30 天内没有预备期满的党员。',
    more: PROBATION_LIST,
    list: DUE_SOON_LIST,
    items: probationItems(false),
  },
];

/**
 * 本月到期: what must be done by the end of this month, one section per capability. The meetings capability
 * (三会一课) adds its section here: a table fact of the meetings due this month, one row per meeting.
 */
export const DUE_THIS_MONTH_SECTIONS: readonly ReminderSection[] = [
  {
    key: 'pipelineSteps',
    title: '发展党员',
    unit: '人',
    factKey: 'pipeline.steps.dueThisMonth',
    empty: '本月没有到期的发展步骤。',
    more: PIPELINE_LIST,
    list: STEPS_DUE_LIST,
    items: dueStepItems,
  },
  {
    key: 'meetings',
    title: '三会一课',
    unit: '次',
    factKey: 'meetings.calendar.reminders',
    empty: '本月应开的会议均已召开，本年没有缺开的会议。',
    more: { label: '查看三会一课台账', href: screenHref('meetingsCalendar') },
    list: MEETINGS_DUE_LIST,
    items: meetingPeriodItems,
  },
  {
    key: 'reports',
    title: '党内汇报逾期',
    unit: '人',
    factKey: 'meetings.reports.overdue',
    empty: '没有逾期未交思想汇报或工作汇报的人。',
    more: { label: '查看党内汇报', href: REPORTS_OVERDUE_LIST },
    list: REPORTS_OVERDUE_LIST,
    countOnly: true,
    items: overdueReportItems,
  },
];

export const REMINDER_FACT_KEYS = [...PROBATION_SECTIONS, ...DUE_THIS_MONTH_SECTIONS].map((s) => s.factKey);

/** A section's items from the facts read; none when its fact was not read or is not a table. */
export function sectionItems(section: ReminderSection, facts: Record<string, FactValue>): ReminderItem[] {
  const data: FactData | undefined = facts[section.factKey]?.data;
  return data?.kind === 'table' ? section.items(data.rows) : [];
}
