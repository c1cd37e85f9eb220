/** The code-list operations, each a call of the service with the parsed input. */
import type { codeListsOperations } from '../../../shared/contract/codeLists';
import type { HandlersOf } from '../../capability';
import { codeOptions, deleteCodeItem, listCodeLists, reorderCodeItems, saveCodeItem, setCodeItemInUse } from './service';

export const codeListsHandlers: HandlersOf<typeof codeListsOperations> = {
  'codeLists.list': (ctx, input) => listCodeLists(ctx.db, input),
  'codeLists.save': (ctx, input) => saveCodeItem(ctx.db, input),
  'codeLists.reorder': (ctx, input) => reorderCodeItems(ctx.db, input.kind, input.ids),
  'codeLists.setInUse': (ctx, input) => setCodeItemInUse(ctx.db, input.id, input.inUse),
  'codeLists.delete': (ctx, input) => deleteCodeItem(ctx.db, input.id),
  'codeLists.options': (ctx, input) => codeOptions(ctx.db, input.kind, input.branchId),
};
