import type Database from 'better-sqlite3';

/**
 * The hand-over log says what each package was: its file name, whether it was encrypted, who handed it
 * over and the period it covers (row counts stay in summary_json). Older rows keep '' / NULL. Schema version 5.
 */
export const HANDOVER_LOG_SCHEMA_VERSION = 5;

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE handover_log ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE handover_log ADD COLUMN encrypted INTEGER CHECK (encrypted IN (0, 1));
    ALTER TABLE handover_log ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE handover_log ADD COLUMN period_from TEXT;
    ALTER TABLE handover_log ADD COLUMN period_to TEXT;
  `);
}
