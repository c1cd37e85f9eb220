import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/**
 * Target management (目标管理, issue 13): the yearly plan, post templates, responsibility letters, assessments,
 * demonstration zones and their records, tackling projects and their notes, commendations and the branch's own
 * letter. Item lists are JSON arrays of items with stable keys (shared/domain/targets.ts), saved as a whole.
 * Schema version 8.
 */
export const TARGETS_SCHEMA_VERSION = 8;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE target_plans (
      ${commonColumnsSql('      ')},
      year INTEGER NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      items_json TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX target_plans_year ON target_plans(branch_id, year);

    CREATE TABLE post_templates (
      ${commonColumnsSql('      ')},
      post TEXT NOT NULL,
      items_json TEXT NOT NULL DEFAULT '[]',
      assessment_method TEXT NOT NULL DEFAULT '',
      reward_rules_json TEXT NOT NULL DEFAULT '[]',
      other_terms TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX post_templates_post ON post_templates(branch_id, post);

    CREATE TABLE target_letters (
      ${commonColumnsSql('      ')},
      year INTEGER NOT NULL,
      member_id TEXT NOT NULL,
      template_id TEXT,
      member_name TEXT NOT NULL,
      post TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      secretary TEXT NOT NULL DEFAULT '',
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      items_json TEXT NOT NULL DEFAULT '[]',
      assessment_method TEXT NOT NULL DEFAULT '',
      reward_rules_json TEXT NOT NULL DEFAULT '[]',
      other_terms TEXT NOT NULL DEFAULT '',
      adjusted INTEGER NOT NULL DEFAULT 0 CHECK (adjusted IN (0, 1)),
      adjusted_at TEXT,
      signed_date TEXT,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (member_id) REFERENCES members(id),
      FOREIGN KEY (template_id) REFERENCES post_templates(id)
    ) STRICT;
    CREATE INDEX target_letters_year ON target_letters(branch_id, year) WHERE deleted_at IS NULL;
    CREATE INDEX target_letters_member ON target_letters(member_id, year);
    CREATE INDEX target_letters_template ON target_letters(template_id);

    CREATE TABLE target_assessments (
      ${commonColumnsSql('      ')},
      letter_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      period TEXT NOT NULL CHECK (period IN ('mid', 'final')),
      scores_json TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      assessed_date TEXT,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (letter_id) REFERENCES target_letters(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX target_assessments_year ON target_assessments(branch_id, year, period) WHERE deleted_at IS NULL;
    CREATE INDEX target_assessments_letter ON target_assessments(letter_id, period);
    CREATE INDEX target_assessments_member ON target_assessments(member_id);

    CREATE TABLE target_zones (
      ${commonColumnsSql('      ')},
      name TEXT NOT NULL,
      member_id TEXT NOT NULL,
      scope_equipment TEXT NOT NULL DEFAULT '',
      scope_area TEXT NOT NULL DEFAULT '',
      scope_crew TEXT NOT NULL DEFAULT '',
      commitments TEXT NOT NULL DEFAULT '',
      start_date TEXT NOT NULL,
      end_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX target_zones_branch ON target_zones(branch_id) WHERE deleted_at IS NULL;
    CREATE INDEX target_zones_member ON target_zones(member_id);

    CREATE TABLE target_zone_records (
      ${commonColumnsSql('      ')},
      zone_id TEXT NOT NULL,
      record_date TEXT NOT NULL,
      content TEXT NOT NULL,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (zone_id) REFERENCES target_zones(id)
    ) STRICT;
    CREATE INDEX target_zone_records_zone ON target_zone_records(zone_id, record_date);
    CREATE INDEX target_zone_records_date ON target_zone_records(branch_id, record_date);

    CREATE TABLE target_projects (
      ${commonColumnsSql('      ')},
      title TEXT NOT NULL,
      problem TEXT NOT NULL DEFAULT '',
      leader_id TEXT NOT NULL,
      member_ids TEXT NOT NULL DEFAULT '[]',
      start_date TEXT NOT NULL,
      planned_end TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT '进行中',
      finished_date TEXT,
      outcome TEXT NOT NULL DEFAULT '',
      benefit_yuan INTEGER,
      benefit_days INTEGER,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (leader_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX target_projects_branch ON target_projects(branch_id, start_date) WHERE deleted_at IS NULL;
    CREATE INDEX target_projects_leader ON target_projects(leader_id);

    CREATE TABLE target_project_notes (
      ${commonColumnsSql('      ')},
      project_id TEXT NOT NULL,
      note_date TEXT NOT NULL,
      content TEXT NOT NULL,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (project_id) REFERENCES target_projects(id)
    ) STRICT;
    CREATE INDEX target_project_notes_project ON target_project_notes(project_id, note_date);
    CREATE INDEX target_project_notes_date ON target_project_notes(branch_id, note_date);

    CREATE TABLE target_commendations (
      ${commonColumnsSql('      ')},
      member_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      title TEXT NOT NULL,
      basis TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT '拟推荐',
      decided_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX target_commendations_year ON target_commendations(branch_id, year) WHERE deleted_at IS NULL;
    CREATE INDEX target_commendations_member ON target_commendations(member_id);

    CREATE TABLE target_branch_letters (
      ${commonColumnsSql('      ')},
      year INTEGER NOT NULL,
      committee TEXT NOT NULL DEFAULT '',
      items_json TEXT NOT NULL DEFAULT '[]',
      assessment_method TEXT NOT NULL DEFAULT '',
      rewards_text TEXT NOT NULL DEFAULT '',
      other_terms TEXT NOT NULL DEFAULT '',
      signed_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX target_branch_letters_year ON target_branch_letters(branch_id, year);
  `);
}
