/** The trash: deleted rows of every registered table, restorable. */
import { AppError } from '../../../shared/contract/errors';
import type { TrashItem } from '../../../shared/contract/operations';
import { prepare, type Sqlite } from '../../db/query';
import { registeredTables, tableSpec } from '../../db/registry';
import { restoreRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';

export function listTrash(db: Sqlite): TrashItem[] {
  const branchId = requireBranchId(db);
  const items: TrashItem[] = [];
  for (const spec of registeredTables()) {
    if (spec.name === 'branches') continue;
    const rows = prepare(db, `SELECT * FROM ${spec.name} WHERE branch_id = ? AND deleted_at IS NOT NULL`).all(branchId) as Record<
      string,
      unknown
    >[];
    for (const r of rows) {
      items.push({ table: spec.name, tableLabel: spec.label, id: String(r.id), label: spec.describe(r), deletedAt: String(r.deleted_at) });
    }
  }
  return items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

export function restoreFromTrash(db: Sqlite, table: string, id: string): void {
  const spec = tableSpec(table);
  if (!spec || spec.name === 'branches') throw new AppError('E_VALIDATION', `无法识别的数据表“${table}”`, [{ field: 'table', message: '数据表无效' }]);
  db.transaction(() => {
    if (spec.name === 'members') {
      const row = prepare(db, 'SELECT branch_id, id_number, name FROM members WHERE id = ?').get(id) as
        | { branch_id: string; id_number: string; name: string }
        | undefined;
      const clash = row
        ? (prepare(db, 'SELECT name FROM members WHERE branch_id = ? AND id_number = ? AND deleted_at IS NULL AND id <> ?').get(
            row.branch_id,
            row.id_number,
            id,
          ) as { name: string } | undefined)
        : undefined;
      if (clash) throw new AppError('E_CONFLICT', `无法恢复：名册中已有身份证号相同的党员“${clash.name}”`);
      const group = prepare(db, 'SELECT g.deleted_at FROM members m JOIN party_groups g ON g.id = m.party_group_id WHERE m.id = ?').get(id) as
        | { deleted_at: string | null }
        | undefined;
      if (group?.deleted_at) prepare(db, 'UPDATE members SET party_group_id = NULL WHERE id = ?').run(id);
    }
    restoreRow(db, spec.name, id);
  })();
}
