/**
 * 党内汇报制度: members' reports to the branch (思想汇报, 工作汇报). Activists (入党积极分子 and 发展对象, from the
 * pipeline) and probationary members (预备党员) report at a rhythm the branch sets (quarterly by default).
 * Pure: who is due or overdue is computed here from the people, their reports and the rhythm.
 */
import { z } from 'zod';
import { isoDate, text } from './fieldSchemas';
import { FREQUENCY_LABELS, MEETING_FREQUENCIES, type MeetingFrequency } from './meetings';

export const REPORT_KIND_CODES = ['thought', 'work'] as const;
export type ReportKind = (typeof REPORT_KIND_CODES)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { thought: '思想汇报', work: '工作汇报' };

/** Who reports at a rhythm: activists (入党积极分子, 发展对象) and probationary members. */
export const REPORTER_ROLES = ['activist', 'probationary'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];
export const REPORTER_ROLE_LABELS: Record<ReporterRole, string> = { activist: '入党积极分子', probationary: '预备党员' };

export const REPORT_FIELD_LABELS: Record<string, string> = {
  kind: '汇报类型',
  date: '提交日期',
  memberId: '党员',
  applicantId: '入党积极分子',
  title: '标题',
  summary: '主要内容',
  comment: '支部意见',
};

export const reportFieldsSchema = z
  .object({
    kind: z.enum(REPORT_KIND_CODES, { error: '汇报类型应为思想汇报或工作汇报' }),
    date: isoDate,
    /** Exactly one of memberId (a member of the roster) and applicantId (someone in the pipeline). */
    memberId: z.string().uuid({ error: '所选党员无效' }).nullish().transform((v) => v ?? null),
    applicantId: z.string().uuid({ error: '所选入党积极分子无效' }).nullish().transform((v) => v ?? null),
    title: text(100).default(''),
    summary: text(2000).default(''),
    comment: text(500).default(''),
  })
  .superRefine((f, ctx) => {
    if (!f.memberId === !f.applicantId) ctx.addIssue({ code: 'custom', path: ['memberId'], message: '请选择汇报人（党员或入党积极分子，二选一）' });
  });
export type ReportFields = z.output<typeof reportFieldsSchema>;
export type ReportFieldsInput = z.input<typeof reportFieldsSchema>;

export const reportRhythmSchema = z.object({
  role: z.enum(REPORTER_ROLES, { error: '汇报人类别无效' }),
  frequency: z.enum(MEETING_FREQUENCIES, { error: '频次应为每月、每季度或每年' }),
});
export type ReportRhythm = z.output<typeof reportRhythmSchema>;

export const DEFAULT_REPORT_RHYTHMS: readonly ReportRhythm[] = [
  { role: 'activist', frequency: 'quarter' },
  { role: 'probationary', frequency: 'quarter' },
];

export function rhythmLabel(frequency: MeetingFrequency): string {
  return `${FREQUENCY_LABELS[frequency]}至少 1 次`;
}

// ---------------------------------------------------------------------------------------------------------
// Periods

export interface ReportPeriod {
  /** YYYY-MM, YYYY-Qn or YYYY (as the calendar names periods). */
  period: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of `frequency` holding `date`; `back` periods earlier when given. */
export function reportPeriod(frequency: MeetingFrequency, date: string, back = 0): ReportPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (frequency === 'year') {
    const y = year - back;
    return { period: String(y), from: `${y}-01-01`, to: `${y}-12-31` };
  }
  const size = frequency === 'quarter' ? 3 : 1;
  const index = Math.floor((year * 12 + month - 1) / size) - back;
  const y = Math.floor((index * size) / 12);
  const first = ((index * size) % 12) + 1;
  const last = first + size - 1;
  const period = frequency === 'quarter' ? `${y}-Q${(first + 2) / 3}` : `${y}-${pad(first)}`;
  return { period, from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}

// ---------------------------------------------------------------------------------------------------------
// Who is due

export interface Reporter {
  /** 'member' (the roster) or 'applicant' (the pipeline). */
  source: 'member' | 'applicant';
  id: string;
  name: string;
  role: ReporterRole;
  /** The day they took the role (made an activist, admitted as probationary). */
  since: string;
}

export type ReportDueStatus = 'overdue' | 'due' | 'done';
export const REPORT_DUE_LABELS: Record<ReportDueStatus, string> = { overdue: '逾期未交', due: '本期待交', done: '本期已交' };

export interface ReportDue extends Reporter {
  frequency: MeetingFrequency;
  /** The current period (containing today). */
  period: string;
  status: ReportDueStatus;
  /** overdue: the earlier period with no report. */
  missedPeriod: string | null;
  lastReportDate: string | null;
}

/**
 * One row per reporter: done when they reported in the current period; overdue when they did not and also sent
 * nothing in the period before (having held the role before it ended); due otherwise. Overdue first, then due, then done.
 */
export function reportsDue(
  reporters: readonly Reporter[],
  reportDates: ReadonlyMap<string, readonly string[]>,
  rhythms: readonly ReportRhythm[],
  today: string,
): ReportDue[] {
  const order: Record<ReportDueStatus, number> = { overdue: 0, due: 1, done: 2 };
  return reporters
    .map((r) => {
      const frequency = rhythms.find((x) => x.role === r.role)?.frequency ?? 'quarter';
      const current = reportPeriod(frequency, today);
      const previous = reportPeriod(frequency, today, 1);
      const dates = (reportDates.get(r.id) ?? []).filter((d) => d <= today);
      const within = (p: ReportPeriod) => dates.some((d) => d >= p.from && d <= p.to);
      const missed = r.since <= previous.to && !within(previous);
      const status: ReportDueStatus = within(current) ? 'done' : missed ? 'overdue' : 'due';
      const lastReportDate = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
      return { ...r, frequency, period: current.period, status, missedPeriod: status === 'overdue' ? previous.period : null, lastReportDate };
    })
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'zh-CN'));
}
