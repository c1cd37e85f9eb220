/**
 * The year's 三会一课 台账 as a PrintDocument (表册, A4 landscape): the grid of required meetings by month (the day a
 * meeting was held, 缺 for a gap, 未定稿, 待开, — for periods not yet due), the list of gaps, the coverage of 谈心谈话
 * and each member's attendance rate. The cells of a quarterly, half-yearly or yearly kind span their months.
 */
import type { PrintDocument, TableCell, TableColumn, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { frequencyText, type CalendarCell, type CalendarRow, type MeetingsCalendar } from '../../../../shared/domain/meetingsCalendar';
import { fitTable } from '../../../documents/tableFit';

export interface CalendarDocumentInput {
  branchName: string;
  calendar: MeetingsCalendar;
}

const TABLE_SIZES = [12, 10.5];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

export function calendarTitle(year: number): string {
  return `${year}年“三会一课”台账`;
}

/** What a cell prints: the days held (a spanning cell: month and day), or the state. */
export function cellText(cell: CalendarCell): string {
  if (cell.state === 'held') {
    const span = cell.toMonth > cell.fromMonth;
    return cell.dates.map((d) => (span ? `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日` : `${Number(d.slice(8))}日`)).join('、');
  }
  return { draft: '未定稿', missing: '缺', due: '待开', notDue: '—' }[cell.state];
}

export function rowLabel(row: CalendarRow): string {
  return row.groupName ? `${row.kindLabel}（${row.groupName}）` : row.kindLabel;
}

function gridRow(row: CalendarRow): TableRowData {
  const cells: TableCell[] = row.cells.map((c) => ({ text: cellText(c), colSpan: c.toMonth - c.fromMonth + 1, align: 'center', bold: c.state === 'missing' }));
  return [rowLabel(row), frequencyText(row), ...cells, `${row.held}/${row.required}`];
}

/** 项目 and 频次, 12 months, 已开/应开: months fitted to the widest single-month text, the label column wraps. */
function gridColumns(calendar: MeetingsCalendar, width: number): { columns: TableColumn[]; size: number } {
  const monthTexts = calendar.rows.flatMap((r) => r.cells.filter((c) => c.fromMonth === c.toMonth).map(cellText));
  // Every month column takes the widest single-month text, so the twelve are equal.
  const widest = [...monthTexts, '12月', '未定稿'].reduce((a, b) => (b.length > a.length ? b : a));
  const rows = calendar.rows.map((r) => [rowLabel(r), frequencyText(r), ...MONTHS.map(() => widest), `${r.held}/${r.required}`]);
  const fit = fitTable([{ header: '项目', wrap: true }, { header: '频次' }, ...MONTHS.map((m) => ({ header: m })), { header: '已开/应开' }], rows, width, TABLE_SIZES);
  const columns: TableColumn[] = fit.widths.map((w, i) => ({ width: w, align: i === 0 ? 'left' : 'center', nowrap: i === 1 || i === 14 }));
  return { columns, size: fit.size };
}

function missingTable(calendar: MeetingsCalendar, width: number) {
  const rows = calendar.missing.map((m, i) => [String(i + 1), m.kindLabel, m.groupName ?? '', m.periodLabel, formatChineseDate(m.deadline), m.draftIds.length ? '有未定稿记录' : '']);
  const fit = fitTable(
    [{ header: '序号' }, { header: '会议类型' }, { header: '党小组', wrap: true }, { header: '期间' }, { header: '截止日期' }, { header: '说明', wrap: true }],
    rows,
    width,
    TABLE_SIZES,
  );
  return {
    kind: 'table' as const,
    columns: fit.widths.map((w, i) => ({ width: w, align: i === 0 ? ('center' as const) : ('left' as const), nowrap: i !== 2 && i !== 5 })),
    header: [['序号', '会议类型', '党小组', '期间', '截止日期', '说明']],
    rows,
    fontSize: fit.size,
  };
}

function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** Members' attendance, two members a row (序号 姓名 应参会 实参会 参会率, twice). */
function attendanceTable(calendar: MeetingsCalendar, width: number) {
  const people = calendar.attendance.map((a, i) => [String(i + 1), a.name, String(a.expected), String(a.attended), percentText(a.rate)]);
  const rows: string[][] = [];
  for (let i = 0; i < people.length; i += 2) rows.push([...people[i]!, ...(people[i + 1] ?? ['', '', '', '', ''])]);
  const header = ['序号', '姓名', '应参会', '实参会', '参会率'];
  const fit = fitTable([...header, ...header].map((h) => ({ header: h, wrap: h === '姓名' })), rows, width, TABLE_SIZES);
  return {
    kind: 'table' as const,
    columns: fit.widths.map((w) => ({ width: w, align: 'center' as const })),
    header: [[...header, ...header]],
    rows,
    fontSize: fit.size,
  };
}

export function buildCalendarDocument(input: CalendarDocumentInput): PrintDocument {
  const { calendar } = input;
  const width = textWidth(RECORD, 'landscape');
  const grid = gridColumns(calendar, width);
  const style = { font: 'fangsong' as const, size: grid.size };
  const over = calendar.today > `${calendar.year}-12-31`;
  const talks = calendar.talks;
  const title = calendarTitle(calendar.year);
  return {
    preset: 'record',
    orientation: 'landscape',
    pageNumbers: 'ofTotal',
    title,
    fileStem: `${input.branchName}${title}-${calendar.today}`.replace(/[\\/:*?"<>|\s“”]/g, ''),
    blocks: [
      { kind: 'title', lines: [title] },
      { kind: 'splitLine', left: `单位：${input.branchName}`, right: over ? `${calendar.year}年全年` : `截至${formatChineseDate(calendar.today)}`, style },
      { kind: 'heading', level: 1, text: '会议召开情况' },
      { kind: 'table', columns: grid.columns, header: [['项目', '频次', ...MONTHS, '已开/应开']], rows: calendar.rows.map(gridRow), fontSize: grid.size },
      { kind: 'note', text: '注：表中日期为已定稿会议的召开日期；“缺”为期满未开，“未定稿”为仅有草稿，“待开”为本期尚未召开，“—”为未到期。', style },
      { kind: 'heading', level: 1, text: '缺开情况' },
      calendar.missing.length ? missingTable(calendar, width) : { kind: 'paragraph', text: '截至统计日期，应召开的会议均已召开。' },
      { kind: 'heading', level: 1, text: '谈心谈话' },
      {
        kind: 'paragraph',
        text: `应谈心谈话党员 ${talks.total} 人，已谈 ${talks.covered} 人，覆盖率 ${percentText(talks.rate)}。${
          talks.notTalked.length ? `尚未谈话：${talks.notTalked.map((m) => m.name).join('、')}。` : ''
        }`,
      },
      { kind: 'heading', level: 1, text: '党员参会率' },
      calendar.attendance.length ? attendanceTable(calendar, width) : { kind: 'paragraph', text: '本年度尚无定稿的会议记录。' },
      { kind: 'fillLine', labels: ['填表人：', '审核人（书记）：', '填报日期：'], style },
    ],
  };
}
