import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/** Member development (发展党员): applicants and the steps recorded for them. */
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE applicants (
      ${commonColumnsSql('      ')},
      name TEXT NOT NULL,
      gender TEXT NOT NULL,
      ethnicity TEXT NOT NULL,
      id_number TEXT NOT NULL,
      birth_date TEXT NOT NULL,
      education TEXT NOT NULL,
      native_place TEXT NOT NULL DEFAULT '',
      political_status TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      work_unit TEXT NOT NULL DEFAULT '',
      post TEXT NOT NULL DEFAULT '',
      party_group_id TEXT,
      remark TEXT NOT NULL DEFAULT '',
      stage TEXT NOT NULL,
      member_id TEXT,
      cultivator_ids TEXT NOT NULL DEFAULT '[]',
      introducer_ids TEXT NOT NULL DEFAULT '[]',
      training_days INTEGER,
      training_hours INTEGER,
      terminated_date TEXT,
      termination_reason TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (party_group_id) REFERENCES party_groups(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX applicants_branch_stage ON applicants(branch_id, stage) WHERE deleted_at IS NULL;
    CREATE INDEX applicants_id_number ON applicants(branch_id, id_number);
    CREATE INDEX applicants_member ON applicants(member_id);

    CREATE TABLE applicant_steps (
      ${commonColumnsSql('      ')},
      applicant_id TEXT NOT NULL,
      step INTEGER NOT NULL,
      done_date TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (applicant_id) REFERENCES applicants(id)
    ) STRICT;
    CREATE INDEX applicant_steps_applicant ON applicant_steps(applicant_id, step);
    CREATE INDEX applicant_steps_date ON applicant_steps(branch_id, done_date);
  `);
}
