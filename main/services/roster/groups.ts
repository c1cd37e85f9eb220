/** Party groups (党小组) of the local branch. */
import { AppError } from '../../../shared/contract/errors';
import { partyGroupFieldsSchema, type PartyGroup } from '../../../shared/domain/branch';
import type { z } from 'zod';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import { all, first, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';

type GroupFields = z.output<typeof partyGroupFieldsSchema>;

export function listGroups(db: Sqlite, branchId: string = requireBranchId(db)): PartyGroup[] {
  const rows = all(
    db,
    qb
      .selectFrom('party_groups as g')
      .leftJoin('members as l', 'l.id', 'g.leader_member_id')
      .select(['g.id', 'g.branch_id', 'g.name', 'g.leader_member_id', 'g.sort_order', 'l.name as leader_name'])
      .select((eb) =>
        eb
          .selectFrom('members as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.party_group_id', '=', 'g.id')
          .where('m.deleted_at', 'is', null)
          .where('m.status', 'in', ACTIVE_STATUSES)
          .as('member_count'),
      )
      .where('g.branch_id', '=', branchId)
      .where('g.deleted_at', 'is', null)
      .orderBy('g.sort_order')
      .orderBy('g.name'),
  );
  return rows.map((r) => ({
    id: r.id,
    branchId: r.branch_id,
    name: r.name,
    leaderMemberId: r.leader_member_id,
    leaderName: r.leader_name,
    sortOrder: r.sort_order,
    memberCount: r.member_count ?? 0,
  }));
}

function findGroupByName(db: Sqlite, branchId: string, name: string): string | undefined {
  const row = first(
    db,
    qb.selectFrom('party_groups').select('id').where('branch_id', '=', branchId).where('name', '=', name).where('deleted_at', 'is', null),
  );
  return row?.id;
}

/** The group of that name in the branch, created when missing (used by imports and the CLI). Call inside a transaction. */
export function ensureGroupByName(db: Sqlite, branchId: string, name: string): string {
  const existing = findGroupByName(db, branchId, name);
  if (existing) return existing;
  const count = first(db, qb.selectFrom('party_groups').select((eb) => eb.fn.countAll<number>().as('n')).where('branch_id', '=', branchId))!.n;
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
      const leader = first(
        db,
        qb.selectFrom('members').select('id').where('id', '=', input.leaderMemberId).where('branch_id', '=', branchId).where('deleted_at', 'is', null),
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
    const row = first(
      db,
      qb.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('party_group_id', '=', id).where('deleted_at', 'is', null),
    )!;
    if (row.n > 0) {
      throw new AppError('E_CONFLICT', `该党小组还有 ${row.n} 名党员（含已转出等），请先把他们调到其他党小组`);
    }
    trashRow(db, 'party_groups', id);
  })();
}
