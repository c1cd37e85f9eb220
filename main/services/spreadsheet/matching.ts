/**
 * Guessing which column holds which member field as a person would: by the header, by the hint in
 * the header's parentheses (“党籍状态（正式党员或预备党员）”) and by the values the column holds.
 * Every column gets a reason, so a wrong guess is easy to see and correct.
 */
import { checkIdNumber } from '../../../shared/domain/idNumber';
import { MEMBER_FIELD_LABELS } from '../../../shared/domain/member';
import { cellAt, cellText, columnLetter, isBlankCell, type Cell, type GridRow } from './grid';
import { fieldForHeader, normalizeHeader, type ColumnMapping, type ImportField } from './headers';
import { halfWidth, readCell } from './values';

/** How a column came to its field: its header, the hint in its parentheses, its values, or the user's choice. */
export type MatchedBy = 'header' | 'hint' | 'values' | 'user';

export interface ColumnReason {
  /** null: the column is not imported (text says why). */
  by: MatchedBy | null;
  /** A short Chinese note shown beside the column's mapping. */
  text: string;
}

export interface ColumnMatch {
  mapping: ColumnMapping;
  reasons: Record<string, ColumnReason>;
}

const label = (field: ImportField) => MEMBER_FIELD_LABELS[field] ?? field;

/** Fields with a closed set of values, which a hint in parentheses can name. */
const CHOICE_FIELDS: readonly ImportField[] = ['category', 'gender', 'status', 'lostContact', 'mobileMember', 'education'];

/** Words that make a column the member category whatever its header says (“党员” alone is too vague). */
const CATEGORY_VALUES = new Set(['正式党员', '预备党员', '中共党员', '中共预备党员', '正式', '预备']);
const GENDER_VALUES = new Set(['男', '女']);

const squeeze = (text: string) => halfWidth(text).replace(/\s/g, '');

/** The words inside a header's parentheses: “（正式党员或预备党员）” -> 正式党员, 预备党员. */
export function hintWords(header: string): string[] {
  const inside = [...halfWidth(header).matchAll(/[(（]([^)）]*)[)）]?/g)].map((m) => m[1] ?? '');
  return inside.flatMap((t) => t.split(/或|、|\/|,|，|;|；|\|/)).map(squeeze).filter(Boolean);
}

const fits = (field: ImportField, cell: Cell) => readCell(field, cell, label(field)).ok;
const textCell = (text: string): Cell => ({ kind: 'text', text });

/** The choice field whose values are exactly what the hint lists (at least two words, all accepted). */
export function fieldForHint(header: string): ImportField | null {
  const words = hintWords(header);
  if (words.length < 2) return null;
  return CHOICE_FIELDS.find((f) => words.every((w) => fits(f, textCell(w)))) ?? null;
}

/** A field the values alone show, whatever the header: the category, and for unnamed columns gender or ID number. */
function fieldForValues(values: Cell[]): ImportField | null {
  if (!values.length) return null;
  const texts = values.map((c) => squeeze(cellText(c)));
  if (texts.every((t) => CATEGORY_VALUES.has(t))) return 'category';
  if (texts.every((t) => GENDER_VALUES.has(t))) return 'gender';
  if (texts.every((t) => checkIdNumber(t).ok)) return 'idNumber';
  return null;
}

interface Candidate {
  letter: string;
  field: ImportField;
  by: MatchedBy;
  /** Which column keeps a field two columns claim: the higher wins, then the earlier column. */
  strength: number;
}

const quoteSample = (values: Cell[]) => `“${cellText(values[0]!)}”`;

