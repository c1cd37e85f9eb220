/** Opening the database: pragmas, the newer-version refusal, a backup before migrating, then migrations. */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { applyPragmas, openRaw, type OpenOptions } from './connection';
import { AppError } from '../../shared/contract/errors';
import { applyMigrations, LATEST_SCHEMA_VERSION, schemaVersion } from './migrations';
import { createBackup } from './backup';

function isEmptyDatabase(db: Database.Database): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n === 0;
}

/** The schema version of `file`; a version newer than this program knows is refused. */
export function refuseNewer(db: Database.Database, file: string): number {
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'E_DB_NEWER',
      `数据库“${path.basename(file)}”由更新版本的支部工作台写入（数据结构版本 ${version}，本程序支持到 ${LATEST_SCHEMA_VERSION}），请升级程序后再打开。`,
    );
  }
  return version;
}

/** Opens (creating if needed) and migrates the database at `file`. */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Database.Database> {
  const db = openRaw(file, { ...options, pragmas: false });
  try {
    const version = refuseNewer(db, file);
    applyPragmas(db, options.readonly ?? false);
    if (options.migrate !== false && version < LATEST_SCHEMA_VERSION) {
      if (!isEmptyDatabase(db)) await createBackup(db, file, `before-migration-v${version}`);
      applyMigrations(db);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
