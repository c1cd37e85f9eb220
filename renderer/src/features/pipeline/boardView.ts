/** What the 发展党员 page shows: the board's entries sorted into tabs and columns, then searched and filtered. */
import { addDays, addMonths } from '../../../../shared/domain/dates';
import type { BoardEntry, PipelineBoard, ProbationEntry } from '../../../../shared/domain/pipeline';

/** The board's columns: the four stages of the procedure, then 正式党员 whose records still wait for step 25. */
export const COLUMNS = [
  { key: '入党申请人', title: '入党申请人', since: '递交申请' },
  { key: '入党积极分子', title: '入党积极分子', since: '确定为积极分子' },
  { key: '发展对象', title: '发展对象', since: '确定为发展对象' },
  { key: '预备党员', title: '预备党员', since: '接收为预备党员' },
  { key: 'toFile', title: '已转正待归档', since: '转正' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

export const TABS = ['active', 'probation', 'done', 'stopped'] as const;
export type TabKey = (typeof TABS)[number];

/** Applicants who did a step in a period (a figure on 首页: 本年度申请入党, 确定积极分子). */
export interface StepDone {
  step: number;
  from: string;
  to: string;
}

export interface BoardFilter {
  query: string;
  stage: ColumnKey | null;
  overdueOnly: boolean;
  /** Only those who did this step in its period (every tab); none: everyone. */
  stepDone?: StepDone | null;
  /** 已完成 lists every 正式党员, those whose records wait for step 25 too (a 正式党员 count on 首页 opens it). */
  allFull?: boolean;
  /** Only those whose next step is due by this date, overdue ones included (本月到期 on 首页: the month's last day). */
  dueBy?: string | null;
  /** 即将转正 lists only those whose probation ends soon, not those past it (30 天内预备期满 on 首页). */
  soonOnly?: boolean;
}

export interface BoardView {
  columns: { key: ColumnKey; title: string; since: string; entries: BoardEntry[]; total: number }[];
  probation: { overdue: ProbationEntry[]; dueSoon: ProbationEntry[]; total: number };
  done: BoardEntry[];
  stopped: BoardEntry[];
  /** In-progress entries whose next step is overdue, before the search and filters. */
  overdueTotal: number;
  /** With a step filter: how many people did the step in its period (before the search), in all tabs. */
  stepDoneTotal: number | null;
}

/** The last day of the month `date` is in: what 本月到期 counts up to, as main's fact does. */
export function monthEnd(date: string): string {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

function dueBy(e: BoardEntry, date: string): boolean {
  return !!e.next?.dueDate && e.next.dueDate <= date;
}

function didStep(e: BoardEntry, f: StepDone): boolean {
  const date = e.stepDates[String(f.step)];
  return date !== undefined && date >= f.from && date <= f.to;
}

/** Lower case, spaces dropped, full-width letters folded: '张 三', 'ZS' and 'ｚｓ' all find 张三. */
export function normalizeQuery(q: string): string {
  return q
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toLowerCase();
}

export function isColumnKey(v: string | undefined): v is ColumnKey {
  return COLUMNS.some((c) => c.key === v);
}

/** The columns' entries (overdue ones first, as main sorts them) and the finished lists, each searched and filtered. */
export function boardView(board: PipelineBoard, filter: BoardFilter): BoardView {
  const q = normalizeQuery(filter.query);
  const found = <T extends { searchKey: string }>(e: T) => !q || e.searchKey.includes(q);
  const stepDone = filter.stepDone ?? null;
  const due = filter.dueBy ?? null;
  const entriesOf = (stage: string) =>
    (board.stages.find((s) => s.stage === stage)?.entries ?? []).filter((e) => (!stepDone || didStep(e, stepDone)) && (!due || dueBy(e, due)));
  const inColumn = (key: ColumnKey) =>
    key === 'toFile' ? entriesOf('正式党员').filter((e) => e.next !== null) : entriesOf(key).filter((e) => e.next !== null);
  const columns = COLUMNS.filter((c) => !filter.stage || c.key === filter.stage).map((c) => {
    const all = inColumn(c.key);
    return { ...c, total: all.length, entries: all.filter((e) => found(e) && (!filter.overdueOnly || !!e.next?.overdue)) };
  });
  const overdueTotal = COLUMNS.flatMap((c) => inColumn(c.key)).filter((e) => e.next?.overdue).length;
  // Probationers come from the roster, not from the steps: a step or due filter leaves none of them.
  const { overdue, dueSoon } = stepDone || due ? { overdue: [], dueSoon: [] } : board.probation;
  const stepDoneTotal = stepDone ? board.stages.flatMap((s) => s.entries).filter((e) => didStep(e, stepDone)).length : null;
  return {
    // The last column shows only when someone is in it (or it is the stage asked for).
    columns: columns.filter((c) => c.key !== 'toFile' || c.total > 0 || filter.stage === 'toFile'),
    probation: {
      overdue: filter.soonOnly ? [] : overdue.filter(found),
      dueSoon: filter.overdueOnly ? [] : dueSoon.filter(found),
      total: overdue.length + dueSoon.length,
    },
    done: entriesOf('正式党员').filter((e) => (filter.allFull || e.next === null) && found(e)),
    stopped: entriesOf('已终止').filter(found),
    overdueTotal,
    stepDoneTotal,
  };
}
