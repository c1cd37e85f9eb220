import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { openRaw } from '../../../main/db/connection';
import { applyMigrations, LATEST_SCHEMA_VERSION, MIGRATIONS, schemaVersion } from '../../../main/db/migrations';
import { backupDir, integrityCheck } from '../../../main/db/backup';
import { tempDir, foldersRemovedAfterEach } from '../../helpers/context';

const dirs = foldersRemovedAfterEach();
const COMMON = ['id', 'branch_id', 'created_at', 'updated_at', 'deleted_at', 'rev'];
const columnsOf = (db: Database.Database, table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

type Seeded = Record<string, Record<string, unknown>[]>;
interface MigrationStep {
  /** Writes rows in the schema before the migration; returns them (as stored) by table. */
  seed(db: Database.Database): Seeded;
  /** Columns the migration adds to seeded rows, with the values they take. */
  added?: Record<string, Record<string, unknown>>;
  /** Tables that must exist afterwards, with (some of) their columns. */
  tables: Record<string, string[]>;
  check?(db: Database.Database): void;
}

const AT = '2024-01-01T00:00:00.000Z';
const common = (id: string, branchId: string) => ({ id, branch_id: branchId, created_at: AT, updated_at: AT, deleted_at: null, rev: `rev-${id}` });
const BRANCH = '00000000-0000-4000-8000-000000000001';
const GROUP = '00000000-0000-4000-8000-000000000002';
const MEMBER = '00000000-0000-4000-8000-000000000003';

function insert(db: Database.Database, table: string, row: Record<string, unknown>): Record<string, unknown> {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
  return db.prepare(`SELECT * FROM ${table} WHERE rowid = last_insert_rowid()`).get() as Record<string, unknown>;
}

/** A branch, a party group and a member, as migration 1 stores them. */
function seedRoster(db: Database.Database): Seeded {
  return {
    branches: [insert(db, 'branches', { ...common(BRANCH, BRANCH), name: '第一支部' })],
    party_groups: [insert(db, 'party_groups', { ...common(GROUP, BRANCH), name: '第一党小组' })],
    members: [
      insert(db, 'members', {
        ...common(MEMBER, BRANCH), name: '张三', gender: '女', ethnicity: '汉族', id_number: '11010519491231002X', birth_date: '1949-12-31',
        education: '21', category: '正式党员', join_date: '1975-07-01', party_group_id: GROUP, name_pinyin: 'zhangsan', search_text: '张三',
      }),
    ],
  };
}

const event = (id: string, memberId: string) => ({ ...common(id, BRANCH), member_id: memberId, kind: '转正', event_date: '1976-07-01' });

/** sha256 of sqlite_master after each migration; a new migration adds its own once it is released. */
const RELEASED_SCHEMAS: Record<number, string> = {
  1: '79b06e42b8d949708c173a44638ee53d935aabf6c513ae70de6f52aaf73b67b2',
  2: 'e7737d79f78007cf0ec85741cedf872f712abce45387cc7de0b48f2f9b871bad',
  3: '6fa156b74fb3fd0acf0c913af0f554c50b78a975c5eba1050c3e2a484b446d25',
  4: '0010a82c9a819dc17a727fc178df3da072c54c4baff1bf191d972269b29d1f9a',
  5: '25eae186dfc508d3017914ad1a56529271284ba980ee8d5cea05b7940180821d',
  6: 'b1e722d9649d55127a9ff038005e96a95ca576dbfe044af28424e4cbc8a73cd3',
  7: 'c6399aa72e2e9bc9edb4b4787fcf76a6912f06e2bec8dbe3e951a1574c1d6fdd',
  8: '797d4676bbab3a19e6963121b41ba8bca21de91b839e2d21071bdd39893c37ef',
  9: '281635597e6637aad7d6e4435e8bc3a07ae34c1296a2748fc08b82c1900bf1c0',
  10: '0dcb993bc0f93595a6e894030ca631781b17c1e078501bc67d76b3f49ad45548',
  11: '03a68feeaae2b235e7961f3a5a7db487614b774402ae085821c474fbbb8d32cf',
};

/** Every migration's test, by version; the first test below fails when a migration has none. */
const MIGRATION_STEPS: Record<number, MigrationStep> = {
  1: {
    seed: (db) => {
      db.exec('CREATE TABLE old_notes (t TEXT)');
      return { old_notes: [insert(db, 'old_notes', { t: 'keep me' })] };
    },
    tables: {
      app_meta: ['key', 'value'],
      branches: [...COMMON, 'name', 'parent_committee', 'officers_json'],
      party_groups: [...COMMON, 'name', 'leader_member_id'],
      members: [...COMMON, 'name', 'id_number', 'party_group_id', 'name_pinyin', 'search_text'],
      change_log: ['seq', 'table_name', 'row_id', 'branch_id', 'action', 'changed_at', 'old_json', 'new_json', 'rev'],
      handover_log: ['id', 'package_id', 'direction', 'branch_id'],
    },
  },
  2: {
    seed: seedRoster,
    added: { members: { probation_extension_months: 0 } },
    tables: { member_events: [...COMMON, 'member_id', 'kind', 'subtype', 'event_date', 'months', 'reason'] },
    check: (db) => {
      insert(db, 'member_events', event('e1', MEMBER));
      expect(() => insert(db, 'member_events', event('e2', 'nobody'))).toThrow(/FOREIGN KEY/);
    },
  },
  3: {
    seed: (db) => ({ ...seedRoster(db), member_events: [insert(db, 'member_events', event('e1', MEMBER))] }),
    tables: {
      applicants: [...COMMON, 'name', 'id_number', 'stage', 'member_id', 'cultivator_ids', 'introducer_ids'],
      applicant_steps: [...COMMON, 'applicant_id', 'step', 'done_date', 'note'],
    },
    check: (db) => {
      insert(db, 'applicants', {
        ...common('a1', BRANCH), name: '李四', gender: '男', ethnicity: '汉族', id_number: '110105200001010011', birth_date: '2000-01-01',
        education: '21', political_status: '共青团员', stage: '入党申请人',
      });
      insert(db, 'applicant_steps', { ...common('s1', BRANCH), applicant_id: 'a1', step: 1, done_date: '2024-01-01' });
      expect(db.prepare('SELECT cultivator_ids FROM applicants').get()).toEqual({ cultivator_ids: '[]' });
      expect(() => insert(db, 'applicant_steps', { ...common('s2', BRANCH), applicant_id: 'nobody', step: 1, done_date: '2024-01-01' })).toThrow(/FOREIGN KEY/);
    },
  },
  4: {
    seed: (db) => ({ ...seedRoster(db), member_events: [insert(db, 'member_events', event('e1', MEMBER))] }),
    tables: { code_items: [...COMMON, 'kind', 'label', 'sort_order', 'in_use', 'note'] },
    check: (db) => {
      insert(db, 'code_items', { ...common('c1', BRANCH), kind: 'posts', label: '司钻' });
      expect(db.prepare('SELECT sort_order, in_use, note FROM code_items').get()).toEqual({ sort_order: 0, in_use: 1, note: '' });
      expect(() => insert(db, 'code_items', { ...common('c2', BRANCH), kind: 'posts', label: '井架工', in_use: 2 })).toThrow(/CHECK/);
      expect(() => insert(db, 'code_items', { ...common('c3', 'nobody'), kind: 'posts', label: '井架工' })).toThrow(/FOREIGN KEY/);
    },
  },
  5: {
    seed: (db) => ({
      ...seedRoster(db),
      handover_log: [
        insert(db, 'handover_log', {
          package_id: 'p1', direction: 'export', branch_id: BRANCH, branch_name: '第一支部', package_created_at: AT, at: AT, summary_json: '[["members",1]]',
        }),
      ],
    }),
    added: { handover_log: { file_name: '', encrypted: null, created_by: '', period_from: null, period_to: null } },
    tables: { handover_log: ['package_id', 'summary_json', 'file_name', 'encrypted', 'created_by', 'period_from', 'period_to'] },
    check: (db) => {
      const row = { package_id: 'p2', direction: 'export', branch_id: BRANCH, branch_name: '第一支部', package_created_at: AT, at: AT, summary_json: '[]' };
      expect(() => insert(db, 'handover_log', { ...row, encrypted: 2 })).toThrow(/CHECK/);
    },
  },
  6: {
    seed: seedRoster,
    tables: {
      branch_keys: ['branch_id', 'public_key', 'fingerprint', 'pinned_at'],
      branch_key_log: ['branch_id', 'event', 'fingerprint', 'previous_fingerprint', 'package_id', 'at'],
      handover_revs: ['table_name', 'row_id', 'branch_id', 'received_rev', 'sent_rev'],
    },
    check: (db) => {
      // The installation's signing key is made with the schema, so a copy of the database signs as the same installation.
      const key = db.prepare("SELECT value FROM app_meta WHERE key = 'signing_key'").get() as { value: string };
      expect(crypto.createPrivateKey(key.value).asymmetricKeyType).toBe('ed25519');
    },
  },
  7: {
    seed: (db) => ({ ...seedRoster(db), member_events: [insert(db, 'member_events', event('e1', MEMBER))] }),
    tables: {
      meetings: [...COMMON, 'kind', 'group_id', 'also_counts', 'title', 'meeting_date', 'host_member_id', 'resolutions_json', 'status', 'version', 'finalized_at'],
      meeting_attendance: [...COMMON, 'meeting_id', 'meeting_date', 'member_id', 'name', 'category', 'attended', 'absence_reason'],
      meeting_versions: [...COMMON, 'meeting_id', 'meeting_date', 'version', 'reason', 'snapshot_json'],
      meeting_attachments: [...COMMON, 'meeting_id', 'meeting_date', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'data'],
      meeting_frequencies: [...COMMON, 'kind', 'frequency', 'min_per_period'],
      talks: [...COMMON, 'kind', 'talk_date', 'form', 'talker_ids', 'member_id', 'person_name', 'talk_trigger', 'follow_up_date', 'resolved'],
    },
    check: (db) => {
      insert(db, 'meetings', { ...common('m1', BRANCH), kind: 'groupMeeting', group_id: GROUP, title: '2024年第1次第一党小组会', meeting_date: '2024-01-05' });
      expect(db.prepare('SELECT status, version, also_counts FROM meetings').get()).toEqual({ status: 'draft', version: 0, also_counts: '[]' });
      insert(db, 'meeting_attendance', { ...common('a1', BRANCH), meeting_id: 'm1', meeting_date: '2024-01-05', member_id: MEMBER, name: '张三', category: '正式党员', attended: 1 });
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
      insert(db, 'meeting_attachments', {
        ...common('f1', BRANCH), meeting_id: 'm1', meeting_date: '2024-01-05', file_name: '签到表.png', mime_type: 'image/png', size_bytes: 9, sha256: 'x', data: png,
      });
      expect((db.prepare('SELECT data FROM meeting_attachments').get() as { data: Buffer }).data.equals(png)).toBe(true);
      // STRICT: a file's content is bytes, never text.
      expect(() => insert(db, 'meeting_attachments', { ...common('f2', BRANCH), meeting_id: 'm1', meeting_date: '2024-01-05', file_name: 'a', mime_type: 'a', size_bytes: 1, sha256: 'x', data: 'text' })).toThrow(/BLOB/);
      expect(() => insert(db, 'meeting_attendance', { ...common('a2', BRANCH), meeting_id: 'nobody', meeting_date: '2024-01-05', name: '李四', category: '正式党员', attended: 0 })).toThrow(/FOREIGN KEY/);
      insert(db, 'talks', { ...common('t1', BRANCH), kind: 'visit', talk_date: '2024-01-06', form: '上门', person_name: '王五', talk_trigger: '家庭困难或生病' });
      expect(() => insert(db, 'talks', { ...common('t2', BRANCH), kind: 'talk', talk_date: '2024-01-06', form: '当面', member_id: 'nobody', talk_trigger: '日常' })).toThrow(/FOREIGN KEY/);
    },
  },
  8: {
    seed: seedRoster,
    tables: {
      target_plans: [...COMMON, 'year', 'title', 'items_json', 'note'],
      post_templates: [...COMMON, 'post', 'items_json', 'assessment_method', 'reward_rules_json', 'other_terms'],
      target_letters: [...COMMON, 'year', 'member_id', 'template_id', 'member_name', 'post', 'items_json', 'adjusted', 'adjusted_at', 'signed_date'],
      target_assessments: [...COMMON, 'letter_id', 'member_id', 'year', 'period', 'scores_json', 'assessed_date'],
      target_zones: [...COMMON, 'name', 'member_id', 'scope_equipment', 'scope_area', 'scope_crew', 'commitments', 'start_date', 'end_date'],
      target_zone_records: [...COMMON, 'zone_id', 'record_date', 'content'],
      target_projects: [...COMMON, 'title', 'problem', 'leader_id', 'member_ids', 'start_date', 'planned_end', 'status', 'finished_date', 'benefit_yuan', 'benefit_days'],
      target_project_notes: [...COMMON, 'project_id', 'note_date', 'content'],
      target_commendations: [...COMMON, 'member_id', 'year', 'title', 'basis', 'status', 'decided_date'],
      target_branch_letters: [...COMMON, 'year', 'committee', 'items_json', 'rewards_text', 'signed_date'],
    },
    check: (db) => {
      const letter = { ...common('l1', BRANCH), year: 2026, member_id: MEMBER, member_name: '张三', title: '责任书', period_start: '2026-01-01', period_end: '2026-12-31' };
      insert(db, 'target_letters', letter);
      expect(db.prepare('SELECT items_json, adjusted, template_id FROM target_letters').get()).toEqual({ items_json: '[]', adjusted: 0, template_id: null });
      expect(() => insert(db, 'target_letters', { ...letter, ...common('l2', BRANCH), adjusted: 2 })).toThrow(/CHECK/);
      expect(() => insert(db, 'target_letters', { ...letter, ...common('l3', BRANCH), member_id: 'nobody' })).toThrow(/FOREIGN KEY/);
      const assessment = { ...common('a1', BRANCH), letter_id: 'l1', member_id: MEMBER, year: 2026, period: 'final' };
      insert(db, 'target_assessments', assessment);
      expect(() => insert(db, 'target_assessments', { ...assessment, ...common('a2', BRANCH), period: 'q3' })).toThrow(/CHECK/);
      insert(db, 'target_projects', { ...common('p1', BRANCH), title: '齿轮箱修复', leader_id: MEMBER, start_date: '2026-03-01', planned_end: '2026-04-01', benefit_yuan: 38000 });
      expect(db.prepare('SELECT status, member_ids, benefit_yuan, benefit_days FROM target_projects').get()).toEqual({ status: '进行中', member_ids: '[]', benefit_yuan: 38000, benefit_days: null });
      expect(() => insert(db, 'target_project_notes', { ...common('n1', BRANCH), project_id: 'nobody', note_date: '2026-03-02', content: 'x' })).toThrow(/FOREIGN KEY/);
    },
  },
  9: {
    seed: (db) => ({ ...seedRoster(db), member_events: [insert(db, 'member_events', event('e1', MEMBER))] }),
    tables: {
      appraisal_campaigns: [...COMMON, 'year', 'stages_json', 'issued_members', 'issued_masses', 'double_entry', 'excellent_cap_num', 'excellent_cap_den', 'unqualified_pct', 'basic_pct', 'excellent_pct'],
      appraisal_members: [...COMMON, 'campaign_id', 'year', 'member_id', 'name', 'category', 'excluded', 'exclusion_reason', 'sort_order'],
      appraisal_sheets: [...COMMON, 'campaign_id', 'year', 'serial', 'entry', 'voter_type', 'spoilt'],
      appraisal_marks: [...COMMON, 'sheet_id', 'campaign_id', 'year', 'member_id', 'grade'],
      appraisal_grades: [...COMMON, 'campaign_id', 'year', 'member_id', 'grade', 'proposed', 'reason', 'note'],
    },
    check: (db) => {
      insert(db, 'appraisal_campaigns', { ...common('c1', BRANCH), year: 2024, issued_members: 30 });
      expect(db.prepare('SELECT excellent_cap_num, excellent_cap_den, double_entry, stages_json FROM appraisal_campaigns').get()).toEqual({
        excellent_cap_num: 1, excellent_cap_den: 3, double_entry: 0, stages_json: '[]',
      });
      insert(db, 'appraisal_members', { ...common('am1', BRANCH), campaign_id: 'c1', year: 2024, member_id: MEMBER, name: '张三', category: '正式党员' });
      insert(db, 'appraisal_sheets', { ...common('s1', BRANCH), campaign_id: 'c1', year: 2024, serial: '001', entry: 1, voter_type: '党员' });
      insert(db, 'appraisal_marks', { ...common('k1', BRANCH), sheet_id: 's1', campaign_id: 'c1', year: 2024, member_id: MEMBER, grade: 2 });
      expect(() => insert(db, 'appraisal_marks', { ...common('k2', BRANCH), sheet_id: 's1', campaign_id: 'c1', year: 2024, member_id: MEMBER, grade: 5 })).toThrow(/CHECK/);
      expect(() => insert(db, 'appraisal_sheets', { ...common('s2', BRANCH), campaign_id: 'c1', year: 2024, serial: '002', entry: 3, voter_type: '党员' })).toThrow(/CHECK/);
      expect(() => insert(db, 'appraisal_marks', { ...common('k3', BRANCH), sheet_id: 'nobody', campaign_id: 'c1', year: 2024, member_id: MEMBER, grade: 1 })).toThrow(/FOREIGN KEY/);
      insert(db, 'appraisal_grades', { ...common('g1', BRANCH), campaign_id: 'c1', year: 2024, member_id: MEMBER, grade: '合格' });
      expect(() => insert(db, 'appraisal_grades', { ...common('g2', BRANCH), campaign_id: 'c1', year: 2024, member_id: 'nobody', grade: '合格' })).toThrow(/FOREIGN KEY/);
    },
  },
  10: {
    seed: (db) => {
      const seeded = seedRoster(db);
      return {
        ...seeded,
        appraisal_campaigns: [insert(db, 'appraisal_campaigns', { ...common('c1', BRANCH), year: 2024, issued_members: 30 })],
        appraisal_grades: [insert(db, 'appraisal_grades', { ...common('g1', BRANCH), campaign_id: 'c1', year: 2024, member_id: MEMBER, grade: '不合格' })],
      };
    },
    tables: { appraisal_followups: [...COMMON, 'campaign_id', 'year', 'member_id', 'kind', 'decided_date', 'deadline', 'state', 'note'] },
    check: (db) => {
      insert(db, 'appraisal_followups', { ...common('f1', BRANCH), campaign_id: 'c1', year: 2024, member_id: MEMBER, kind: '限期改正', decided_date: '2024-12-12', deadline: '2025-06-12' });
      expect(db.prepare('SELECT state, note FROM appraisal_followups').get()).toEqual({ state: '进行中', note: '' });
      expect(() => insert(db, 'appraisal_followups', { ...common('f2', BRANCH), campaign_id: 'c1', year: 2024, member_id: MEMBER, kind: '警告', decided_date: '2024-12-12' })).toThrow(/CHECK/);
      expect(() => insert(db, 'appraisal_followups', { ...common('f3', BRANCH), campaign_id: 'c1', year: 2024, member_id: MEMBER, kind: '除名', decided_date: '2024-12-12', state: '结束' })).toThrow(/CHECK/);
      expect(() => insert(db, 'appraisal_followups', { ...common('f4', BRANCH), campaign_id: 'nobody', year: 2024, member_id: MEMBER, kind: '除名', decided_date: '2024-12-12' })).toThrow(/FOREIGN KEY/);
    },
  },
  11: {
    seed: (db) => ({ ...seedRoster(db), member_events: [insert(db, 'member_events', event('e1', MEMBER))] }),
    tables: {
      member_reports: [...COMMON, 'kind', 'report_date', 'member_id', 'applicant_id', 'person_name', 'title', 'summary', 'comment'],
      report_rhythms: [...COMMON, 'role', 'frequency'],
    },
    check: (db) => {
      insert(db, 'member_reports', { ...common('r1', BRANCH), kind: 'thought', report_date: '2024-03-20', member_id: MEMBER, person_name: '张三' });
      expect(db.prepare('SELECT title, summary, comment, applicant_id FROM member_reports').get()).toEqual({ title: '', summary: '', comment: '', applicant_id: null });
      expect(() => insert(db, 'member_reports', { ...common('r2', BRANCH), kind: 'work', report_date: '2024-03-20', member_id: 'nobody', person_name: '李四' })).toThrow(/FOREIGN KEY/);
      expect(() => insert(db, 'member_reports', { ...common('r3', BRANCH), kind: 'work', report_date: '2024-03-20', applicant_id: 'nobody', person_name: '李四' })).toThrow(/FOREIGN KEY/);
      insert(db, 'report_rhythms', { ...common('h1', BRANCH), role: 'activist', frequency: 'month' });
      expect(db.prepare('SELECT role, frequency FROM report_rhythms').get()).toEqual({ role: 'activist', frequency: 'month' });
    },
  },
};
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'db.sqlite');
};

