/** Reading one cell as the value of a member field, the way people type them into spreadsheets. */
import { ETHNICITIES, JOB_CATEGORIES, resolveEducation } from '../../../shared/domain/codes';
import { isRealDate, normalizeIdNumber } from '../../../shared/domain/idNumber';
import { MEMBER_STATUSES } from '../../../shared/domain/member';
import { cellText, serialToDate, type Cell } from './grid';
import type { ImportField } from './headers';

export type FieldValue = string | boolean | null;

export type CellReading =
  | { ok: true; value: FieldValue; monthOnly?: boolean; note?: string }
  | { ok: false; message: string };

export const LOST_DIGITS_MESSAGE = '身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新录入';

const ok = (value: FieldValue, extra: { monthOnly?: boolean; note?: string } = {}): CellReading => ({ ok: true, value, ...extra });
const fail = (message: string): CellReading => ({ ok: false, message });

/** Full-width digits, letters and punctuation to half-width; ideographic spaces to spaces. */
export function halfWidth(text: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const pad = (n: number | string) => String(n).padStart(2, '0');

interface ParsedDate {
  date: string;
  monthOnly: boolean;
}

function makeDate(y: number, m: number, d: number | null): ParsedDate | null {
  if (y < 1900 || y > 2100) return null;
  if (!isRealDate(y, m, d ?? 1)) return null;
  return { date: `${y}-${pad(m)}-${pad(d ?? 1)}`, monthOnly: d === null };
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})\s*[.\-/]\s*(\d{1,2})(?:\s*[.\-/]\s*(\d{1,2}))?\.?$/, // 2004.07, 2004.7.1, 2004-07-01, 2004/7/1
  /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号]?)?$/, // 2004年7月, 2004年7月1日
  /^(\d{4})(\d{2})(\d{2})?$/, // 200407, 20040701
];

/** A date typed as text; a trailing time of day (CSV from Excel: “2004/7/1 0:00”) is ignored. */
export function parseDateText(raw: string): ParsedDate | null {
  const text = halfWidth(raw).trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/^(\d{4}-\d{2}-\d{2})T.*$/, '$1');
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) return makeDate(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]));
  }
  return null;
}

/** A date typed into a number cell: 2004.07 (shown with two decimals or not), 200407, 20040701, or an unformatted serial. */
function parseDateNumber(value: number, numFmt: string | undefined): ParsedDate | null {
  if (Number.isInteger(value)) {
    if (value >= 190001 && value <= 210012) return parseDateText(String(value));
    if (value >= 19000101 && value <= 21001231) return parseDateText(String(value));
    if (value >= 1 && value < 100000) {
      const date = serialToDate(value); // a real date whose format Excel's reader did not recognise
      return date ? { date, monthOnly: false } : null;
    }
    return null;
  }
  const decimals = /0\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? 0;
  const text = decimals >= 2 ? value.toFixed(decimals) : String(value);
  return parseDateText(text);
}

function readDate(cell: Cell, label: string, monthField: boolean): CellReading {
  let parsed: ParsedDate | null = null;
  if (cell.kind === 'date') parsed = { date: cell.date, monthOnly: false };
  else if (cell.kind === 'number') parsed = parseDateNumber(cell.value, cell.numFmt);
  else if (cell.kind === 'text') parsed = parseDateText(cell.text);
  if (!parsed) return fail(`无法识别的日期“${cellText(cell)}”，请写成 2004-07-01、2004.07 或 2004年7月1日`);
  if (monthField) return ok(parsed.date.slice(0, 7));
  if (!parsed.monthOnly) return ok(parsed.date);
  // 2004.10 typed into a number cell is stored as 2004.1: the month cannot be told from January.
  const ambiguous = cell.kind === 'number' && /^\d{4}\.1$/.test(String(cell.value)) && !/0\.00/.test(cell.numFmt ?? '');
  const hint = ambiguous ? `；如果是 ${parsed.date.slice(0, 4)} 年 10 月，请把该列设为文本后写成 ${parsed.date.slice(0, 4)}.10` : '';
  return ok(parsed.date, { monthOnly: true, note: `${label}只有年月，按 ${parsed.date} 记录${hint}` });
}

