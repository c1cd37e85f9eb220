/** The local branch and its party groups. */
import { z } from 'zod';
import { BRANCH_FIELD_LABELS, branchFieldsSchema, partyGroupFieldsSchema, type Branch, type PartyGroup } from '../domain/branch';
import { defineOperations, op } from './define';
import { branchRef, id, none } from './common';

const GROUP_FIELD_LABELS = { name: '党小组名称', leaderMemberId: '组长', sortOrder: '排序', branchId: '支部' };

export const branchOperations = defineOperations('branch', BRANCH_FIELD_LABELS, {
  'branch.get': op<Branch | null>()(none),
  'branch.save': op<Branch>()(branchFieldsSchema),

  'groups.list': op<PartyGroup[]>()(z.object({ branchId: branchRef }).strict(), GROUP_FIELD_LABELS),
  'groups.save': op<PartyGroup>()(partyGroupFieldsSchema.extend({ id: id.nullish() }), GROUP_FIELD_LABELS),
  'groups.delete': op<void>()(z.object({ id }), GROUP_FIELD_LABELS),
});
