/** Party groups (党小组) of the local branch. */
import { AppError } from '../../../shared/contract/errors';
import type { MoveMembersResult } from '../../../shared/contract/branch';
import { partyGroupFieldsSchema, type PartyGroup } from '../../../shared/domain/branch';
import type { z } from 'zod';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import { all, first, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
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

function liveGroup(db: Sqlite, branchId: string, id: string) {
  return first(
    db,
    qb.selectFrom('party_groups').select(['id', 'name', 'leader_member_id']).where('id', '=', id).where('branch_id', '=', branchId).where('deleted_at', 'is', null),
  );
}

/**
 * 调整党小组: moves members to another group of the branch in one transaction. Each member's party group is
 * changed through updateRow, as a roster edit is, so every move is in the member's change history. A moved
 * member who led the group they leave no longer leads it (组长 becomes 未指定, also logged).
 */
export function moveMembersToGroup(db: Sqlite, memberIds: readonly string[], toGroupId: string): MoveMembersResult {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const target = liveGroup(db, branchId, toGroupId);
    if (!target) {
      const message = '要调整到的党小组不存在或已被删除，请刷新后重新选择';
      throw new AppError('E_VALIDATION', message, [{ field: 'toGroupId', message }]);
    }
    let moved = 0;
    const leaderCleared: MoveMembersResult['leaderCleared'] = [];
    for (const id of new Set(memberIds)) {
      const member = getRow(db, 'members', id);
      if (!member || member.deleted_at || member.branch_id !== branchId) {
        throw new AppError('E_NOT_FOUND', '要调整的党员中有人不存在或已被删除，请刷新后重新选择');
      }
      if (member.party_group_id === toGroupId) continue;
      const from = member.party_group_id ? liveGroup(db, branchId, member.party_group_id) : undefined;
      updateRow(db, 'members', id, { party_group_id: toGroupId });
      moved++;
      if (from && from.leader_member_id === id) {
        updateRow(db, 'party_groups', from.id, { leader_member_id: null });
        leaderCleared.push({ groupName: from.name, leaderName: member.name });
      }
    }
    return { moved, group: listGroups(db, branchId).find((g) => g.id === toGroupId)!, leaderCleared };
  })();
}
