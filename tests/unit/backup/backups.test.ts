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
