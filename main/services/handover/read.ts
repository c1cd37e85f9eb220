/**
 * Reading a package strictly, before anything touches the database: the header, the password,
 * the manifest, every part's SHA-256 and row count, and every row against its table's schema.
 */
import crypto from 'node:crypto';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { branchTable, tableSpec } from '../../db/registry';
import type { Sqlite } from '../../db/query';
import { bytesFromPackage } from '../../db/blobs';
import { checkKdf, decrypt, type CipherHeader } from './crypto';
import { PackageError } from './errors';
import {
  HEADER_FILE,
  headerSchema,
  MANIFEST_FILE,
  manifestSchema,
  PACKAGE_FORMAT_VERSION,
  PAYLOAD_FILE,
  type PackageManifest,
  type ParsedPackage,
  type StoredRow,
} from './format';
import { checkUniqueInPackage } from './unique';
import { readZip } from './zip';
import { SIGNATURE_FILE } from './keys';
import type { ChangeLogEntry } from '../../db/schema';

function parseJson(data: Buffer, what: string): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch {
    throw new PackageError('manifest-mismatch', `交接包中的“${what}”不是有效的数据`);
  }
}

/** The content's entries; in a package without password the header sits beside them and is taken out. */
async function contentEntries(buffer: Buffer, password?: string | null): Promise<{ entries: Map<string, Buffer>; encrypted: boolean }> {
  const outer = await readZip(buffer);
  const headerData = outer.get(HEADER_FILE);
  if (!headerData) throw new PackageError('not-package', '这个文件不是支部工作台的交接包（缺少包头）');
  const header = headerSchema.safeParse(parseJson(headerData, HEADER_FILE));
  if (!header.success) throw new PackageError('not-package', '这个文件不是支部工作台的交接包（包头无法识别）');
  if (header.data.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new PackageError('newer-format', `交接包由更新版本的支部工作台生成（格式版本 ${header.data.formatVersion}），请先升级程序`);
  }
  if (!header.data.encrypted) {
    outer.delete(HEADER_FILE);
    return { entries: outer, encrypted: false };
  }
  const payload = outer.get(PAYLOAD_FILE);
  if (!payload || !header.data.kdf || !header.data.cipher || !header.data.keyCheck) {
    throw new PackageError('manifest-mismatch', '交接包的加密内容缺失');
  }
  checkKdf(header.data.kdf);
  if (!password) throw new PackageError('password-required', '这个交接包设置了密码，请输入密码');
  const plain = await decrypt(payload, header.data as unknown as CipherHeader, password);
  return { entries: await readZip(plain), encrypted: true };
}

function checkPart(entries: Map<string, Buffer>, file: string, sha: string, bytes: number): Buffer {
  const data = entries.get(file);
  if (!data) throw new PackageError('manifest-mismatch', `交接包清单列出的“${file}”不在包中`);
  if (data.length !== bytes || crypto.createHash('sha256').update(data).digest('hex') !== sha) {
    throw new PackageError('checksum', `交接包中的“${file}”校验和不符，文件在传递中被改动过或已损坏`);
  }
  return data;
}

