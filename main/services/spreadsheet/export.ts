/**
 * The roster as a clean .xlsx: a title row, a header row the importer recognises, one row per member.
 * ID numbers and phones are text cells, dates real dates shown as yyyy-mm-dd, codes by their Chinese
 * label — so that importing the file back finds every member unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { memberSearchSchema, type MemberSearch } from '../../../shared/contract/operations';
import { educationLabel, jobCategoryLabel } from '../../../shared/domain/codes';
import { formatChineseDate, localToday } from '../../../shared/domain/dates';
import { MEMBER_FIELD_LABELS, type Member } from '../../../shared/domain/member';
import type { Sqlite } from '../../db/query';
import { rosterScope, type RosterScope } from '../branch/branch';
import { findMembers } from '../roster/members';
import { BRANCH_COLUMN } from '../../documents/rosterColumns';
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

type SheetWriter = ExcelJS.Worksheet;

/** The header of the branch column a listing across branches gets (the importer knows it and skips it). */
export const BRANCH_COLUMN_HEADER = BRANCH_COLUMN.header;

function addTitle(sheet: SheetWriter, branch: string, width: number, today: string, count: number): void {
  const title = sheet.addRow([`${branch}党员花名册`]);
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, width);
  const date = sheet.addRow([`导出日期：${formatChineseDate(today)}　共 ${count} 人`]);
  sheet.mergeCells(2, 1, 2, width);
  date.commit(); // merging touches the cells: only before their rows are committed
}

/** Widths and number formats by column, set before any row so every cell takes them (IDs and phones as text). */
function sheetColumns(columns: readonly ImportField[], withBranch: boolean): Partial<ExcelJS.Column>[] {
  const numFmt = (f: ImportField) => (DATE_FIELDS.has(f) ? 'yyyy-mm-dd' : TEXT_FIELDS.has(f) ? '@' : undefined);
  return [
    { width: 6 },
    ...(withBranch ? [{ width: 30 }] : []),
    ...columns.map((f) => ({ width: WIDTHS[f] ?? 12, style: numFmt(f) ? { numFmt: numFmt(f) } : {} })),
  ];
}

/** Across branches, each member's branch comes right after 序号. */
function addMembersTable(sheet: SheetWriter, columns: readonly ImportField[], members: Member[], scope: RosterScope): void {
  const branch = scope.acrossBranches ? (m: Member) => [scope.names.get(m.branchId) ?? ''] : () => [];
  const headers = ['序号', ...(scope.acrossBranches ? [BRANCH_COLUMN_HEADER] : []), ...columns.map(exportHeader)];
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: headers.length } };
  header.commit();
  members.forEach((m, i) => sheet.addRow([i + 1, ...branch(m), ...columns.map((f) => exportValue(m, f))]).commit());
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
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    workbook.creator = '支部工作台';
    const sheet = workbook.addWorksheet('党员花名册', { views: [{ state: 'frozen', xSplit: 0, ySplit: title ? 3 : 1 }] });
    sheet.columns = sheetColumns(columns, scope.acrossBranches);
    if (title) addTitle(sheet, scope.name, width, today, members.length);
    addMembersTable(sheet, columns, members, scope);
    sheet.commit();
    await workbook.commit();
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { file, count: members.length };
}
