/** The printed letters and the 考核汇总表: the data from the services, the documents from the builders. */
import type { DocumentPreview, ExportedFile } from '../../../shared/contract/rosterFiles';
import type { PrintDocument } from '../../../shared/documents/model';
import { AppError } from '../../../shared/contract/errors';
import { first, qb, type Sqlite } from '../../db/query';
import { renderDocx } from '../../documents';
import { requireBranchId } from '../branch/branch';
import { parseJson } from './common';
import { buildLettersDocument, type LetterData } from './documents/letters';
import { letterItems, lettersOfYear } from './letters';
import { PERIOD_LABELS, shortBranchName, type AssessmentPeriod, type RewardRule } from '../../../shared/domain/targets';
import { writeZip } from '../handover/zip';
import type { AssessmentSummary } from '../../../shared/contract/targets';
import ExcelJS from 'exceljs';
import { XLSX_FONT_NAME, XLSX_FOOTER } from '../spreadsheet/export';
import { assessmentSummary } from './assessments';
import { buildSummaryDocument, SUMMARY_HEADER, summaryLine, summaryRows, summaryTitle } from './documents/summary';

/** The year's letters in name order (all, or those named, in the same order), as the builder takes them. */
export function lettersForPrint(db: Sqlite, year: number, ids?: readonly string[] | null): { branchName: string; letters: LetterData[] } {
  const branchId = requireBranchId(db);
  const branchName = first(db, qb.selectFrom('branches').select('name').where('id', '=', branchId))?.name ?? '';
  const wanted = ids?.length ? new Set(ids) : null;
  const rows = lettersOfYear(db, branchId, year).filter((r) => !wanted || wanted.has(r.id));
  if (rows.length === 0) {
    throw new AppError('E_NOT_FOUND', wanted ? '所选的责任书不存在或已被删除' : `${year}年还没有目标管理责任书，请先生成`);
  }
  const letters = rows.map((r) => ({
    year: r.year,
    branchName,
    secretary: r.secretary,
    memberName: r.member_name,
    post: r.post,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    items: letterItems(r),
    assessmentMethod: r.assessment_method,
    rewardRules: parseJson<RewardRule[]>(r.reward_rules_json),
    otherTerms: r.other_terms,
    signedDate: r.signed_date,
  }));
  return { branchName, letters };
}

export function lettersDocument(db: Sqlite, year: number, ids?: readonly string[] | null): PrintDocument {
  const { branchName, letters } = lettersForPrint(db, year, ids);
  return buildLettersDocument(letters, { year, branchName });
}

export function previewLetters(db: Sqlite, year: number, ids?: readonly string[] | null): DocumentPreview {
  return { document: lettersDocument(db, year, ids) };
}

export async function exportLetters(db: Sqlite, year: number, ids?: readonly string[] | null): Promise<ExportedFile> {
  const document = lettersDocument(db, year, ids);
  const count = document.blocks.filter((b) => b.kind === 'pageBreak').length + 1;
  return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64'), count };
}

/** A member's name as part of a file name: no characters Windows refuses in one. */
export function fileNamePart(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '未命名';
}

/**
 * One Word file per letter, zipped: `2026年度党员目标管理责任书-王伟.docx`, in name order; a second member of the same
 * name gets （2） after it. Each file is the letter alone, as the all-in-one file prints it.
 */
export async function exportLetterFiles(db: Sqlite, year: number, ids?: readonly string[] | null): Promise<ExportedFile> {
  const { branchName, letters } = lettersForPrint(db, year, ids);
  const taken = new Map<string, number>();
  const files: { name: string; data: Buffer }[] = [];
  for (const letter of letters) {
    const document = buildLettersDocument([letter], { year, branchName });
    const stem = `${year}年度党员目标管理责任书-${fileNamePart(letter.memberName)}`;
    const n = (taken.get(stem) ?? 0) + 1;
    taken.set(stem, n);
    files.push({ name: `${stem}${n > 1 ? `（${n}）` : ''}.docx`, data: await renderDocx(document) });
  }
  const zipName = `${shortBranchName(branchName)}${year}年度党员目标管理责任书（${letters.length}份，每人一个文件）.zip`;
  return { fileName: zipName, data: (await writeZip(files)).toString('base64'), count: files.length };
}

// ---- 考核汇总表 ----

function summaryDocument(db: Sqlite, year: number, period: AssessmentPeriod): { document: PrintDocument; summary: AssessmentSummary; branchName: string } {
  const branchId = requireBranchId(db);
  const branchName = first(db, qb.selectFrom('branches').select('name').where('id', '=', branchId))?.name ?? '';
  const summary = assessmentSummary(db, year, period);
  if (summary.letters === 0) throw new AppError('E_NOT_FOUND', `${year}年还没有目标管理责任书，无从汇总`);
  return { document: buildSummaryDocument(summary, branchName), summary, branchName };
}

export function previewSummary(db: Sqlite, year: number, period: AssessmentPeriod): DocumentPreview {
  return { document: summaryDocument(db, year, period).document };
}

/** The summary as .docx (the printed table) or .xlsx (the same rows, 宋体 10.5, A4 landscape, header repeated). */
export async function exportSummary(db: Sqlite, year: number, period: AssessmentPeriod, format: 'docx' | 'xlsx'): Promise<ExportedFile> {
  const { document, summary, branchName } = summaryDocument(db, year, period);
  if (format === 'docx') return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64'), count: summary.letters };
  return { fileName: `${document.fileStem}.xlsx`, data: (await summaryWorkbook(summary, branchName)).toString('base64'), count: summary.letters };
}

async function summaryWorkbook(summary: AssessmentSummary, branchName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${summary.year}${PERIOD_LABELS[summary.period]}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    headerFooter: { oddFooter: XLSX_FOOTER },
  });
  const font = { name: XLSX_FONT_NAME, size: 10.5 };
  const border = { style: 'thin' as const };
  const widths = [6, 10, 10, 16, 8, 9, 9, 6, 9, 30];
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, SUMMARY_HEADER.length);
  ws.getCell(1, 1).value = summaryTitle(branchName, summary);
  ws.getCell(1, 1).font = { name: XLSX_FONT_NAME, size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, SUMMARY_HEADER.length);
  ws.getCell(2, 1).value = summaryLine(summary);
  ws.getCell(2, 1).font = font;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const rows = [[...SUMMARY_HEADER], ...summaryRows(summary)];
  rows.forEach((cells, i) => {
    const row = ws.getRow(3 + i);
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      // Scores and ranks as numbers, so the sheet sorts and sums them.
      const numeric = i > 0 && [0, 4, 5, 6, 7].includes(c) && text !== '' && !Number.isNaN(Number(text));
      cell.value = numeric ? Number(text) : text;
      cell.font = i === 0 ? { ...font, bold: true } : font;
      cell.border = { top: border, left: border, bottom: border, right: border };
      cell.alignment = { horizontal: c === 1 || c === 2 || c === 3 || c === 9 ? 'left' : 'center', vertical: 'middle', wrapText: c === 9 || c === 3 };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
