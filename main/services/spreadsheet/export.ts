/**
 * The roster as a clean .xlsx: a title row, a header row the importer recognises, one row per member.
 * ID numbers and phones are text cells, dates real dates shown as yyyy-mm-dd, codes by their Chinese
 * label — so that importing the file back finds every member unchanged. It prints as a register: A4 landscape,
 * one page wide, the header row repeated, page numbers in the footer, thin borders and 宋体 10.5 pt throughout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir, makePrivate } from '../../app/fileModes';
import ExcelJS from 'exceljs';
import { memberSearchSchema, type MemberSearch } from '../../../shared/contract/operations';
import { educationLabel, jobCategoryLabel } from '../../../shared/domain/codes';
import { formatChineseDate, localToday } from '../../../shared/domain/dates';
import type { Member } from '../../../shared/domain/member';
import { rosterColumnLabel, XLSX_COLUMN_KEYS } from '../../../shared/domain/rosterColumns';
import type { Sqlite } from '../../db/query';
import { rosterScope, type RosterScope } from '../branch/branch';
import { findMembers } from '../roster/members';
import { BRANCH_COLUMN } from '../../documents/rosterColumns';
import { IMPORT_FIELDS, type ImportField } from './headers';

/** Every importable field, in the order of a typical 花名册 (the shared column list). */
export const EXPORT_COLUMNS: readonly ImportField[] = XLSX_COLUMN_KEYS;

export interface RosterExportOptions {
  /** Fields to export, in order (default: EXPORT_COLUMNS). A 序号 column always comes first. */
  columns?: readonly ImportField[];
  /** Which members, as for the roster search (default: the active roster, by name). Paging is ignored. */
  filter?: MemberSearch;
  /** A title row (branch name, date) above the header; default true. */
  title?: boolean;
  /** YYYY-MM-DD shown in the title; defaults to the local date. */
  today?: string;
}

const DATE_FIELDS = new Set<ImportField>(['birthDate', 'applicationDate', 'joinDate', 'fullDate']);
const TEXT_FIELDS = new Set<ImportField>(['idNumber', 'phone', 'landline', 'lostContactDate']);
const WIDTHS: Partial<Record<ImportField, number>> = {
  name: 10, gender: 6, ethnicity: 8, idNumber: 21, education: 14, category: 10, phone: 14, address: 24, remark: 20, workUnit: 20,
  nativePlace: 14, partyGroup: 16, mobileDestination: 18, lostContact: 8, mobileMember: 8, status: 10, lostContactDate: 11,
};
/** Free-text columns wrap inside their width instead of spilling over (and being cut off) in print. */
const WRAP_FIELDS = new Set<ImportField>(['nativePlace', 'partyGroup', 'workUnit', 'post', 'partyPost', 'address', 'mobileDestination', 'remark', 'education', 'jobCategory']);

/** 宋体 on every cell: Calibri has no Chinese glyphs, and WPS/Excel/LibreOffice all know 宋体 (or map it). */
export const XLSX_FONT_NAME = '宋体';
const BODY_FONT: Partial<ExcelJS.Font> = { name: XLSX_FONT_NAME, size: 10.5 };
const THIN = { style: 'thin' } as const;
const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Footer page numbers, in the Excel header/footer code (&C centre, &P page, &N pages). */
export const XLSX_FOOTER = '&C第 &P 页 共 &N 页';

/** A4 landscape, one page wide and as many pages tall as needed, the header row repeated on every page. */
function printSetup(headerRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function exportValue(m: Member, field: ImportField): ExcelJS.CellValue {
  const v = (m as unknown as Record<string, unknown>)[field];
  if (DATE_FIELDS.has(field)) {
    if (typeof v !== 'string') return null;
    const [y, mo, d] = v.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, mo - 1, d));
  }
  if (field === 'education') return educationLabel(m.education);
  if (field === 'jobCategory') return m.jobCategory ? jobCategoryLabel(m.jobCategory) : null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v === null || v === undefined || v === '' ? null : String(v);
}

/** The header row names a column as every other roster screen and document does. */
export function exportHeader(field: ImportField): string {
  return rosterColumnLabel(field);
}

type SheetWriter = ExcelJS.Worksheet;

/** The header of the branch column a listing across branches gets (the importer knows it and skips it). */
export const BRANCH_COLUMN_HEADER = BRANCH_COLUMN.header;

