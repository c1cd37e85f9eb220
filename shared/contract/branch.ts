/** The local branch and its party groups. */
import { z } from 'zod';
import { BRANCH_FIELD_LABELS, branchFieldsSchema, partyGroupFieldsSchema, type Branch, type PartyGroup } from '../domain/branch';
import { defineOperations, op } from './define';
import { branchRef, id, none } from './common';

const GROUP_FIELD_LABELS = { name: '党小组名称', leaderMemberId: '组长', sortOrder: '排序', branchId: '支部' };

/** 调整党小组: members picked in one group's list, moved to another in one transaction. */
export const moveMembersSchema = z
  .object({
    memberIds: z.array(id).min(1, { error: '请先选择要调整的党员' }).max(1000, { error: '一次最多调整 1000 名党员' }),
    toGroupId: id,
  })
  .strict();

export interface MoveMembersResult {
  /** Members whose party group changed (those already in the target group are not counted). */
  moved: number;
  /** The target group after the move (its new member count). */
  group: PartyGroup;
  /** Groups whose 组长 was among the moved members: their leader is now 未指定. */
  leaderCleared: { groupName: string; leaderName: string }[];
}

export const branchOperations = defineOperations('branch', BRANCH_FIELD_LABELS, {
  'branch.get': op<Branch | null>()(none),
  'branch.save': op<Branch>()(branchFieldsSchema),

  'groups.list': op<PartyGroup[]>()(z.object({ branchId: branchRef }).strict(), GROUP_FIELD_LABELS),
  'groups.save': op<PartyGroup>()(partyGroupFieldsSchema.extend({ id: id.nullish() }), GROUP_FIELD_LABELS),
  'groups.delete': op<void>()(z.object({ id }), GROUP_FIELD_LABELS),
  'groups.moveMembers': op<MoveMembersResult>()(moveMembersSchema, { memberIds: '要调整的党员', toGroupId: '调整到的党小组' }),
});
