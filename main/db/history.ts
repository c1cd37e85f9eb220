/** A row's history from the change log, shown with the table's column labels and value display hooks. */
import type { ChangeEntry } from '../../shared/contract/operations';
import { maskIdNumber } from '../../shared/domain/idNumber';
import { all, qb, type Sqlite } from './query';
import { tableSpec } from './registry';
import type { UserTableName } from './schema';

/** Newest first; only columns the table labels, masked and displayed as its spec says. */
export function rowHistory(db: Sqlite, table: UserTableName, id: string): ChangeEntry[] {
  const spec = tableSpec(table);
  const labels = spec?.columnLabels ?? {};
  const rows = all(
    db,
    qb
      .selectFrom('change_log')
      .select(['seq', 'table_name', 'row_id', 'action', 'changed_at', 'old_json', 'new_json'])
      .where('table_name', '=', table)
      .where('row_id', '=', id)
      .orderBy('seq', 'desc'),
  );
  const show = (column: string, value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (spec?.maskedColumns?.includes(column)) return maskIdNumber(String(value));
    return spec?.showValue ? spec.showValue(db, column, value) : value;
  };
  return rows.map((r) => {
    const before = r.old_json ? (JSON.parse(r.old_json) as Record<string, unknown>) : {};
    const after = r.new_json ? (JSON.parse(r.new_json) as Record<string, unknown>) : {};
    // insert/import carry the whole row: show what was filled in; update/conflict: what differs.
    const fields =
      r.action === 'insert' || r.action === 'import'
        ? Object.keys(after).filter((k) => labels[k] && after[k] !== '' && after[k] !== null)
        : Object.keys({ ...before, ...after }).filter((k) => labels[k] && before[k] !== after[k]);
    return {
      seq: r.seq,
      table: r.table_name,
      rowId: r.row_id,
      action: r.action as ChangeEntry['action'],
      changedAt: r.changed_at,
      changes: fields.map((f) => ({ field: f, label: labels[f] ?? f, before: show(f, before[f]), after: show(f, after[f]) })),
    };
  });
}
