/**
 * Writing rows of registered tables: every insert, update, delete (to the trash) and restore
 * goes through here and is written to the change log in the same transaction.
 */
import { AppError } from '../../shared/contract/errors';
import type { CommonColumns, DB, UserTableName } from './schema';
import type { Statement } from 'better-sqlite3';
import { nowIso, prepare, type Sqlite } from './query';
import { tableSpec } from './registry';
import { logJson } from './blobs';

type Row<T extends UserTableName> = DB[T];
/** import: a row taken from a package; conflict: a merge, the version not taken kept as old_json. */
export type ChangeAction = 'insert' | 'update' | 'delete' | 'restore' | 'import' | 'conflict';

export function logChange(
  db: Sqlite,
  table: UserTableName,
  rowId: string,
  branchId: string,
  action: ChangeAction,
  before: object | null,
  after: object | null,
  at: string,
  rev: string,
): void {
  prepare(
    db,
    'INSERT INTO change_log (table_name, row_id, branch_id, action, changed_at, old_json, new_json, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(table, rowId, branchId, action, at, before ? logJson(before) : null, after ? logJson(after) : null, rev);
}

export function newRev(): string {
  return crypto.randomUUID();
}

function columnsOf(row: object): string[] {
  return Object.keys(row);
}

export function getRow<T extends UserTableName>(db: Sqlite, table: T, id: string): Row<T> | undefined {
  return prepare(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row<T> | undefined;
}

interface InsertStatement {
  cols: string[];
  stmt: Statement;
}

/**
 * The last insert statement per table and connection: bulk imports insert rows of one shape. A measured
 * hot path (docs/performance.md, "store layer alone": 0.31 s for 10,000 members, 0.57x raw speed), so it
 * stays a prepared statement rather than a kysely query (docs/capabilities.md, "Queries").
 */
const insertStatements = new WeakMap<Sqlite, Map<string, InsertStatement>>();

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function insertStatement(db: Sqlite, table: UserTableName, cols: string[]): Statement {
  let byTable = insertStatements.get(db);
  if (!byTable) insertStatements.set(db, (byTable = new Map()));
  let entry = byTable.get(table);
  if (!entry || !sameColumns(entry.cols, cols)) {
    entry = { cols, stmt: prepare(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`) };
    byTable.set(table, entry);
  }
  return entry.stmt;
}

function insertValues<T extends UserTableName>(db: Sqlite, table: T, row: Row<T>): void {
  const cols = columnsOf(row);
  const values = new Array<unknown>(cols.length);
  for (let i = 0; i < cols.length; i++) values[i] = (row as unknown as Record<string, unknown>)[cols[i]!];
  insertStatement(db, table, cols).run(values);
}

/** An insert is logged with the values entered: not the columns derived from them, nor empty ones. */
function logInsert<T extends UserTableName>(db: Sqlite, table: T, row: Row<T>): void {
  const derived = tableSpec(table)?.derivedColumns;
  const entered: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== '' && !derived?.includes(k)) entered[k] = v;
  logChange(db, table, row.id, row.branch_id, 'insert', null, entered, row.created_at, row.rev);
}

export function insertRow<T extends UserTableName>(db: Sqlite, table: T, row: Row<T>): Row<T> {
  insertValues(db, table, row);
  logInsert(db, table, row);
  return row;
}

/**
 * Inserts many rows of one table in one transaction, each logged as insertRow logs it. The rows go
 * in first and their log entries after them: writing each table's pages in one run is markedly
 * faster for bulk imports than alternating between the table and the log.
 */
export function insertRows<T extends UserTableName>(
  db: Sqlite,
  table: T,
  rows: readonly Row<T>[],
  onProgress?: (done: number, total: number) => void,
): void {
  db.transaction(() => {
    rows.forEach((row, i) => {
      insertValues(db, table, row);
      if (onProgress && (i + 1) % 1000 === 0) onProgress(i + 1, rows.length);
    });
    for (const row of rows) logInsert(db, table, row);
  })();
}

/** Updates the given columns; logs only what changed. Returns the row after the update. */
export function updateRow<T extends UserTableName>(
  db: Sqlite,
  table: T,
  id: string,
  patch: Partial<Row<T>>,
  expectedUpdatedAt?: string,
): Row<T> {
  const before = getRow(db, table, id);
  if (!before || before.deleted_at) throw new AppError('E_NOT_FOUND', `要修改的${tableSpec(table)?.label ?? '记录'}不存在或已被删除`);
  if (expectedUpdatedAt && before.updated_at !== expectedUpdatedAt) {
    throw new AppError('E_CONFLICT', '这条记录已在别处被修改，请关闭后重新打开再修改');
  }
  const changed = Object.keys(patch).filter(
    (k) => (patch as Record<string, unknown>)[k] !== (before as unknown as Record<string, unknown>)[k],
  );
  if (changed.length === 0) return before;
  const at = nowIso();
  const rev = newRev();
  const sets = [...changed, 'updated_at', 'rev'];
  const values = [...changed.map((k) => (patch as Record<string, unknown>)[k]), at, rev];
  prepare(db, `UPDATE ${table} SET ${sets.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
  const oldPart = Object.fromEntries(changed.map((k) => [k, (before as unknown as Record<string, unknown>)[k]]));
  const newPart = Object.fromEntries(changed.map((k) => [k, (patch as Record<string, unknown>)[k]]));
  logChange(db, table, id, before.branch_id, 'update', oldPart, newPart, at, rev);
  return { ...before, ...patch, updated_at: at, rev };
}

export function trashRow(db: Sqlite, table: UserTableName, id: string): void {
  const before = getRow(db, table, id) as CommonColumns | undefined;
  if (!before || before.deleted_at) throw new AppError('E_NOT_FOUND', `要删除的${tableSpec(table)?.label ?? '记录'}不存在或已在回收站中`);
  const at = nowIso();
  const rev = newRev();
  prepare(db, `UPDATE ${table} SET deleted_at = ?, updated_at = ?, rev = ? WHERE id = ?`).run(at, at, rev, id);
  logChange(db, table, id, before.branch_id, 'delete', { deleted_at: null }, { deleted_at: at }, at, rev);
}

export function restoreRow(db: Sqlite, table: UserTableName, id: string): void {
  const before = getRow(db, table, id) as CommonColumns | undefined;
  if (!before || !before.deleted_at) throw new AppError('E_NOT_FOUND', '回收站中没有这条记录');
  const at = nowIso();
  const rev = newRev();
  prepare(db, `UPDATE ${table} SET deleted_at = NULL, updated_at = ?, rev = ? WHERE id = ?`).run(at, rev, id);
  logChange(db, table, id, before.branch_id, 'restore', { deleted_at: before.deleted_at }, { deleted_at: null }, at, rev);
}

export interface CommonValues {
  id: string;
  branch_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: null;
  rev: string;
}

export function newCommon(branchId: string, id: string = crypto.randomUUID()): CommonValues {
  const at = nowIso();
  return { id, branch_id: branchId, created_at: at, updated_at: at, deleted_at: null, rev: newRev() };
}
