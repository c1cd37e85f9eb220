import type { trashOperations } from '../../../shared/contract/trash';
import type { HandlersOf } from '../../capability';
import { listTrash, restoreFromTrash } from './trash';

export const trashHandlers: HandlersOf<typeof trashOperations> = {
  'trash.list': (ctx) => listTrash(ctx.db),
  'trash.restore': (ctx, input) => restoreFromTrash(ctx.db, input.table, input.id),
};
