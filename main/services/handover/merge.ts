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
import { branchTable, registeredTables, tableSpec, type UniqueKey } from '../../db/registry';
import { logChange, newRev } from '../../db/rows';
import { logJson, sameStoredValue, shownValue } from '../../db/blobs';
import type { ChangeLogEntry, UserTableName } from '../../db/schema';
import { localBranchId } from '../branch/branch';
import { PackageError } from './errors';
import { checkEndState, keyIndexes, keyValue, type FinalRow, type KeyIndex } from './unique';
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

/**
 * The live local row that clashes with a new package row on one of the table's unique keys. A local row the
 * package replaces by its own version (`replaced`) does not count: that version is checked with the package's rows.
 */
function duplicateOf(db: Sqlite, table: string, row: StoredRow, replaced: Set<string>, indexOf: (key: UniqueKey) => KeyIndex): StoredRow | undefined {
  if (row.deleted_at) return undefined;
  for (const key of tableSpec(table)?.uniqueKeys ?? []) {
    const clash = indexOf(key).get(keyValue(key, row))?.find((id) => id !== row.id && !replaced.has(id));
    if (clash !== undefined) return storedRow(db, `SELECT * FROM ${table} WHERE id = ?`, clash);
  }
  return undefined;
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

/** The choice for a conflict: its own, else the one for all. */
function choiceFor(p: RowPlan, resolutions: Resolutions): Resolution | null | undefined {
  return resolutions.byKey?.[`${p.table}:${p.row.id}`] ?? resolutions.all;
}

/** Whether the package's version of a row replaces the local one (which may hold another unique key until then). */
function replacesLocal(p: RowPlan, choice: Resolution | null | undefined): boolean {
  return p.action === 'update' || (p.action === 'conflict' && choice === 'package');
}

/**
 * The end state of each table must keep every unique key the registry declares (see checkEndState), with the
 * conflicts resolved as chosen. The dry run, which has no choices yet, checks it with the package's version taken.
 */
export function checkUniqueEndState(db: Sqlite, plan: ImportPlan, resolutions: Resolutions): void {
  const byTable = new Map<string, RowPlan[]>();
  for (const p of plan.rows) {
    const plans = byTable.get(p.table);
    if (plans) plans.push(p);
    else byTable.set(p.table, [p]);
  }
  for (const [table, plans] of byTable) {
    if (!tableSpec(table)?.uniqueKeys?.length) continue;
    const finals: FinalRow[] = [];
    const touched = new Set<string>();
    for (const p of plans) {
      const choice = choiceFor(p, resolutions);
      touched.add(p.row.id);
      if (p.action === 'duplicate') {
        // package: the local record goes to the trash; local: the package's record arrives in the trash.
        if (choice === 'package') touched.add(String(p.local!.id));
        finals.push({ row: choice === 'package' ? p.row : { ...p.row, deleted_at: String(p.row.updated_at) }, fromPackage: true });
      } else if (p.action === 'new' || replacesLocal(p, choice)) finals.push({ row: p.row, fromPackage: true });
      else finals.push({ row: p.local!, fromPackage: false });
    }
    checkEndState(db, table, finals, touched, keyIndexes(db, table, plan.preview.package.branch.id));
  }
}

/**
 * Frees the unique keys of local rows the package replaces with other keys (or deletes), before any row is written:
 * a unique index is checked row by row, so two rows swapping a key would clash halfway. Each of these rows is
 * written again right after, with the package's own deleted_at.
 */
function freeReplacedKeys(db: Sqlite, plan: ImportPlan, resolutions: Resolutions, at: string): void {
  for (const p of plan.rows) {
    const keys = tableSpec(p.table)?.uniqueKeys ?? [];
    if (!keys.length || !p.local || p.local.deleted_at || !replacesLocal(p, choiceFor(p, resolutions))) continue;
    const changes = !!p.row.deleted_at || keys.some((k) => k.columns.some((c) => p.row[c] !== p.local![c]));
    if (changes) prepare(db, `UPDATE ${p.table} SET deleted_at = ? WHERE id = ?`).run(at, p.row.id);
  }
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
    const classified = pkgRows.map((row) => {
      const history = histories.get(`${spec.name}:${row.id}`) ?? [];
      const local = storedRow(db, `SELECT * FROM ${spec.name} WHERE id = ?`, row.id);
      // The package's history counts only where this database can vouch for the local revision it claims to follow.
      const theirs = local && !vouched(spec.name, row.id, local.rev) ? new Set([row.rev]) : new Set([row.rev, ...history.map((h) => h.rev)]);
      return { row, local, history, action: classify(local, row, revs.get(row.id), theirs) };
    });
    const replaced = new Set(classified.filter((c) => c.action === 'update' || c.action === 'unchanged').map((c) => c.row.id));
    const indexOf = keyIndexes(db, spec.name, pkg.manifest.branch.id);
    for (const { row, local, history, action: classifiedAs } of classified) {
      let action = classifiedAs;
      const duplicate = action === 'new' ? duplicateOf(db, spec.name, row, replaced, indexOf) : undefined;
      if (duplicate) action = 'duplicate';
      const other = local ?? duplicate;
      rows.push({ table: spec.name, action, row, local: other, history });
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
  }
  const plan: ImportPlan = {
    rows,
    encrypted: pkg.encrypted,
    preview: { package: pkg.manifest, trust, tables, conflicts, becomesLocalBranch, encrypted: pkg.encrypted },
  };
  checkUniqueEndState(db, plan, { all: 'package' });
  return plan;
}

// ---- apply ----

export interface Resolutions {
  /** For every conflict without its own choice. */
  all?: Resolution | null;
  byKey?: Record<string, Resolution>;
}

/** Each table's columns, read once per import: needed for every row written, and a pragma is prepared anew at each call. */
type Columns = (table: string) => string[];

function columnsOnce(db: Sqlite): Columns {
  const byTable = new Map<string, string[]>();
  return (table) => {
    let columns = byTable.get(table);
    if (!columns) byTable.set(table, (columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)));
    return columns;
  };
}

