/** The roster's files for the screens: spreadsheet import (preview, then apply), .xlsx and Word exports, the overview. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { MemberSearch } from '../../../shared/contract/operations';
import { memberSearchSchema } from '../../../shared/contract/operations';
import type { DocumentPreview, ExportedFile, RosterOverview, RosterPreview, SheetImportResult, SheetIssue, SheetPreview } from '../../../shared/contract/rosterFiles';
import { localToday } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { MEMBER_FIELD_LABELS } from '../../../shared/domain/member';
import { computeBranchStatistics } from '../../../shared/domain/statistics';
import type { AppContext } from '../../app/context';
import { dropStaged, stagedFile, stageFile } from '../../app/staging';
import type { PrintDocument } from '../../../shared/documents/model';
import { buildBranchStatisticsDocument, renderDocx, rosterPlanMessage, rosterPrint } from '../../documents';
import { rosterFileStem, rosterPrintInput, type RosterPrintOptions } from './rosterPrint';
import { branchNames, getLocalBranch, requireBranchId } from '../branch/branch';
import { pipelineBoard } from '../pipeline/board';
import { findMembers } from '../roster/members';
import {
  applyImport,
  describeIssue,
  exportRosterXlsx,
  IMPORT_FIELDS,
  previewImport,
  readSpreadsheet,
  formatOf,
  type CellIssue,
  type ColumnMapping,
  type ImportPreview,
} from '../spreadsheet';

const label = (key: string) => MEMBER_FIELD_LABELS[key] ?? key;
const issue = (i: CellIssue): SheetIssue => ({ ...i, text: describeIssue(i) });

function view(ctx: AppContext, stagingId: string, fileName: string, p: ImportPreview): SheetPreview {
  return {
    stagingId,
    fileName,
    branchId: p.branchId,
    branchName: branchNames(ctx.db).get(p.branchId) ?? '',
    format: p.format,
    sheetName: p.sheetName,
    headerRow: p.headerRow,
    headers: p.headers,
    mapping: p.mapping,
    reasons: p.reasons,
    fields: IMPORT_FIELDS.map((key) => ({ key, label: label(key) })),
    missingFields: p.missingFields.map((key) => ({ key, label: label(key) })),
    counts: { new: p.new, updated: p.updated, unchanged: p.unchanged, invalid: p.rows.filter((r) => r.outcome === 'invalid').length },
    invalid: p.invalid.map(issue),
    skipped: p.skipped,
    rows: p.rows.map((r) => ({
      row: r.row,
      outcome: r.outcome,
      name: r.name,
      idNumberMasked: r.fields?.idNumber ? maskIdNumber(r.fields.idNumber) : '',
      problems: r.problems.map(issue),
      notes: r.notes.map(issue),
      changes: r.changes.map((c) => ({ label: c.label, before: c.field === 'idNumber' ? '（已修改）' : c.before, after: c.field === 'idNumber' ? '（已修改）' : c.after })),
    })),
  };
}

export interface SheetRequest {
  stagingId?: string | null;
  data?: string | null;
  fileName: string;
  mapping?: Record<string, string | null> | null;
  headerRow?: number | null;
  /** The branch to import into; omitted: the local branch. */
  branchId?: string | null;
}

type PreviewRequest = Pick<SheetRequest, 'mapping' | 'headerRow' | 'branchId'>;

async function previewOf(ctx: AppContext, stagingId: string, req: PreviewRequest) {
  const { buffer, fileName } = stagedFile(ctx, 'sheet', stagingId);
  const grid = await readSpreadsheet(buffer, formatOf(fileName));
  return previewImport(ctx.db, grid, {
    mapping: (req.mapping ?? undefined) as ColumnMapping | undefined,
    headerRow: req.headerRow ?? undefined,
    branchId: req.branchId,
  });
}

