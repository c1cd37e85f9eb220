/** SQL shared by migrations. What these produce is stored in sqlite_master: never change their output. */

/** The CommonColumns of every user table (schema.ts), one per line, each later line prefixed with `indent`. */
export function commonColumnsSql(indent: string): string {
  return [
    'id TEXT PRIMARY KEY NOT NULL',
    'branch_id TEXT NOT NULL',
    'created_at TEXT NOT NULL',
    'updated_at TEXT NOT NULL',
    'deleted_at TEXT',
    'rev TEXT NOT NULL',
  ].join(`,\n${indent}`);
}
