/**
 * Opening the data for the app (Electron or the loopback host): a damaged database is never opened
 * for writing and never deleted — the newest backup that passes integrity_check is named instead;
 * after opening, one backup a day.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { localToday } from '../../shared/domain/dates';
import { integrityCheck } from '../db/backup';
import { openRaw } from '../db/connection';
import { dailyBackupIfDue, findBackup, newestGoodBackup, verifyBackup } from '../services/backup/backups';
import { createContext, type AppContext } from './context';
import type { DataLocation } from './paths';

export function checkDatabaseFile(databasePath: string, nativeBinding?: string): void {
  if (!fs.existsSync(databasePath)) return;
  let result: string;
  try {
    const db = openRaw(databasePath, { readonly: true, pragmas: false, nativeBinding });
    try {
      result = integrityCheck(db);
    } finally {
      db.close();
    }
  } catch (e) {
    result = (e as Error).message;
  }
  if (result === 'ok') return;
  const good = newestGoodBackup(databasePath);
  const offer = good
    ? `最新的完好备份是“${good.name}”（${good.createdAt.replace('T', ' ').slice(0, 19)}）。可用命令恢复：npm run cli -- backup restore ${good.name} --db "${databasePath}"`
    : '备份文件夹中没有完好的备份。请联系技术支持，不要删除这个文件。';
  throw new AppError('E_DB_CORRUPT', `数据库文件已损坏（完整性检查：${result.slice(0, 200)}），为保护数据没有打开。${offer}`);
}

export async function openAppContext(location: DataLocation, options: { nativeBinding?: string } = {}): Promise<AppContext> {
  checkDatabaseFile(location.databasePath, options.nativeBinding);
  const ctx = await createContext({ db: location.databasePath, nativeBinding: options.nativeBinding });
  dailyBackupIfDue(ctx.db, ctx.databasePath, localToday()).catch((e) => ctx.log.error('daily backup failed', e));
  return ctx;
}

/**
 * Replaces a damaged database by a backup while the app is closed: the damaged file is moved aside
 * (kept, never deleted), the backup copied beside it and renamed into place.
 */
export function recoverFromBackup(databasePath: string, name: string): { damagedCopy: string | null } {
  const backup = findBackup(databasePath, name);
  const check = verifyBackup(backup.path);
  if (!check.ok) throw new AppError('E_DB_CORRUPT', `备份“${backup.name}”也未通过完整性检查，不能用来恢复`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let damagedCopy: string | null = null;
  for (const suffix of ['', '-wal', '-shm']) {
    const file = databasePath + suffix;
    if (!fs.existsSync(file)) continue;
    const aside = `${databasePath}.damaged-${stamp}${suffix}`;
    fs.renameSync(file, aside);
    if (!suffix) damagedCopy = aside;
  }
  const temp = path.join(path.dirname(databasePath), `.recover-${process.pid}.sqlite`);
  fs.copyFileSync(backup.path, temp);
  fs.renameSync(temp, databasePath);
  return { damagedCopy };
}
