/**
 * The import preview: every data row of a spreadsheet as new, update, unchanged or invalid, with
 * reasons naming row and column as Excel does. Nothing is written here.
 */
import { AppError } from '../../../shared/contract/errors';
import { zodProblems } from '../../../shared/contract/validate';
import { educationLabel, jobCategoryLabel } from '../../../shared/domain/codes';
import { localToday } from '../../../shared/domain/dates';
import { ID_PROBLEM_MESSAGES, checkIdNumber } from '../../../shared/domain/idNumber';
import { MEMBER_FIELD_LABELS, memberFieldsSchema, memberRuleProblems, type Member, type MemberFields } from '../../../shared/domain/member';
import type { Sqlite } from '../../db/query';
import { cellAt, cellText, columnIndex, isBlankCell, isBlankRow, type Cell, type Grid, type GridRow, type SpreadsheetFormat } from './grid';
import {
  findHeaderRow,
  IMPORT_FIELDS,
  mappingProblems,
  overrideMapping,
  type ColumnMapping,
  type ImportField,
} from './headers';
import { matchColumns, overrideReasons, type ColumnReason } from './matching';
import { nameBirthKey, loadStoredRoster, storedInput, type StoredRoster } from './stored';
import { readCell, type FieldValue } from './values';

export type RowOutcome = 'new' | 'update' | 'unchanged' | 'invalid';

/** A problem (or a note) at a cell: row as the spreadsheet numbers it, column letter (null when the field has no column). */
export interface CellIssue {
  row: number;
  column: string | null;
  field: string;
  message: string;
}

export interface FieldChange {
  field: ImportField;
  label: string;
  before: FieldValue;
  after: FieldValue;
}

export interface PreviewRow {
  row: number;
  outcome: RowOutcome;
  /** The name as read (for the screen), even on an invalid row. */
  name: string;
  /** The stored member this row updates or leaves unchanged. */
  memberId: string | null;
  matchedBy: 'idNumber' | 'nameBirthDate' | null;
  problems: CellIssue[];
  /** Things done that the user should know about (month-only dates, values taken from the ID number). */
  notes: CellIssue[];
  /** For an update: the fields that change, as shown to people (education and job category by label). */
  changes: FieldChange[];
  /** The member as it will be written (null on an invalid row). */
  fields: MemberFields | null;
  partyGroup: string | null;
  /** updated_at of the stored member when previewed: the write refuses if it changed in between. */
  expectedUpdatedAt: string | null;
}

export interface SkippedRow {
  row: number;
  /** blank; a total or signature row at the end; a block of filling-in instructions (填写注意事项, 说明, 注：…). */
  reason: 'blank' | 'footer' | 'instructions';
  text: string;
}

export interface ImportPreview {
  /** The branch the rows were matched against, and are written into. */
  branchId: string;
  format: SpreadsheetFormat;
  sheetName: string;
  headerRow: number;
  /** Header text by column letter. */
  headers: Record<string, string>;
  mapping: ColumnMapping;
  /** Why each column (by letter) is imported as its field, or not imported. */
  reasons: Record<string, ColumnReason>;
  /** Fields a new member needs that no column provides. */
  missingFields: ImportField[];
  new: number;
  updated: number;
  unchanged: number;
  invalid: CellIssue[];
  skipped: SkippedRow[];
  rows: PreviewRow[];
}

export interface PreviewOptions {
  /** Corrections to the guessed mapping: column letter -> member field, or null to leave a column out. */
  mapping?: ColumnMapping;
  /** Excel row number of the header row, when the guess is wrong. */
  headerRow?: number;
  /** YYYY-MM-DD; defaults to the local date. */
  today?: string;
  /** The branch to import into (it must exist and not be in the trash); omitted: the local branch. */
  branchId?: string | null;
}

/** Fields without which a member cannot be stored (gender and birth date can come from a valid ID number). */
const REQUIRED: readonly ImportField[] = ['name', 'idNumber', 'gender', 'ethnicity', 'birthDate', 'education', 'category', 'joinDate'];
const FROM_ID: readonly ImportField[] = ['gender', 'birthDate'];

const labelOf = (field: string) => MEMBER_FIELD_LABELS[field] ?? field;

