/** `check`: integrity, foreign keys and schema version of a database file; exit 1 when anything is wrong. */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/contract/errors';
import { openRaw } from '../../../db/connection';
import { integrityCheck } from '../../../db/backup';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../../db/migrations';
import type { CliCommand } from '../../../cli/command';

export interface CheckReport {
  ok: boolean;
  integrity: string;
  schemaVersion: number | null;
  latestSchemaVersion: number;
  /** Rows whose foreign keys point nowhere; null when they could not be checked. */
  foreignKeys: number | null;
}

function attempt<T>(read: () => T): { value: T } | { error: string } {
  try {
    return { value: read() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export function checkDatabase(db: Database.Database): CheckReport {
  const version = attempt(() => schemaVersion(db));
  const integrity = attempt(() => integrityCheck(db));
  const fk = attempt(() => (db.pragma('foreign_key_check') as unknown[]).length);
  const report: CheckReport = {
    ok: false,
    integrity: 'value' in integrity ? integrity.value : `无法读取：${integrity.error}`,
    schemaVersion: 'value' in version ? version.value : null,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    foreignKeys: 'value' in fk ? fk.value : null,
  };
  const v = report.schemaVersion;
  report.ok = report.integrity === 'ok' && report.foreignKeys === 0 && v !== null && v >= 1 && v <= LATEST_SCHEMA_VERSION;
  return report;
}

function versionText(v: number | null): string {
  if (v === null) return '无法读取';
  if (v === 0) return '0（不是支部工作台的数据文件，或尚未建立）';
  if (v > LATEST_SCHEMA_VERSION) return `${v}（由更新版本的程序写入，本程序支持到 ${LATEST_SCHEMA_VERSION}）`;
  if (v < LATEST_SCHEMA_VERSION) return `${v}（打开时将自动升级到 ${LATEST_SCHEMA_VERSION}）`;
  return `${v}（最新）`;
}

export function checkText(file: string, r: CheckReport): string {
  const integrityLines = r.integrity.split(/; |\n/).filter(Boolean);
  const integrity = integrityLines.length > 10 ? [...integrityLines.slice(0, 10), `……另有 ${integrityLines.length - 10} 条`] : integrityLines;
  return [
    `数据文件：${file}`,
    `完整性检查：${integrity.join('\n            ')}`,
    `外键检查：${r.foreignKeys === null ? '无法检查' : r.foreignKeys === 0 ? 'ok' : `${r.foreignKeys} 处引用了不存在的记录`}`,
    `数据结构版本：${versionText(r.schemaVersion)}`,
    r.ok ? '结论：数据文件完好。' : '结论：数据文件有问题。请不要继续写入，可从备份恢复（程序的“系统”页列出可用的备份）。',
  ].join('\n');
}

export const checkCommand: CliCommand = {
  path: ['check'],
  summary: '检查数据文件的完整性、外键和数据结构版本（有问题时退出码为 1）',
  usage: '',
  options: {},
  database: 'file',
  run({ databasePath }) {
    if (!fs.existsSync(databasePath)) throw new AppError('E_NOT_FOUND', `找不到数据文件：${databasePath}`);
    let db: Database.Database | null = null;
    let report: CheckReport;
    try {
      db = openRaw(databasePath, { readonly: true });
      report = checkDatabase(db);
    } catch (e) {
      report = { ok: false, integrity: `无法读取：${(e as Error).message}`, schemaVersion: null, latestSchemaVersion: LATEST_SCHEMA_VERSION, foreignKeys: null };
    } finally {
      db?.close();
    }
    return { data: report, text: checkText(databasePath, report), exitCode: report.ok ? 0 : 1 };
  },
};
