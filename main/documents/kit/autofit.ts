/**
 * Column widths from content: the largest font size at which every column fits on one line; failing that, the largest
 * at which only free-text columns wrap; failing that, the smallest size with every column scaled down.
 */
import { CELL_PADDING, fitWidths, type CellAlign } from './tables';

export interface FitColumn {
  header: string;
  align?: CellAlign;
  /** Free text (address, work unit, remark) that may wrap onto several lines. */
  wrap?: boolean;
}

export interface FitResult {
  /** Points. */
  size: number;
  /** Twips, adding up to the width asked for. */
  widths: number[];
  /** Whether some wrapping columns are narrower than their longest value. */
  wraps: boolean;
  /** Nothing fitted even at the smallest size: every column was scaled down and values break mid-word. */
  crowded: boolean;
}

/** Width a wrapping column may claim when sizing the font, in characters; longer text wraps. */
const WRAP_CAP = 10;
/** Narrowest a wrapping column gets, in characters (its header always fits). */
const WRAP_MIN = 4;

/** Width of text in em: Chinese and full-width characters 1, Latin letters and digits about half. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) < 0x2e80 && ch !== '—' ? 0.55 : 1;
  return em;
}

function longestLine(text: string): number {
  return text.includes('\n') ? Math.max(...text.split('\n').map(textEm)) : textEm(text);
}

/** Longest value (header included) of each column, in em. */
export function naturalEms(columns: FitColumn[], rows: string[][]): number[] {
  const ems = columns.map((c) => longestLine(c.header));
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const em = longestLine(row[i] ?? '');
      if (em > ems[i]!) ems[i] = em;
    }
  }
  return ems;
}

function twips(em: number, size: number): number {
  // Padding both sides plus a quarter character of slack for rounding in Word, WPS and LibreOffice.
  return Math.ceil(em * size * 20 + 2 * CELL_PADDING + size * 20 * 0.25);
}

/** Fits columns into `width` twips, trying `sizes` (points) from the largest. */
export function fitColumns(columns: FitColumn[], rows: string[][], width: number, sizes: number[]): FitResult {
  const natural = naturalEms(columns, rows);
  const capped = natural.map((em, i) => (columns[i]!.wrap ? Math.min(em, Math.max(WRAP_CAP, textEm(columns[i]!.header))) : em));
  for (const size of sizes) {
    const need = capped.map((em) => twips(em, size));
    if (sum(need) <= width) return widenWrapping(need, natural, size, width);
  }
  for (const size of sizes) {
    const wrapping = fitWrapping(columns, natural, width, size);
    if (wrapping) return wrapping;
  }
  const size = sizes.at(-1)!;
  return { size, widths: fitWidths(capped.map((em) => twips(em, size)), width), wraps: true, crowded: true };
}

/**
 * Fixed columns at their natural width; wrapping columns first get their minimum, then the rest of the width goes to the
 * wrapping columns closest to fitting on one line, so as few as possible wrap. Null if the minimums do not fit.
 */
function fitWrapping(columns: FitColumn[], natural: number[], width: number, size: number): FitResult | null {
  const wrapping = columns.flatMap((c, i) => (c.wrap ? [i] : []));
  if (wrapping.length === 0) return null;
  const widths = natural.map((em, i) => (columns[i]!.wrap ? minimumTwips(columns[i]!, em, size) : twips(em, size)));
  let rest = width - sum(widths);
  if (rest < 0) return null;
  const byDeficit = wrapping
    .map((i) => ({ i, deficit: twips(Math.min(natural[i]!, WRAP_CAP), size) - widths[i]! }))
    .sort((a, b) => a.deficit - b.deficit);
  for (const { i, deficit } of byDeficit) {
    const grant = Math.min(Math.max(deficit, 0), rest);
    widths[i]! += grant;
    rest -= grant;
  }
  return { size, widths: fitWidths(widths, width), wraps: true, crowded: false };
}

function minimumTwips(column: FitColumn, natural: number, size: number): number {
  return twips(Math.max(textEm(column.header), Math.min(natural, WRAP_MIN)), size);
}

/** Spare width goes first to wrapping columns, up to their longest value, then to every column alike. */
function widenWrapping(need: number[], natural: number[], size: number, width: number): FitResult {
  const widths = [...need];
  let spare = width - sum(widths);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    const grant = Math.min(Math.max(twips(natural[i]!, size) - widths[i]!, 0), spare);
    widths[i]! += grant;
    spare -= grant;
  }
  return { size, widths: fitWidths(widths, width), wraps: widths.some((w, i) => w < twips(natural[i]!, size)), crowded: false };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
