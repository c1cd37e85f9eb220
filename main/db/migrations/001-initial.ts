import type Database from 'better-sqlite3';
import { commonColumnsSql } from './common';

/** Spans the core, branch and roster tables: it predates migrations named for a capability. */
const common = `
  ${commonColumnsSql('  ')}`;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE app_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;

    CREATE TABLE branches (${common},
      name TEXT NOT NULL,
      parent_committee TEXT NOT NULL DEFAULT '',
      founded_date TEXT,
      address TEXT NOT NULL DEFAULT '',
      officers_json TEXT NOT NULL DEFAULT '[]'
    ) STRICT;

    CREATE TABLE party_groups (${common},
      name TEXT NOT NULL,
      leader_member_id TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX party_groups_branch ON party_groups(branch_id);

    CREATE TABLE members (${common},
      name TEXT NOT NULL,
      gender TEXT NOT NULL,
      ethnicity TEXT NOT NULL,
      id_number TEXT NOT NULL,
      birth_date TEXT NOT NULL,
      education TEXT NOT NULL,
      native_place TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL,
      application_date TEXT,
      join_date TEXT NOT NULL,
      full_date TEXT,
      job_category TEXT NOT NULL DEFAULT '',
      work_unit TEXT NOT NULL DEFAULT '',
      post TEXT NOT NULL DEFAULT '',
      party_post TEXT NOT NULL DEFAULT '',
      party_group_id TEXT,
      phone TEXT NOT NULL DEFAULT '',
      landline TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT '正常',
      lost_contact INTEGER NOT NULL DEFAULT 0,
      lost_contact_date TEXT,
      mobile_member INTEGER NOT NULL DEFAULT 0,
      mobile_destination TEXT NOT NULL DEFAULT '',
      remark TEXT NOT NULL DEFAULT '',
      name_pinyin TEXT NOT NULL DEFAULT '',
      search_text TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (party_group_id) REFERENCES party_groups(id)
    ) STRICT;
    -- Covers counting a search (the total of the roster screen) without touching the table.
    CREATE INDEX members_branch_status ON members(branch_id, status, search_text) WHERE deleted_at IS NULL;
    CREATE INDEX members_group ON members(party_group_id);
    -- Cover the roster search: scanned in name order (name_pinyin, then search_text, which starts with
    -- the name and holds the ID number, then rowid) without touching the table. The active roster (the
    -- default view) has its own smaller index; its WHERE must match searchMembers' filter text.
    CREATE INDEX members_active_roster ON members(branch_id, name_pinyin, search_text)
      WHERE deleted_at IS NULL AND status IN ('正常', '停止党籍');
    CREATE INDEX members_roster ON members(branch_id, name_pinyin, search_text, status) WHERE deleted_at IS NULL;
    CREATE UNIQUE INDEX members_branch_id_number ON members(branch_id, id_number) WHERE deleted_at IS NULL;

    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY, -- rows are never deleted, so no AUTOINCREMENT (it costs a write per row)
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      branch_id TEXT NOT NULL,
      action TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      old_json TEXT,
      new_json TEXT,
      rev TEXT NOT NULL
    ) STRICT;
    CREATE INDEX change_log_row ON change_log(table_name, row_id);

    -- Packages made and taken in, for the hand-over screen (not itself handed over).
    CREATE TABLE handover_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      package_id TEXT NOT NULL,
      direction TEXT NOT NULL,
      branch_id TEXT NOT NULL,
      branch_name TEXT NOT NULL,
      package_created_at TEXT NOT NULL,
      at TEXT NOT NULL,
      summary_json TEXT NOT NULL
    ) STRICT;
  `);
}
