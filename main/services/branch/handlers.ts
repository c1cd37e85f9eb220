import type { branchOperations } from '../../../shared/contract/branch';
import type { HandlersOf } from '../../capability';
import { deleteGroup, listGroups, moveMembersToGroup, saveGroup } from '../roster/groups';
import { getLocalBranch, resolveBranchId, saveBranch } from './branch';

export const branchHandlers: HandlersOf<typeof branchOperations> = {
  'branch.get': (ctx) => getLocalBranch(ctx.db),
  'branch.save': (ctx, input) => saveBranch(ctx.db, input),

  'groups.list': (ctx, input) => listGroups(ctx.db, resolveBranchId(ctx.db, input.branchId, 'branchId', '支部')),
  'groups.save': (ctx, input) => saveGroup(ctx.db, input),
  'groups.delete': (ctx, input) => deleteGroup(ctx.db, input.id),
  'groups.moveMembers': (ctx, input) => moveMembersToGroup(ctx.db, input.memberIds, input.toGroupId),
};
