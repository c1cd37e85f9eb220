/**
 * 党内汇报's fact for the home page: the activists and probationary members who sent no report in the last period of
 * their rhythm (逾期未交), counted on the fact's date by the same rule as the 党内汇报 screen (reports.ts).
 */
import { filterSource } from '../../../shared/domain/facts';
import { REPORTER_ROLE_LABELS } from '../../../shared/domain/memberReports';
import { all, qb } from '../../db/query';
import type { FactResult, FactScope, FactSpec } from '../facts/registry';
import { reportsDueNow } from './reports';

const REPORTS = { table: 'member_reports', label: '党内汇报', screen: 'reports' } as const;

const OVERDUE_COLUMNS = [
  { key: 'name', label: '姓名' },
  { key: 'role', label: '类别' },
  { key: 'missedPeriod', label: '未交期间' },
  { key: 'lastReportDate', label: '上次汇报' },
];

function overdueReports(scope: FactScope): FactResult {
  const overdue = reportsDueNow(scope.db, scope.branchId, scope.at).filter((r) => r.status === 'overdue');
  const counted = all(
    scope.db,
    qb.selectFrom('member_reports').select(['id', 'rev']).where('branch_id', '=', scope.branchId).where('deleted_at', 'is', null).where('report_date', '<=', scope.at),
  ).map((r) => ({ table: 'member_reports', id: r.id, rev: r.rev }));
  return {
    data: {
      kind: 'table',
      columns: OVERDUE_COLUMNS,
      rows: overdue.map((r) => ({
        key: r.id,
        cells: { name: r.name, role: REPORTER_ROLE_LABELS[r.role], missedPeriod: r.missedPeriod, lastReportDate: r.lastReportDate },
        source: filterSource(REPORTS, r.source === 'member' ? { member: r.id } : { applicant: r.id }, 1),
      })),
    },
    counted,
  };
}

export const MEETINGS_REPORT_FACTS: readonly FactSpec[] = [
  {
    key: 'meetings.reports.overdue',
    title: '党内汇报逾期未交',
    kind: 'table',
    capability: 'meetings',
    unit: '人',
    periodKind: 'at',
    description: '统计日在发展党员名单中的入党积极分子、发展对象和在册预备党员中，上一个汇报期（按支部设定的频次，默认每季度）没有提交思想汇报或工作汇报、本期也尚未提交的人。',
    compute: overdueReports,
  },
];
