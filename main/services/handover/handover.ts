/** Hand-over as the app and the CLI use it: export to a file, preview a package, import it after a backup. */
import fs from 'node:fs';
import type { HandoverLogEntry } from '../../../shared/contract/handover';
import { AppError } from '../../../shared/contract/errors';
import type { AppContext } from '../../app/context';
import { dropStaged, stagedFile, stageFile } from '../../app/staging';
import { nowIso, prepare } from '../../db/query';
import { makeBackup } from '../backup/backups';
import { PackageError } from './errors';
import { buildPackage, exportPackage, type ExportOptions } from './export';
import { applyImport, planImport, type ImportPreview, type ImportResult, type Resolutions } from './merge';
import { readPackage } from './read';
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
  const manifest = await exportPackage(ctx.db, file, { ...options, appVersion: ctx.appVersion });
  logExport(ctx, manifest);
  return manifest;
}

/** For the screen: the package in memory, to be saved where the user chooses. */
export async function exportHandoverData(ctx: AppContext, options: Omit<ExportOptions, 'appVersion'>) {
  const { buffer, manifest } = await buildPackage(ctx.db, { ...options, appVersion: ctx.appVersion });
  logExport(ctx, manifest);
  return { fileName: packageFileName(manifest.branch.name, manifest.createdAt), data: buffer.toString('base64'), manifest };
}

function logExport(ctx: AppContext, manifest: PackageManifest): void {
  prepare(
    ctx.db,
    "INSERT INTO handover_log (package_id, direction, branch_id, branch_name, package_created_at, at, summary_json) VALUES (?, 'export', ?, ?, ?, ?, ?)",
  ).run(manifest.packageId, manifest.branch.id, manifest.branch.name, manifest.createdAt, nowIso(), JSON.stringify(manifest.tables.map((t) => [t.name, t.rows])));
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
  options: { password?: string | null; resolutions?: Resolutions },
): Promise<{ preview: ImportPreview; result: ImportResult; backup: string }> {
  const plan = planImport(ctx.db, await readPackage(ctx.db, buffer, options.password));
  const unresolved = plan.preview.conflicts.filter((c) => !(options.resolutions?.byKey?.[c.key] ?? options.resolutions?.all));
  if (unresolved.length) {
    throw new AppError('E_CONFLICT', `有 ${unresolved.length} 处冲突需要选择保留本机还是交接包的版本（如“${unresolved[0]!.label}”）`);
  }
  const backup = await makeBackup(ctx.db, ctx.databasePath, 'before-import');
  const result = applyImport(ctx.db, plan, options.resolutions);
  ctx.log.info(`imported package ${plan.preview.package.packageId}`);
  return { preview: plan.preview, result, backup: backup.name };
}

// ---- for the screen: the file is sent once for the preview and applied by its id ----

export async function stagePackage(ctx: AppContext, buffer: Buffer, fileName: string, password?: string | null) {
  const preview = await previewHandover(ctx, buffer, password);
  return { stagingId: stageFile(ctx, 'handover', { buffer, fileName }), preview };
}

export async function importStaged(ctx: AppContext, stagingId: string, password: string | null | undefined, resolutions: Resolutions) {
  const { buffer } = stagedFile(ctx, 'handover', stagingId);
  const { preview, backup } = await importHandover(ctx, buffer, { password, resolutions });
  dropStaged(ctx, 'handover', stagingId);
  return { preview, backup };
}

export function handoverHistory(ctx: AppContext): HandoverLogEntry[] {
  return (
    prepare(ctx.db, 'SELECT package_id, direction, branch_name, package_created_at, at FROM handover_log ORDER BY id DESC').all() as {
      package_id: string; direction: 'import' | 'export'; branch_name: string; package_created_at: string; at: string;
    }[]
  ).map((r) => ({ packageId: r.package_id, direction: r.direction, branchName: r.branch_name, packageCreatedAt: r.package_created_at, at: r.at }));
}

/** File name for a package: branch name and date, safe on every file system. */
export function packageFileName(branchName: string, createdAt: string): string {
  return `${branchName.replace(/[\\/:*?"<>|\s]/g, '')}-交接包-${createdAt.slice(0, 10)}.zbk`;
}
