/** The branch profile. The local branch's id is kept in app_meta; imported branches are not local. */
import { AppError } from '../../../shared/contract/errors';
import type { BranchSummary } from '../../../shared/contract/operations';
import type { Branch, BranchFields } from '../../../shared/domain/branch';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import { all, first, qb, run, type Sqlite } from '../../db/query';
import type { BranchesTable } from './tables';
import { insertRow, newCommon, updateRow } from '../../db/rows';

const LOCAL_BRANCH_KEY = 'local_branch_id';

export function localBranchId(db: Sqlite): string | null {
  const row = first(db, qb.selectFrom('app_meta').select('value').where('key', '=', LOCAL_BRANCH_KEY));
  return row?.value ?? null;
}

export function requireBranchId(db: Sqlite): string {
  const id = localBranchId(db);
  if (!id) throw new AppError('E_NO_BRANCH', '尚未建立支部信息，请先填写支部名称');
  return id;
}

/**
 * The branch a caller names (a committee working on an imported branch), or the local one when none is named.
 * `field` names the input in the message when the branch does not exist.
 */
export function resolveBranchId(db: Sqlite, branchId: string | null | undefined, field = 'branchId', label = '所属支部'): string {
  if (!branchId) return requireBranchId(db);
  const row = first(db, qb.selectFrom('branches').select('id').where('id', '=', branchId).where('deleted_at', 'is', null));
  if (!row) throw new AppError('E_VALIDATION', `${label}：所选支部不存在`, [{ field, message: '所选支部不存在' }]);
  return branchId;
}

/** Branch id -> name, for lists that span several branches. */
export function branchNames(db: Sqlite): Map<string, string> {
  const rows = all(db, qb.selectFrom('branches').select(['id', 'name']));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whom a roster listing covers: its title's branch name, and whether it spans several branches (then a 支部 column). */
export interface RosterScope {
  name: string;
  acrossBranches: boolean;
  /** Branch id -> name, when acrossBranches. */
  names: Map<string, string>;
}

/** branchId as the roster search takes it: null/undefined = the local branch, 'all' = every branch, or an id. */
export function rosterScope(db: Sqlite, branchId: string | null | undefined): RosterScope {
  const names = branchNames(db);
  const live = listBranches(db);
  if (branchId === 'all' && live.length > 1) return { name: '各支部', acrossBranches: true, names };
  const id = branchId && branchId !== 'all' ? branchId : localBranchId(db);
  return { name: (id && names.get(id)) || '', acrossBranches: false, names };
}

/** The local branch is the one named in app_meta; branches imported from other databases are not. */
export function toBranch(r: BranchesTable, localId: string | null): Branch {
  return {
    id: r.id,
    name: r.name,
    parentCommittee: r.parent_committee,
    foundedDate: r.founded_date,
    address: r.address,
    officers: JSON.parse(r.officers_json),
    isLocal: r.id === localId,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Any branch this database holds (the local one or one taken in), trashed or not. */
export function getBranch(db: Sqlite, id: string): Branch | null {
  const row = first(db, qb.selectFrom('branches').selectAll().where('id', '=', id));
  return row ? toBranch(row, localBranchId(db)) : null;
}

export function getLocalBranch(db: Sqlite): Branch | null {
  const id = localBranchId(db);
  return id ? getBranch(db, id) : null;
}

function columns(f: BranchFields) {
  return {
    name: f.name,
    parent_committee: f.parentCommittee,
    founded_date: f.foundedDate,
    address: f.address,
    officers_json: JSON.stringify(f.officers),
  };
}

/** Creates the local branch on first start, updates it afterwards. One transaction. */
export function saveBranch(db: Sqlite, fields: BranchFields): Branch {
  return db.transaction(() => {
    const id = localBranchId(db);
    if (id) return toBranch(updateRow(db, 'branches', id, columns(fields)), id);
    const common = newCommon('');
    const row: BranchesTable = { ...common, branch_id: common.id, ...columns(fields) };
    insertRow(db, 'branches', row);
    run(db, qb.insertInto('app_meta').values({ key: LOCAL_BRANCH_KEY, value: row.id }));
    return toBranch(row, row.id);
  })();
}

/** Every branch in the database: the local one first, then those imported from other databases. */
export function listBranches(db: Sqlite): BranchSummary[] {
  const local = localBranchId(db);
  const rows = all(
    db,
    qb
      .selectFrom('branches as b')
      .select(['b.id', 'b.name', 'b.parent_committee'])
      .select((eb) =>
        eb
          .selectFrom('members as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.branch_id', '=', 'b.id')
          .where('m.deleted_at', 'is', null)
          .where('m.status', 'in', ACTIVE_STATUSES)
          .as('n'),
      )
      .where('b.deleted_at', 'is', null)
      .orderBy('b.name'),
  );
  return rows
    .map((r) => ({ id: r.id, name: r.name, parentCommittee: r.parent_committee, isLocal: r.id === local, memberCount: r.n ?? 0 }))
    .sort((a, b) => Number(b.isLocal) - Number(a.isLocal));
}
