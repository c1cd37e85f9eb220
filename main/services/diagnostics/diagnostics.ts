/** Diagnostics a secretary can send to whoever supports them: versions, schema, integrity, the log. No personal data. */
import fs from 'node:fs';
import { ensureDir, PRIVATE_FILE_MODE } from '../../app/fileModes';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../../app/context';
import { integrityCheck } from '../../db/backup';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../db/migrations';
import { sql } from 'kysely';
import { first, qb } from '../../db/query';
import { registeredTables } from '../../db/registry';

/** Strings that look like ID or phone numbers are blanked out of the log excerpt. */
function scrub(text: string): string {
  return text.replace(/\d{17}[\dXx]|\d{15}/g, '[ID]').replace(/1\d{10}/g, '[PHONE]');
}

export function diagnosticsText(ctx: AppContext): string {
  const counts = registeredTables().map((t) => {
    const n = first(ctx.db, qb.selectFrom(t.name).select((eb) => eb.fn.countAll<number>().as('n')))!.n;
    return `  ${t.name}: ${n}`;
  });
  let logTail = '';
  try {
    logTail = fs.readFileSync(ctx.log.file, 'utf8').split('\n').slice(-200).join('\n');
  } catch {
    logTail = '(无日志)';
  }
  return [
    '支部工作台 诊断信息',
    `生成时间: ${new Date().toISOString()}`,
    `程序版本: ${ctx.appVersion}`,
    `数据结构版本: ${schemaVersion(ctx.db)} (程序支持 ${LATEST_SCHEMA_VERSION})`,
    `完整性检查: ${integrityCheck(ctx.db)}`,
    `外键检查: ${(ctx.db.pragma('foreign_key_check') as unknown[]).length === 0 ? 'ok' : '有问题'}`,
    `Node ${process.versions.node}, SQLite ${first(ctx.db, qb.selectNoFrom(sql<string>`sqlite_version()`.as('v')))!.v}, ${os.platform()} ${os.arch()}`,
    '各表行数:',
    ...counts,
    '',
    '最近日志:',
    scrub(logTail),
  ].join('\n');
}

export function exportDiagnostics(ctx: AppContext): { path: string; text: string } {
  const text = diagnosticsText(ctx);
  const dir = path.join(ctx.dataDir, 'diagnostics');
  ensureDir(dir);
  const file = path.join(dir, `诊断信息-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
  fs.writeFileSync(`${file}.partial`, text, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(`${file}.partial`, file);
  return { path: file, text };
}
