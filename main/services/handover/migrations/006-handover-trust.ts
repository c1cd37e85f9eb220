import type Database from 'better-sqlite3';
import { newSigningKey, SIGNING_KEY_META } from '../keys';

/**
 * The package trust model (docs/security.md): this installation's signing key, the key pinned for
 * each branch, a log of key decisions, and per branch the revision of each row last received from
 * it and last sent in its packages. None of these tables travels in a package. Schema version 5.
 */
export const HANDOVER_TRUST_SCHEMA_VERSION = 6;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE branch_keys (
      branch_id TEXT PRIMARY KEY NOT NULL,
      public_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      pinned_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE branch_key_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      branch_id TEXT NOT NULL,
      branch_name TEXT NOT NULL,
      event TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      previous_fingerprint TEXT,
      package_id TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE handover_revs (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      branch_id TEXT NOT NULL,
      received_rev TEXT,
      sent_rev TEXT,
      PRIMARY KEY (table_name, row_id, branch_id)
    ) STRICT, WITHOUT ROWID;
  `);
  // Made here, not on first export, so that a copy of the database (a backup, a second computer) signs as the same installation.
  db.prepare('INSERT OR IGNORE INTO app_meta (key, value) VALUES (?, ?)').run(SIGNING_KEY_META, newSigningKey());
}
