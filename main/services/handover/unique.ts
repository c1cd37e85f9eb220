/**
 * Uniqueness checks of a package, so that everything the database would refuse (a UNIQUE failure
 * mid-import) is refused by the reading and the plan, before any backup or write, and shown by the
 * dry run: live rows inside the package must differ on every unique key the registry declares, and
 * a package row that replaces a local one must not take a key another local live row holds.
 */
import type { Sqlite } from '../../db/query';
import { tableSpec, uniqueClash, type UniqueKey } from '../../db/registry';
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

/** A package row that will replace a local row must not clash with another local live row, unless the package deletes that one (`freed`). */
export function checkUniqueAgainstLocal(db: Sqlite, table: string, row: StoredRow, freed: Set<string>): void {
  const spec = tableSpec(table)!;
  if (row.deleted_at) return;
  const clash = uniqueClash(db, spec, row);
  if (!clash || freed.has(String(clash.existing.id))) return;
  throw new PackageError(
    'invalid-rows',
    `交接包中${spec.label}表的“${spec.describe(row)}”与本机另一条记录“${spec.describe(clash.existing)}”的${keyLabel(table, clash.key)}相同，交接包未导入`,
  );
}
