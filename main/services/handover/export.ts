/** Exporting a branch (or a selection: some tables, a period) into a hand-over package. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { HandoverExportRequest } from '../../../shared/contract/handover';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { all, qb, storedRows, type Sqlite, type StoredRow } from '../../db/query';
import { registeredTables, tableSpec, type TableSpec } from '../../db/registry';
import { getBranch, localBranchId, resolveBranchId } from '../branch/branch';
import { ensureDir, PRIVATE_FILE_MODE } from '../../app/fileModes';
import { packageJson } from '../../db/blobs';
import { encrypt } from './crypto';
import { installationKey, publicKeyText, signManifest, SIGNATURE_FILE, SUCCESSOR_KEY_FILE } from './keys';
import type { SentRow } from './trust';
import {
  CHANGE_LOG_FILE,
  HEADER_FILE,
  MANIFEST_FILE,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PAYLOAD_FILE,
  tableFile,
  type PackageManifest,
} from './format';
import { writeZip } from './zip';

export interface ExportOptions extends HandoverExportRequest {
  appVersion: string;
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function selectTables(names: string[] | null | undefined): TableSpec[] {
  const all = registeredTables();
  if (!names?.length) return all;
  const wanted = new Set<string>();
  const add = (name: string) => {
    const spec = tableSpec(name);
    if (!spec) throw new AppError('E_VALIDATION', `没有名为“${name}”的数据表`, [{ field: 'tables', message: `未知的数据表：${name}` }]);
    wanted.add(spec.name);
    spec.dependsOn.forEach(add);
  };
  names.forEach(add);
  return all.filter((t) => wanted.has(t.name));
}

function rowsOf(db: Sqlite, spec: TableSpec, branchId: string, from?: string | null, to?: string | null): StoredRow[] {
  if (spec.isBranch) return storedRows(db, `SELECT * FROM ${spec.name} WHERE id = ?`, branchId);
  let sql = `SELECT * FROM ${spec.name} WHERE branch_id = ?`;
  const args: unknown[] = [branchId];
  if (spec.periodColumn && from) (sql += ` AND ${spec.periodColumn} >= ?`), args.push(from);
  if (spec.periodColumn && to) (sql += ` AND ${spec.periodColumn} <= ?`), args.push(to);
  return storedRows(db, `${sql} ORDER BY id`, ...args);
}

/** The change-log entries of the exported rows: their history, and the revisions merges compare. */
function historyOf(db: Sqlite, table: string, ids: Set<string>): Record<string, unknown>[] {
  const rows = all(
    db,
    qb
      .selectFrom('change_log')
      .select(['table_name', 'row_id', 'branch_id', 'action', 'changed_at', 'old_json', 'new_json', 'rev'])
      .where('table_name', '=', table)
      .orderBy('seq'),
  );
  return rows.filter((r) => ids.has(r.row_id));
}

export interface BuiltPackage {
  buffer: Buffer;
  manifest: PackageManifest;
  /** Every row the package carries, with its revision: recorded as sent to its branch when the package is logged. */
  sent: SentRow[];
}

export const MIN_PASSWORD_LENGTH = 4;

