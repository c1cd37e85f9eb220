/**
 * Column widths from measured text: the largest font size at which every value that must not break (ID numbers, dates,
 * phones, codes, short fields) sits on one line, while free text (names, group names, addresses) wraps rather than
 * widening a column for every row. Widths are measured in the wider of the stand-in and the official Word font.
 */
import { measureTextSafe } from './metrics';
import type { Align, FontRole } from './model';

/** Cell padding left and right, in twips (0.1 cm). */
export const CELL_PADDING = 57;

export interface FitColumn {
  header: string;
  align?: Align;
  /** Text that may wrap onto several lines (names, group names, addresses); false: the value never breaks. */
  wrap?: boolean;
}

export interface FitResult {
  /** Points. */
  size: number;
  /** Twips, adding up to the width asked for. */
  widths: number[];
  /** Whether some wrapping column is narrower than its longest value. */
  wraps: boolean;
  /** False: the non-wrapping columns do not fit even at the smallest size given (the widths are then scaled down). */
  fits: boolean;
  /** Twips the columns need at `size` (non-wrapping at their longest value, wrapping at their least). */
  need: number;
  /** Twips available (the width asked for). */
  available: number;
}

/** Share of a wrapping column's values that get a line of their own; the rarer longer values wrap. */
const WRAP_QUANTILE = 0.95;
/** Narrowest a wrapping column gets, in characters (besides its header). */
const WRAP_MIN_CHARS = 2;
/** Slack per column for rounding in Word, WPS and LibreOffice, in twips. */
const SLACK = 20;

const FONT: FontRole = 'fangsong';

/** Scales `weights` to whole twips that add up to exactly `total`. */
export function fitWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('列宽之和必须大于零');
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % widths.length, rest--) widths[i]! += 1;
  return widths;
}

/** Rough width of text in em: Chinese and full-width characters 1, Latin letters and digits about half. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) < 0x2e80 && ch !== '—' ? 0.55 : 1;
  return em;
}

function lineWidth(text: string, size: number): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, measureTextSafe(line, FONT, size));
  return widest;
}

/** Cell width for text of `textWidth` twips. */
function cell(textWidth: number): number {
  return Math.ceil(textWidth + 2 * CELL_PADDING + SLACK);
}

interface ColumnNeeds {
  /** Longest value, header included (twips of text at 1 pt). */
  longest: number;
  /** Width that gives WRAP_QUANTILE of the values one line (wrapping columns). */
  usual: number;
  /** Least width: half the header (it may wrap once), at least two characters. */
  least: number;
}

/** Text widths at 1 pt (measured widths scale with the size), per column. */
function columnNeeds(columns: FitColumn[], rows: string[][]): ColumnNeeds[] {
  return columns.map((column, i) => {
    const header = lineWidth(column.header, 1);
    const values = rows.map((row) => lineWidth(row[i] ?? '', 1)).sort((a, b) => a - b);
    const longest = Math.max(header, values.at(-1) ?? 0);
    if (!column.wrap) return { longest, usual: longest, least: longest };
    const usualValue = values.length ? values[Math.min(values.length - 1, Math.ceil(values.length * WRAP_QUANTILE) - 1)]! : 0;
    // A wrapping column's header may take two lines (岗位/ 职务): one header row costs less than a line on every row.
    const least = Math.max(Math.ceil(header / 2 / 20) * 20, 20 * WRAP_MIN_CHARS);
    return { longest, usual: Math.max(usualValue, least), least };
  });
}

/** Fits columns into `width` twips, trying `sizes` (points) from the largest. */
export function fitColumns(columns: FitColumn[], rows: string[][], width: number, sizes: number[]): FitResult {
  const needs = columnNeeds(columns, rows);
  const at = (pick: (n: ColumnNeeds) => number, size: number) => needs.map((n) => cell(pick(n) * size));
  const result = (size: number, widths: number[], need: number, fits: boolean): FitResult => ({
    size,
    widths,
    wraps: widths.some((w, i) => w < cell(needs[i]!.longest * size)),
    fits,
    need,
    available: width,
  });
  // At each size from the largest: every value on one line, else the usual values (rare long ones wrap), else the
  // wrapping columns narrowed where it adds the fewest lines; a larger size takes that only while most rows keep
  // one line, the smallest size always.
  const wrapping = wrappingLines(columns, rows);
  for (const [k, size] of sizes.entries()) {
    for (const pick of [(n: ColumnNeeds) => n.longest, (n: ColumnNeeds) => n.usual]) {
      const widths = at(pick, size);
      if (sum(widths) <= width) return result(size, share(widths, needs, size, width, columns), sum(widths), true);
    }
    const narrowed = narrowToFit(at((n) => n.usual, size), needs, wrapping, size, width);
    const last = k === sizes.length - 1;
    if (narrowed && (last || narrowed.lines <= rows.length * MOSTLY_ONE_LINE)) {
      return result(size, share(narrowed.widths, needs, size, width, columns), sum(narrowed.widths), true);
    }
  }
  const size = sizes.at(-1)!;
  const smallest = at((n) => n.least, size);
  return result(size, fitWidths(smallest, width), sum(smallest), false);
}

