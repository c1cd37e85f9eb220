/**
 * The table registry: every user table is registered once, from its capability's tables.ts. The
 * trash, the change history, hand-over (export, read, merge) and the round-trip tests iterate over
 * it and read its hooks, so they name no capability's tables or columns.
 */
import type { FieldProblem } from '../../shared/domain/member';
import { storedRow, type Sqlite, type StoredRow } from './query';
import type { UserTableName } from './schema';

/** Columns that identify one live row among a table's live rows (besides its id). */
export interface UniqueKey {
  columns: string[];
  /** Chinese phrase for a clash, followed by the existing row's description, e.g. 名册中已有身份证号相同的党员. */
  clash: string;
}

export interface TableSpec {
  name: UserTableName;
  /** Chinese name shown in the trash and in messages. */
  label: string;
  /** What a row is called in the trash (e.g. the member's name). */
  describe(row: Record<string, unknown>): string;
  /** Tables whose rows must exist before this one's (foreign keys), for ordered imports. */
  dependsOn: UserTableName[];
  /** Columns masked when shown in history (personal data). */
  maskedColumns?: string[];
  /** Chinese labels of columns, for the history view. */
  columnLabels?: Record<string, string>;
  /** Columns holding ids of rows in other tables (besides branch_id, which every table has). */
  references?: { column: string; table: UserTableName }[];
  /** A date column that a hand-over period selects rows by; tables without one travel whole. */
  periodColumn?: string;
  /** Domain checks of a stored row arriving from outside (hand-over packages). */
  validateRow?(row: Record<string, unknown>): FieldProblem[];
  /** Names of the columns deriveColumns computes (kept out of the change log). */
  derivedColumns?: string[];
  /** Columns computed from others (search keys): recomputed on import, never trusted. */
  deriveColumns?(row: Record<string, unknown>): Record<string, unknown>;
  /**
   * The table of the branches themselves: a row is a branch, whose id every row's branch_id holds.
   * Hand-over selects its row by id and checks every row's branch against it. Exactly one table.
   */
  isBranch?: boolean;
  /** false: rows of this table are never listed in, nor restored from, the trash. */
  inTrash?: boolean;
  /** At most one live row per value of these columns: a restore that would clash is refused, a package row that clashes is a duplicate. */
  uniqueKeys?: UniqueKey[];
  /** Runs in the restore's transaction, before the row leaves the trash (e.g. drop a link to a row still in the trash). */
  beforeRestore?(db: Sqlite, row: Record<string, unknown>): void;
  /** A stored value (not null, not masked) as the history shows it, e.g. a code as its label. */
  showValue?(db: Sqlite, column: string, value: unknown): unknown;
}

let provided: Map<UserTableName, TableSpec> | undefined;

/** Called once by main/capabilities.ts with every capability's tables; a table named twice throws. */
export function provideTables(specs: readonly TableSpec[]): void {
  const map = new Map<UserTableName, TableSpec>();
  for (const spec of specs) {
    if (map.has(spec.name)) throw new Error(`tables: "${spec.name}" is declared twice`);
    map.set(spec.name, spec);
  }
  provided = map;
}

function tables(): Map<UserTableName, TableSpec> {
  if (!provided) throw new Error('tables: main/capabilities.ts has not been loaded');
  return provided;
}

export function tableSpec(name: string): TableSpec | undefined {
  return tables().get(name as UserTableName);
}

/** The table whose rows are the branches (see TableSpec.isBranch). */
export function branchTable(): TableSpec {
  const spec = [...tables().values()].find((t) => t.isBranch);
  if (!spec) throw new Error('No table is registered as the branch table');
  return spec;
}

/** The live row, other than `row` itself, that has the same values in one of the table's unique keys. */
export function uniqueClash(
  db: Sqlite,
  spec: TableSpec,
  row: Record<string, unknown>,
): { key: UniqueKey; existing: StoredRow } | undefined {
  for (const key of spec.uniqueKeys ?? []) {
    const where = key.columns.map((c) => `${c} = ?`).join(' AND ');
    const existing = storedRow(db, `SELECT * FROM ${spec.name} WHERE ${where} AND deleted_at IS NULL AND id <> ?`, ...key.columns.map((c) => row[c]), row.id);
    if (existing) return { key, existing };
  }
  return undefined;
}

/** Tables in dependency order. */
export function registeredTables(): TableSpec[] {
  const ordered: TableSpec[] = [];
  const visit = (spec: TableSpec) => {
    if (ordered.includes(spec)) return;
    for (const dep of spec.dependsOn) visit(tables().get(dep)!);
    ordered.push(spec);
  };
  for (const spec of tables().values()) visit(spec);
  return ordered;
}
