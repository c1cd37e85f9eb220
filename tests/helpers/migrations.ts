/** An older database for a migration test: schema at `version`, one branch ('b') and one member ('m', 张三) in it. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openRaw } from '../../main/db/connection';
import { applyMigrations } from '../../main/db/migrations';
import { tempDir } from './context';

export function databaseAtVersion(version: number): { db: Database.Database; dir: string; now: string } {
  const dir = tempDir();
  const db = openRaw(path.join(dir, 'db.sqlite'));
  applyMigrations(db, version);
  const now = new Date().toISOString();
  db.prepare("INSERT INTO branches (id, branch_id, created_at, updated_at, rev, name) VALUES ('b', 'b', ?, ?, 'r', '支部')").run(now, now);
  db.prepare(
    `INSERT INTO members (id, branch_id, created_at, updated_at, rev, name, gender, ethnicity, id_number, birth_date, education, category, join_date)
     VALUES ('m', 'b', ?, ?, 'r', '张三', '女', '汉族', '11010519491231002X', '1949-12-31', '21', '正式党员', '1975-07-01')`,
  ).run(now, now);
  return { db, dir, now };
}
