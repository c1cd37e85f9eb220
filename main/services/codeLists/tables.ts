/** The code_items table: its row type, and its registration (trash, history, hand-over). */
import { CODE_LIST_KINDS, NOTE_MAX_LENGTH, codeListKind, labelProblems } from '../../../shared/domain/codeLists';
import type { FieldProblem } from '../../../shared/domain/member';
import type { TableSpec } from '../../db/registry';
import type { CommonColumns } from '../../db/schema';

export interface CodeItemsTable extends CommonColumns {
  /** A key of CODE_LIST_KINDS ('posts', 'absenceReasons', …). */
  kind: string;
  label: string;
  sort_order: number;
  /** 1 在用, 0 停用. */
  in_use: number;
  note: string;
}

declare module '../../db/schema' {
  interface UserTables {
    code_items: CodeItemsTable;
  }
}

export const CODE_ITEM_COLUMN_LABELS: Record<string, string> = {
  kind: '字典',
  label: '名称',
  sort_order: '顺序',
  in_use: '状态',
  note: '备注',
  deleted_at: '删除时间',
};

/** Domain checks of a code item arriving in a hand-over package. */
export function validateCodeItemRow(r: Record<string, unknown>): FieldProblem[] {
  const kind = codeListKind(String(r.kind));
  if (!kind) return [{ field: 'kind', message: `没有这种字典：“${String(r.kind)}”（应为${CODE_LIST_KINDS.map((k) => k.label).join('、')}之一）` }];
  const problems = typeof r.label === 'string' ? labelProblems(kind, r.label) : [{ field: 'label', message: '名称为空' }];
  if (r.in_use !== 0 && r.in_use !== 1) problems.push({ field: 'in_use', message: '状态应为在用或停用' });
  if (!Number.isSafeInteger(r.sort_order) || (r.sort_order as number) < 0) problems.push({ field: 'sort_order', message: '顺序应为非负整数' });
  if (typeof r.note !== 'string' || [...r.note].length > NOTE_MAX_LENGTH) problems.push({ field: 'note', message: `备注应为不超过 ${NOTE_MAX_LENGTH} 个字的文字` });
  return problems;
}

const codeItemsTable: TableSpec = {
  name: 'code_items',
  label: '字典',
  describe: (r) => `${codeListKind(String(r.kind))?.label ?? '字典'}：${String(r.label)}`,
  dependsOn: ['branches'],
  columnLabels: CODE_ITEM_COLUMN_LABELS,
  validateRow: validateCodeItemRow,
  uniqueKeys: [{ columns: ['branch_id', 'kind', 'label'], clash: '字典中已有同名的条目' }],
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const codeListsTables: readonly TableSpec[] = [codeItemsTable];
