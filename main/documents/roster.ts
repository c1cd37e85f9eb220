/**
 * The printed roster 党员花名册 as a PrintDocument: 表册 preset, A4 landscape unless portrait is asked for, page numbers
 * 第 1 页 共 N 页, the title, a scope line for every filter, the 截至 date and head count, and one table whose header
 * repeats on every page. ID numbers, dates and phone numbers never break; names and group names wrap.
 */
import type { RosterPrintPlan } from '../../shared/contract/rosterFiles';
import type { PrintDocument, TableColumn } from '../../shared/documents/model';
import { RECORD, textWidth, type Orientation } from '../../shared/documents/presets';
import { fontSizeName, RECORD_MIN_TABLE_SIZE, TABLE_FONT_SIZES } from '../../shared/documents/sizeNames';
import { formatChineseDate } from '../../shared/domain/dates';
import { BRANCH_COLUMN, DEFAULT_ROSTER_COLUMNS, rosterColumn, type RosterColumn, type RosterContext, type RosterMember } from './rosterColumns';
import { fitTable, naturalWidths, type FitColumn, type TableFit } from './tableFit';
import { titleLines } from './titleLines';

export interface RosterDocumentInput {
  branchName: string;
  /** YYYY-MM-DD: "截至" date printed under the title. */
  date: string;
  /** Member keys in print order (see ROSTER_COLUMNS); 序号 always comes first. */
  columns?: readonly string[];
  members: readonly RosterMember[];
  /** What the roster was filtered to, one phrase per condition (rosterScopeParts); printed as 范围：…；… */
  scope?: readonly string[];
  /** A 所在支部 column first (members carry `branch`), for a roster that spans several branches. */
  withBranch?: boolean;
  /** Print ID numbers as 1101**********002X. Off by default: the register is the secretary's own. */
  maskIdNumbers?: boolean;
  /** A4 landscape unless portrait is asked for. */
  orientation?: Orientation;
  /** Smallest table text in points the user accepts; 五号 (10.5) by default. */
  minSize?: number;
  /** File name without extension; `<branch>党员花名册-<date>` when absent. */
  fileStem?: string;
}

const NUMBER_COLUMN: FitColumn = { header: '序号', align: 'center', wrap: false };

export function rosterTitle(branchName: string): string {
  return `${branchName}党员花名册`;
}

function dateLine(input: RosterDocumentInput): string {
  return `截至${formatChineseDate(input.date)}　　共${input.members.length}人`;
}

/** The table's text: one row of strings per member, 序号 first. */
export function rosterRows(columns: readonly RosterColumn[], members: readonly RosterMember[], ctx: RosterContext): string[][] {
  return members.map((m, i) => [String(i + 1), ...columns.map((c) => c.value(m, ctx))]);
}

interface RosterTable {
  /** 序号 and the chosen columns. */
  specs: FitColumn[];
  /** The chosen columns' keys, parallel to specs after 序号. */
  keys: string[];
  rows: string[][];
}

function rosterTable(input: RosterDocumentInput): RosterTable {
  const chosen = (input.columns ?? DEFAULT_ROSTER_COLUMNS).filter((k) => k !== BRANCH_COLUMN.key).map(rosterColumn);
  const columns = input.withBranch ? [BRANCH_COLUMN, ...chosen] : chosen;
  const ctx = { date: input.date, maskIdNumbers: input.maskIdNumbers ?? false };
  return {
    specs: [NUMBER_COLUMN, ...columns.map((c) => ({ header: c.header, align: c.align, wrap: c.wrap }))],
    keys: columns.map((c) => c.key),
    rows: rosterRows(columns, input.members, ctx),
  };
}

function minSizeOf(input: RosterDocumentInput): number {
  return input.minSize ?? RECORD_MIN_TABLE_SIZE;
}

/** The sizes tried, largest first, down to the smallest the user allows. */
function sizesDownTo(minSize: number): number[] {
  const sizes: number[] = TABLE_FONT_SIZES.map((s) => s.points).filter((p) => p >= minSize);
  return sizes.includes(minSize) ? sizes : [...sizes, minSize];
}

function fitIn(table: RosterTable, orientation: Orientation, minSize: number): TableFit {
  return fitTable(table.specs, table.rows, textWidth(RECORD, orientation), sizesDownTo(minSize));
}

function cm(twips: number): string {
  return (twips / 567).toFixed(1);
}

const ORIENTATION_NAME: Record<Orientation, string> = { landscape: '横向', portrait: '纵向' };

