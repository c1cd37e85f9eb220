/**
 * The trust model of hand-over packages (docs/security.md, “交接包的信任模型”), part 1: a package
 * speaks only for the branch its manifest names. Every row it carries, every row it would
 * overwrite here, every row it points to and every history entry must belong to that branch;
 * one row of another branch refuses the whole package before anything is written.
 */
import { tableSpec } from '../../db/registry';
import { prepare, type Sqlite } from '../../db/query';
import { PackageError } from './errors';
import type { ParsedPackage, StoredRow } from './format';

function localBranchOf(db: Sqlite, table: string, id: string): string | undefined {
  return (prepare(db, `SELECT branch_id FROM ${table} WHERE id = ?`).get(id) as { branch_id: string } | undefined)?.branch_id;
}

/** Whether a package row belongs to `branchId`: its own branch, the local row it would replace, and the rows it points to. */
function rowOfBranch(db: Sqlite, table: string, row: StoredRow, branchId: string, packageRows: Map<string, Map<string, StoredRow>>): boolean {
  const spec = tableSpec(table)!;
  if (row.branch_id !== branchId || (spec.isBranch && row.id !== branchId)) return false;
  const local = localBranchOf(db, table, row.id);
  if (local !== undefined && local !== branchId) return false;
  for (const ref of spec.references ?? []) {
    const value = row[ref.column];
    if (value === null || value === undefined) continue;
    const target = packageRows.get(ref.table)?.get(String(value));
    const targetBranch = target ? target.branch_id : localBranchOf(db, ref.table, String(value));
    if (targetBranch !== undefined && targetBranch !== branchId) return false;
  }
  return true;
}

/** Refuses a package holding rows (or history) of any branch but the one its manifest names, naming each table and count. */
export function checkBranchScope(db: Sqlite, pkg: ParsedPackage): void {
  const branchId = pkg.manifest.branch.id;
  const packageRows = new Map([...pkg.tables].map(([table, rows]) => [table, new Map(rows.map((r) => [r.id, r]))]));
  const foreign: string[] = [];
  for (const [table, rows] of pkg.tables) {
    const count = rows.filter((row) => !rowOfBranch(db, table, row, branchId, packageRows)).length;
    if (count) foreign.push(`${tableSpec(table)!.label}表 ${count} 行`);
  }
  const strayHistory = pkg.changeLog.filter((h) => h.branch_id !== branchId || !packageRows.get(h.table_name)?.has(h.row_id)).length;
  if (strayHistory) foreign.push(`变更记录 ${strayHistory} 条`);
  if (foreign.length) {
    throw new PackageError(
      'other-branch',
      `交接包来自“${pkg.manifest.branch.name}”，但其中${foreign.join('、')}属于其他支部或不属于包内的记录，已拒绝整个交接包（一个交接包只能修改它所属支部的数据）`,
    );
  }
}