function addTitle(sheet: SheetWriter, branch: string, width: number, today: string, count: number): void {
  const title = sheet.addRow([`${branch}党员花名册`]);
  title.height = 30;
  title.getCell(1).font = { name: XLSX_FONT_NAME, bold: true, size: 18 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(1, 1, 1, width);
  const date = sheet.addRow([`导出日期：${formatChineseDate(today)}　共 ${count} 人`]);
  date.getCell(1).font = BODY_FONT;
  sheet.mergeCells(2, 1, 2, width);
  date.commit(); // merging touches the cells: only before their rows are committed
}

/** The style of a data cell in the column of `field` (undefined: 序号 or the branch): font, border, format, wrapping. */
function cellStyle(field: ImportField | undefined): Partial<ExcelJS.Style> {
  const numFmt = field && DATE_FIELDS.has(field) ? 'yyyy-mm-dd' : field && TEXT_FIELDS.has(field) ? '@' : undefined;
  const wrap = field === undefined || WRAP_FIELDS.has(field);
  return {
    font: BODY_FONT,
    border: CELL_BORDER,
    alignment: { vertical: 'middle', wrapText: wrap },
    ...(numFmt ? { numFmt } : {}),
  };
}

/** Widths and styles by column, set before any row so every cell takes them (IDs and phones as text). */
function sheetColumns(columns: readonly ImportField[], withBranch: boolean): Partial<ExcelJS.Column>[] {
  return [
    { width: 6, style: { ...cellStyle(undefined), alignment: { horizontal: 'center', vertical: 'middle' } } },
    ...(withBranch ? [{ width: 24, style: cellStyle(undefined) }] : []),
    ...columns.map((f) => ({ width: WIDTHS[f] ?? 12, style: cellStyle(f) })),
  ];
}

const LINE_HEIGHT = 14; // points per line of 10.5 pt text

/** Display width of a text in column-width units: a CJK character takes about two, anything else one. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return units;
}

/**
 * A height that shows every wrapped line: LibreOffice keeps the default height of an .xlsx row on opening,
 * so wrapped text would otherwise print over the next row.
 */
function rowHeight(values: readonly ExcelJS.CellValue[], widths: readonly number[]): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const usable = Math.max(1, (widths[i] ?? 12) - 1);
    const count = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / usable)), 0);
    lines = Math.max(lines, count);
  });
  return lines > 1 ? lines * LINE_HEIGHT + 2 : undefined;
}

/** Column styles reach only cells created in a column: every cell of the row gets its column's style, empty ones too. */
function styleRow(sheet: SheetWriter, row: ExcelJS.Row, width: number): void {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.style = { ...sheet.getColumn(c).style };
  }
}

function sheetColumnWidths(sheet: SheetWriter, count: number): number[] {
  return Array.from({ length: count }, (_, i) => sheet.getColumn(i + 1).width ?? 12);
}

/** Across branches, each member's branch comes right after 序号. */
function addMembersTable(sheet: SheetWriter, columns: readonly ImportField[], members: Member[], scope: RosterScope): void {
  const branch = scope.acrossBranches ? (m: Member) => [scope.names.get(m.branchId) ?? ''] : () => [];
  const headers = ['序号', ...(scope.acrossBranches ? [BRANCH_COLUMN_HEADER] : []), ...columns.map(exportHeader)];
  const widths = sheetColumnWidths(sheet, headers.length);
  const header = sheet.addRow(headers);
  header.height = rowHeight(headers, widths) ?? LINE_HEIGHT + 4;
  header.eachCell((cell) => {
    cell.font = { ...BODY_FONT, bold: true };
    cell.border = CELL_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: headers.length } };
  header.commit();
  members.forEach((m, i) => {
    const values = [i + 1, ...branch(m), ...columns.map((f) => exportValue(m, f))];
    const row = sheet.addRow(values);
    const height = rowHeight(values, widths);
    if (height) row.height = height;
    styleRow(sheet, row, headers.length);
    row.commit();
  });
}

/**
 * Writes the roster (filtered, chosen columns) to an .xlsx file with ExcelJS's streaming writer,
 * through a temporary file renamed into place; returns the number of members written.
 */
export async function exportRosterXlsx(db: Sqlite, file: string, options: RosterExportOptions = {}): Promise<{ file: string; count: number }> {
  const today = options.today ?? localToday();
  const columns = (options.columns ?? EXPORT_COLUMNS).filter((f) => (IMPORT_FIELDS as readonly string[]).includes(f));
  const members = findMembers(db, memberSearchSchema.parse(options.filter ?? {}), today);
  const title = options.title ?? true;
  const scope = rosterScope(db, options.filter?.branchId);
  const width = columns.length + 1 + (scope.acrossBranches ? 1 : 0);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  // As writeFileAtomic does for the other exports: a missing folder is created.
  ensureDir(path.dirname(file));
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    workbook.creator = '支部工作台';
    const headerRow = title ? 3 : 1;
    const sheet = workbook.addWorksheet('党员花名册', {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      pageSetup: printSetup(headerRow),
      headerFooter: { oddFooter: XLSX_FOOTER },
    });
    sheet.columns = sheetColumns(columns, scope.acrossBranches);
    if (title) addTitle(sheet, scope.name, width, today, members.length);
    addMembersTable(sheet, columns, members, scope);
    sheet.commit();
    await workbook.commit();
    makePrivate(temp);
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { file, count: members.length };
}