describe('opening and migrating the database', () => {
  it('sets the pragmas the data needs', async () => {
    const db = await openDatabase(fresh());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('lists migrations in strictly increasing order ending at the latest version, each with its own test', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBeGreaterThan(i === 0 ? 0 : MIGRATIONS[i - 1]!.version));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    expect(Object.keys(MIGRATION_STEPS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('leaves the schema each released migration writes exactly as it was (sqlite_master, for existing databases)', () => {
    for (const m of MIGRATIONS) {
      const db = openRaw(fresh());
      applyMigrations(db, m.version);
      const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid').raw().all();
      db.close();
      expect(crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex'), `schema after migration ${m.version}`).toBe(RELEASED_SCHEMAS[m.version]);
    }
  });

  it('migrates a database already at the latest version no further', () => {
    const db = openRaw(fresh());
    applyMigrations(db);
    expect(applyMigrations(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  // One test per migration: migrate to the version before it, seed rows, migrate, check.
  MIGRATIONS.forEach((m, i) => {
    it(`migration ${m.version} (${m.name}) keeps the data and adds what it says`, () => {
      const step = MIGRATION_STEPS[m.version]!;
      const db = openRaw(fresh());
      const previous = MIGRATIONS[i - 1]?.version ?? 0;
      applyMigrations(db, previous);
      expect(schemaVersion(db)).toBe(previous);
      const seeded = step.seed(db);
      expect(applyMigrations(db, m.version)).toEqual([m.version]);
      for (const [table, rows] of Object.entries(seeded)) {
        expect(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(), table).toEqual(rows.map((r) => ({ ...r, ...step.added?.[table] })));
      }
      for (const [table, columns] of Object.entries(step.tables)) expect(columnsOf(db, table), table).toEqual(expect.arrayContaining(columns));
      step.check?.(db);
      db.close();
    });
  });

  it('refuses a database written by a newer version, in Chinese, and leaves it alone', async () => {
    const file = fresh();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'E_DB_NEWER', message: expect.stringContaining('更新版本') });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up a non-empty database before migrating it', async () => {
    const file = fresh();
    const raw = new Database(file);
    raw.exec("CREATE TABLE old_notes (t TEXT); INSERT INTO old_notes VALUES ('keep me')");
    raw.close();
    const db = await openDatabase(file);
    const backups = fs.readdirSync(backupDir(file));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/before-migration-v0\.sqlite$/);
    const copy = new Database(path.join(backupDir(file), backups[0]!), { readonly: true });
    expect(integrityCheck(copy)).toBe('ok');
    expect(copy.prepare('SELECT t FROM old_notes').get()).toEqual({ t: 'keep me' });
    copy.close();
    db.close();
  });

  it('does not back up a brand-new database', async () => {
    const file = fresh();
    (await openDatabase(file)).close();
    expect(fs.existsSync(backupDir(file))).toBe(false);
  });
});
