/**
 * The table registry: every user table is registered once. Trash, change history and (later)
 * hand-over, merge and the round-trip tests iterate over it, so a new capability only registers
 * its tables here.
 */
import type { FieldProblem } from '../../shared/domain/member';
import type { UserTableName } from './schema';

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
}

const registry = new Map<UserTableName, TableSpec>();

export function registerTable(spec: TableSpec): void {
  registry.set(spec.name, spec);
}

export function tableSpec(name: string): TableSpec | undefined {
  return registry.get(name as UserTableName);
}

/** Tables in dependency order. */
export function registeredTables(): TableSpec[] {
  const ordered: TableSpec[] = [];
  const visit = (spec: TableSpec) => {
    if (ordered.includes(spec)) return;
    for (const dep of spec.dependsOn) visit(registry.get(dep)!);
    ordered.push(spec);
  };
  for (const spec of registry.values()) visit(spec);
  return ordered;
}