/** Stages the file (once) and previews it with the mapping as corrected by the user. */
export async function previewSheet(ctx: AppContext, req: SheetRequest): Promise<SheetPreview> {
  requireBranchId(ctx.db);
  let stagingId = req.stagingId;
  if (!stagingId) {
    if (!req.data) throw new AppError('E_VALIDATION', '请选择要导入的表格文件', [{ field: 'data', message: '请选择文件' }]);
    stagingId = stageFile(ctx, 'sheet', { buffer: Buffer.from(req.data, 'base64'), fileName: req.fileName });
  }
  const preview = await previewOf(ctx, stagingId, req);
  return view(ctx, stagingId, stagedFile(ctx, 'sheet', stagingId).fileName, preview);
}

/** Reads and previews again (nothing trusted from the screen), then writes in one transaction after a backup. */
export async function applySheet(
  ctx: AppContext,
  req: PreviewRequest & { stagingId: string; skipInvalid: boolean },
): Promise<SheetImportResult> {
  const preview = await previewOf(ctx, req.stagingId, req);
  const r = await applyImport(ctx.db, ctx.databasePath, preview, { skipInvalid: req.skipInvalid });
  dropStaged(ctx, 'sheet', req.stagingId);
  ctx.log.info(`roster import: ${r.inserted} new, ${r.updated} updated`);
  return {
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    backup: r.backup?.name ?? null,
    branchId: preview.branchId,
    branchName: branchNames(ctx.db).get(preview.branchId) ?? '',
  };
}

function fileStem(ctx: AppContext, what: string, branchId?: string | null): string {
  return rosterFileStem(ctx.db, what, branchId);
}

export async function exportRosterSheet(ctx: AppContext, filter: MemberSearch, columns?: string[] | null): Promise<ExportedFile> {
  const unknown = (columns ?? []).filter((c) => !(IMPORT_FIELDS as readonly string[]).includes(c));
  if (unknown.length) throw new AppError('E_VALIDATION', `无法导出的列：${unknown.join('、')}`, [{ field: 'columns', message: '列无效' }]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-export-'));
  try {
    const file = path.join(dir, 'roster.xlsx');
    const { count } = await exportRosterXlsx(ctx.db, file, { filter, columns: (columns ?? undefined) as never });
    return { fileName: `${fileStem(ctx, '党员名册', filter.branchId ?? null)}.xlsx`, data: fs.readFileSync(file).toString('base64'), count };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The printed roster and its fit decision, for the preview (nothing is refused: the plan says what does not fit). */
export function previewRosterWord(ctx: AppContext, filter: MemberSearch, options: RosterPrintOptions): RosterPreview {
  return rosterPrint(rosterPrintInput(ctx.db, filter, options));
}

/** The Word roster; refused with the plan's problem and suggestions when the chosen columns cannot fit. */
export async function exportRosterWord(ctx: AppContext, filter: MemberSearch, options: RosterPrintOptions): Promise<ExportedFile> {
  const input = rosterPrintInput(ctx.db, filter, options);
  const { document, plan } = rosterPrint(input);
  if (!plan.fits) throw new AppError('E_VALIDATION', rosterPlanMessage(plan), [{ field: 'columns', message: plan.problem ?? '排不下' }]);
  return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64'), count: input.members.length };
}

export function rosterOverview(ctx: AppContext): RosterOverview {
  const today = localToday();
  const members = findMembers(ctx.db, memberSearchSchema.parse({}));
  const board = pipelineBoard(ctx.db, {}, today);
  return {
    date: today,
    statistics: computeBranchStatistics(members, today),
    probation: board.probation,
    pipeline: board.stages.map((s) => ({ stage: s.stage, total: s.total })),
  };
}

function statisticsDocument(ctx: AppContext): PrintDocument {
  const branch = getLocalBranch(ctx.db);
  if (!branch) throw new AppError('E_NO_BRANCH', '尚未建立支部信息');
  const { statistics, date } = rosterOverview(ctx);
  return { ...buildBranchStatisticsDocument({ branchName: branch.name, date, stats: statistics }), fileStem: fileStem(ctx, '党员队伍基本情况统计表') };
}

export function previewStatisticsWord(ctx: AppContext): DocumentPreview {
  return { document: statisticsDocument(ctx) };
}

export async function exportStatisticsWord(ctx: AppContext): Promise<ExportedFile> {
  const document = statisticsDocument(ctx);
  return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64') };
}
