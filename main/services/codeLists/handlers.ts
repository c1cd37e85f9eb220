/** The code-list operations, each a call of the service with the parsed input. */
import type { z } from 'zod';
import type { codeListsOperations } from '../../../shared/contract/codeLists';
import type { AppContext } from '../../app/context';
import { codeOptions, deleteCodeItem, listCodeLists, reorderCodeItems, saveCodeItem, setCodeItemInUse } from './service';

type Ops = typeof codeListsOperations;
type CodeListsHandlers = {
  [N in keyof Ops]: (ctx: AppContext, input: z.output<Ops[N]['input']>) => Ops[N]['output'] | Promise<Ops[N]['output']>;
};

export const codeListsHandlers: CodeListsHandlers = {
  'codeLists.list': (ctx, input) => listCodeLists(ctx.db, input),
  'codeLists.save': (ctx, input) => saveCodeItem(ctx.db, input),
  'codeLists.reorder': (ctx, input) => reorderCodeItems(ctx.db, input.kind, input.ids),
  'codeLists.setInUse': (ctx, input) => setCodeItemInUse(ctx.db, input.id, input.inUse),
  'codeLists.delete': (ctx, input) => deleteCodeItem(ctx.db, input.id),
  'codeLists.options': (ctx, input) => codeOptions(ctx.db, input.kind, input.branchId),
};