function withDerived(table: string, row: StoredRow): StoredRow {
  return { ...row, ...(tableSpec(table)?.deriveColumns?.(row) ?? {}) } as StoredRow;
}

function writeRow(db: Sqlite, columns: Columns, table: string, row: StoredRow, exists: boolean): void {
  const cols = columns(table).filter((c) => c in row); // columns a package from an older schema lacks keep their defaults
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

function applyConflict(db: Sqlite, columns: Columns, plan: RowPlan, choice: Resolution, revs: Set<string> | undefined): void {
  const local = plan.local!;
  if (plan.action === 'duplicate') {
    // Both records stay; the one not chosen goes to the trash (first, so the two are never live together).
    const at = nowIso();
    if (choice === 'package') {
      prepare(db, `UPDATE ${plan.table} SET deleted_at = ? WHERE id = ?`).run(at, local.id);
      recordConflict(db, plan.table, { ...local, deleted_at: at }, local);
      writeRow(db, columns, plan.table, withDerived(plan.table, plan.row), false);
      copyHistory(db, plan, revs);
    } else {
      writeRow(db, columns, plan.table, withDerived(plan.table, { ...plan.row, deleted_at: at }), false);
      copyHistory(db, plan, revs);
      recordConflict(db, plan.table, { ...plan.row, deleted_at: at }, plan.row);
    }
    return;
  }
  if (choice === 'package') writeRow(db, columns, plan.table, withDerived(plan.table, plan.row), true);
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
    freeReplacedKeys(db, plan, resolutions, nowIso());
    const columns = columnsOnce(db);
    const revsByTable = new Map<string, Map<string, Set<string>>>();
    const halfway = Math.floor(plan.rows.length / 2);
    for (const [i, p] of plan.rows.entries()) {
      if (i === halfway) faultPoint('import.mid-transaction');
      if (p.action === 'unchanged' || p.action === 'local-newer') continue;
      if (!revsByTable.has(p.table)) revsByTable.set(p.table, localRevs(db, p.table));
      const revs = revsByTable.get(p.table)!.get(p.row.id);
      if (p.action === 'new' || p.action === 'update') {
        writeRow(db, columns, p.table, withDerived(p.table, p.row), p.action === 'update');
        copyHistory(db, p, revs);
      } else {
        applyConflict(db, columns, p, choiceFor(p, resolutions)!, revs);
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
