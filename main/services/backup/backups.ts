/**
 * The backup folder: list, verify, rotate, restore. Backups are made by db/backup.ts with SQLite's
 * online backup API. A restore first backs up the current state, so it can itself be undone, and
 * then replaces every table's rows in one transaction (other connections stay valid).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { backupDir, createBackup, integrityCheck } from '../../db/backup';
import { openRaw } from '../../db/connection';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { all, qb, type Sqlite } from '../../db/query';
import type { BackupInfo, VerifyResult } from '../../../shared/contract/handover';
export type { BackupInfo, VerifyResult };

const NAME_RE = /-(\d{8})-(\d{6})-(\d{3})-([\w-]+)\.sqlite$/;

const REASON_LABELS: Record<string, string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  'before-import': '导入前自动备份',
  'before-restore': '恢复前自动备份',
};

export function reasonLabel(reason: string): string {
  if (reason.startsWith('before-migration')) return '升级数据结构前自动备份';
  return REASON_LABELS[reason] ?? reason;
}

export function listBackups(databasePath: string): BackupInfo[] {
  const dir = backupDir(databasePath);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME_RE.exec(name);
    if (!m) continue;
    const [, d, t, ms, reason] = m as unknown as [string, string, string, string, string];
    const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}`;
    const file = path.join(dir, name);
    out.push({ name, path: file, createdAt, reason, reasonLabel: reasonLabel(reason), size: fs.statSync(file).size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function findBackup(databasePath: string, name: string): BackupInfo {
  const found = listBackups(databasePath).find((b) => b.name === name || b.path === name);
  if (!found) throw new AppError('E_NOT_FOUND', `备份文件夹中没有“${name}”`);
  return found;
}

export function verifyBackup(file: string): VerifyResult {
  let db: Sqlite | null = null;
  try {
    db = openRaw(file, { readonly: true, pragmas: false });
    const integrity = integrityCheck(db);
    const version = schemaVersion(db);
    return { ok: integrity === 'ok' && version <= LATEST_SCHEMA_VERSION, integrity, schemaVersion: version };
  } catch (e) {
    return { ok: false, integrity: `无法打开：${(e as Error).message}`, schemaVersion: 0 };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes integrity_check (offered when the database is damaged). */
export function newestGoodBackup(databasePath: string): BackupInfo | null {
  return listBackups(databasePath).find((b) => verifyBackup(b.path).ok) ?? null;
}