/** “第 12 行 D 列（身份证号）：…” — the line shown to people. */
export function describeIssue(issue: CellIssue): string {
  const where = issue.column ? `第 ${issue.row} 行 ${issue.column} 列` : `第 ${issue.row} 行`;
  return `${where}（${labelOf(issue.field)}）：${issue.message}`;
}

/** The compact summary (`roster import --json`). */
export function previewSummary(p: ImportPreview) {
  return { new: p.new, updated: p.updated, unchanged: p.unchanged, invalid: p.invalid, mapping: p.mapping };
}

// ---- reading the rows ----

interface RowReading {
  values: Partial<Record<ImportField, FieldValue>>;
  monthOnly: Set<ImportField>;
  problems: CellIssue[];
  notes: CellIssue[];
}

type Columns = [ImportField, number, string][];

function readRow(row: GridRow, columns: Columns): RowReading {
  const out: RowReading = { values: {}, monthOnly: new Set(), problems: [], notes: [] };
  for (const [field, index, letter] of columns) {
    const cell = cellAt(row, index);
    if (cell.kind === 'text' && cell.text.includes('\uFFFD')) {
      out.problems.push({ row: row.number, column: letter, field, message: '含有无法识别的字符（文件的这部分字节已损坏或编码不对），请在原表格中改正后再导入' });
      continue;
    }
    const r = readCell(field, cell, labelOf(field));
    if (!r.ok) {
      out.problems.push({ row: row.number, column: letter, field, message: r.message });
      continue;
    }
    out.values[field] = r.value;
    if (r.monthOnly) out.monthOnly.add(field);
    if (r.note) out.notes.push({ row: row.number, column: letter, field, message: r.note });
  }
  return out;
}

const FOOTER_RE = /^(合计|总计|小计|共计|制表|填表|填报|审核|书记签字|支部书记|签字|签名|负责人|日期|单位盖章|盖章|注[:：]|说明[:：])/;

/** A total or signature row: its first or second filled cell (after a running number) starts with 合计, 制表人, 日期 … */
function isFooterRow(row: GridRow): boolean {
  return row.cells
    .filter((c) => !isBlankCell(c))
    .slice(0, 2)
    .some((c) => FOOTER_RE.test(cellText(c).replace(/\s/g, '')));
}

const INSTRUCTION_TITLE_RE = /^(填写注意事项|注意事项|填表说明|填写说明|填报说明|温馨提示|特别提示|重要提示)/;
const INSTRUCTION_NOTE_RE = /^(注|说明|备注|提示)\d*[:：]/;

function looksLikeInstructions(cell: Cell): boolean {
  const text = cellText(cell);
  const squeezed = text.replace(/\s/g, '');
  return INSTRUCTION_TITLE_RE.test(squeezed) || INSTRUCTION_NOTE_RE.test(squeezed);
}

/** A long text alone in its row: the merged block of notes a template puts beside or below its sample rows. */
function isLongNote(cell: Cell): boolean {
  const text = cellText(cell);
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).length;
  return text.replace(/\s/g, '').length >= 40 || (lines >= 3 && text.length >= 20);
}

/** Filling-in instructions: a row that opens with 填写注意事项, 说明：, 注： …, or holds nothing but one long text. */
export function isInstructionRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => !isBlankCell(c));
  if (!filled.length || filled.length > 2) return false;
  if (filled.some(looksLikeInstructions)) return true;
  return filled.length === 1 && isLongNote(filled[0]!);
}

const shortText = (row: GridRow, max = 24) => {
  const text = row.cells.map(cellText).filter(Boolean).join(' ').replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

/** Blank and instruction rows anywhere; total and signature rows at the end (with only blank or footer rows after them). */
function skippedRows(rows: GridRow[], columns: Columns): Map<number, SkippedRow> {
  const skipped = new Map<number, SkippedRow>();
  const mappedBlank = (r: GridRow) => columns.every(([, i]) => isBlankCell(cellAt(r, i)));
  for (const r of rows) if (isInstructionRow(r)) skipped.set(r.number, { row: r.number, reason: 'instructions', text: shortText(r) });
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    if (skipped.has(r.number)) continue;
    if (isFooterRow(r)) skipped.set(r.number, { row: r.number, reason: 'footer', text: r.cells.map(cellText).filter(Boolean).join(' ') });
    else if (!mappedBlank(r)) break;
  }
  for (const r of rows) if (!skipped.has(r.number) && mappedBlank(r)) skipped.set(r.number, { row: r.number, reason: 'blank', text: '' });
  return skipped;
}

