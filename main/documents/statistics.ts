/**
 * 党员队伍基本情况统计表 as a PrintDocument: one A4 portrait page in the 表册 preset for up to 40 party groups. The table
 * sets two classes side by side (分类 人数 占比 | 分类 人数 占比), so 40 groups and the 23 fixed classes take 35 rows
 * at 五号; the row height is chosen to fill the page. With more groups the table runs on at 五号, its header and the
 * 党小组 label repeated on the next page, and the pages are numbered.
 */
import type { PrintDocument, TableCell, TableColumn, TableRowData } from '../../shared/documents/model';
import { RECORD, textHeight, textWidth } from '../../shared/documents/presets';
import { cellLine } from '../../shared/documents/units';
import { formatChineseDate } from '../../shared/domain/dates';
import { CELL_PADDING } from '../../shared/documents/fit';
import { measureTextSafe } from '../../shared/documents/metrics';
import { AGE_BAND_LABELS, EDUCATION_BANDS, STANDING_BANDS, type BranchStatistics, type CountRow } from './statisticsData';

export interface BranchStatisticsInput {
  branchName: string;
  /** YYYY-MM-DD: the date the figures are counted on. */
  date: string;
  stats: BranchStatistics;
}

export const STATISTICS_TITLE = '党员队伍基本情况统计表';

/** Most party groups that still keep the table to one page (at 小五 if 五号 does not fit). */
export const ONE_PAGE_GROUPS = 40;

interface Group {
  label: string;
  rows: CountRow[];
}

/** The table's groups in print order; every group's counts add up to the total. */
export function statisticsGroups(s: BranchStatistics): Group[] {
  const rows = <K extends string>(bands: readonly { key: K; label: string }[], values: Record<K, number>) =>
    bands.map((b) => ({ label: b.label, count: values[b.key] }));
  return [
    { label: '党员类别', rows: [{ label: '正式党员', count: s.category.full }, { label: '预备党员', count: s.category.probationary }] },
    { label: '性别', rows: [{ label: '男', count: s.gender.male }, { label: '女', count: s.gender.female }] },
    { label: '民族', rows: [{ label: '汉族', count: s.ethnicity.han }, { label: '少数民族', count: s.ethnicity.minority }] },
    { label: '学历', rows: rows(EDUCATION_BANDS, s.education) },
    { label: '年龄', rows: rows(AGE_BAND_LABELS, s.age) },
    // The note under the table says Party standing counts from full membership; the short label keeps the column narrow.
    { label: '党龄', rows: rows(STANDING_BANDS, s.partyStanding).map((r, i) => (i === 0 ? { ...r, label: '预备党员' } : r)) },
    { label: '党小组', rows: s.partyGroups },
  ].filter((g) => g.rows.length > 0);
}

/** Share of the total, one decimal: "62.5". */
export function percent(count: number, total: number): string {
  return total > 0 ? ((count / total) * 100).toFixed(1) : '—';
}

const HEADER = ['项目', '分类', '人数', '占比（%）', '分类', '人数', '占比（%）'];
/** Classes set side by side in one row. */
const PER_ROW = 2;
const NOTE = '注：年龄、党龄计至统计截止日期，党龄自转正之日起计算。';
/** Height of the lines around the table (unit and date line, note, signature line), each at most a body line. */
const AROUND_TABLE = RECORD.title.line + RECORD.title.after + 3 * RECORD.body.line;
/** Twips kept free on the page for rounding in Word, WPS and LibreOffice. */
const SLACK = 240;
/** Twips a row needs beyond its lines of text (borders). */
const ROW_EXTRA = 40;

function rowsOf(group: Group): number {
  return Math.ceil(group.rows.length / PER_ROW);
}

/** Width of text in em of the table font. */
function textEm(text: string): number {
  return measureTextSafe(text, 'fangsong', 1) / 20;
}

function cellWidth(em: number, size: number): number {
  return Math.ceil(em * size * 20 + 2 * CELL_PADDING + size * 5);
}

