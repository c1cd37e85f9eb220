/**
 * Uniqueness checks of a package, so that everything the database would refuse (a UNIQUE failure
 * mid-import) is refused by the reading and the plan, before any backup or write, and shown by the
 * dry run: live rows inside the package must differ on every unique key the registry declares, and
 * the table's end state (rows the package leaves in place plus the final versions of the rows it
 * touches) must too, so two rows may swap a key within one package.
 */
import { prepare, storedRow, type Sqlite } from '../../db/query';
import { tableSpec, type UniqueKey } from '../../db/registry';
import { PackageError } from './errors';
import type { StoredRow } from './format';

function keyLabel(table: string, key: UniqueKey): string {
  const labels = tableSpec(table)?.columnLabels ?? {};
  return key.columns.filter((c) => c !== 'branch_id').map((c) => labels[c] ?? c).join('、');
}

/** Live rows of one table in the package that share a unique key: refused, naming both rows. */
export function checkUniqueInPackage(table: string, rows: StoredRow[]): void {
  const spec = tableSpec(table)!;
  for (const key of spec.uniqueKeys ?? []) {
    const firstRow = new Map<string, number>();
    rows.forEach((row, i) => {
      if (row.deleted_at) return;
      // As in SQL (and uniqueClash): a key with an empty (null) column clashes with nothing.
      if (key.columns.some((c) => row[c] === null || row[c] === undefined)) return;
      const value = JSON.stringify(key.columns.map((c) => row[c]));
      const earlier = firstRow.get(value);
      if (earlier === undefined) return void firstRow.set(value, i);
      throw new PackageError(
        'invalid-rows',
        `${spec.label}表第 ${earlier + 1} 行（${spec.describe(rows[earlier]!)}）与第 ${i + 1} 行（${spec.describe(row)}）的${keyLabel(table, key)}相同，交接包未导入`,
      );
    });
  }
}

/** A row's final version after the import: the package's, or the local one that stays. */
export interface FinalRow {
  row: StoredRow;
  fromPackage: boolean;
}

/** A row's value of a unique key, comparable across package and local rows. */
export function keyValue(key: UniqueKey, row: Record<string, unknown>): string {
  return JSON.stringify(key.columns.map((c) => row[c]));
}

/**
 * The live local rows of one branch by their value of a unique key (ids), read in one query: one look-up per
 * package row would cost a statement each (10,000 for a large roster).
 */
export type KeyIndex = Map<string, string[]>;

export function liveKeyIndex(db: Sqlite, table: string, key: UniqueKey, branchId: string): KeyIndex {
  const byBranch = key.columns.includes('branch_id');
  const sql = `SELECT id, ${key.columns.join(', ')} FROM ${table} WHERE deleted_at IS NULL${byBranch ? ' AND branch_id = ?' : ''}`;
  const index: KeyIndex = new Map();
  for (const row of prepare(db, sql).all(...(byBranch ? [branchId] : [])) as Record<string, unknown>[]) {
    const value = keyValue(key, row);
    const ids = index.get(value);
    if (ids) ids.push(String(row.id));
    else index.set(value, [String(row.id)]);
  }
  return index;
}

/** The key indexes of a table for one branch, read once each. */
export function keyIndexes(db: Sqlite, table: string, branchId: string): (key: UniqueKey) => KeyIndex {
  const indexes = new Map<UniqueKey, KeyIndex>();
  return (key) => {
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = liveKeyIndex(db, table, key, branchId)));
    return index;
  };
}

/**
 * Uniqueness of one table's end state, before anything is written: the final versions of the rows the
 * import touches (`touched`: their ids) plus the local rows it leaves in place. Two rows that swap a
 * key in one package pass; a final row sharing a key with another final row or with a row left in place is refused, naming both.
 */
export function checkEndState(db: Sqlite, table: string, finals: FinalRow[], touched: Set<string>, indexOf: (key: UniqueKey) => KeyIndex): void {
  const spec = tableSpec(table)!;
  const live = finals.filter((f) => !f.row.deleted_at);
  for (const key of spec.uniqueKeys ?? []) {
    const holder = new Map<string, FinalRow>();
    for (const f of live) {
      const value = keyValue(key, f.row);
      const other = holder.get(value);
      if (other) {
        const [a, b] = other.fromPackage ? [other, f] : [f, other];
        const kept = b.fromPackage ? `“${spec.describe(b.row)}”` : `本机保留的“${spec.describe(b.row)}”`;
        throw new PackageError('invalid-rows', `交接包中${spec.label}表的“${spec.describe(a.row)}”与${kept}的${keyLabel(table, key)}在导入后相同，交接包未导入`);
      }
      holder.set(value, f);
      if (!f.fromPackage) continue;
      const inPlaceId = indexOf(key).get(value)?.find((id) => !touched.has(id));
      const inPlace = inPlaceId === undefined ? undefined : storedRow(db, `SELECT * FROM ${table} WHERE id = ?`, inPlaceId);
      if (inPlace) {
        throw new PackageError(
          'invalid-rows',
          `交接包中${spec.label}表的“${spec.describe(f.row)}”与本机另一条记录“${spec.describe(inPlace)}”的${keyLabel(table, key)}相同，交接包未导入`,
        );
      }
    }
  }
}
