/**
 * 党内汇报制度: reports of members and activists to the branch, the branch's rhythm per role, and who is due or
 * overdue now (activists and development targets from the pipeline, probationary members from the roster).
 */
import { AppError, validationError } from '../../../shared/contract/errors';
import type { MemberReport } from '../../../shared/contract/meetings';
import { localToday } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import type { MeetingFrequency } from '../../../shared/domain/meetings';
import {
  DEFAULT_REPORT_RHYTHMS,
  REPORT_FIELD_LABELS,
  reportsDue,
  type Reporter,
  type ReportDue,
  type ReportFields,
  type ReportKind,
  type ReportRhythm,
  type ReporterRole,
} from '../../../shared/domain/memberReports';
import { STEP } from '../../../shared/domain/pipeline';
import { all, first, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import type { MemberReportsTable } from './tables';

function toReport(r: MemberReportsTable): MemberReport {
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    date: r.report_date,
    memberId: r.member_id,
    applicantId: r.applicant_id,
    personName: r.person_name,
    title: r.title,
    summary: r.summary,
    comment: r.comment,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function requireReport(db: Sqlite, id: string): MemberReportsTable {
  const row = getRow(db, 'member_reports', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这份汇报（可能已被删除）');
  return row;
}

export interface ReportFilter {
  year?: number | null;
  memberId?: string | null;
  applicantId?: string | null;
}

/** Newest first. */
export function listReports(db: Sqlite, branchId: string, filter: ReportFilter = {}): MemberReport[] {
  let query = qb.selectFrom('member_reports').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null);
  if (filter.year) query = query.where('report_date', '>=', `${filter.year}-01-01`).where('report_date', '<=', `${filter.year}-12-31`);
  if (filter.memberId) query = query.where('member_id', '=', filter.memberId);
  if (filter.applicantId) query = query.where('applicant_id', '=', filter.applicantId);
  return all(db, query.orderBy('report_date', 'desc').orderBy('created_at', 'desc')).map(toReport);
}

/** The reporter's name from the roster or the pipeline; a problem when they are not there. */
function reporterName(db: Sqlite, branchId: string, f: ReportFields, today: string): string {
  const problems: FieldProblem[] = [];
  if (f.date > today) problems.push({ field: 'date', message: `提交日期 ${f.date} 晚于今天` });
  const table = f.memberId ? 'members' : 'applicants';
  const id = (f.memberId ?? f.applicantId)!;
  const row = first(db, qb.selectFrom(table).select('name').where('id', '=', id).where('branch_id', '=', branchId).where('deleted_at', 'is', null));
  if (!row) problems.push(f.memberId ? { field: 'memberId', message: '所选党员不在名册中' } : { field: 'applicantId', message: '所选入党积极分子不在发展党员名单中' });
  if (problems.length) throw validationError(problems, REPORT_FIELD_LABELS);
  return row!.name;
}

export function saveReport(db: Sqlite, input: { id?: string | null; fields: ReportFields; expectedUpdatedAt?: string }, today: string = localToday()): MemberReport {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const f = input.fields;
    const columns = {
      kind: f.kind,
      report_date: f.date,
      member_id: f.memberId,
      applicant_id: f.applicantId,
      person_name: reporterName(db, branchId, f, today),
      title: f.title,
      summary: f.summary,
      comment: f.comment,
    } satisfies Partial<MemberReportsTable>;
    if (input.id) {
      requireReport(db, input.id);
      return toReport(updateRow(db, 'member_reports', input.id, columns, input.expectedUpdatedAt));
    }
    return toReport(insertRow(db, 'member_reports', { ...newCommon(branchId), ...columns }));
  })();
}

export function deleteReport(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireReport(db, id);
    trashRow(db, 'member_reports', id);
  })();
}

// ---------------------------------------------------------------------------------------------------------
// Rhythm

function storedRhythms(db: Sqlite, branchId: string) {
  return all(db, qb.selectFrom('report_rhythms').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null));
}

export function reportRhythms(db: Sqlite, branchId: string): ReportRhythm[] {
  const stored = new Map(storedRhythms(db, branchId).map((r) => [r.role, r.frequency as MeetingFrequency]));
  return DEFAULT_REPORT_RHYTHMS.map((d) => ({ role: d.role, frequency: stored.get(d.role) ?? d.frequency }));
}

/** Stores the rhythms that differ from the default (quarterly); one back at the default is removed. */
export function setReportRhythms(db: Sqlite, rhythms: readonly ReportRhythm[]): ReportRhythm[] {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const rows = new Map(storedRhythms(db, branchId).map((r) => [r.role, r]));
    for (const r of rhythms) {
      const isDefault = DEFAULT_REPORT_RHYTHMS.some((d) => d.role === r.role && d.frequency === r.frequency);
      const row = rows.get(r.role);
      if (isDefault) {
        if (row) trashRow(db, 'report_rhythms', row.id);
      } else if (row) {
        updateRow(db, 'report_rhythms', row.id, { frequency: r.frequency });
      } else {
        insertRow(db, 'report_rhythms', { ...newCommon(branchId), role: r.role, frequency: r.frequency });
      }
    }
    return reportRhythms(db, branchId);
  })();
}

// ---------------------------------------------------------------------------------------------------------
// Who is due

/** Activists and development targets still in the pipeline (since the day they were made activists), and probationary members. */
function reporters(db: Sqlite, branchId: string): Reporter[] {
  const activists = all(
    db,
    qb
      .selectFrom('applicants as a')
      .leftJoin('applicant_steps as s', (j) => j.onRef('s.applicant_id', '=', 'a.id').on('s.step', '=', STEP.activist).on('s.deleted_at', 'is', null))
      .select(['a.id', 'a.name', 's.done_date'])
      .where('a.branch_id', '=', branchId)
      .where('a.deleted_at', 'is', null)
      .where('a.terminated_date', 'is', null)
      .where('a.stage', 'in', ['入党积极分子', '发展对象']),
  );
  const probationary = all(
    db,
    qb
      .selectFrom('members')
      .select(['id', 'name', 'join_date'])
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('category', '=', '预备党员')
      .where('status', '=', '正常'),
  );
  const role = (r: ReporterRole) => r;
  return [
    ...activists.map((a) => ({ source: 'applicant' as const, id: a.id, name: a.name, role: role('activist'), since: a.done_date ?? '0000-01-01' })),
    ...probationary.map((m) => ({ source: 'member' as const, id: m.id, name: m.name, role: role('probationary'), since: m.join_date })),
  ];
}

/** Each reporter with their status in the current period: overdue first, then due, then done. */
export function reportsDueNow(db: Sqlite, branchId: string, today: string = localToday()): ReportDue[] {
  const dates = new Map<string, string[]>();
  const rows = all(db, qb.selectFrom('member_reports').select(['member_id', 'applicant_id', 'report_date']).where('branch_id', '=', branchId).where('deleted_at', 'is', null));
  for (const r of rows) {
    const key = (r.member_id ?? r.applicant_id)!;
    dates.set(key, [...(dates.get(key) ?? []), r.report_date]);
  }
  return reportsDue(reporters(db, branchId), dates, reportRhythms(db, branchId), today);
}
