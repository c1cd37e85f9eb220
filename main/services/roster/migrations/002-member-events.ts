import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/** Status changes of members (转入, 转出, 转正, 延长预备期, 停止党籍, 恢复党籍, 出党, 去世) as dated events. */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE members ADD COLUMN probation_extension_months INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE member_events (
      ${commonColumnsSql('      ')},
      member_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      subtype TEXT NOT NULL DEFAULT '',
      event_date TEXT NOT NULL,
      meeting_date TEXT,
      doc_number TEXT NOT NULL DEFAULT '',
      counterpart TEXT NOT NULL DEFAULT '',
      months INTEGER,
      reason TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX member_events_member ON member_events(member_id, event_date);
  `);
}
