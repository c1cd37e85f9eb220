import type { rosterOperations } from '../../../shared/contract/roster';
import type { HandlersOf } from '../../capability';
import { createMember, deleteMember, findByIdNumber, getMember, memberHistory, searchMembers, updateMember } from './members';
import { memberEvents, recordMemberEvent, transferIn } from './status';

export const rosterHandlers: HandlersOf<typeof rosterOperations> = {
  'members.search': (ctx, input) => searchMembers(ctx.db, input),
  'members.get': (ctx, input) => getMember(ctx.db, input.id),
  'members.create': (ctx, { branchId, ...fields }) => createMember(ctx.db, fields, undefined, branchId),
  'members.update': (ctx, input) => updateMember(ctx.db, input.id, input.fields, input.expectedUpdatedAt),
  'members.delete': (ctx, input) => deleteMember(ctx.db, input.id),
  'members.history': (ctx, input) => memberHistory(ctx.db, input.id),
  'members.findByIdNumber': (ctx, input) => findByIdNumber(ctx.db, input.idNumber, input.branchId, input.excludeId),
  'members.events': (ctx, input) => memberEvents(ctx.db, input.id),
  'members.recordEvent': (ctx, input) => recordMemberEvent(ctx.db, input.memberId, input.event),
  'members.transferIn': (ctx, input) => transferIn(ctx.db, input.fields, input.transfer, undefined, input.branchId),
};
