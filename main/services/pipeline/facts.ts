/**
 * Member development's facts: applicants by stage on a date, what was done in a period (applications received,
 * activists and development targets determined), and the probationers due for 转正 (the home page's reminders).
 * The stage on a past date follows the steps recorded on or before it. Registered on import: the central list of
 * capabilities imports this module.
 */
import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates';
import { idSource, type FactSource, type FactTableRow } from '../../../shared/domain/facts';
import { probationEnd } from '../../../shared/domain/member';
import { APPLICANT_STAGES, probationReminder, stageAfter, STEP, type ApplicantStage, type ProbationEntry } from '../../../shared/domain/pipeline';
import { all, prepare, qb } from '../../db/query';
import { type CountedRecord, type FactResult, type FactScope, type FactSpec } from '../facts/registry';
import { rosterOn } from '../roster/asOf';
import { toApplicant } from './records';

const PIPELINE = { table: 'applicants', label: '发展党员', screen: 'pipeline' } as const;
const ROSTER = { table: 'members', label: '党员名册', screen: 'roster' } as const;

interface ApplicantRow {
  id: string;
  rev: string;
  stage: string;
  terminatedDate: string | null;
  createdAt: string;
}

interface StepRow {
  id: string;
  rev: string;
  applicantId: string;
  step: number;
  date: string;
}

function applicants(scope: FactScope): ApplicantRow[] {
  return prepare(
    scope.db,
    `SELECT id, rev, stage, terminated_date AS terminatedDate, created_at AS createdAt FROM applicants
      WHERE branch_id = ? AND deleted_at IS NULL`,
  ).all(scope.branchId) as ApplicantRow[];
}

/** Live steps of live applicants of the branch, recorded on or before `date`. */
function stepsUntil(scope: FactScope, date: string): StepRow[] {
  return prepare(
    scope.db,
    `SELECT s.id, s.rev, s.applicant_id AS applicantId, s.step, s.done_date AS date
       FROM applicant_steps s JOIN applicants a ON a.id = s.applicant_id
      WHERE a.branch_id = ? AND a.deleted_at IS NULL AND s.deleted_at IS NULL AND s.done_date <= ?`,
  ).all(scope.branchId, date) as StepRow[];
}

/** The stage on `date`: 已终止 once terminated, else the stage the steps done by then reached. */
function stageOn(a: ApplicantRow, lastStep: number, date: string): ApplicantStage {
  if (a.stage === '已终止' && (a.terminatedDate === null || a.terminatedDate <= date)) return '已终止';
  return stageAfter(lastStep);
}

function pipelineSource(scope: FactScope, ids: readonly string[], stage: ApplicantStage): FactSource {
  const source = idSource(PIPELINE, ids);
  // The board shows the local branch as it is today; for another day or branch the ids alone name the records.
  return scope.at === scope.today && scope.isLocalBranch ? { ...source, filter: { stage, includeFinished: true } } : source;
}

function byStage(scope: FactScope): FactResult {
  const steps = stepsUntil(scope, scope.at);
  const last = new Map<string, number>();
  const applied = new Map<string, string>();
  for (const s of steps) {
    last.set(s.applicantId, Math.max(last.get(s.applicantId) ?? 0, s.step));
    if (s.step === STEP.application) applied.set(s.applicantId, s.date);
  }
  // Someone whose step 1 is gone (in the trash) counts from the day the record was made, as the board counts them.
  const counted = applicants(scope).filter((a) => (applied.get(a.id) ?? a.createdAt.slice(0, 10)) <= scope.at);
  const stages = counted.map((a) => ({ id: a.id, stage: stageOn(a, last.get(a.id) ?? 0, scope.at) }));
  const points = APPLICANT_STAGES.map((stage) => {
    const ids = stages.filter((s) => s.stage === stage).map((s) => s.id);
    return { key: stage, label: stage, value: ids.length, source: pipelineSource(scope, ids, stage) };
  });
  const ids = new Set(counted.map((a) => a.id));
  const records: CountedRecord[] = [
    ...counted.map((a) => ({ table: 'applicants', id: a.id, rev: a.rev })),
    ...steps.filter((s) => ids.has(s.applicantId)).map((s) => ({ table: 'applicant_steps', id: s.id, rev: s.rev })),
  ];
  return { data: { kind: 'series', total: counted.length, points }, counted: records };
}

