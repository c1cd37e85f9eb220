/** The recycle bin: deleted records, and putting one back. */
import { z } from 'zod';
import { defineOperations, op } from './define';
import { id, none } from './common';

export interface TrashItem {
  table: string;
  tableLabel: string;
  id: string;
  label: string;
  deletedAt: string;
}

export const trashOperations = defineOperations('trash', {}, {
  'trash.list': op<TrashItem[]>()(none),
  'trash.restore': op<void>()(z.object({ table: z.string().max(40), id })),
});
