import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/**
 * 党内汇报制度 (issue 12): members' and activists' reports to the branch (思想汇报, 工作汇报), each naming a member of
 * the roster or an applicant of the pipeline, and the branch's own rhythm per reporter role (quarterly by default).
 */
export const MEMBER_REPORTS_SCHEMA_VERSION = 11;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE member_reports (
      ${commonColumnsSql('      ')},
      kind TEXT NOT NULL,
      report_date TEXT NOT NULL,
      member_id TEXT,
      applicant_id TEXT,
      person_name TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      summary TEXT NOT NULL DEFAULT '',
      comment TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (member_id) REFERENCES members(id),
      FOREIGN KEY (applicant_id) REFERENCES applicants(id)
    ) STRICT;
    CREATE INDEX member_reports_branch_date ON member_reports(branch_id, report_date) WHERE deleted_at IS NULL;
    CREATE INDEX member_reports_member ON member_reports(member_id) WHERE deleted_at IS NULL;
    CREATE INDEX member_reports_applicant ON member_reports(applicant_id) WHERE deleted_at IS NULL;

    CREATE TABLE report_rhythms (
      ${commonColumnsSql('      ')},
      role TEXT NOT NULL,
      frequency TEXT NOT NULL,
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX report_rhythms_role ON report_rhythms(branch_id, role);
  `);
}
