/**
 * Backups with SQLite's online backup API (never a file copy of a WAL database), written to a temp
 * file in the backups folder, checked with integrity_check, then renamed into place.
 */
import type Database from 'better-sqlite3';
import { openRaw } from './connection';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, makePrivate } from '../app/fileModes';

export function backupDir(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

function stamp(d = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

export function integrityCheck(db: Database.Database): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

export async function createBackup(db: Database.Database, databaseFile: string, reason: string): Promise<string> {
  const dir = backupDir(databaseFile);
  ensurePrivateDir(dir);
  const base = path.basename(databaseFile).replace(/\.[^.]+$/, '');
  const target = path.join(dir, `${base}-${stamp()}-${reason.replace(/[^\w-]/g, '')}.sqlite`);
  const temp = `${target}.partial`;
  await db.backup(temp);
  makePrivate(temp);
  // A backup is one self-contained file: switch the copy out of WAL mode before checking it.
  const copy = openRaw(temp, { pragmas: false });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = integrityCheck(copy);
    if (result !== 'ok') throw new Error(`备份文件校验失败：${result}`);
  } finally {
    copy.close();
  }
  fs.renameSync(temp, target);
  return target;
}
