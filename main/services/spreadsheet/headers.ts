/** Finding the header row of a hand-made roster and guessing which column holds which member field. */
import { cellText, columnIndex, type Grid, type GridRow } from './grid';

/** Member fields a spreadsheet column can fill, named as in `member list --json`. */
export const IMPORT_FIELDS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'nativePlace', 'category', 'applicationDate',
  'joinDate', 'fullDate', 'jobCategory', 'workUnit', 'post', 'partyPost', 'partyGroup', 'phone', 'landline', 'address',
  'status', 'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column letter -> member field, or null for a column that is not imported. */
export type ColumnMapping = Record<string, ImportField | null>;

/** Header texts people use, after normalizeHeader. Columns named in IGNORED_HEADERS are known but not imported. */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  name: ['姓名', '党员姓名', '名字'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生年月', '出生日期', '出生时间', '出生年月日', '生日'],
  idNumber: ['身份证号', '公民身份号码', '身份证号码', '公民身份证号', '公民身份证号码', '身份证', '居民身份证号', '居民身份证号码'],
  education: ['学历', '文化程度', '最高学历', '全日制学历'],
  nativePlace: ['籍贯'],
  category: ['党员类别', '人员类别', '类别', '党员类型', '政治面貌'],
  applicationDate: ['申请入党时间', '申请入党日期', '入党申请时间', '递交入党申请书时间', '提交书面申请书时间', '提交入党申请书时间'],
  joinDate: ['入党时间', '入党日期', '加入党组织日期', '入党年月', '加入党组织时间'],
  fullDate: ['转正时间', '转正日期', '转为正式党员日期', '转正年月', '转为正式党员时间'],
  jobCategory: ['工作岗位', '工作岗位代码'],
  workUnit: ['工作单位', '单位', '所在单位'],
  post: ['岗位', '职务', '岗位职务', '岗位/职务', '行政职务', '工作职务'],
  partyPost: ['党内职务'],
  partyGroup: ['党小组', '所在党小组', '党小组名称'],
  phone: ['联系电话', '手机号', '手机号码', '电话', '手机', '联系方式', '电话号码'],
  landline: ['固定电话', '座机'],
  address: ['家庭住址', '现居住地', '家庭地址', '住址', '现住址', '居住地址'],
  status: ['党籍状态'],
  lostContact: ['是否失联党员', '是否失联', '失联党员'],
  lostContactDate: ['失去联系日期', '失联日期', '失去联系时间'],
  mobileMember: ['是否流动党员', '流动党员'],
  mobileDestination: ['外出流向', '流向'],
  remark: ['备注', '说明'],
};

const IGNORED_HEADERS = new Set(['序号', '编号', '年龄', '党龄', '所在党支部', '党支部', '所在支部', '序']);

const BY_HEADER = new Map<string, ImportField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, names]) => names.map((n) => [normalizeHeader(n), field as ImportField] as const)),
);

/** Drops spaces, line breaks, required-field stars and colons; full-width letters and slashes to half-width. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*:：]/g, '')
    .replace(/[、\\]/g, '/');
}

/** Header text -> field: exact first, then with any bracketed note removed (“出生年月（年.月）”, “身份证号(18位)”). */
export function fieldForHeader(text: string): ImportField | null | undefined {
  const h = normalizeHeader(text);
  if (!h) return undefined;
  for (const candidate of [h, h.replace(/\([^)]*\)?/g, ''), h.replace(/\([^)]*\)?/g, '').replace(/\//g, '')]) {
    const field = BY_HEADER.get(candidate);
    if (field) return field;
    if (IGNORED_HEADERS.has(candidate)) return null;
  }
  return undefined;
}

function headerScore(row: GridRow): number {
  return row.cells.reduce((n, c) => (fieldForHeader(cellText(c)) !== undefined ? n + 1 : n), 0);
}

/** The row among the first `scanRows` with the most known header names (the earliest on a tie); null when none has two. */
export function findHeaderRow(grid: Grid, scanRows = 10): GridRow | null {
  let best: GridRow | null = null;
  let bestScore = 1;
  for (const row of grid.rows.slice(0, scanRows)) {
    const score = headerScore(row);
    if (score > bestScore) (best = row), (bestScore = score);
  }
  return best;
}

/** Applies the caller's corrections (column letter -> field or null); a field moved to another column leaves its old one. */
export function overrideMapping(guessed: ColumnMapping, overrides: ColumnMapping | undefined): ColumnMapping {
  if (!overrides) return guessed;
  const out: ColumnMapping = { ...guessed };
  for (const [letter, field] of Object.entries(overrides)) {
    const key = letter.toUpperCase();
    if (field) for (const [other, f] of Object.entries(out)) if (f === field && other !== key) out[other] = null;
    out[key] = field;
  }
  return out;
}

/** Problems of a mapping the caller supplied: unknown letters or fields, a field on two columns. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const seen = new Map<ImportField, string>();
  for (const [letter, field] of Object.entries(mapping)) {
    if (!/^[A-Z]{1,3}$/.test(letter) || columnIndex(letter) > 16383) problems.push(`“${letter}”不是有效的列字母`);
    if (field === null) continue;
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) problems.push(`${letter} 列：未知的字段“${field}”`);
    const other = seen.get(field);
    if (other) problems.push(`${other} 列和 ${letter} 列都对应“${field}”`);
    seen.set(field, letter);
  }
  return problems;
}
