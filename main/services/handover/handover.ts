/** Hand-over as the app and the CLI use it: export to a file, preview a package, import it after a backup. */
import fs from 'node:fs';
import path from 'node:path';
import type { HandoverLogCount, HandoverLogEntry, TableCounts } from '../../../shared/contract/handover';
import { AppError } from '../../../shared/contract/errors';
import { localToday } from '../../../shared/domain/dates';
import type { AppContext } from '../../app/context';
import { dropStaged, stagedFile, stageFile } from '../../app/staging';
import { nowIso, prepare } from '../../db/query';
import { tableSpec } from '../../db/registry';
import { makeBackup } from '../backup/backups';
import { PackageError } from './errors';
import { buildPackage, exportPackage, type ExportOptions } from './export';
import { applyImport, checkUniqueEndState, planImport, type ImportPreview, type ImportResult, type Resolutions } from './merge';
import { readPackage } from './read';
import { recordKeyDecisions, recordReceived, recordSent, requireKeyAccepted, type SentRow } from './trust';
import type { PackageManifest } from './format';

const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export function readPackageFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('E_NOT_FOUND', `找不到交接包文件“${file}”`);
  }
  if (!stat.isFile()) throw new AppError('E_VALIDATION', `“${file}”是文件夹，不是交接包文件：请给出其中的 .zbk 文件`);
  const size = stat.size;
  if (size > MAX_PACKAGE_BYTES) throw new PackageError('too-large', '交接包文件过大（超过 1 GB），已拒绝');
  return fs.readFileSync(file);
}

export async function exportHandover(ctx: AppContext, file: string, options: Omit<ExportOptions, 'appVersion'>) {
  const { manifest, sent } = await exportPackage(ctx.db, file, { ...options, appVersion: ctx.appVersion });
  logExport(ctx, manifest, sent, path.basename(file), !!options.password);
  return manifest;
}

/** For the screen: the package in memory, to be saved where the user chooses. */
export async function exportHandoverData(ctx: AppContext, options: Omit<ExportOptions, 'appVersion'>) {
  const { buffer, manifest, sent } = await buildPackage(ctx.db, { ...options, appVersion: ctx.appVersion });
  const fileName = packageFileName(manifest.branch.name, manifest.createdAt);
  logExport(ctx, manifest, sent, fileName, !!options.password);
  return { fileName, data: buffer.toString('base64'), manifest };
}

