/**
 * Import = plan, then apply. The plan compares every package row with the local one by revision
 * history (the change log): the same revision is unchanged; a local revision the package's history
 * contains means the package is newer; the other way round, the local copy is newer; neither means
 * both sides changed the record since they last agreed — a conflict, resolved per record by the user.
 * Applying is one transaction after a backup; the version not taken stays in the change log.
 */
import { AppError } from '../../../shared/contract/errors';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { all, nowIso, prepare, qb, run, storedRow, type Sqlite } from '../../db/query';
import { branchTable, registeredTables, tableSpec, uniqueClash } from '../../db/registry';
import { logChange, newRev } from '../../db/rows';
import { logJson, sameStoredValue, shownValue } from '../../db/blobs';
import type { ChangeLogEntry, UserTableName } from '../../db/schema';
import { localBranchId } from '../branch/branch';
import { PackageError } from './errors';
import { checkUniqueAgainstLocal } from './unique';
import { faultPoint } from '../../app/faults';
import type { ParsedPackage, StoredRow } from './format';
import { assessKey, checkBranchScope, vouchedRevisions } from './trust';
import type { ConflictField, ConflictItem, ImportPreview, Resolution, TableCounts } from '../../../shared/contract/handover';
export type { ImportPreview, Resolution, TableCounts };

type Action = 'new' | 'update' | 'unchanged' | 'local-newer' | 'conflict' | 'duplicate';

interface RowPlan {
  table: UserTableName;
  action: Action;
  row: StoredRow;
  local?: StoredRow;
  history: ChangeLogEntry[];
}

export interface ImportPlan {
  preview: ImportPreview;
  rows: RowPlan[];
  /** Whether the package was protected by a password (for the hand-over log). */
  encrypted: boolean;
}

/** Bookkeeping columns, not shown in a conflict; nor are a table's derived columns. */
const BOOKKEEPING = ['id', 'branch_id', 'created_at', 'updated_at', 'rev'];

function hiddenColumns(table: string): Set<string> {
  return new Set([...BOOKKEEPING, ...(tableSpec(table)?.derivedColumns ?? [])]);
}

function display(table: string, column: string, value: unknown): unknown {
  return tableSpec(table)?.maskedColumns?.includes(column) && typeof value === 'string' ? maskIdNumber(value) : shownValue(value);
}

function differingFields(table: string, local: StoredRow, pkg: StoredRow): ConflictField[] {
  const labels = tableSpec(table)?.columnLabels ?? {};
  const hidden = hiddenColumns(table);
  return Object.keys(pkg)
    .filter((c) => !hidden.has(c) && !sameStoredValue(local[c], pkg[c]))
    .map((c) => ({ field: c, label: labels[c] ?? c, local: display(table, c, local[c]), package: display(table, c, pkg[c]) }));
}

function localRevs(db: Sqlite, table: string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const r of all(db, qb.selectFrom('change_log').select(['row_id', 'rev']).where('table_name', '=', table))) {
    let set = map.get(r.row_id);
    if (!set) map.set(r.row_id, (set = new Set()));
    set.add(r.rev);
  }
  return map;
}

function classify(local: StoredRow | undefined, row: StoredRow, mine: Set<string> | undefined, theirs: Set<string>): Action {
  if (!local) return 'new';
  if (local.rev === row.rev) return 'unchanged';
  if (mine?.has(row.rev)) return 'local-newer';
  if (theirs.has(local.rev)) return 'update';
  return 'conflict';
}

/** The live local row that clashes with a new package row on one of the table's unique keys. */
function duplicateOf(db: Sqlite, table: string, row: StoredRow): StoredRow | undefined {
  const spec = tableSpec(table);
  if (!spec || row.deleted_at) return undefined;
  return uniqueClash(db, spec, row)?.existing;
}

