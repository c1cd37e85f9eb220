/**
 * The roster as a clean .xlsx: a title row, a header row the importer recognises, one row per member.
 * ID numbers and phones are text cells, dates real dates shown as yyyy-mm-dd, codes by their Chinese
 * label — so that importing the file back finds every member unchanged.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { memberSearchSchema, type MemberSearch } from '../../../shared/contract/operations';
import { educationLabel, jobCategoryLabel } from '../../../shared/domain/codes';
import { formatChineseDate, localToday } from '../../../shared/domain/dates';
import { MEMBER_FIELD_LABELS, type Member } from '../../../shared/domain/member';
import type { Sqlite } from '../../db/query';
import { getLocalBranch } from '../branch/branch';
import { findMembers } from '../roster/members';
import { IMPORT_FIELDS, type ImportField } from './headers';

/** Every importable field, in the order of a typical 花名册. */
export const EXPORT_COLUMNS: readonly ImportField[] = [
  'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'nativePlace', 'category', 'applicationDate',
  'joinDate', 'fullDate', 'partyGroup', 'workUnit', 'post', 'partyPost', 'jobCategory', 'phone', 'landline', 'address',
  'status', 'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
];

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
  name: 10, gender: 6, ethnicity: 8, idNumber: 21, education: 14, category: 10, phone: 14, address: 28, remark: 24, workUnit: 22,
};

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

function exportHeader(field: ImportField): string {
  return field === 'partyGroup' ? '党小组' : (MEMBER_FIELD_LABELS[field] ?? field);
}

function addTitle(sheet: ExcelJS.Worksheet, db: Sqlite, width: number, today: string, count: number): void {
  const branch = getLocalBranch(db)?.name ?? '';
  sheet.addRow([`${branch}党员花名册`]);
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.addRow([`导出日期：${formatChineseDate(today)}　共 ${count} 人`]);
  sheet.mergeCells(2, 1, 2, width);
}

function addMembersTable(sheet: ExcelJS.Worksheet, columns: readonly ImportField[], members: Member[]): void {
  const header = sheet.addRow(['序号', ...columns.map(exportHeader)]);
  header.font = { bold: true };
  const headerRow = header.number;
  members.forEach((m, i) => sheet.addRow([i + 1, ...columns.map((f) => exportValue(m, f))]));
  columns.forEach((f, i) => {
    const col = sheet.getColumn(i + 2);
    col.width = WIDTHS[f] ?? 12;
    if (DATE_FIELDS.has(f)) col.numFmt = 'yyyy-mm-dd';
    if (TEXT_FIELDS.has(f)) col.numFmt = '@';
  });
  sheet.getColumn(1).width = 6;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length + 1 } };
}

/** The workbook of the roster (filtered, chosen columns), ready to write. */
export function rosterWorkbook(db: Sqlite, options: RosterExportOptions = {}): { workbook: ExcelJS.Workbook; count: number } {
  const today = options.today ?? localToday();
  const columns = (options.columns ?? EXPORT_COLUMNS).filter((f) => (IMPORT_FIELDS as readonly string[]).includes(f));
  const members = findMembers(db, memberSearchSchema.parse(options.filter ?? {}), today);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部工作台';
  const sheet = workbook.addWorksheet('党员花名册');
  if (options.title ?? true) addTitle(sheet, db, columns.length + 1, today, members.length);
  addMembersTable(sheet, columns, members);
  return { workbook, count: members.length };
}

/** Writes the roster to an .xlsx file; returns the number of members written. */
export async function exportRosterXlsx(db: Sqlite, file: string, options: RosterExportOptions = {}): Promise<{ file: string; count: number }> {
  const { workbook, count } = rosterWorkbook(db, options);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  fs.writeFileSync(file, data);
  return { file, count };
}
