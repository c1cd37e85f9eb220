/** Party groups (党小组) of the local branch. */
import { AppError } from '../../../shared/contract/errors';
import { partyGroupFieldsSchema, type PartyGroup } from '../../../shared/domain/branch';
import type { z } from 'zod';
import { prepare, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';

type GroupFields = z.output<typeof partyGroupFieldsSchema>;

export function listGroups(db: Sqlite, branchId: string = requireBranchId(db)): PartyGroup[] {
  const rows = prepare(
    db,
    `SELECT g.id, g.branch_id, g.name, g.leader_member_id, g.sort_order, l.name AS leader_name,
            (SELECT count(*) FROM members m WHERE m.party_group_id = g.id AND m.deleted_at IS NULL
               AND m.status IN ('正常', '停止党籍')) AS member_count
       FROM party_groups g LEFT JOIN members l ON l.id = g.leader_member_id
      WHERE g.branch_id = ? AND g.deleted_at IS NULL
      ORDER BY g.sort_order, g.name`,
  ).all(branchId) as {
    id: string; branch_id: string; name: string; leader_member_id: string | null; sort_order: number;
    leader_name: string | null; member_count: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    branchId: r.branch_id,
    name: r.name,
    leaderMemberId: r.leader_member_id,
    leaderName: r.leader_name,
    sortOrder: r.sort_order,
    memberCount: r.member_count,
  }));
}

function findGroupByName(db: Sqlite, branchId: string, name: string): string | undefined {
  const row = prepare(db, 'SELECT id FROM party_groups WHERE branch_id = ? AND name = ? AND deleted_at IS NULL').get(branchId, name) as
    | { id: string }
    | undefined;
  return row?.id;
}

/** The group of that name in the branch, created when missing (used by imports and the CLI). Call inside a transaction. */
export function ensureGroupByName(db: Sqlite, branchId: string, name: string): string {
  const existing = findGroupByName(db, branchId, name);
  if (existing) return existing;
  const count = (prepare(db, 'SELECT count(*) AS n FROM party_groups WHERE branch_id = ?').get(branchId) as { n: number }).n;
  const row = { ...newCommon(branchId), name, leader_member_id: null, sort_order: count + 1 };
  insertRow(db, 'party_groups', row);
  return row.id;
}

export function saveGroup(db: Sqlite, input: GroupFields & { id?: string | null }): PartyGroup {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const clash = findGroupByName(db, branchId, input.name);
    if (clash && clash !== input.id) {
      throw new AppError('E_CONFLICT', `已有名为“${input.name}”的党小组`, [{ field: 'name', message: '名称与已有党小组重复' }]);
    }
    if (input.leaderMemberId) {
      const leader = prepare(db, 'SELECT id FROM members WHERE id = ? AND branch_id = ? AND deleted_at IS NULL').get(
        input.leaderMemberId,
        branchId,
      );
      if (!leader) throw new AppError('E_VALIDATION', '组长应为本支部的党员', [{ field: 'leaderMemberId', message: '组长应为本支部的党员' }]);
    }
    const cols = { name: input.name, leader_member_id: input.leaderMemberId, sort_order: input.sortOrder };
    const id = input.id ?? insertRow(db, 'party_groups', { ...newCommon(branchId), ...cols }).id;
    if (input.id) updateRow(db, 'party_groups', input.id, cols);
    return listGroups(db, branchId).find((g) => g.id === id)!;
  })();
}

export function deleteGroup(db: Sqlite, id: string): void {
  db.transaction(() => {
    const row = prepare(db, 'SELECT count(*) AS n FROM members WHERE party_group_id = ? AND deleted_at IS NULL').get(id) as { n: number };
    if (row.n > 0) {
      throw new AppError('E_CONFLICT', `该党小组还有 ${row.n} 名党员（含已转出等），请先把他们调到其他党小组`);
    }
    trashRow(db, 'party_groups', id);
  })();
}
