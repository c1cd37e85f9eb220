/** A connection with the pragmas every connection needs. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir, prepareDatabaseFile } from '../app/fileModes';

export interface OpenOptions {
  /** Path of a better-sqlite3 addon built for another runtime (the Electron build). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Skip migrating (used by tests that migrate step by step). */
  migrate?: boolean;
  /** false: only the busy timeout (to look at a file before changing anything in it). */
  pragmas?: boolean;
}

export function openRaw(file: string, options: OpenOptions = {}): Database.Database {
  if (!options.readonly && file !== ':memory:' && file !== '') {
    ensureDir(path.dirname(file));
    prepareDatabaseFile(file);
  }
  const nativeBinding = options.nativeBinding ?? process.env.BRANCH_DESK_NATIVE_BINDING;
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (options.pragmas !== false) applyPragmas(db, options.readonly ?? false);
  return db;
}

export function applyPragmas(db: Database.Database, readonly = false): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