/** The rows that can hold members, for judging what each column holds. */
function memberLikeRows(rows: GridRow[]): GridRow[] {
  return rows.filter((r) => !isBlankRow(r) && !isInstructionRow(r) && !isFooterRow(r));
}

// ---- one row against the roster ----

interface RowContext {
  roster: StoredRoster;
  columnOf: Map<string, string>;
  today: string;
}

/** The stored member of a row: by ID number, else by name and birth date (a month-only birth date completed from the ID). */
function findMatch(reading: RowReading, roster: StoredRoster, birthFromId: string | null) {
  const values = reading.values;
  const idNumber = typeof values.idNumber === 'string' ? values.idNumber : '';
  const byId = idNumber ? roster.byIdNumber.get(idNumber) : undefined;
  if (byId) return { member: byId, by: 'idNumber' as const };
  const name = typeof values.name === 'string' ? values.name : '';
  let birth = typeof values.birthDate === 'string' ? values.birthDate : null;
  if (birthFromId && (!birth || (reading.monthOnly.has('birthDate') && birth.slice(0, 7) === birthFromId.slice(0, 7)))) birth = birthFromId;
  const candidates = name && birth ? roster.byNameBirth.get(nameBirthKey(name, birth)) : undefined;
  if (candidates?.length === 1) return { member: candidates[0]!, by: 'nameBirthDate' as const };
  return { member: null, by: null };
}

/** Fills what the sheet leaves open: gender and birth date from a valid ID number, the day of a month-only date. */
function completeValues(reading: RowReading, base: Member | null, row: number, ctx: RowContext): void {
  const v = reading.values;
  const id = typeof v.idNumber === 'string' ? checkIdNumber(v.idNumber) : null;
  const note = (field: ImportField, message: string) =>
    reading.notes.push({ row, column: ctx.columnOf.get(field) ?? null, field, message });
  if (id?.ok) {
    const fromId: Record<string, string> = { gender: id.info.gender, birthDate: id.info.birthDate };
    for (const f of FROM_ID) {
      if (v[f] === '' || v[f] === null || (v[f] === undefined && !base)) {
        v[f] = fromId[f]!;
        note(f, `表中未填，按身份证号取“${fromId[f]}”`);
      }
    }
    if (reading.monthOnly.has('birthDate') && id.info.birthDate.slice(0, 7) === String(v.birthDate).slice(0, 7)) {
      v.birthDate = id.info.birthDate;
      reading.monthOnly.delete('birthDate');
      reading.notes = reading.notes.filter((n) => n.field !== 'birthDate');
      note('birthDate', `只有年月，按身份证号取 ${id.info.birthDate}`);
    }
  }
  for (const f of reading.monthOnly) {
    const stored = base?.[f as keyof Member];
    if (typeof stored === 'string' && stored.slice(0, 7) === String(v[f]).slice(0, 7)) {
      v[f] = stored; // “2004.07” for a member stored as 2004-07-15 is no change
      reading.notes = reading.notes.filter((n) => n.field !== f);
    }
  }
  if (base && typeof v.name === 'string' && v.name !== base.name && base.name.replace(/\s/g, '') === v.name) v.name = base.name;
}

/** Empty required cells: an error on a new member; on an update the stored value stays (with a note). */
function requiredProblems(reading: RowReading, base: Member | null, row: number, ctx: RowContext): CellIssue[] {
  const out: CellIssue[] = [];
  for (const f of REQUIRED) {
    const v = reading.values[f];
    const column = ctx.columnOf.get(f) ?? null;
    if (column && v === '' && base) {
      delete reading.values[f];
      reading.notes.push({ row, column, field: f, message: '表中未填，保留原有内容' });
    } else if (column && v === '') out.push({ row, column, field: f, message: `请填写${labelOf(f)}` });
    else if (!column && !base && v === undefined) out.push({ row, column, field: f, message: `表中没有“${labelOf(f)}”这一列，新党员必须填写` });
  }
  return out;
}