/** Applicants whose step `step` is dated within the period. */
function stepFigure(scope: FactScope, step: number): FactResult {
  const rows = stepsUntil(scope, scope.to).filter((s) => s.step === step && s.date >= scope.from);
  const ids = [...new Set(rows.map((s) => s.applicantId))];
  const source = idSource(PIPELINE, ids);
  // The board lists the local branch's applicants whose step is dated in the period (its `step`, `from`, `to`).
  const filter = scope.isLocalBranch ? { step: String(step), from: scope.from, to: scope.to } : null;
  return {
    data: { kind: 'figure', value: ids.length, source: filter ? { ...source, filter } : source },
    counted: rows.map((s) => ({ table: 'applicant_steps', id: s.id, rev: s.rev })),
  };
}

// ---- probationers due for 转正 ----

const PROBATION_COLUMNS = [
  { key: 'name', label: '姓名' },
  { key: 'partyGroup', label: '党小组' },
  { key: 'joinDate', label: '入党日期' },
  { key: 'probationEnd', label: '预备期满' },
  { key: 'daysLeft', label: '距预备期满（天）' },
];

/** As the development board lists them (pipelineBoard's probation), for the roster as it stood on the date. */
/** As on the board, without the board's search key. */
type ProbationRow = Omit<ProbationEntry, 'searchKey'>;

function probationOn(scope: FactScope): { dueSoon: ProbationRow[]; overdue: ProbationRow[]; counted: CountedRecord[] } {
  const probationers = rosterOn(scope).filter((m) => m.category === '预备党员');
  const applicantOf = new Map(
    (prepare(scope.db, 'SELECT member_id AS memberId, id FROM applicants WHERE branch_id = ? AND deleted_at IS NULL AND member_id IS NOT NULL').all(
      scope.branchId,
    ) as { memberId: string; id: string }[]).map((r) => [r.memberId, r.id]),
  );
  const dueSoon: ProbationRow[] = [];
  const overdue: ProbationRow[] = [];
  const counted: CountedRecord[] = [];
  for (const m of probationers) {
    const end = probationEnd(m)!;
    const kind = probationReminder(end, scope.at);
    if (!kind) continue;
    const entry = { memberId: m.id, name: m.name, joinDate: m.joinDate, probationEnd: end, daysLeft: daysBetween(scope.at, end), partyGroup: m.partyGroup, applicantId: applicantOf.get(m.id) ?? null };
    (kind === 'due' ? dueSoon : overdue).push(entry);
    counted.push({ table: 'members', id: m.id, rev: m.rev });
  }
  const byEnd = (a: ProbationRow, b: ProbationRow) => a.probationEnd.localeCompare(b.probationEnd);
  return { dueSoon: dueSoon.sort(byEnd), overdue: overdue.sort(byEnd), counted };
}

function probationTable(scope: FactScope, which: 'dueSoon' | 'overdue'): FactResult {
  const p = probationOn(scope);
  const rows: FactTableRow[] = p[which].map((e) => ({
    key: e.memberId,
    cells: { name: e.name, partyGroup: e.partyGroup, joinDate: e.joinDate, probationEnd: e.probationEnd, daysLeft: e.daysLeft, applicantId: e.applicantId },
    source: idSource(ROSTER, [e.memberId]),
  }));
  const ids = new Set(rows.map((r) => r.key));
  return { data: { kind: 'table', columns: PROBATION_COLUMNS, rows }, counted: p.counted.filter((c) => ids.has(c.id)) };
}

// ---- steps due by the end of the month ----

const DUE_COLUMNS = [
  { key: 'name', label: '姓名' },
  { key: 'stage', label: '阶段' },
  { key: 'step', label: '下一步' },
  { key: 'dueDate', label: '应完成日期' },
  { key: 'daysLeft', label: '距应完成日期（天）' },
];

