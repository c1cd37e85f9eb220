import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/**
 * 民主评议党员 (issue 14): the follow-up of a 不合格 grade (domain.md 3.3) — 限期改正 with its deadline, 劝其退党 or
 * 除名 — with the date decided, its state and notes. One per campaign and member; it repeats the campaign's year.
 */
export const APPRAISAL_FOLLOWUPS_SCHEMA_VERSION = 10;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE appraisal_followups (
      ${commonColumnsSql('      ')},
      campaign_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      member_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('限期改正', '劝其退党', '除名')),
      decided_date TEXT NOT NULL,
      deadline TEXT,
      state TEXT NOT NULL DEFAULT '进行中' CHECK (state IN ('进行中', '已改正', '已处置')),
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (campaign_id) REFERENCES appraisal_campaigns(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX appraisal_followups_campaign ON appraisal_followups(campaign_id) WHERE deleted_at IS NULL;
    CREATE INDEX appraisal_followups_member ON appraisal_followups(member_id, year) WHERE deleted_at IS NULL;
  `);
}