function readIdNumber(cell: Cell): CellReading {
  if (cell.kind === 'number') {
    if (cell.value >= 1e15 || !Number.isInteger(cell.value)) return fail(LOST_DIGITS_MESSAGE);
    return ok(String(cell.value));
  }
  const text = halfWidth(cellText(cell));
  if (/^\d(\.\d+)?E\+?\d+$/i.test(text.replace(/\s/g, ''))) return fail(LOST_DIGITS_MESSAGE);
  return ok(normalizeIdNumber(text.replace(/^'/, '')));
}

function readChoice(text: string, choices: Record<string, string>, message: string): CellReading {
  const value = choices[halfWidth(text).replace(/\s/g, '')];
  return value ? ok(value) : fail(`${message}（表中为“${text}”）`);
}

const GENDER_WORDS: Record<string, string> = { 男: '男', 女: '女', 男性: '男', 女性: '女' };
const CATEGORY_WORDS: Record<string, string> = {
  正式: '正式党员', 正式党员: '正式党员', 中共党员: '正式党员', 党员: '正式党员',
  预备: '预备党员', 预备党员: '预备党员', 中共预备党员: '预备党员',
};
const YES_NO: Record<string, string> = { 是: 'yes', 否: 'no', Y: 'yes', N: 'no', y: 'yes', n: 'no', '1': 'yes', '0': 'no', TRUE: 'yes', FALSE: 'no' };
const ETHNICITY_WORDS: Record<string, string> = Object.fromEntries(
  ETHNICITIES.flatMap((e) => [[e, e], [e.replace(/族$/, ''), e]] as [string, string][]).concat([['毛难族', '毛南族'], ['毛难', '毛南族']]),
);
const STATUS_WORDS: Record<string, string> = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, s]));

function readEducation(text: string): CellReading {
  const t = halfWidth(text).replace(/\s/g, '');
  const code = resolveEducation(t) ?? resolveEducation(t.replace(/学历$/, ''));
  return code ? ok(code) : fail(`无法识别的学历“${text}”，可写 研究生、本科、大专、中专、高中 等`);
}

/** Job category codes and labels (labels also with half-width brackets) -> code. */
const JOB_CODES = new Map<string, string>(
  JOB_CATEGORIES.flatMap((j) => [[j.code, j.code], [j.label, j.code], [halfWidth(j.label), j.code]] as [string, string][]),
);

function readJobCategory(text: string): CellReading {
  const t = halfWidth(text).trim();
  // A code typed into a number cell has lost its leading zero (014 -> 14).
  const code = JOB_CODES.get(t) ?? JOB_CODES.get(t.replace(/\s/g, '')) ?? (/^\d+$/.test(t) ? JOB_CODES.get(`0${t}`) : undefined);
  return code ? ok(code) : fail(`工作岗位“${text}”不在代码表中`);
}

/** Names are often padded with spaces to line up (“张  三”): spaces between Chinese characters are dropped. */
function readName(text: string): CellReading {
  const t = text.replace(/\u3000/g, ' ').trim();
  return ok(/[\u4e00-\u9fff]/.test(t) ? t.replace(/\s+/g, '') : t.replace(/\s+/g, ' '));
}

/** Numbers typed into a number cell: phone numbers fit exactly; anything else keeps its digits. */
function readPlainText(cell: Cell): string {
  if (cell.kind === 'number' && Number.isSafeInteger(cell.value)) return String(cell.value);
  return cellText(cell);
}

/** An empty cell: null for dates and flags; '' for text. Required fields are checked by the member schema. */
function emptyValue(field: ImportField): FieldValue {
  if (field === 'lostContact' || field === 'mobileMember') return false;
  if (/Date$/.test(field) || field === 'partyGroup') return null;
  return '';
}

export function readCell(field: ImportField, cell: Cell, label: string): CellReading {
  const text = readPlainText(cell);
  if (cell.kind !== 'date' && text === '') return ok(emptyValue(field));
  switch (field) {
    case 'birthDate':
    case 'applicationDate':
    case 'joinDate':
    case 'fullDate':
      return readDate(cell, label, false);
    case 'lostContactDate':
      return readDate(cell, label, true);
    case 'idNumber':
      return readIdNumber(cell);
    case 'name':
      return readName(text);
    case 'gender':
      return readChoice(text, GENDER_WORDS, '性别应为男或女');
    case 'ethnicity':
      return readChoice(text, ETHNICITY_WORDS, '请填写 56 个民族之一');
    case 'category':
      return readChoice(text, CATEGORY_WORDS, '人员类别应为正式党员或预备党员');
    case 'status':
      return readChoice(text, STATUS_WORDS, `党籍状态应为 ${MEMBER_STATUSES.join('、')} 之一`);
    case 'education':
      return readEducation(text);
    case 'jobCategory':
      return readJobCategory(text);
    case 'lostContact':
    case 'mobileMember': {
      const r = readChoice(text, YES_NO, '请填写“是”或“否”');
      return r.ok ? ok(r.value === 'yes') : r;
    }
    case 'phone':
      return ok(halfWidth(text).trim());
    case 'partyGroup':
      return ok(text.replace(/\s+/g, ' ') || null);
    default:
      return ok(text);
  }
}

