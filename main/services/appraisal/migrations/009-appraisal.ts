import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/**
 * 民主评议党员 (issue 14): a campaign per year with its stages, ballots issued and rules; the members appraised
 * (exclusions with reasons; 预备党员 take part ungraded); ballot sheets (one row per entry: 1, and 2 with double
 * entry); their marks (sheet × member → grade 1–4); the grades decided. Child rows repeat the campaign's year.
 */
export const APPRAISAL_SCHEMA_VERSION = 9;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE appraisal_campaigns (
      ${commonColumnsSql('      ')},
      year INTEGER NOT NULL,
      stages_json TEXT NOT NULL DEFAULT '[]',
      issued_members INTEGER NOT NULL DEFAULT 0 CHECK (issued_members >= 0),
      issued_masses INTEGER NOT NULL DEFAULT 0 CHECK (issued_masses >= 0),
      double_entry INTEGER NOT NULL DEFAULT 0 CHECK (double_entry IN (0, 1)),
      excellent_cap_num INTEGER NOT NULL DEFAULT 1,
      excellent_cap_den INTEGER NOT NULL DEFAULT 3 CHECK (excellent_cap_den > 0),
      unqualified_pct INTEGER NOT NULL DEFAULT 50,
      basic_pct INTEGER NOT NULL DEFAULT 30,
      excellent_pct INTEGER NOT NULL DEFAULT 50,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX appraisal_campaigns_year ON appraisal_campaigns(branch_id, year) WHERE deleted_at IS NULL;

    CREATE TABLE appraisal_members (
      ${commonColumnsSql('      ')},
      campaign_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      member_id TEXT NOT NULL,
      name TEXT NOT NULL,
      category TEXT NOT NULL,
      excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
      exclusion_reason TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (campaign_id) REFERENCES appraisal_campaigns(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX appraisal_members_campaign ON appraisal_members(campaign_id, sort_order);
    CREATE INDEX appraisal_members_member ON appraisal_members(member_id) WHERE deleted_at IS NULL;

    CREATE TABLE appraisal_sheets (
      ${commonColumnsSql('      ')},
      campaign_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      serial TEXT NOT NULL,
      entry INTEGER NOT NULL CHECK (entry IN (1, 2)),
      voter_type TEXT NOT NULL,
      spoilt INTEGER NOT NULL DEFAULT 0 CHECK (spoilt IN (0, 1)),
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (campaign_id) REFERENCES appraisal_campaigns(id)
    ) STRICT;
    CREATE INDEX appraisal_sheets_campaign ON appraisal_sheets(campaign_id, serial, entry) WHERE deleted_at IS NULL;

    CREATE TABLE appraisal_marks (
      ${commonColumnsSql('      ')},
      sheet_id TEXT NOT NULL,
      campaign_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      member_id TEXT NOT NULL,
      grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (sheet_id) REFERENCES appraisal_sheets(id),
      FOREIGN KEY (campaign_id) REFERENCES appraisal_campaigns(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX appraisal_marks_sheet ON appraisal_marks(sheet_id) WHERE deleted_at IS NULL;
    CREATE INDEX appraisal_marks_campaign ON appraisal_marks(campaign_id, member_id) WHERE deleted_at IS NULL;

    CREATE TABLE appraisal_grades (
      ${commonColumnsSql('      ')},
      campaign_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      member_id TEXT NOT NULL,
      grade TEXT NOT NULL,
      proposed TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (campaign_id) REFERENCES appraisal_campaigns(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX appraisal_grades_campaign ON appraisal_grades(campaign_id) WHERE deleted_at IS NULL;
    CREATE INDEX appraisal_grades_member ON appraisal_grades(member_id, year) WHERE deleted_at IS NULL;
  `);
}
