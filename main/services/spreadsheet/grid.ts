/**
 * The grid model every spreadsheet is read into, whatever wrote it: rows numbered as the
 * spreadsheet numbers them (for a CSV, its line number), cells by 0-based column index.
 */

/** A cell as the file stores it. Dates are calendar dates (YYYY-MM-DD, taken from UTC parts). */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; numFmt?: string }
  | { kind: 'date'; date: string };

export interface GridRow {
  /** Row number as Excel shows it (1-based); for a CSV, the line the record starts on. */
  number: number;
  cells: Cell[];
}

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'csv';

export interface Grid {
  format: SpreadsheetFormat;
  sheetName: string;
  rows: GridRow[];
}

export const EMPTY: Cell = { kind: 'empty' };

/** 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A -> 0, AA -> 26. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const c of letter.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAt(row: GridRow, index: number): Cell {
  return row.cells[index] ?? EMPTY;
}

export function isBlankCell(cell: Cell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

export function isBlankRow(row: GridRow): boolean {
  return row.cells.every(isBlankCell);
}

/** The cell as text (dates as YYYY-MM-DD), trimmed. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text.replace(/\u3000/g, ' ').trim();
    case 'date':
      return cell.date;
    case 'number':
      return String(cell.value);
  }
}

/** YYYY-MM-DD of a Date read from a spreadsheet: spreadsheets have no time zone, readers put it at UTC. */
export function utcDate(d: Date): string {
  // A time of day of 23:59:59.9xx is a rounding error of the serial number: round to the nearest second first.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return t.toISOString().slice(0, 10);
}

/** Excel serial day number -> YYYY-MM-DD (1900 system with its phantom 29 Feb 1900, or the 1904 system). */
export function serialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const days = Math.floor(serial + 1e-9);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const offset = !date1904 && days < 60 ? days + 1 : days; // serials before 1 March 1900 skip the phantom day
  const ms = epoch + offset * 86_400_000;
  if (ms > Date.UTC(9999, 11, 31)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether a number format shows a date (y, m, d outside quotes and brackets, and not only a duration). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymd]/i.test(f.replace(/h+[:.]?m+|m+[:.]?s+/gi, ''));
}
