import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/** Code lists (字典): one table for every kind, items ordered within (branch, kind). Schema version 4. */
export const CODE_LISTS_SCHEMA_VERSION = 4;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE code_items (
      ${commonColumnsSql('      ')},
      kind TEXT NOT NULL,
      label TEXT NOT NULL,
      sort_order INTEGER NOT NULL DEFAULT 0,
      in_use INTEGER NOT NULL DEFAULT 1 CHECK (in_use IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX code_items_list ON code_items(branch_id, kind, sort_order) WHERE deleted_at IS NULL;
    CREATE INDEX code_items_kind ON code_items(branch_id, kind);
  `);
}