/** Matched by ID number but named differently: most likely a mistyped ID number, never a silent rename. */
function nameClash(values: RowReading['values'], base: Member, row: number, ctx: RowContext): CellIssue[] {
  const name = typeof values.name === 'string' ? values.name.replace(/\s/g, '') : '';
  if (!name || name === base.name.replace(/\s/g, '')) return [];
  const message = `与已有党员“${base.name}”的身份证号相同，但姓名不同（表中为“${values.name}”），请核对身份证号`;
  return [{ row, column: ctx.columnOf.get('idNumber') ?? null, field: 'idNumber', message }];
}

function toIssues(problems: { field: string; message: string }[], row: number, ctx: RowContext, already: CellIssue[]): CellIssue[] {
  const seen = new Set(already.map((p) => p.field));
  return problems
    .map((p) => ({ field: p.field === 'partyGroupId' ? 'partyGroup' : p.field, message: p.message }))
    .filter((p) => !seen.has(p.field))
    .map((p) => ({ row, column: ctx.columnOf.get(p.field) ?? null, field: p.field, message: p.message }));
}

function shown(field: ImportField, value: FieldValue): FieldValue {
  if (field === 'education' && typeof value === 'string') return educationLabel(value);
  if (field === 'jobCategory' && typeof value === 'string') return value ? jobCategoryLabel(value) : '';
  return value;
}

function fieldChanges(stored: Member, fields: MemberFields, partyGroup: string | null): FieldChange[] {
  const after: Record<string, FieldValue> = { ...fields, partyGroup };
  const before = stored as unknown as Record<string, FieldValue>;
  return IMPORT_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((f) => ({
    field: f,
    label: labelOf(f),
    before: shown(f, before[f] ?? null),
    after: shown(f, after[f] ?? null),
  }));
}

function previewRow(row: GridRow, columns: Columns, ctx: RowContext): PreviewRow {
  const reading = readRow(row, columns);
  const idCheck = typeof reading.values.idNumber === 'string' ? checkIdNumber(reading.values.idNumber) : null;
  const match = findMatch(reading, ctx.roster, idCheck?.ok ? idCheck.info.birthDate : null);
  const base = match.member;
  completeValues(reading, base, row.number, ctx);
  const problems = [...reading.problems, ...requiredProblems(reading, base, row.number, ctx)];
  if (base && match.by === 'idNumber') problems.push(...nameClash(reading.values, base, row.number, ctx));
  const { partyGroup: groupCell, ...values } = reading.values;
  const partyGroup = (groupCell === undefined ? base?.partyGroup : (groupCell as string | null)) ?? null;
  const merged = base ? Object.assign(storedInput(base), values) : values;
  let fields: MemberFields | null = null;
  const parsed = memberFieldsSchema.safeParse(merged);
  if (!parsed.success) {
    problems.push(...toIssues(zodProblems(parsed.error), row.number, ctx, problems));
    // The cross-field rules do not run on a row the schema refuses: still name a wrong ID number, the likeliest cause.
    if (idCheck && !idCheck.ok) problems.push(...toIssues([{ field: 'idNumber', message: ID_PROBLEM_MESSAGES[idCheck.problem] }], row.number, ctx, problems));
  }
  else {
    fields = parsed.data;
    problems.push(...toIssues(memberRuleProblems(fields, ctx.today), row.number, ctx, problems));
  }
  const out: PreviewRow = {
    row: row.number,
    outcome: 'new',
    name: typeof reading.values.name === 'string' ? reading.values.name : (base?.name ?? ''),
    memberId: base?.id ?? null,
    matchedBy: match.by,
    problems,
    notes: reading.notes,
    changes: [],
    fields,
    partyGroup,
    expectedUpdatedAt: base?.updatedAt ?? null,
  };
  if (base && fields) {
    out.changes = fieldChanges(base, fields, partyGroup);
    out.outcome = out.changes.length ? 'update' : 'unchanged';
    const status = out.changes.find((c) => c.field === 'status');
    if (status) {
      const message = `党籍状态由“${status.before}”改为“${status.after}”，但没有登记变动的日期和文号；如需留下记录，请在“党员变动”中登记`;
      out.notes.push({ row: row.number, column: ctx.columnOf.get('status') ?? null, field: 'status', message });
    }
  }
  return out;
}

