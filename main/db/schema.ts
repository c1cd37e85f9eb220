/**
 * Row types as stored (snake_case columns); Kysely types queries with them. Only the machinery's own
 * tables are here: each capability declares its tables in main/services/<capability>/tables.ts by
 * merging them into UserTables, so UserTableName follows from what the capabilities declare.
 */
import type { Generated } from 'kysely';

/** Columns every user table has: a UUID key, its owning branch, times, and the trash marker. */
export interface CommonColumns {
  id: string;
  branch_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Revision: a new random id on every write, also in the change log; hand-over compares revision histories. */
  rev: string;
}

/** One entry of the change log, as read back (and as carried in a hand-over package). */
export interface ChangeLogEntry {
  table_name: string;
  row_id: string;
  branch_id: string;
  action: string;
  changed_at: string;
  old_json: string | null;
  new_json: string | null;
  /** The revision this change produced. */
  rev: string;
}

export interface ChangeLogTable extends ChangeLogEntry {
  seq: Generated<number>;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

/** Hand-over trust (migration 5, docs/security.md): the signing key pinned for each branch. */
export interface BranchKeysTable {
  branch_id: string;
  public_key: string;
  fingerprint: string;
  pinned_at: string;
}

/** Key decisions: pinned, accepted-new-key, taken-over. */
export interface BranchKeyLogTable {
  id: Generated<number>;
  branch_id: string;
  branch_name: string;
  event: string;
  fingerprint: string;
  previous_fingerprint: string | null;
  package_id: string;
  at: string;
}

/** Per branch and row: the revision last received from that branch and last sent in its packages. */
export interface HandoverRevsTable {
  table_name: string;
  row_id: string;
  branch_id: string;
  received_rev: string | null;
  sent_rev: string | null;
}

/**
 * The user tables (rows with CommonColumns, registered in the table registry). Empty here: each
 * capability adds its own with `declare module '../../db/schema' { interface UserTables { ... } }`.
 */
export interface UserTables {}

export interface DB extends UserTables {
  change_log: ChangeLogTable;
  app_meta: AppMetaTable;
  branch_keys: BranchKeysTable;
  branch_key_log: BranchKeyLogTable;
  handover_revs: HandoverRevsTable;
}

export type UserTableName = keyof UserTables & string;