/** The last day of the month `date` is in. */
function monthEnd(date: string): string {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/**
 * Applicants whose next step is due by the end of the month of the date (overdue ones included), soonest first,
 * as the board shows what is due next (steps as recorded now).
 */
function dueThisMonth(scope: FactScope): FactResult {
  const end = monthEnd(scope.at);
  const rows = all(scope.db, qb.selectFrom('applicants').selectAll().where('branch_id', '=', scope.branchId).where('deleted_at', 'is', null));
  const due = rows
    .map((row) => ({ rev: row.rev, a: toApplicant(scope.db, row, scope.at) }))
    .filter(({ a }) => a.next?.dueDate && a.next.dueDate <= end)
    .sort((x, y) => x.a.next!.dueDate!.localeCompare(y.a.next!.dueDate!) || x.a.name.localeCompare(y.a.name, 'zh-CN'));
  const tableRows: FactTableRow[] = due.map(({ a }) => ({
    key: a.id,
    cells: { name: a.name, stage: a.stage, step: a.next!.title, dueDate: a.next!.dueDate, daysLeft: daysBetween(scope.at, a.next!.dueDate!), member: a.memberId },
    source: pipelineSource(scope, [a.id], a.stage),
  }));
  const ids = new Set(due.map(({ a }) => a.id));
  const counted: CountedRecord[] = [
    ...due.map(({ a, rev }) => ({ table: 'applicants', id: a.id, rev })),
    ...stepsUntil(scope, scope.at).filter((s) => ids.has(s.applicantId)).map((s) => ({ table: 'applicant_steps', id: s.id, rev: s.rev })),
  ];
  return { data: { kind: 'table', columns: DUE_COLUMNS, rows: tableRows }, counted };
}

const range = { kind: 'figure', capability: 'pipeline', unit: '人', periodKind: 'range' } as const;

export const PIPELINE_FACTS: readonly FactSpec[] = [
  {
    key: 'pipeline.applicants.byStage',
    title: '发展党员各阶段人数',
    kind: 'series',
    capability: 'pipeline',
    unit: '人',
    periodKind: 'at',
    description: '统计日入党申请人、入党积极分子、发展对象、预备党员、正式党员和已终止的人数，按当日已记录的发展步骤计。',
    compute: byStage,
  },
  {
    ...range,
    key: 'pipeline.applications.received',
    title: '收到入党申请人数',
    description: '期间内递交入党申请书的人数（第 1 步）。',
    compute: (scope) => stepFigure(scope, STEP.application),
  },
  {
    ...range,
    key: 'pipeline.activists.determined',
    title: '确定入党积极分子人数',
    description: '期间内确定为入党积极分子的人数（第 3 步）。',
    compute: (scope) => stepFigure(scope, STEP.activist),
  },
  {
    ...range,
    key: 'pipeline.targets.determined',
    title: '确定发展对象人数',
    description: '期间内确定为发展对象的人数（第 7 步）。',
    compute: (scope) => stepFigure(scope, STEP.target),
  },
  {
    key: 'pipeline.probation.dueSoon',
    title: '即将期满的预备党员',
    kind: 'table',
    capability: 'pipeline',
    unit: '人',
    periodKind: 'at',
    description: '统计日后 30 天内预备期满的预备党员（按期满日期排列）；延长预备期按现在的记录计。',
    compute: (scope) => probationTable(scope, 'dueSoon'),
  },
  {
    key: 'pipeline.probation.overdue',
    title: '预备期已满尚未转正的预备党员',
    kind: 'table',
    capability: 'pipeline',
    unit: '人',
    periodKind: 'at',
    description: '统计日预备期已满、仍未转正的预备党员（按期满日期排列）。',
    compute: (scope) => probationTable(scope, 'overdue'),
  },
  {
    key: 'pipeline.steps.dueThisMonth',
    title: '本月到期的发展步骤',
    kind: 'table',
    capability: 'pipeline',
    unit: '人',
    periodKind: 'at',
    description: '下一步应在统计日所在月底前完成的入党申请人、积极分子、发展对象和预备党员（含已逾期的），按应完成日期排列；步骤按现在的记录计。',
    compute: dueThisMonth,
  },
];