/** The export's record (file name, encryption, who, period, row counts) and the revisions it sent, in one transaction. */
function logExport(ctx: AppContext, manifest: PackageManifest, sent: SentRow[], fileName: string, encrypted: boolean): void {
  ctx.db.transaction(() => {
    recordSent(ctx.db, manifest.branch.id, sent);
    prepare(
      ctx.db,
      `INSERT INTO handover_log (package_id, direction, branch_id, branch_name, package_created_at, at, summary_json,
         file_name, encrypted, created_by, period_from, period_to) VALUES (?, 'export', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      manifest.packageId, manifest.branch.id, manifest.branch.name, manifest.createdAt, nowIso(),
      JSON.stringify(manifest.tables.map((t) => [t.name, t.rows])),
      fileName, encrypted ? 1 : 0, manifest.createdBy, manifest.period.from, manifest.period.to,
    );
  })();
  ctx.log.info(`exported package ${manifest.packageId} (${manifest.tables.length} tables)`);
}

export async function previewHandover(ctx: AppContext, buffer: Buffer, password?: string | null): Promise<ImportPreview> {
  return planImport(ctx.db, await readPackage(ctx.db, buffer, password)).preview;
}

/**
 * Reads and plans again (nothing is trusted from an earlier preview), backs up, then applies in
 * one transaction. Conflicts need a resolution for every record.
 */
export async function importHandover(
  ctx: AppContext,
  buffer: Buffer,
  options: { password?: string | null; resolutions?: Resolutions; fileName?: string; acceptNewKey?: boolean },
): Promise<{ preview: ImportPreview; result: ImportResult; backup: string }> {
  const pkg = await readPackage(ctx.db, buffer, options.password);
  const plan = planImport(ctx.db, pkg);
  const { trust, package: manifest } = plan.preview;
  requireKeyAccepted(trust, manifest.branch.name, options.acceptNewKey === true);
  const unresolved = plan.preview.conflicts.filter((c) => !(options.resolutions?.byKey?.[c.key] ?? options.resolutions?.all));
  if (unresolved.length) {
    throw new AppError('E_CONFLICT', `有 ${unresolved.length} 处冲突需要选择保留本机还是交接包的版本（如“${unresolved[0]!.label}”）`);
  }
  // The plan checked the end state with the package's versions; the choices made may keep local versions instead.
  if (options.resolutions) checkUniqueEndState(ctx.db, plan, options.resolutions);
  const backup = await makeBackup(ctx.db, ctx.databasePath, 'before-import');
  let result!: ImportResult;
  let keyEvents: string[] = [];
  ctx.db.transaction(() => {
    result = applyImport(ctx.db, plan, options.resolutions, options.fileName ?? '');
    recordReceived(ctx.db, pkg);
    keyEvents = recordKeyDecisions(ctx.db, pkg, trust);
  })();
  for (const event of keyEvents) {
    ctx.log.info(`package ${manifest.packageId} of branch ${manifest.branch.id}: key ${event} (fingerprint ${trust.fingerprint}, before ${trust.pinnedFingerprint ?? '-'})`);
  }
  ctx.log.info(`imported package ${manifest.packageId}`);
  return { preview: plan.preview, result, backup: backup.name };
}

// ---- for the screen: the file is sent once for the preview and applied by its id ----

export async function stagePackage(ctx: AppContext, buffer: Buffer, fileName: string, password?: string | null) {
  const preview = await previewHandover(ctx, buffer, password);
  return { stagingId: stageFile(ctx, 'handover', { buffer, fileName }), preview };
}

export async function importStaged(
  ctx: AppContext,
  stagingId: string,
  password: string | null | undefined,
  resolutions: Resolutions,
  acceptNewKey = false,
) {
  const { buffer, fileName } = stagedFile(ctx, 'handover', stagingId);
  const { preview, backup } = await importHandover(ctx, buffer, { password, resolutions, fileName, acceptNewKey });
  dropStaged(ctx, 'handover', stagingId);
  return { preview, backup };
}

interface LogRow {
  package_id: string; direction: 'import' | 'export'; branch_name: string; package_created_at: string; at: string; summary_json: string;
  file_name: string; encrypted: number | null; created_by: string; period_from: string | null; period_to: string | null;
}

export function handoverHistory(ctx: AppContext): HandoverLogEntry[] {
  const rows = prepare(
    ctx.db,
    `SELECT package_id, direction, branch_name, package_created_at, at, summary_json, file_name, encrypted, created_by, period_from, period_to
       FROM handover_log ORDER BY id DESC`,
  ).all() as LogRow[];
  return rows.map((r) => {
    const tables = logCounts(r.direction, r.summary_json);
    return {
      packageId: r.package_id, direction: r.direction, branchName: r.branch_name, packageCreatedAt: r.package_created_at, at: r.at,
      fileName: r.file_name, encrypted: r.encrypted === null ? null : r.encrypted === 1, createdBy: r.created_by,
      periodFrom: r.period_from, periodTo: r.period_to, tables, totalRows: tables.reduce((sum, t) => sum + t.rows, 0),
    };
  });
}

/** Export: [[table, rows]] (the package's rows). Import: { table: TableCounts } (rows the package held, and what changed). */
export function logCounts(direction: 'import' | 'export', summaryJson: string): HandoverLogCount[] {
  let summary: unknown;
  try {
    summary = JSON.parse(summaryJson);
  } catch {
    return [];
  }
  if (direction === 'export' && Array.isArray(summary)) {
    return summary
      .filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number')
      .map(([name, rows]) => ({ label: tableSpec(name)?.label ?? name, rows }));
  }
  if (direction === 'import' && summary && typeof summary === 'object' && !Array.isArray(summary)) {
    return Object.entries(summary as Record<string, Partial<TableCounts>>).map(([name, c]) => ({
      label: c.label ?? tableSpec(name)?.label ?? name,
      rows: (c.new ?? 0) + (c.updated ?? 0) + (c.unchanged ?? 0) + (c.conflicts ?? 0),
      new: c.new ?? 0,
      updated: c.updated ?? 0,
    }));
  }
  return [];
}

/** File name for a package: branch name and date, safe on every file system. */
export function packageFileName(branchName: string, createdAt: string): string {
  // The local date: createdAt is UTC, a day behind in China before 08:00.
  return `${branchName.replace(/[\\/:*?"<>|\s]/g, '')}-交接包-${localToday(new Date(createdAt))}.zbk`;
}
