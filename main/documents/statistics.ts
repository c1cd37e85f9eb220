/** 党员队伍基本情况统计表: one A4 portrait page in the 记录本/表格 preset. */
import type { Document, FileChild, TableRow } from 'docx';
import {
  borderedTable,
  cellLine,
  chineseDate,
  createDocument,
  fitWidths,
  note,
  RECORD,
  signatureLine,
  splitLine,
  tableCell,
  tableRow,
  textHeight,
  textWidth,
  title,
  withTableSize,
  type Preset,
} from './kit';
import { AGE_BAND_LABELS, EDUCATION_BANDS, STANDING_BANDS, type BranchStatistics, type CountRow } from './statisticsData';

export interface BranchStatisticsInput {
  branchName: string;
  /** YYYY-MM-DD: the date the figures are counted on. */
  date: string;
  stats: BranchStatistics;
}

export const STATISTICS_TITLE = '党员队伍基本情况统计表';

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
    { label: '党龄', rows: rows(STANDING_BANDS, s.partyStanding) },
    { label: '党小组', rows: s.partyGroups },
  ].filter((g) => g.rows.length > 0);
}

/** Share of the total, one decimal: "62.5". */
export function percent(count: number, total: number): string {
  return total > 0 ? ((count / total) * 100).toFixed(1) : '—';
}

/** Twips a table row takes beyond its line of text (borders, rounding). */
const ROW_EXTRA = 60;
const HEADERS = ['项目', '分类', '人数（名）', '占比（%）'];
const WEIGHTS = [2.2, 4, 2, 2];
/** Space the title, the unit line, the note and the signature line take (one body line each), with slack, in twips. */
const AROUND_TABLE = RECORD.title.line + RECORD.title.after + 3 * RECORD.body.line + 200;

/** Table text size and row height that keep the table on one page: 四号 if it fits, else 小四, 五号 or 小五. */
function tableLayout(rowCount: number): { size: number; height: number } {
  const perRow = Math.floor((textHeight(RECORD) - AROUND_TABLE) / rowCount);
  for (const size of [14, 12, 10.5, 9]) {
    // A row is never shorter than its line of text plus the border LibreOffice and Word draw around it.
    if (perRow >= cellLine(size) + ROW_EXTRA) return { size, height: Math.min(Math.round(size * 20 * 1.9), perRow) };
  }
  // Too many party groups for one page: the table runs on, its header repeated.
  return { size: 9, height: cellLine(9) + ROW_EXTRA };
}

function groupRows(preset: Preset, group: Group, total: number, widths: number[], height: number): TableRow[] {
  return group.rows.map((row, i) => {
    const cells = [
      tableCell(preset, row.label, { width: widths[1]! }),
      tableCell(preset, String(row.count), { width: widths[2]! }),
      tableCell(preset, percent(row.count, total), { width: widths[3]! }),
    ];
    if (i === 0) cells.unshift(tableCell(preset, group.label, { width: widths[0]!, rowSpan: group.rows.length }));
    return tableRow(cells, { height });
  });
}

function statisticsTable(preset: Preset, s: BranchStatistics, groups: Group[], height: number): FileChild {
  const widths = fitWidths(WEIGHTS, textWidth(preset));
  const header = tableRow(HEADERS.map((h, i) => tableCell(preset, h, { width: widths[i]!, header: true })), { header: true, height });
  const total = tableRow(
    [
      tableCell(preset, '党员总数', { width: widths[0]! + widths[1]!, columnSpan: 2 }),
      tableCell(preset, String(s.total), { width: widths[2]! }),
      tableCell(preset, percent(s.total, s.total), { width: widths[3]! }),
    ],
    { height },
  );
  const body = groups.flatMap((g) => groupRows(preset, g, s.total, widths, height));
  return borderedTable([header, total, ...body], widths);
}

export function buildBranchStatisticsDocument(input: BranchStatisticsInput): Document {
  const groups = statisticsGroups(input.stats);
  const rowCount = 2 + groups.reduce((n, g) => n + g.rows.length, 0);
  const layout = tableLayout(rowCount);
  const preset = withTableSize(RECORD, layout.size);
  const small = { font: preset.body.font, size: layout.size };
  const width = textWidth(preset);
  return createDocument({
    preset,
    title: STATISTICS_TITLE,
    sections: [
      {
        pageNumbers: false,
        children: [
          title(preset, STATISTICS_TITLE),
          splitLine(preset, `填报单位：${input.branchName}`, `截至${chineseDate(input.date)}`, width, small),
          statisticsTable(preset, input.stats, groups, layout.height),
          note(preset, '注：年龄、党龄计至统计截止日期，党龄自转正之日起计算。', small),
          signatureLine(preset, ['填表人：', '审核人（书记）：', '填报日期：'], width, small),
        ],
      },
    ],
  });
}
