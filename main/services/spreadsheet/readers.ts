/** Reading .xlsx (ExcelJS), .xls (SheetJS) and .csv (UTF-8 or GB18030) into the grid model. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/contract/errors';
import { findHeaderRow } from './headers';
import { EMPTY, isDateFormat, serialToDate, utcDate, type Cell, type Grid, type GridRow, type SpreadsheetFormat } from './grid';

export function formatOf(fileName: string): SpreadsheetFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') return 'xls';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new AppError('E_VALIDATION', `不支持的文件类型“${ext || fileName}”：请使用 .xlsx、.xls 或 .csv 文件`);
}

export async function readSpreadsheetFile(file: string): Promise<Grid> {
  const format = formatOf(file);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    throw new AppError('E_NOT_FOUND', `无法读取文件“${file}”`);
  }
  return readSpreadsheet(data, format);
}

/** The sheet holding the roster: the first whose first rows contain a header, else the first with anything in it. */
function pickSheet(grids: Grid[], format: SpreadsheetFormat): Grid {
  return grids.find((g) => findHeaderRow(g)) ?? grids[0] ?? { format, sheetName: '', rows: [] };
}

/**
 * What the bytes are, whatever the name says (files get renamed): a zip is .xlsx, an OLE compound
 * file is .xls; anything else named .xls/.xlsx (HTML or XML tables saved by web systems) goes to SheetJS.
 */
export function sniffFormat(data: Buffer, declared: SpreadsheetFormat): SpreadsheetFormat {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b) return 'xlsx';
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  return declared === 'csv' ? 'csv' : 'xls';
}

/** Reads the sheet holding the roster (see pickSheet); an empty file gives a grid without rows. */
export async function readSpreadsheet(data: Buffer, declared: SpreadsheetFormat): Promise<Grid> {
  if (data.length === 0) throw new AppError('E_VALIDATION', '这个文件是空的（0 字节）：请确认选对了文件；如果是复制来的，请重新复制一次');
  const format = sniffFormat(data, declared);
  try {
    if (format === 'xlsx') return pickSheet(await readXlsx(data), format);
    if (format === 'xls') return pickSheet(readXls(data), format);
    return readCsv(data);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (/password|encrypt/i.test((e as Error).message)) {
      throw new AppError('E_VALIDATION', '这个表格文件设置了打开密码：请在 Excel 或 WPS 中取消密码、另存后再导入');
    }
    // The library's own (English) text is no help to the user: say what to do instead.
    throw new AppError(
      'E_VALIDATION',
      `无法读取表格文件（.${format}）：文件不完整、已损坏或不是该格式（可能没有复制完整）。请在 Excel 或 WPS 中打开它并另存为 .xlsx 后再导入`,
    );
  }
}

// ---- xlsx ----

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value, numFmt };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '是' : '否' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', date: utcDate(value) };
  if ('richText' in value) return excelCell(value.richText.map((r) => r.text).join(''), numFmt);
  if ('result' in value) return excelCell((value.result ?? null) as ExcelValue, numFmt);
  if ('text' in value) return excelCell(value.text as ExcelValue, numFmt); // a hyperlink: its shown text
  return EMPTY; // errors (#N/A …) and anything else carry no value
}

function excelRow(row: ExcelJS.Row): GridRow {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // The other cells of a merged range repeat the first one's value: they are empty in the grid.
    if (cell.type === ExcelJS.ValueType.Merge) return;
    cells[col - 1] = excelCell(cell.value, cell.numFmt);
  });
  return { number: row.number, cells: Array.from(cells, (c) => c ?? EMPTY) };
}

/**
 * The whole workbook is loaded, not streamed: ExcelJS's streaming reader decodes each chunk of the
 * XML on its own and so garbles Chinese characters that straddle two chunks (U+FFFD in names).
 */
async function readXlsx(data: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets
    .filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden')
    .map((sheet) => {
      const rows: GridRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => rows.push(excelRow(row)));
      return { format: 'xlsx' as const, sheetName: sheet.name, rows };
    })
    .filter((g) => g.rows.length);
}

// ---- xls (Excel 97–2003) ----

function xlsCell(c: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!c || c.v === undefined || c.v === null) return EMPTY;
  if (c.t === 'n') {
    const v = c.v as number;
    if (isDateFormat(c.z as string | undefined)) {
      const date = serialToDate(v, date1904);
      if (date) return { kind: 'date', date };
    }
    return { kind: 'number', value: v, numFmt: c.z as string | undefined };
  }
  if (c.t === 'd') return { kind: 'date', date: utcDate(c.v as Date) };
  if (c.t === 'b') return { kind: 'text', text: c.v ? '是' : '否' };
  if (c.t === 's') return c.v === '' ? EMPTY : { kind: 'text', text: String(c.v) };
  return EMPTY;
}

function readXls(data: Buffer): Grid[] {
  const wb = XLSX.read(data, { type: 'buffer', cellDates: false, cellNF: true, cellText: false, dense: false });
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const grids: Grid[] = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    const sheet = wb.Sheets[name];
    if (wb.Workbook?.Sheets?.[i]?.Hidden) continue;
    if (!sheet?.['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const rows: GridRow[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: Cell[] = [];
      for (let c = 0; c <= range.e.c; c++) cells.push(xlsCell(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined, date1904));
      if (cells.some((c) => c.kind !== 'empty')) rows.push({ number: r + 1, cells });
    }
    if (rows.length) grids.push({ format: 'xls', sheetName: name, rows });
  }
  return grids;
}

// ---- csv ----

/**
 * UTF-16 when it starts with its BOM (Excel's “Unicode text”); UTF-8 when the bytes are valid UTF-8
 * (a BOM is dropped); otherwise GB18030, a superset of GBK, which Chinese Excel writes.
 */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return iconv.decode(data.subarray(2), 'utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return iconv.decode(data.subarray(2), 'utf16be');
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(data);
    } catch {
      // not (wholly) this encoding
    }
  }
  // Broken bytes somewhere: the encoding most lines are valid in, with U+FFFD where they are broken;
  // the rows holding U+FFFD are refused by the preview, naming row and column (never stored).
  return new TextDecoder(validLines(data, 'utf-8') >= validLines(data, 'gb18030') ? 'utf-8' : 'gb18030').decode(data);
}

/** How many lines with non-ASCII bytes decode without error in `encoding`. */
function validLines(data: Buffer, encoding: string): number {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let valid = 0;
  let start = 0;
  while (start < data.length) {
    const end = data.indexOf(0x0a, start) === -1 ? data.length : data.indexOf(0x0a, start);
    const line = data.subarray(start, end);
    if (line.some((b) => b >= 0x80)) {
      try {
        decoder.decode(line);
        valid++;
      } catch {
        // a broken line
      }
    }
    start = end + 1;
  }
  return valid;
}

function readCsv(data: Buffer): Grid {
  const text = decodeText(data);
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true, bom: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const rows: GridRow[] = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    const start = previousEnd + 1;
    previousEnd = info.lines;
    const cells: Cell[] = record.map((v) => (v.trim() === '' ? EMPTY : { kind: 'text', text: v }));
    if (cells.some((c) => c.kind !== 'empty')) rows.push({ number: start, cells });
  }
  return { format: 'csv', sheetName: '', rows };
}
