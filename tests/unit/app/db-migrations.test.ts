import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { openRaw } from '../../../main/db/connection';
import { applyMigrations, LATEST_SCHEMA_VERSION, MIGRATIONS, schemaVersion } from '../../../main/db/migrations';
import { backupDir, integrityCheck } from '../../../main/db/backup';
import { tempDir } from '../../helpers/context';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return path.join(d, 'db.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

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

  it('lists migrations in strictly increasing order ending at the latest version', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('migration 1 creates every table with the common columns', () => {
    const db = openRaw(fresh());
    expect(applyMigrations(db, 1)).toEqual([1]);
    for (const table of ['branches', 'party_groups', 'members']) {
      const cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['id', 'branch_id', 'created_at', 'updated_at', 'deleted_at']));
    }
    expect(applyMigrations(db, 1)).toEqual([]);
    db.close();
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
