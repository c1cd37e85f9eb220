/** The printed roster's input from a member filter: the app's export and preview and the CLI build it alike. */
import { AppError } from '../../../shared/contract/errors';
import { memberSearchSchema, type MemberSearch } from '../../../shared/contract/operations';
import type { Orientation } from '../../../shared/documents/presets';
import { localToday } from '../../../shared/domain/dates';
import { rosterScopeParts } from '../../../shared/domain/rosterScope';
import { first, qb, type Sqlite } from '../../db/query';
import { ROSTER_COLUMNS, type RosterDocumentInput } from '../../documents';
import { requireBranchId, rosterScope } from '../branch/branch';
import { listGroups } from '../roster/groups';
import { findMembers } from '../roster/members';

export interface RosterPrintOptions {
  columns?: readonly string[] | null;
  maskIdNumbers?: boolean;
  orientation?: Orientation | null;
  minSize?: number | null;
}

/** File name stem: the branch the listing covers (local by default; 各支部 across branches), what, and the date. */
export function rosterFileStem(db: Sqlite, what: string, branchId?: string | null): string {
  const branch = rosterScope(db, branchId).name || '支部';
  return `${branch.replace(/[\\/:*?"<>|\s]/g, '')}${what}-${localToday()}`;
}

/** A party group's name by id, in any branch the database holds. */
function groupNames(db: Sqlite, filter: MemberSearch): (id: string) => string | undefined {
  if (!filter.partyGroupId || filter.partyGroupId === 'none') return () => undefined;
  const branchId = filter.branchId && filter.branchId !== 'all' ? filter.branchId : requireBranchId(db);
  const local = new Map(listGroups(db, branchId).map((g) => [g.id, g.name]));
  return (id) => local.get(id) ?? first(db, qb.selectFrom('party_groups').select('name').where('id', '=', id))?.name;
}

export function unknownColumns(columns: readonly string[] | null | undefined): string[] {
  const known = new Set(ROSTER_COLUMNS.map((c) => c.key));
  return (columns ?? []).filter((c) => !known.has(c));
}

/** The members the filter finds, the branch (or 各支部) they belong to, and a scope line for every condition. */
export function rosterPrintInput(db: Sqlite, filter: MemberSearch, options: RosterPrintOptions): RosterDocumentInput {
  const unknown = unknownColumns(options.columns);
  if (unknown.length) throw new AppError('E_VALIDATION', `无法打印的列：${unknown.join('、')}`, [{ field: 'columns', message: '列无效' }]);
  requireBranchId(db);
  const scope = rosterScope(db, filter.branchId);
  const found = findMembers(db, memberSearchSchema.parse(filter));
  const members = scope.acrossBranches ? found.map((m) => ({ ...m, branch: scope.names.get(m.branchId) ?? '' })) : found;
  return {
    branchName: scope.name,
    withBranch: scope.acrossBranches,
    date: localToday(),
    columns: options.columns?.length ? options.columns : undefined,
    members: members as unknown as RosterDocumentInput['members'],
    scope: rosterScopeParts(filter, groupNames(db, filter)),
    maskIdNumbers: options.maskIdNumbers ?? false,
    orientation: options.orientation ?? undefined,
    minSize: options.minSize ?? undefined,
    fileStem: rosterFileStem(db, '党员花名册', filter.branchId ?? null),
  };
}