function checkReferences(db: Sqlite, pkg: ParsedPackage): void {
  const branches = branchTable().name;
  const ids = new Map([...pkg.tables].map(([table, rows]) => [table, new Set(rows.map((r) => r.id))]));
  const exists = (table: string, id: string) =>
    !!ids.get(table)?.has(id) || !!prepare(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  for (const [table, rows] of pkg.tables) {
    const spec = tableSpec(table)!;
    rows.forEach((row, i) => {
      const where = `${spec.label}表第 ${i + 1} 行`;
      if (!exists(branches, row.branch_id)) throw new PackageError('missing-reference', `${where}所属的支部在包内和本机都不存在`);
      for (const ref of spec.references ?? []) {
        const value = row[ref.column];
        if (value !== null && value !== undefined && !exists(ref.table, String(value))) {
          const label = spec.columnLabels?.[ref.column] ?? ref.column;
          throw new PackageError('missing-reference', `${where}的“${label}”指向的${tableSpec(ref.table)!.label}在包内和本机都不存在`);
        }
      }
    });
  }
}

/**
 * Rows that replace local ones must not take a unique key another local live row keeps; the
 * package's deletions are written first, so a key they free can be taken by another row.
 */
function replacementsChecked(db: Sqlite, table: string, plans: RowPlan[]): RowPlan[] {
  const deleting = (p: RowPlan) => p.action === 'update' && !!p.row.deleted_at;
  const freed = new Set(plans.filter(deleting).map((p) => p.row.id));
  for (const p of plans) if (p.action === 'update' || p.action === 'conflict') checkUniqueAgainstLocal(db, table, p.row, freed);
  return [...plans.filter(deleting), ...plans.filter((p) => !deleting(p))];
}

export function planImport(db: Sqlite, pkg: ParsedPackage): ImportPlan {
  checkReferences(db, pkg);
  checkBranchScope(db, pkg);
  const becomesLocalBranch = localBranchId(db) === null;
  const trust = assessKey(db, pkg, becomesLocalBranch);
  const vouched = vouchedRevisions(db, pkg, trust);
  const histories = new Map<string, ChangeLogEntry[]>();
  for (const entry of pkg.changeLog) {
    const key = `${entry.table_name}:${entry.row_id}`;
    histories.set(key, [...(histories.get(key) ?? []), entry]);
  }
  const rows: RowPlan[] = [];
  const tables: Record<string, TableCounts> = {};
  const conflicts: ConflictItem[] = [];
  for (const spec of registeredTables()) {
    const pkgRows = pkg.tables.get(spec.name);
    if (!pkgRows) continue;
    const counts: TableCounts = { label: spec.label, new: 0, updated: 0, unchanged: 0, conflicts: 0, localNewer: 0 };
    const revs = localRevs(db, spec.name);
    const tableRows: RowPlan[] = [];
    for (const row of pkgRows) {
      const history = histories.get(`${spec.name}:${row.id}`) ?? [];
      const local = storedRow(db, `SELECT * FROM ${spec.name} WHERE id = ?`, row.id);
      // The package's history counts only where this database can vouch for the local revision it claims to follow.
      const theirs = local && !vouched(spec.name, row.id, local.rev) ? new Set([row.rev]) : new Set([row.rev, ...history.map((h) => h.rev)]);
      let action = classify(local, row, revs.get(row.id), theirs);
      const duplicate = action === 'new' ? duplicateOf(db, spec.name, row) : undefined;
      if (duplicate) action = 'duplicate';
      const other = local ?? duplicate;
      tableRows.push({ table: spec.name, action, row, local: other, history });
      if (action === 'new') counts.new++;
      else if (action === 'update') counts.updated++;
      else if (action === 'unchanged') counts.unchanged++;
      else if (action === 'local-newer') (counts.unchanged++, counts.localNewer++);
      else {
        counts.conflicts++;
        conflicts.push({
          key: `${spec.name}:${row.id}`,
          table: spec.name,
          tableLabel: spec.label,
          id: row.id,
          label: spec.describe(row),
          kind: action === 'duplicate' ? 'duplicate' : 'edited',
          localUpdatedAt: String(other!.updated_at),
          packageUpdatedAt: String(row.updated_at),
          fields: differingFields(spec.name, other!, row),
        });
      }
    }
    tables[spec.name] = counts;
    rows.push(...replacementsChecked(db, spec.name, tableRows));
  }
  return {
    rows,
    encrypted: pkg.encrypted,
    preview: { package: pkg.manifest, trust, tables, conflicts, becomesLocalBranch, encrypted: pkg.encrypted },
  };
}

// ---- apply ----

export interface Resolutions {
  /** For every conflict without its own choice. */
  all?: Resolution | null;
  byKey?: Record<string, Resolution>;
}

function columnsOf(db: Sqlite, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

function withDerived(table: string, row: StoredRow): StoredRow {
  return { ...row, ...(tableSpec(table)?.deriveColumns?.(row) ?? {}) } as StoredRow;
}

function writeRow(db: Sqlite, table: string, row: StoredRow, exists: boolean): void {
  const cols = columnsOf(db, table).filter((c) => c in row); // columns a package from an older schema lacks keep their defaults
  const values = cols.map((c) => row[c] ?? null);
  if (exists) {
    prepare(db, `UPDATE ${table} SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...values.filter((_, i) => cols[i] !== 'id'),
      row.id,
    );
  } else {
    prepare(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...values);
  }
}

/** The package's history of a row, minus what this database already has. */
function copyHistory(db: Sqlite, plan: RowPlan, known: Set<string> | undefined): void {
  const insert = prepare(
    db,
    'INSERT INTO change_log (table_name, row_id, branch_id, action, changed_at, old_json, new_json, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const h of plan.history) {
    if (known?.has(h.rev)) continue;
    insert.run(h.table_name, h.row_id, h.branch_id, h.action, h.changed_at, h.old_json, h.new_json, h.rev);
  }
  // A package row whose own revision is missing from its history still gets one entry, so merges can see it.
  if (!plan.history.some((h) => h.rev === plan.row.rev) && !known?.has(plan.row.rev)) {
    insert.run(plan.table, plan.row.id, plan.row.branch_id, 'import', String(plan.row.updated_at), null, logJson(plan.row), plan.row.rev);
  }
}

/** Keeps a conflict's losing version in the change log and gives the row a revision that follows both. */
function recordConflict(db: Sqlite, table: UserTableName, kept: StoredRow, lost: StoredRow): void {
  const at = nowIso();
  const rev = newRev();
  prepare(db, `UPDATE ${table} SET rev = ?, updated_at = ? WHERE id = ?`).run(rev, at, kept.id);
  logChange(db, table, kept.id, kept.branch_id, 'conflict', lost, kept, at, rev);
}

function applyConflict(db: Sqlite, plan: RowPlan, choice: Resolution, revs: Set<string> | undefined): void {
  const local = plan.local!;
  if (plan.action === 'duplicate') {
    // Both records stay; the one not chosen goes to the trash (first, so the two are never live together).
    const at = nowIso();
    if (choice === 'package') {
      prepare(db, `UPDATE ${plan.table} SET deleted_at = ? WHERE id = ?`).run(at, local.id);
      recordConflict(db, plan.table, { ...local, deleted_at: at }, local);
      writeRow(db, plan.table, withDerived(plan.table, plan.row), false);
      copyHistory(db, plan, revs);
    } else {
      writeRow(db, plan.table, withDerived(plan.table, { ...plan.row, deleted_at: at }), false);
      copyHistory(db, plan, revs);
      recordConflict(db, plan.table, { ...plan.row, deleted_at: at }, plan.row);
    }
    return;
  }
  if (choice === 'package') writeRow(db, plan.table, withDerived(plan.table, plan.row), true);
  copyHistory(db, plan, revs);
  recordConflict(db, plan.table, choice === 'package' ? plan.row : local, choice === 'package' ? local : plan.row);
}

export interface ImportResult {
  tables: Record<string, TableCounts>;
  conflictsResolved: number;
}

/** Writes the plan in one transaction. Call after a backup. */
export function applyImport(db: Sqlite, plan: ImportPlan, resolutions: Resolutions = {}, fileName = ''): ImportResult {
  const unresolved = plan.preview.conflicts.filter((c) => !(resolutions.byKey?.[c.key] ?? resolutions.all));
  if (unresolved.length) {
    throw new AppError('E_CONFLICT', `还有 ${unresolved.length} 处冲突没有选择保留哪一方（如“${unresolved[0]!.label}”）`);
  }
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    const revsByTable = new Map<string, Map<string, Set<string>>>();
    const halfway = Math.floor(plan.rows.length / 2);
    for (const [i, p] of plan.rows.entries()) {
      if (i === halfway) faultPoint('import.mid-transaction');
      if (p.action === 'unchanged' || p.action === 'local-newer') continue;
      if (!revsByTable.has(p.table)) revsByTable.set(p.table, localRevs(db, p.table));
      const revs = revsByTable.get(p.table)!.get(p.row.id);
      if (p.action === 'new' || p.action === 'update') {
        writeRow(db, p.table, withDerived(p.table, p.row), p.action === 'update');
        copyHistory(db, p, revs);
      } else {
        applyConflict(db, p, resolutions.byKey?.[`${p.table}:${p.row.id}`] ?? resolutions.all!, revs);
      }
    }
    const m = plan.preview.package;
    if (plan.preview.becomesLocalBranch) {
      run(db, qb.insertInto('app_meta').values({ key: 'local_branch_id', value: m.branch.id }));
    }
    prepare(
      db,
      `INSERT INTO handover_log (package_id, direction, branch_id, branch_name, package_created_at, at, summary_json,
         file_name, encrypted, created_by, period_from, period_to) VALUES (?, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      m.packageId, m.branch.id, m.branch.name, m.createdAt, nowIso(), JSON.stringify(plan.preview.tables),
      fileName, plan.encrypted ? 1 : 0, m.createdBy, m.period.from, m.period.to,
    );
  })();
  return { tables: plan.preview.tables, conflictsResolved: plan.preview.conflicts.length };
}
