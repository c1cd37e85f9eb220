/** The trash: deleted rows of every registered table, restorable. */
import { AppError } from '../../../shared/contract/errors';
import type { TrashItem } from '../../../shared/contract/operations';
import { storedRows, type Sqlite } from '../../db/query';
import { registeredTables, tableSpec, uniqueClash } from '../../db/registry';
import { getRow, restoreRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';

export function listTrash(db: Sqlite): TrashItem[] {
  const branchId = requireBranchId(db);
  const items: TrashItem[] = [];
  for (const spec of registeredTables()) {
    if (spec.inTrash === false) continue;
    const rows = storedRows(db, `SELECT * FROM ${spec.name} WHERE branch_id = ? AND deleted_at IS NOT NULL`, branchId);
    for (const r of rows) {
      items.push({ table: spec.name, tableLabel: spec.label, id: String(r.id), label: spec.describe(r), deletedAt: String(r.deleted_at) });
    }
  }
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

export function restoreFromTrash(db: Sqlite, table: string, id: string): void {
  const spec = tableSpec(table);
  if (!spec || spec.inTrash === false) throw new AppError('E_VALIDATION', `无法识别的数据表“${table}”`, [{ field: 'table', message: '数据表无效' }]);
  db.transaction(() => {
    const row = getRow(db, spec.name, id) as Record<string, unknown> | undefined;
    if (row?.deleted_at) {
      const clash = uniqueClash(db, spec, row);
      if (clash) throw new AppError('E_CONFLICT', `无法恢复：${clash.key.clash}“${spec.describe(clash.existing)}”`);
      spec.beforeRestore?.(db, row);
    }
    restoreRow(db, spec.name, id);
  })();
}