/** The strongest claim of one column, or the reason it is not imported. */
function judgeColumn(letter: string, header: string, values: Cell[]): Candidate | ColumnReason {
  const byHeader = fieldForHeader(header);
  const byValues = fieldForValues(values);
  const byHint = fieldForHint(header);
  const valuesFit = (f: ImportField) => values.every((c) => fits(f, c));
  if (byHeader && values.length && byHeader === byValues) return { letter, field: byHeader, by: 'header', strength: 5 };
  // The category is told by its values whatever the header; gender and ID number only when the header names no field.
  if (byValues && (byValues === 'category' || !byHeader)) return { letter, field: byValues, by: 'values', strength: 4 };
  if (byHint && valuesFit(byHint)) return { letter, field: byHint, by: 'hint', strength: 3 };
  if (byHeader) {
    // A column whose values all break the field's rules is something else (人员类别 holding 普通编制, 合同制).
    const wrong = values.length >= 2 && !values.some((c) => fits(byHeader, c));
    if (!wrong) return { letter, field: byHeader, by: 'header', strength: 2 };
    return { by: null, text: `内容（如${quoteSample(values)}）不像“${label(byHeader)}”，未导入` };
  }
  if (byHeader === null) return { by: null, text: '不需要导入的列' };
  return { by: null, text: values.length ? '列名和内容都没有认出，未导入' : '列名没有认出，未导入' };
}

function reasonText(c: Candidate, header: string, values: Cell[]): string {
  switch (c.by) {
    case 'header':
      return `按列名“${normalizeHeader(header)}”`;
    case 'hint':
      return `按列名括号中的“${hintWords(header).join('或')}”`;
    case 'values': {
      const distinct = [...new Set(values.map((v) => squeeze(cellText(v))))].slice(0, 3);
      return `按内容：都是“${distinct.join('”“')}”`;
    }
    case 'user':
      return '由您指定';
  }
}

/** Up to `limit` non-blank cells of a column, from the data rows given. */
function columnValues(rows: GridRow[], index: number, limit = 100): Cell[] {
  const out: Cell[] = [];
  for (const row of rows) {
    const cell = cellAt(row, index);
    if (!isBlankCell(cell)) out.push(cell);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The mapping of a header row, weighing each column's header, hint and values (from `dataRows`,
 * the rows that hold members). A field two columns claim goes to the stronger claim.
 */
export function matchColumns(header: GridRow, dataRows: GridRow[]): ColumnMatch & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const reasons: Record<string, ColumnReason> = {};
  const samples = new Map<string, Cell[]>();
  const candidates: Candidate[] = [];
  header.cells.forEach((cell, i) => {
    const text = cellText(cell);
    if (!text) return;
    const letter = columnLetter(i);
    headers[letter] = text;
    const values = columnValues(dataRows, i);
    samples.set(letter, values);
    const judged = judgeColumn(letter, text, values);
    if ('field' in judged) candidates.push(judged);
    else reasons[letter] = judged;
  });
  const winner = new Map<ImportField, Candidate>();
  for (const c of candidates) {
    const held = winner.get(c.field);
    if (!held || c.strength > held.strength) winner.set(c.field, c);
  }
  const mapping: ColumnMapping = Object.fromEntries(Object.keys(headers).map((l) => [l, null]));
  for (const c of candidates) {
    const kept = winner.get(c.field)!;
    if (kept === c) {
      mapping[c.letter] = c.field;
      reasons[c.letter] = { by: c.by, text: reasonText(c, headers[c.letter]!, samples.get(c.letter)!) };
    } else {
      reasons[c.letter] = { by: null, text: `“${label(c.field)}”已由 ${kept.letter} 列导入` };
    }
  }
  return { mapping, reasons, headers };
}

/** The reasons after the user's corrections: a column the user set says so; a column whose field moved says where it went. */
export function overrideReasons(
  guessed: ColumnMatch,
  final: ColumnMapping,
  overrides: ColumnMapping | undefined,
): Record<string, ColumnReason> {
  if (!overrides) return guessed.reasons;
  const set = new Set(Object.keys(overrides).map((l) => l.toUpperCase()));
  const out = { ...guessed.reasons };
  for (const [letter, field] of Object.entries(final)) {
    const before = guessed.mapping[letter] ?? null;
    if (set.has(letter)) out[letter] = field ? { by: 'user', text: '由您指定' } : { by: null, text: '您选择不导入' };
    else if (before && !field) {
      const now = Object.entries(final).find(([, f]) => f === before)?.[0];
      out[letter] = { by: null, text: now ? `“${label(before)}”已改由 ${now} 列导入` : '未导入' };
    }
  }
  return out;
}
