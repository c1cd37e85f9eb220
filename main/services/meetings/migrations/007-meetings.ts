import type Database from 'better-sqlite3';
import { commonColumnsSql } from '../../../db/migrations/common';

/**
 * 三会一课 and talks (issue 12): meeting records, their attendance, their earlier final versions, their
 * attachments (BLOB), talks / home visits, and the branch's own required frequencies (党课 quarterly by default). The child tables repeat the meeting's date so that a
 * hand-over by period carries them with their meeting.
 */
export const MEETINGS_SCHEMA_VERSION = 7;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE meetings (
      ${commonColumnsSql('      ')},
      kind TEXT NOT NULL,
      group_id TEXT,
      also_counts TEXT NOT NULL DEFAULT '[]',
      title TEXT NOT NULL,
      meeting_date TEXT NOT NULL,
      start_time TEXT NOT NULL DEFAULT '',
      end_time TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      host_member_id TEXT,
      host_name TEXT NOT NULL DEFAULT '',
      recorder_member_id TEXT,
      recorder_name TEXT NOT NULL DEFAULT '',
      lecturer TEXT NOT NULL DEFAULT '',
      class_hours INTEGER NOT NULL DEFAULT 0,
      topics_json TEXT NOT NULL DEFAULT '[]',
      content TEXT NOT NULL DEFAULT '',
      speeches_json TEXT NOT NULL DEFAULT '[]',
      resolutions_json TEXT NOT NULL DEFAULT '[]',
      guests_json TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'draft',
      version INTEGER NOT NULL DEFAULT 0,
      finalized_at TEXT,
      amend_reason TEXT NOT NULL DEFAULT '',
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (group_id) REFERENCES party_groups(id),
      FOREIGN KEY (host_member_id) REFERENCES members(id),
      FOREIGN KEY (recorder_member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX meetings_branch_date ON meetings(branch_id, meeting_date) WHERE deleted_at IS NULL;
    CREATE INDEX meetings_branch_kind ON meetings(branch_id, kind, meeting_date) WHERE deleted_at IS NULL;

    CREATE TABLE meeting_attendance (
      ${commonColumnsSql('      ')},
      meeting_id TEXT NOT NULL,
      meeting_date TEXT NOT NULL,
      member_id TEXT,
      name TEXT NOT NULL,
      category TEXT NOT NULL,
      attended INTEGER NOT NULL,
      absence_reason TEXT NOT NULL DEFAULT '',
      absence_note TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (meeting_id) REFERENCES meetings(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX meeting_attendance_meeting ON meeting_attendance(meeting_id, sort_order);
    CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id) WHERE deleted_at IS NULL;

    CREATE TABLE meeting_versions (
      ${commonColumnsSql('      ')},
      meeting_id TEXT NOT NULL,
      meeting_date TEXT NOT NULL,
      version INTEGER NOT NULL,
      finalized_at TEXT,
      reason TEXT NOT NULL DEFAULT '',
      superseded_at TEXT NOT NULL,
      snapshot_json TEXT NOT NULL,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (meeting_id) REFERENCES meetings(id)
    ) STRICT;
    CREATE INDEX meeting_versions_meeting ON meeting_versions(meeting_id, version);

    CREATE TABLE meeting_attachments (
      ${commonColumnsSql('      ')},
      meeting_id TEXT NOT NULL,
      meeting_date TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      caption TEXT NOT NULL DEFAULT '',
      data BLOB NOT NULL,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (meeting_id) REFERENCES meetings(id)
    ) STRICT;
    CREATE INDEX meeting_attachments_meeting ON meeting_attachments(meeting_id);

    CREATE TABLE talks (
      ${commonColumnsSql('      ')},
      kind TEXT NOT NULL,
      talk_date TEXT NOT NULL,
      form TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      talker_ids TEXT NOT NULL DEFAULT '[]',
      talker_names TEXT NOT NULL DEFAULT '[]',
      member_id TEXT,
      person_name TEXT NOT NULL DEFAULT '',
      person_unit TEXT NOT NULL DEFAULT '',
      family_met TEXT NOT NULL DEFAULT '',
      talk_trigger TEXT NOT NULL,
      topic TEXT NOT NULL DEFAULT '',
      summary TEXT NOT NULL DEFAULT '',
      problems TEXT NOT NULL DEFAULT '',
      help TEXT NOT NULL DEFAULT '',
      outcome TEXT NOT NULL DEFAULT '',
      follow_up_date TEXT,
      resolved INTEGER NOT NULL DEFAULT 0,
      FOREIGN KEY (branch_id) REFERENCES branches(id),
      FOREIGN KEY (member_id) REFERENCES members(id)
    ) STRICT;
    CREATE INDEX talks_branch_date ON talks(branch_id, talk_date) WHERE deleted_at IS NULL;
    CREATE INDEX talks_member ON talks(member_id) WHERE deleted_at IS NULL;

    CREATE TABLE meeting_frequencies (
      ${commonColumnsSql('      ')},
      kind TEXT NOT NULL,
      frequency TEXT NOT NULL,
      min_per_period INTEGER NOT NULL DEFAULT 1,
      FOREIGN KEY (branch_id) REFERENCES branches(id)
    ) STRICT;
    CREATE INDEX meeting_frequencies_kind ON meeting_frequencies(branch_id, kind);
  `);
}