/** Keeps the newest 10 daily backups plus the oldest of each of the last 12 months, and the newest 20 of every other kind. */
export function rotateBackups(databasePath: string, keep = { daily: 10, monthly: 12, other: 20 }): string[] {
  const all = listBackups(databasePath);
  const daily = all.filter((b) => b.reason === 'daily');
  const other = all.filter((b) => b.reason !== 'daily');
  const kept = new Set<string>(daily.slice(0, keep.daily).map((b) => b.name));
  const firstOfMonth = new Map<string, BackupInfo>();
  for (const b of daily) firstOfMonth.set(b.createdAt.slice(0, 7), b); // list is newest first: the last set wins = oldest
  [...firstOfMonth.entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .slice(0, keep.monthly)
    .forEach(([, b]) => kept.add(b.name));
  other.slice(0, keep.other).forEach((b) => kept.add(b.name));
  const removed = all.filter((b) => !kept.has(b.name));
  for (const b of removed) fs.rmSync(b.path, { force: true });
  return removed.map((b) => b.name);
}

export async function makeBackup(db: Sqlite, databasePath: string, reason: string): Promise<BackupInfo> {
  const file = await createBackup(db, databasePath, reason);
  rotateBackups(databasePath);
  return findBackup(databasePath, path.basename(file));
}

/** At start-up: one backup a day. */
export async function dailyBackupIfDue(db: Sqlite, databasePath: string, today: string): Promise<BackupInfo | null> {
  const done = listBackups(databasePath).some((b) => b.reason === 'daily' && b.createdAt.startsWith(today));
  return done ? null : makeBackup(db, databasePath, 'daily');
}

/** The tables a restore replaces: everything but SQLite's own. */
function dataTables(db: Sqlite): string[] {
  const catalogue = qb.withTables<{ sqlite_schema: { type: string; name: string } }>();
  return all(
    db,
    catalogue.selectFrom('sqlite_schema').select('name').where('type', '=', 'table').where('name', 'not like', 'sqlite_%').orderBy('name'),
  ).map((r) => r.name);
}

/**
 * Restores a backup into the open database: backs up the current state first, brings a copy of the
 * backup to the current schema, then replaces every table's rows in one transaction.
 */
export async function restoreBackup(db: Sqlite, databasePath: string, name: string): Promise<{ restored: BackupInfo; undo: BackupInfo }> {
  const backup = findBackup(databasePath, name);
  const check = verifyBackup(backup.path);
  if (!check.ok) throw new AppError('E_DB_CORRUPT', `备份“${backup.name}”未通过完整性检查（${check.integrity}），不能用来恢复`);
  const undo = await makeBackup(db, databasePath, 'before-restore');
  await replaceFromFile(db, databasePath, backup.path);
  return { restored: backup, undo };
}

/** The backup folder as the screen shows it. */
export function backupFolder(databasePath: string): string {
  return backupDir(databasePath);
}

/** A backup's content for 保存到… (the renderer saves it where the user chooses). */
export function readBackupFile(databasePath: string, name: string): { fileName: string; data: string; size: number } {
  const backup = findBackup(databasePath, name);
  const data = fs.readFileSync(backup.path);
  return { fileName: backup.name, data: data.toString('base64'), size: data.length };
}

/** The tables every Branch Desk database has; a file without them is some other SQLite database. */
const OWN_TABLES = ['branches', 'members', 'change_log', 'app_meta'];

/**
 * Checks a file the user picked (a backup copied to a USB stick): a SQLite database of this app that
 * passes integrity_check and is not from a newer version. Throws a Chinese message naming the file.
 */
export function checkBackupFile(file: string, fileName: string): VerifyResult {
  let db: Sqlite | null = null;
  try {
    try {
      db = openRaw(file, { readonly: true, pragmas: false });
      db.pragma('schema_version'); // reads the header: fails on a file that is not SQLite
    } catch {
      throw new AppError('E_VALIDATION', `“${fileName}”不是支部工作台的备份文件（无法作为数据库打开）`);
    }
    const tables = new Set(dataTables(db));
    if (!OWN_TABLES.every((t) => tables.has(t)) || schemaVersion(db) < 1) {
      throw new AppError('E_VALIDATION', `“${fileName}”不是支部工作台的备份文件（缺少党员名册等数据表）`);
    }
    const integrity = integrityCheck(db);
    if (integrity !== 'ok') throw new AppError('E_DB_CORRUPT', `“${fileName}”已损坏，未通过完整性检查（${integrity}），不能用来恢复`);
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('E_VALIDATION', `“${fileName}”由更新版本的支部工作台生成（数据结构版本 ${version}，本程序为 ${LATEST_SCHEMA_VERSION}），请先升级程序再恢复`);
    }
    return { ok: true, integrity, schemaVersion: version };
  } finally {
    db?.close();
  }
}

/**
 * Restores from a backup file the user picked (not in the backups folder): the file is checked first,
 * then the current state is backed up, then the usual restore.
 */
export async function restoreFromFile(
  db: Sqlite,
  databasePath: string,
  data: Buffer,
  fileName: string,
): Promise<{ fileName: string; undo: BackupInfo }> {
  const temp = path.join(path.dirname(databasePath), `.picked-${process.pid}-${Date.now()}.sqlite`);
  fs.writeFileSync(temp, data);
  try {
    checkBackupFile(temp, fileName);
    const undo = await makeBackup(db, databasePath, 'before-restore');
    await replaceFromFile(db, databasePath, temp);
    return { fileName, undo };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
  }
}

/** Brings a copy of a checked backup file to the current schema, then replaces every table's rows in one transaction. */
async function replaceFromFile(db: Sqlite, databasePath: string, source: string): Promise<void> {
  const temp = path.join(path.dirname(databasePath), `.restore-${process.pid}-${Date.now()}.sqlite`);
  fs.copyFileSync(source, temp);
  try {
    (await openDatabase(temp)).close(); // migrates an older backup to the current schema
    db.prepare('ATTACH DATABASE ? AS restore_src').run(temp);
    try {
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const table of dataTables(db)) {
          const cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).join(', ');
          db.prepare(`DELETE FROM main.${table}`).run();
          db.prepare(`INSERT INTO main.${table} (${cols}) SELECT ${cols} FROM restore_src.${table}`).run();
        }
      })();
    } finally {
      db.prepare('DETACH DATABASE restore_src').run();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(temp + suffix, { force: true });
  }
}
