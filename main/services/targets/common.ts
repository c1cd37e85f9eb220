/** Helpers the target-management services share: item JSON, members by id, live rows, problems → errors. */
import { AppError, validationError } from '../../../shared/contract/errors';
import type { FieldProblem } from '../../../shared/domain/member';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import { TARGETS_INPUT_LABELS } from '../../../shared/domain/targets';
import { all, qb, type Sqlite } from '../../db/query';
import { getRow } from '../../db/rows';
import type { DB, UserTableName } from '../../db/schema';
import { requireBranchId } from '../branch/branch';
import './tables';

export function requireNoProblems(problems: readonly FieldProblem[]): void {
  if (problems.length) throw validationError([...problems], TARGETS_INPUT_LABELS);
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function newKey(): string {
  return crypto.randomUUID();
}

/** A live row of the local branch, or E_NOT_FOUND naming what was asked for. */
export function requireLive<T extends UserTableName>(db: Sqlite, table: T, id: string, what: string): DB[T] {
  const branchId = requireBranchId(db);
  const row = getRow(db, table, id);
  if (!row || row.deleted_at || row.branch_id !== branchId) throw new AppError('E_NOT_FOUND', `${what}不存在或已被删除`);
  return row;
}

export interface MemberRef {
  id: string;
  name: string;
  post: string;
  status: string;
  partyGroupName: string | null;
  deleted: boolean;
}

/** The members of the branch (also those in the trash: old records keep their names), or only those named, by id. */
export function membersById(db: Sqlite, branchId: string, only?: readonly string[]): Map<string, MemberRef> {
  let query = qb
    .selectFrom('members')
    .leftJoin('party_groups', 'party_groups.id', 'members.party_group_id')
    .select(['members.id', 'members.name', 'members.post', 'members.status', 'members.deleted_at', 'party_groups.name as group_name'])
    .where('members.branch_id', '=', branchId);
  if (only) query = query.where('members.id', 'in', only.length ? [...only] : ['']);
  const rows = all(db, query);
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, post: r.post, status: r.status, partyGroupName: r.group_name ?? null, deleted: r.deleted_at !== null }]),
  );
}

/** A member who may take part: live, of this branch, on the active roster. */
export function memberProblems(members: Map<string, MemberRef>, id: string | null, field: string): FieldProblem[] {
  if (id === null) return [];
  const m = members.get(id);
  if (!m || m.deleted) return [{ field, message: '所选党员不存在或已被删除' }];
  if (!(ACTIVE_STATUSES as readonly string[]).includes(m.status)) return [{ field, message: `${m.name}的党籍状态为“${m.status}”，不能选择` }];
  return [];
}

export function memberName(members: Map<string, MemberRef>, id: string): string {
  return members.get(id)?.name ?? '（已删除的党员）';
}

/** The branch's officers as stored (branches.officers_json); an unreadable value gives none. */
export function branchOfficers(json: string): { name: string; role: string }[] {
  try {
    const officers = JSON.parse(json) as unknown;
    return Array.isArray(officers) ? (officers as { name: string; role: string }[]) : [];
  } catch {
    return [];
  }
}