// ---- across rows ----

/** Duplicates within the file: the same ID number, or the same stored member, on two rows. */
function crossRowProblems(rows: PreviewRow[], ctx: RowContext): void {
  const byIdNumber = new Map<string, number>();
  const byMember = new Map<string, number>();
  for (const r of rows) {
    const idNumber = r.fields?.idNumber;
    const column = ctx.columnOf.get('idNumber') ?? null;
    if (idNumber) {
      const earlier = byIdNumber.get(idNumber);
      if (earlier !== undefined) r.problems.push({ row: r.row, column, field: 'idNumber', message: `与第 ${earlier} 行的身份证号重复` });
      else byIdNumber.set(idNumber, r.row);
    }
    if (r.memberId) {
      const earlier = byMember.get(r.memberId);
      const alreadyDuplicate = r.problems.some((p) => p.message.startsWith('与第 '));
      if (earlier !== undefined && !alreadyDuplicate) {
        r.problems.push({ row: r.row, column: ctx.columnOf.get('name') ?? null, field: 'name', message: `与第 ${earlier} 行是同一名党员` });
      }
      if (earlier === undefined) byMember.set(r.memberId, r.row);
    }
  }
  for (const r of rows) {
    if (r.problems.length) {
      r.outcome = 'invalid';
      r.fields = null;
      r.changes = [];
    }
  }
}

function resolveHeader(grid: Grid, options: PreviewOptions): GridRow {
  const header = options.headerRow
    ? grid.rows.find((r) => r.number === options.headerRow)
    : findHeaderRow(grid);
  if (!header) {
    throw new AppError(
      'E_VALIDATION',
      options.headerRow
        ? `第 ${options.headerRow} 行是空行，不能作为表头`
        : '没有找到表头：前 10 行中没有一行包含“姓名”“身份证号”“性别”等列名。请确认选对了文件和工作表。',
    );
  }
  return header;
}

export function previewImport(db: Sqlite, grid: Grid, options: PreviewOptions = {}): ImportPreview {
  const header = resolveHeader(grid, options);
  const dataRows = grid.rows.filter((r) => r.number > header.number);
  const guess = matchColumns(header, memberLikeRows(dataRows));
  const mapping = overrideMapping(guess.mapping, options.mapping);
  const problems = mappingProblems(mapping);
  if (problems.length) throw new AppError('E_VALIDATION', `列对应关系有误：${problems.join('；')}`);
  const columns: Columns = Object.entries(mapping)
    .filter((e): e is [string, ImportField] => e[1] !== null)
    .map(([letter, field]) => [field, columnIndex(letter), letter]);
  const ctx: RowContext = {
    roster: loadStoredRoster(db, options.branchId),
    columnOf: new Map(columns.map(([f, , letter]) => [f, letter])),
    today: options.today ?? localToday(),
  };
  const skipped = skippedRows(dataRows, columns);
  const rows = dataRows.filter((r) => !skipped.has(r.number)).map((r) => previewRow(r, columns, ctx));
  crossRowProblems(rows, ctx);
  const count = (o: RowOutcome) => rows.filter((r) => r.outcome === o).length;
  return {
    branchId: ctx.roster.branchId,
    format: grid.format,
    sheetName: grid.sheetName,
    headerRow: header.number,
    headers: guess.headers,
    mapping,
    reasons: overrideReasons(guess, mapping, options.mapping),
    missingFields: REQUIRED.filter((f) => !ctx.columnOf.has(f) && !(FROM_ID.includes(f) && ctx.columnOf.has('idNumber'))),
    new: count('new'),
    updated: count('update'),
    unchanged: count('unchanged'),
    invalid: rows.flatMap((r) => r.problems),
    skipped: [...skipped.values()].sort((a, b) => a.row - b.row),
    rows,
  };
}