export async function buildPackage(db: Sqlite, options: ExportOptions): Promise<BuiltPackage> {
  if (options.password && options.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('E_VALIDATION', `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`, [{ field: 'password', message: `至少 ${MIN_PASSWORD_LENGTH} 个字符` }]);
  }
  // A named branch (a committee passing an imported branch on) must exist and not be in the trash.
  const branchId = options.branchId ? resolveBranchId(db, options.branchId, 'branchId', '支部') : localBranchId(db);
  if (!branchId) throw new AppError('E_NO_BRANCH', '尚未建立支部信息，没有可导出的数据');
  const branch = getBranch(db, branchId);
  if (!branch) throw new AppError('E_NOT_FOUND', '要导出的支部不存在');
  const localId = localBranchId(db);
  if (options.forSuccessor && branchId !== localId) {
    throw new AppError('E_VALIDATION', '只能把本支部交给接任者：其他支部的数据请选择普通交接包', [{ field: 'forSuccessor', message: '只能用于本支部' }]);
  }
  if (options.forSuccessor && !options.password) {
    throw new AppError('E_VALIDATION', '交给接任者的交接包带有本支部的签名密钥，必须设置密码', [{ field: 'password', message: '交给接任者时必须设置密码' }]);
  }
  if (options.from && options.to && options.from > options.to) {
    throw new AppError('E_VALIDATION', '起始日期不能晚于结束日期', [{ field: 'from', message: '起始日期不能晚于结束日期' }]);
  }

  const entries: { name: string; data: Buffer }[] = [];
  const tables: PackageManifest['tables'] = [];
  const history: Record<string, unknown>[] = [];
  const sent: SentRow[] = [];
  db.transaction(() => {
    // One read transaction: the package is a consistent snapshot.
    for (const spec of selectTables(options.tables)) {
      const rows = rowsOf(db, spec, branchId, options.from, options.to);
      const data = Buffer.from(packageJson(rows));
      entries.push({ name: tableFile(spec.name), data });
      tables.push({ name: spec.name, label: spec.label, file: tableFile(spec.name), rows: rows.length, sha256: sha(data), bytes: data.length });
      history.push(...historyOf(db, spec.name, new Set(rows.map((r) => String(r.id)))));
      for (const r of rows) sent.push({ table: spec.name, id: r.id, rev: r.rev });
    }
  })();
  const logData = Buffer.from(JSON.stringify(history));
  entries.push({ name: CHANGE_LOG_FILE, data: logData });
  const key = installationKey(db);
  // Only when the user hands the branch to a successor (own branch, behind a password, checked above): the successor signs as the branch.
  const keyData = options.forSuccessor ? Buffer.from(key.export({ type: 'pkcs8', format: 'pem' })) : null;
  // Whose key signs: this installation's branch; another branch than the package's marks a re-export.
  const signerBranch = localId ? getBranch(db, localId) : undefined;
  if (keyData) entries.push({ name: SUCCESSOR_KEY_FILE, data: keyData });

  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    packageId: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    createdBy: options.createdBy?.trim() || '',
    branch: { id: branch.id, name: branch.name, parentCommittee: branch.parentCommittee },
    period: { from: options.from ?? null, to: options.to ?? null },
    tables,
    changeLog: { file: CHANGE_LOG_FILE, rows: history.length, sha256: sha(logData), bytes: logData.length },
    attachments: [],
    signer: { algorithm: 'ed25519', publicKey: publicKeyText(key), ...(signerBranch ? { branch: { id: signerBranch.id, name: signerBranch.name } } : {}) },
    ...(keyData ? { successorKey: { file: SUCCESSOR_KEY_FILE, sha256: sha(keyData), bytes: keyData.length } } : {}),
  };
  const manifestData = Buffer.from(JSON.stringify(manifest, null, 2));
  entries.unshift({ name: MANIFEST_FILE, data: manifestData });
  entries.push({ name: SIGNATURE_FILE, data: Buffer.from(signManifest(key, manifestData).toString('base64')) });

  const header = { format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, encrypted: !!options.password };
  if (!options.password) {
    const buffer = await writeZip([{ name: HEADER_FILE, data: Buffer.from(JSON.stringify(header)) }, ...entries]);
    return { buffer, manifest, sent };
  }
  const inner = await writeZip(entries);
  const { header: cipher, payload } = await encrypt(inner, options.password);
  const buffer = await writeZip([
    { name: HEADER_FILE, data: Buffer.from(JSON.stringify({ ...header, ...cipher })) },
    { name: PAYLOAD_FILE, data: payload },
  ]);
  return { buffer, manifest, sent };
}

/** Written to a temp file beside the target, then renamed into place. */
export function writeFileAtomic(file: string, data: Buffer): void {
  ensureDir(path.dirname(path.resolve(file)));
  const temp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(temp, data, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temp, file);
}

export async function exportPackage(db: Sqlite, file: string, options: ExportOptions): Promise<Omit<BuiltPackage, 'buffer'>> {
  const { buffer, ...built } = await buildPackage(db, options);
  writeFileAtomic(file, buffer);
  return built;
}
