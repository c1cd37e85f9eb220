import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../../main/db/backup';
import { LATEST_SCHEMA_VERSION } from '../../../main/db/migrations';
import {
  dailyBackupIfDue,
  listBackups,
  makeBackup,
  newestGoodBackup,
  restoreBackup,
  rotateBackups,
  verifyBackup,
} from '../../../main/services/backup/backups';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共测试支部委员会' });
});
afterEach(() => t.cleanup());

const names = async () => (await t.call('members.search', { status: 'all' })).rows.map((r) => r.name).sort();

describe('backups', () => {
  it('makes a checked, self-contained backup and lists it with its reason', async () => {
    await t.call('members.create', sampleMember());
    const b = await makeBackup(t.db, t.databasePath, 'manual');
    expect(b.reasonLabel).toBe('手动备份');
    expect(fs.readdirSync(backupDir(t.databasePath))).toEqual([b.name]); // no -wal/-shm beside it
    expect(verifyBackup(b.path)).toEqual({ ok: true, integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('restores a backup in one step, after backing up the current state so the restore can be undone', async () => {
    await t.call('members.create', sampleMember());
    const b = await makeBackup(t.db, t.databasePath, 'manual');
    await t.call('members.create', sampleMember({ name: '李四', idNumber: '34052419800101001X', gender: '男', birthDate: '1980-01-01', joinDate: '2005-07-01', fullDate: '2006-07-01' }));
    expect(await names()).toEqual(['张三', '李四'].sort());

    const { undo } = await restoreBackup(t.db, t.databasePath, b.name);
    expect(await names()).toEqual(['张三']);
    expect(t.db.pragma('foreign_key_check')).toEqual([]);

    await restoreBackup(t.db, t.databasePath, undo.name);
    expect(await names()).toEqual(['张三', '李四'].sort());
  });

  it('refuses to restore a damaged backup and changes nothing', async () => {
    await t.call('members.create', sampleMember());
    const b = await makeBackup(t.db, t.databasePath, 'manual');
    const bytes = fs.readFileSync(b.path);
    bytes.fill(0x41, 4096, 8192); // overwrite the second page
    fs.writeFileSync(b.path, bytes);
    expect(verifyBackup(b.path).ok).toBe(false);
    await expect(restoreBackup(t.db, t.databasePath, b.name)).rejects.toMatchObject({ code: 'E_DB_CORRUPT' });
    expect(await names()).toEqual(['张三']);
    expect(newestGoodBackup(t.databasePath)).toBeNull();
  });

  it('makes one daily backup a day', async () => {
    expect(await dailyBackupIfDue(t.db, t.databasePath, new Date().toISOString().slice(0, 10))).not.toBeNull();
    const today = listBackups(t.databasePath)[0]!.createdAt.slice(0, 10);
    expect(await dailyBackupIfDue(t.db, t.databasePath, today)).toBeNull();
    expect(listBackups(t.databasePath)).toHaveLength(1);
  });

  it('rotates: newest 10 daily, the oldest of each of 12 months, newest 20 of other kinds', () => {
    const dir = backupDir(t.databasePath);
    fs.mkdirSync(dir, { recursive: true });
    const make = (date: string, reason: string) => fs.writeFileSync(path.join(dir, `test-${date}-120000-000-${reason}.sqlite`), '');
    // 400 days of daily backups, 25 manual ones.
    for (let i = 0; i < 400; i++) make(new Date(Date.UTC(2025, 9, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''), 'daily');
    for (let i = 1; i <= 25; i++) make(`202601${String(i).padStart(2, '0')}`, 'manual');
    rotateBackups(t.databasePath);
    const left = listBackups(t.databasePath);
    const daily = left.filter((b) => b.reason === 'daily').map((b) => b.createdAt.slice(0, 10));
    expect(left.filter((b) => b.reason === 'manual')).toHaveLength(20);
    expect(daily.slice(0, 10)).toEqual(
      Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2025, 9, 1) + (399 - i) * 86_400_000).toISOString().slice(0, 10)),
    );
    // The month of the newest backups (2026-11) has its first day among the newest 10 already.
    const firstDays = daily.filter((d) => d.endsWith('-01'));
    expect(firstDays).toEqual(Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 10 - i, 1)).toISOString().slice(0, 10)));
    expect(daily).toHaveLength(10 + 11);
  });
});

describe('a backup copied elsewhere', () => {
  it('is read out whole for 保存到…, and restoring from that copy backs up the current state first', async () => {
    await t.call('members.create', sampleMember());
    const b = await makeBackup(t.db, t.databasePath, 'manual');
    const copy = await t.call('backup.read', { name: b.name });
    expect(copy.fileName).toBe(b.name);
    expect(Buffer.from(copy.data, 'base64').equals(fs.readFileSync(b.path))).toBe(true);
    expect((await t.call('backup.folder')).folder).toBe(backupDir(t.databasePath));

    await t.call('members.create', sampleMember({ name: '李四', idNumber: '34052419800101001X', gender: '男', birthDate: '1980-01-01', joinDate: '2005-07-01', fullDate: '2006-07-01' }));
    fs.rmSync(b.path); // the copy on the USB stick is all that is left
    const r = await t.call('backup.restoreFile', { data: copy.data, fileName: 'U盘备份.sqlite' });
    expect(await names()).toEqual(['张三']);
    expect(r.undo.reason).toBe('before-restore');
    expect(fs.readdirSync(path.dirname(t.databasePath)).filter((f) => f.startsWith('.picked-') || f.startsWith('.restore-'))).toEqual([]);
  });

  it('refuses a file that is not a Branch Desk backup, naming it, and changes nothing', async () => {
    await t.call('members.create', sampleMember());
    const before = listBackups(t.databasePath).length;
    const text = Buffer.from('这不是数据库').toString('base64');
    await expect(t.call('backup.restoreFile', { data: text, fileName: '名单.txt' })).rejects.toMatchObject({ message: expect.stringContaining('“名单.txt”不是支部工作台的备份文件') });
    const Database = (await import('better-sqlite3')).default;
    const other = path.join(path.dirname(t.databasePath), 'other.sqlite');
    const odb = new Database(other);
    odb.exec('CREATE TABLE notes (x TEXT)');
    odb.close();
    const otherData = fs.readFileSync(other).toString('base64');
    await expect(t.call('backup.restoreFile', { data: otherData, fileName: 'other.sqlite' })).rejects.toMatchObject({ message: expect.stringContaining('“other.sqlite”不是支部工作台的备份文件') });
    expect(await names()).toEqual(['张三']);
    expect(listBackups(t.databasePath).length).toBe(before); // no undo backup made for a refused file
  });

  it('refuses a backup from a newer version of the app, naming the file', async () => {
    const b = await makeBackup(t.db, t.databasePath, 'manual');
    const Database = (await import('better-sqlite3')).default;
    const newer = new Database(b.path);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const data = fs.readFileSync(b.path).toString('base64');
    await expect(t.call('backup.restoreFile', { data, fileName: '新版本备份.sqlite' })).rejects.toMatchObject({ message: expect.stringContaining('“新版本备份.sqlite”由更新版本的支部工作台生成') });
  });
});