/** The widest columns that never break (序号 and 姓名 stay), widest first, as many as must go for the rest to fit. */
function columnsToDrop(table: RosterTable, orientation: Orientation, minSize: number): string[] | null {
  const natural = naturalWidths(table.specs, table.rows);
  const width = (i: number) => natural[i]!;
  const candidates = table.specs
    .map((spec, i) => ({ spec, i }))
    .filter(({ i }) => i > 0 && table.keys[i - 1] !== 'name')
    .sort((a, b) => Number(a.spec.wrap ?? false) - Number(b.spec.wrap ?? false) || width(b.i) - width(a.i));
  const dropped: number[] = [];
  for (const { i } of candidates) {
    dropped.push(i);
    const keep = (_: unknown, j: number) => !dropped.includes(j);
    const rest: RosterTable = { specs: table.specs.filter(keep), keys: [], rows: table.rows.map((r) => r.filter(keep)) };
    if (fitIn(rest, orientation, minSize).fits) return dropped.map((j) => table.specs[j]!.header);
  }
  return null;
}

/** What would make the table fit: landscape, fewer columns, a smaller size (each only when it does fit then). */
function suggestionsFor(table: RosterTable, orientation: Orientation, minSize: number): string[] {
  const suggestions: string[] = [];
  if (orientation === 'portrait' && fitIn(table, 'landscape', minSize).fits) suggestions.push('改为 A4 横向打印');
  const dropped = columnsToDrop(table, orientation, minSize);
  if (dropped) suggestions.push(`减少列：去掉最宽的${dropped.map((h) => `“${h}”`).join('')}${dropped.length > 1 ? `这 ${dropped.length} 列` : '一列'}即可排下`);
  const smaller = TABLE_FONT_SIZES.map((s) => s.points).filter((p) => p < minSize);
  const fitsAt = smaller.find((p) => fitIn(table, orientation, p).fits);
  if (fitsAt !== undefined) suggestions.push(`把最小字号改为${fontSizeName(fitsAt)}（${fitsAt} 磅）`);
  return suggestions;
}

function planOf(table: RosterTable, fit: TableFit, orientation: Orientation, minSize: number): RosterPrintPlan {
  const plan = { orientation, size: fit.size, minSize, fits: fit.fits, wraps: fit.wraps, need: fit.need, available: fit.available };
  if (fit.fits) return { ...plan, problem: null, suggestions: [] };
  const problem =
    `所选的 ${table.specs.length - 1} 列在 A4 ${ORIENTATION_NAME[orientation]}纸上用${fontSizeName(minSize)}字排不下：` +
    `需要约 ${cm(fit.need)} 厘米宽，版心只有 ${cm(fit.available)} 厘米，身份证号、日期、电话等会被折断。`;
  return { ...plan, problem, suggestions: suggestionsFor(table, orientation, minSize) };
}

function rosterDocument(input: RosterDocumentInput, table: RosterTable, fit: TableFit, orientation: Orientation): PrintDocument {
  const title = rosterTitle(input.branchName);
  const columns: TableColumn[] = table.specs.map((spec, i) => ({ width: fit.widths[i]!, align: spec.align ?? 'center', nowrap: !spec.wrap }));
  const scope = input.scope?.length ? `范围：${input.scope.join('；')}` : null;
  return {
    preset: 'record',
    orientation,
    pageNumbers: 'ofTotal',
    title,
    fileStem: input.fileStem ?? `${title}-${input.date}`.replace(/[\\/:*?"<>|\s]/g, ''),
    blocks: [
      { kind: 'title', lines: titleLines(input.branchName, '党员花名册', RECORD.title.size, textWidth(RECORD, orientation)) },
      ...(scope ? [{ kind: 'subtitle' as const, text: scope }] : []),
      { kind: 'subtitle', text: dateLine(input) },
      { kind: 'table', columns, header: [table.specs.map((s) => s.header)], rows: table.rows, fontSize: fit.size },
    ],
  };
}

/** The document and the fit decision together (the preview shows both; the export refuses when it does not fit). */
export function rosterPrint(input: RosterDocumentInput): { document: PrintDocument; plan: RosterPrintPlan } {
  const orientation = input.orientation ?? 'landscape';
  const minSize = minSizeOf(input);
  const table = rosterTable(input);
  const fit = fitIn(table, orientation, minSize);
  return { document: rosterDocument(input, table, fit, orientation), plan: planOf(table, fit, orientation, minSize) };
}

/** How the table will be set, decided before anything is written (see RosterPrintPlan). */
export function rosterPrintPlan(input: RosterDocumentInput): RosterPrintPlan {
  const orientation = input.orientation ?? 'landscape';
  const minSize = minSizeOf(input);
  const table = rosterTable(input);
  return planOf(table, fitIn(table, orientation, minSize), orientation, minSize);
}

/** The roster as a PrintDocument. When the columns do not fit it is still built (at the minimum size) for the preview. */
export function buildRosterDocument(input: RosterDocumentInput): PrintDocument {
  return rosterPrint(input).document;
}

/** The plan's problem and suggestions as one message (the CLI's and the refused export's). */
export function rosterPlanMessage(plan: RosterPrintPlan): string {
  if (!plan.problem) return '';
  return [plan.problem, ...(plan.suggestions.length ? ['可以：', ...plan.suggestions.map((s, i) => `${i + 1}. ${s}`)] : [])].join('\n');
}