/** 项目, then 分类 人数 占比 twice: numbers at their width, the rest shared by the two 分类 columns. */
function columnWidths(groups: Group[], total: number, size: number): number[] {
  const item = cellWidth(Math.max(...groups.map((g) => textEm(g.label)), textEm(HEADER[0]!)), size);
  const count = cellWidth(Math.max(textEm(String(total)), textEm('人数')), size);
  const share = cellWidth(textEm('100.0') + 0.5, size);
  const label = Math.floor((textWidth(RECORD) - item - PER_ROW * (count + share)) / PER_ROW);
  const widths = [item, label, count, share, label, count, share];
  widths[1]! += textWidth(RECORD) - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Lines a class label takes in its column (long party-group names wrap). */
function labelLines(label: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor((width - 2 * CELL_PADDING) / (size * 20)));
  return Math.max(1, Math.ceil(textEm(label) / perLine));
}

interface TableLayout {
  size: number;
  rowHeight: number;
  onePage: boolean;
  widths: number[];
}

/** The largest size (五号 or more) at which the table fills one page; 小五 for up to 40 groups; else 五号 running on. */
function tableLayout(groups: Group[], total: number): TableLayout {
  const bodyRows = groups.reduce((n, g) => n + rowsOf(g), 0);
  const rows = 2 + bodyRows;
  const room = textHeight(RECORD) - AROUND_TABLE - SLACK;
  const partyGroups = groups.find((g) => g.label === '党小组')?.rows.length ?? 0;
  const sizes = partyGroups <= ONE_PAGE_GROUPS ? [12, 10.5, 9] : [12, 10.5];
  for (const size of sizes) {
    const widths = columnWidths(groups, total, size);
    const extraLines = groups.flatMap((g) => g.rows).reduce((n, r) => n + labelLines(r.label, widths[1]!, size) - 1, 0);
    const perRow = Math.floor((room - extraLines * cellLine(size)) / rows);
    if (perRow >= cellLine(size) + ROW_EXTRA) return { size, rowHeight: Math.min(Math.round(size * 20 * 1.9), perRow), onePage: true, widths };
  }
  const size = 10.5;
  return { size, rowHeight: Math.round(size * 20 * 1.7), onePage: false, widths: columnWidths(groups, total, size) };
}

function classCells(row: CountRow | undefined, total: number): (string | TableCell)[] {
  return row ? [row.label, String(row.count), percent(row.count, total)] : ['', '', ''];
}

function groupRows(group: Group, total: number): TableRowData[] {
  return Array.from({ length: rowsOf(group) }, (_, i) => {
    const cells = [0, 1].flatMap((k) => classCells(group.rows[i * PER_ROW + k], total));
    return i === 0 ? [{ text: group.label, rowSpan: rowsOf(group) }, ...cells] : cells;
  });
}

export function buildBranchStatisticsDocument(input: BranchStatisticsInput): PrintDocument {
  const { stats } = input;
  const groups = statisticsGroups(stats);
  const layout = tableLayout(groups, stats.total);
  const style = { font: 'fangsong' as const, size: layout.size };
  const columns: TableColumn[] = layout.widths.map((width, i) => ({ width, align: 'center', nowrap: i !== 0 && i % 3 !== 1 }));
  const totalRow: TableRowData = [{ text: '党员总数', colSpan: 2 }, String(stats.total), percent(stats.total, stats.total), { text: '', colSpan: 3 }];
  return {
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: layout.onePage ? false : 'ofTotal',
    title: STATISTICS_TITLE,
    fileStem: `${input.branchName}${STATISTICS_TITLE}-${input.date}`.replace(/[\\/:*?"<>|\s]/g, ''),
    blocks: [
      { kind: 'title', lines: [STATISTICS_TITLE] },
      { kind: 'splitLine', left: `填报单位：${input.branchName}`, right: `截至${formatChineseDate(input.date)}`, style },
      {
        kind: 'table',
        columns,
        header: [HEADER],
        rows: [totalRow, ...groups.flatMap((g) => groupRows(g, stats.total))],
        fontSize: layout.size,
        rowHeight: layout.rowHeight,
        repeatSpanLabels: true,
      },
      { kind: 'note', text: NOTE, style },
      { kind: 'fillLine', labels: ['填表人：', '审核人（书记）：', '填报日期：'], style },
    ],
  };
}