/** Rows' total lines a larger size may cost when narrowed (otherwise a smaller size is tried). */
const MOSTLY_ONE_LINE = 1.25;

interface WrappingLines {
  /** Indexes of the wrapping columns. */
  columns: number[];
  /** Per wrapping column, per row: the value's width in em (characters of one em). */
  ems: number[][];
}

function wrappingLines(columns: FitColumn[], rows: string[][]): WrappingLines {
  const indexes = columns.flatMap((c, i) => (c.wrap ? [i] : []));
  return { columns: indexes, ems: indexes.map((i) => rows.map((row) => lineWidth(row[i] ?? '', 1) / 20)) };
}

/** Lines a value of `em` characters takes in a column of `chars` whole characters. */
function linesOf(em: number, chars: number): number {
  return em <= chars + 0.01 ? 1 : Math.ceil(em / Math.max(1, chars) - 0.01);
}

/**
 * Narrows the wrapping columns one character at a time, each step where it adds the fewest row lines (ties: the
 * widest column), down to their least width, until the table fits. Whole characters, so wrapped CJK lines fill.
 */
function narrowToFit(start: number[], needs: ColumnNeeds[], wrapping: WrappingLines, size: number, width: number): { widths: number[]; lines: number } | null {
  const em = 20 * size;
  const chars = wrapping.columns.map((i) => Math.ceil((start[i]! - cell(0)) / em - 0.01));
  const leastChars = wrapping.columns.map((i) => Math.max(WRAP_MIN_CHARS, Math.ceil((needs[i]!.least * size) / em - 0.01)));
  const widthsOf = () => start.map((w, i) => {
    const k = wrapping.columns.indexOf(i);
    return k < 0 ? w : cell(chars[k]! * em);
  });
  const rowCount = wrapping.ems[0]?.length ?? 0;
  const totalLines = (trial: number[]) => {
    let total = 0;
    for (let r = 0; r < rowCount; r++) {
      let most = 1;
      for (let k = 0; k < trial.length; k++) most = Math.max(most, linesOf(wrapping.ems[k]![r]!, trial[k]!));
      total += most;
    }
    return total;
  };
  let widths = widthsOf();
  while (sum(widths) > width) {
    let best = -1;
    let bestLines = Infinity;
    for (let k = 0; k < chars.length; k++) {
      if (chars[k]! <= leastChars[k]!) continue;
      const trial = chars.map((c, j) => (j === k ? c - 1 : c));
      const lines = totalLines(trial);
      if (lines < bestLines || (lines === bestLines && chars[k]! > chars[best]!)) [best, bestLines] = [k, lines];
    }
    if (best < 0) return null;
    chars[best]! -= 1;
    widths = widthsOf();
  }
  return { widths, lines: totalLines(chars) };
}

/** Spare width goes first to wrapping columns, up to their longest value, then to every column alike. */
function share(widths: number[], needs: ColumnNeeds[], size: number, width: number, columns: FitColumn[]): number[] {
  const out = [...widths];
  let spare = width - sum(out);
  const order = columns.map((_, i) => i).sort((a, b) => out[a]! - cell(needs[a]!.longest * size) - (out[b]! - cell(needs[b]!.longest * size)));
  for (const i of order) {
    if (spare <= 0) break;
    if (!columns[i]!.wrap) continue;
    const grant = Math.min(Math.max(cell(needs[i]!.longest * size) - out[i]!, 0), spare);
    out[i]! += grant;
    spare -= grant;
  }
  return spare > 0 ? fitWidths(out, width) : out;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