const COMMON = ['id', 'branch_id', 'created_at', 'updated_at', 'deleted_at', 'rev'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function commonProblems(row: Record<string, unknown>): string | null {
  if (typeof row.id !== 'string' || !UUID.test(row.id)) return '编号（id）无效';
  if (typeof row.branch_id !== 'string' || !UUID.test(row.branch_id)) return '所属支部（branch_id）无效';
  if (typeof row.rev !== 'string' || row.rev.length < 8) return '版本号（rev）无效';
  for (const c of ['created_at', 'updated_at']) if (typeof row[c] !== 'string' || !ISO_TIME.test(row[c] as string)) return `时间（${c}）无效`;
  if (row.deleted_at !== null && (typeof row.deleted_at !== 'string' || !ISO_TIME.test(row.deleted_at))) return '删除时间无效';
  return null;
}

/** Every row must have exactly the table's columns and pass the table's own checks. */
function validateRows(db: Sqlite, table: string, label: string, rows: unknown[]): StoredRow[] {
  const spec = tableSpec(table)!;
  const info = db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; dflt_value: unknown }[];
  const columns = new Set(info.map((c) => c.name));
  const seen = new Set<string>();
  return rows.map((raw, i) => {
    const where = `${label}表第 ${i + 1} 行`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new PackageError('invalid-rows', `${where}不是一条记录`);
    const row = raw as Record<string, unknown>;
    const named = typeof row.name === 'string' ? `${where}（${row.name.slice(0, 20)}）` : where;
    const unknown = Object.keys(row).filter((k) => !columns.has(k));
    if (unknown.length) throw new PackageError('invalid-rows', `${named}含有本程序不认识的字段：${unknown.join('、')}`);
    // A package from an older schema lacks newer columns: those with a default take it.
    const missing = info.filter((c) => !(c.name in row) && c.notnull && c.dflt_value === null).map((c) => c.name);
    if (missing.length) throw new PackageError('invalid-rows', `${named}缺少字段：${missing.join('、')}`);
    for (const c of info) {
      if (!(c.name in row)) continue;
      // Bytes travel as {"$base64": "…"} (main/db/blobs.ts).
      if (c.type === 'BLOB' && row[c.name] !== null) row[c.name] = bytesFromPackage(row[c.name]) ?? row[c.name];
      const v = row[c.name];
      const typeOk =
        v === null ? !c.notnull : c.type === 'INTEGER' ? Number.isSafeInteger(v) : c.type === 'BLOB' ? v instanceof Uint8Array : typeof v === 'string';
      if (!typeOk) throw new PackageError('invalid-rows', `${named}的字段“${spec.columnLabels?.[c.name] ?? c.name}”类型不正确`);
    }
    const common = commonProblems(row);
    if (common) throw new PackageError('invalid-rows', `${named}：${common}`);
    if (seen.has(row.id as string)) throw new PackageError('invalid-rows', `${named}的编号在包中重复`);
    seen.add(row.id as string);
    const problems = spec.validateRow?.(row) ?? [];
    if (problems.length) {
      const p = problems[0]!;
      // The domain rules name fields as the contract does (birthDate); the labels are keyed by column (birth_date).
      const field = spec.columnLabels?.[p.field] ?? spec.columnLabels?.[p.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ?? p.field;
      throw new PackageError('invalid-rows', `${named}的“${field}”不合格：${p.message}`);
    }
    return row as StoredRow;
  });
}

function validateChangeLog(rows: unknown[], tables: Map<string, StoredRow[]>): ChangeLogEntry[] {
  return rows.map((raw, i) => {
    const r = raw as Record<string, unknown>;
    const ok =
      r && typeof r === 'object' &&
      typeof r.table_name === 'string' && tables.has(r.table_name) &&
      typeof r.row_id === 'string' && typeof r.branch_id === 'string' && typeof r.action === 'string' &&
      typeof r.changed_at === 'string' && typeof r.rev === 'string' &&
      (r.old_json === null || typeof r.old_json === 'string') && (r.new_json === null || typeof r.new_json === 'string');
    if (!ok) throw new PackageError('invalid-rows', `变更记录第 ${i + 1} 条格式不正确`);
    return r as unknown as ChangeLogEntry;
  });
}

export async function readPackage(db: Sqlite, buffer: Buffer, password?: string | null): Promise<ParsedPackage> {
  const { entries, encrypted } = await contentEntries(buffer, password);
  const manifestData = entries.get(MANIFEST_FILE);
  if (!manifestData) throw new PackageError('manifest-mismatch', '交接包缺少清单（manifest.json）');
  const parsed = manifestSchema.safeParse(parseJson(manifestData, MANIFEST_FILE));
  if (!parsed.success) throw new PackageError('manifest-mismatch', '交接包的清单内容不完整或格式不对');
  const manifest: PackageManifest = parsed.data;
  if (manifest.formatVersion > PACKAGE_FORMAT_VERSION || manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new PackageError('newer-format', `交接包由更新版本的支部工作台（${manifest.appVersion}）生成，请先升级程序`);
  }
  const listed = new Set([MANIFEST_FILE, manifest.changeLog.file, ...manifest.tables.map((t) => t.file), ...manifest.attachments.map((a) => a.file)]);
  if (manifest.signer) listed.add(SIGNATURE_FILE);
  if (manifest.successorKey) listed.add(manifest.successorKey.file);
  const extra = [...entries.keys()].filter((name) => !listed.has(name));
  if (extra.length) throw new PackageError('manifest-mismatch', `交接包中有清单未列出的文件：${extra.slice(0, 3).join('、')}`);

  const tables = new Map<string, StoredRow[]>();
  for (const t of manifest.tables) {
    if (!tableSpec(t.name)) throw new PackageError('manifest-mismatch', `交接包含有本程序不认识的数据表“${t.name}”`);
    if (tables.has(t.name)) throw new PackageError('manifest-mismatch', `交接包清单中“${t.name}”重复`);
    const rows = parseJson(checkPart(entries, t.file, t.sha256, t.bytes), t.file);
    if (!Array.isArray(rows) || rows.length !== t.rows) {
      throw new PackageError('manifest-mismatch', `交接包清单说${t.label}表有 ${t.rows} 行，实际为 ${Array.isArray(rows) ? rows.length : 0} 行`);
    }
    tables.set(t.name, validateRows(db, t.name, t.label, rows));
    checkUniqueInPackage(t.name, tables.get(t.name)!);
  }
  const branches = tables.get(branchTable().name) ?? [];
  if (!branches.some((b) => b.id === manifest.branch.id)) {
    throw new PackageError('manifest-mismatch', '交接包清单中的支部与包内数据不符');
  }
  const log = parseJson(checkPart(entries, manifest.changeLog.file, manifest.changeLog.sha256, manifest.changeLog.bytes), manifest.changeLog.file);
  if (!Array.isArray(log) || log.length !== manifest.changeLog.rows) {
    throw new PackageError('manifest-mismatch', '交接包清单中的变更记录条数与实际不符');
  }
  for (const a of manifest.attachments) checkPart(entries, a.file, a.sha256, a.bytes);
  const k = manifest.successorKey;
  return {
    manifest,
    tables,
    changeLog: validateChangeLog(log, tables),
    manifestBytes: manifestData,
    signature: entries.get(SIGNATURE_FILE) ?? null,
    successorKey: k ? checkPart(entries, k.file, k.sha256, k.bytes).toString('utf8') : null,
    encrypted,
  };
}
