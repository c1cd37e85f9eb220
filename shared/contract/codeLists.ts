/** The operations of the code lists (字典): listing, editing, ordering and retiring items, and pick-list options. */
import { z } from 'zod';
import { defineOperations, op } from './define';
import { CODE_LIST_KEYS, NOTE_MAX_LENGTH, type CodeItem, type CodeList } from '../domain/codeLists';


const id = z.string().uuid({ error: '记录编号无效' });
const kind = z.enum(CODE_LIST_KEYS, { error: '没有这种字典' });
/** A branch named by the caller (a committee editing records of an imported branch); omitted: the local branch. */
const branchRef = z.string().uuid({ error: '所选支部无效' }).nullish();

/** Chinese names of the input fields, for messages. */
export const codeListsLabels: Record<string, string> = {
  id: '条目',
  kind: '字典',
  label: '名称',
  note: '备注',
  ids: '顺序',
  inUse: '状态',
  branchId: '支部',
  expectedUpdatedAt: '修改时间',
};

export const codeListsOperations = defineOperations('codeLists', codeListsLabels, {
  /** Every kind (or one) with its items in order, retired ones included. */
  'codeLists.list': op<CodeList[]>()(z.object({ kind: kind.nullish(), branchId: branchRef }).strict()),
  /** Adds an item (no id) at the end of its list, or renames / re-notes one. The label's length is checked per kind. */
  'codeLists.save': op<CodeItem>()(
    z
      .object({
        id: id.nullish(),
        kind,
        label: z.string().max(200, { error: '名称过长' }),
        note: z.string().trim().max(NOTE_MAX_LENGTH, { error: `备注不能超过 ${NOTE_MAX_LENGTH} 个字` }).default(''),
        expectedUpdatedAt: z.string().max(40).nullish(),
      })
      .strict(),
  ),
  /** The kind's live items in their new order: every one of them, each once. */
  'codeLists.reorder': op<CodeList>()(z.object({ kind, ids: z.array(id).max(500, { error: '条目过多' }) }).strict()),
  /** 停用 (false) keeps the item for the records that use it but takes it out of pick lists; 启用 (true) brings it back. */
  'codeLists.setInUse': op<CodeItem>()(z.object({ id, inUse: z.boolean({ error: '请选择在用或停用' }) }).strict()),
  /** To the trash (restorable there). */
  'codeLists.delete': op<void>()(z.object({ id }).strict()),
  /** The labels in use, in order: what a pick list offers. */
  'codeLists.options': op<string[]>()(z.object({ kind, branchId: branchRef }).strict()),
});

