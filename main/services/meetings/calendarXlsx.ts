/**
 * The year's 三会一课 台账 as an .xlsx: the grid (a quarterly or yearly cell merged over its months), the gaps, the
 * members not yet talked with, and the attendance rates, one sheet each. Printed as the roster is: A4 landscape, one
 * page wide, the header row repeated, page numbers in the footer, thin borders and 宋体 10.5 pt.
 */
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../../../shared/domain/dates';
import { CELL_STATE_LABELS, frequencyText, type MeetingsCalendar } from '../../../shared/domain/meetingsCalendar';
import { XLSX_FONT_NAME, XLSX_FOOTER } from '../spreadsheet/export';
import { calendarTitle, cellText, rowLabel } from './documents/calendarDocument';

const BODY_FONT: Partial<ExcelJS.Font> = { name: XLSX_FONT_NAME, size: 10.5 };
const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MISSING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };

function printSetup(headerRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** A sheet with a title row and a subtitle row above its header row (row 3). */
function addSheet(book: ExcelJS.Workbook, name: string, title: string, subtitle: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: printSetup(3), headerFooter: { oddFooter: XLSX_FOOTER } });
  sheet.columns = widths.map((width) => ({ width }));
  const t = sheet.addRow([title]);
  t.height = 30;
  t.getCell(1).font = { name: XLSX_FONT_NAME, bold: true, size: 18 };
  t.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow([subtitle]).getCell(1).font = BODY_FONT;
  sheet.mergeCells(2, 1, 2, header.length);
  const h = sheet.addRow(header);
  h.eachCell((cell) => {
    cell.font = { ...BODY_FONT, bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  return sheet;
}

function styleBody(sheet: ExcelJS.Worksheet, width: number): void {
  for (let r = 4; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getRow(r).getCell(c);
      cell.font = { ...BODY_FONT, ...(cell.font?.bold ? { bold: true } : {}) };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'left' : 'center', wrapText: true };
    }
  }
}

export async function calendarXlsx(branchName: string, calendar: MeetingsCalendar): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '支部工作台';
  const title = `${branchName}${calendarTitle(calendar.year)}`;
  const asOf = calendar.today > `${calendar.year}-12-31` ? `${calendar.year}年全年` : `截至${formatChineseDate(calendar.today)}`;

  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const grid = addSheet(book, '台账', title, `${asOf}；日期为已定稿会议的召开日期，“缺”为期满未开，“—”为未到期`, ['项目', '频次', ...months, '已开/应开'], [26, 7, ...months.map(() => 8), 10]);
  for (const row of calendar.rows) {
    const values: ExcelJS.CellValue[] = [rowLabel(row), frequencyText(row), ...months.map(() => null), `${row.held}/${row.required}`];
    for (const cell of row.cells) values[1 + cell.fromMonth] = cellText(cell);
    const added = grid.addRow(values);
    for (const cell of row.cells) {
      if (cell.toMonth > cell.fromMonth) grid.mergeCells(added.number, 2 + cell.fromMonth, added.number, 2 + cell.toMonth);
      if (cell.state === 'missing') {
        const target = added.getCell(2 + cell.fromMonth);
        target.font = { ...BODY_FONT, bold: true };
        target.fill = MISSING_FILL;
      }
    }
  }
  styleBody(grid, 15);

  const missing = addSheet(book, '缺开清单', `${title}缺开清单`, asOf, ['序号', '会议类型', '党小组', '期间', '截止日期', '说明'], [6, 14, 20, 18, 16, 16]);
  calendar.missing.forEach((m, i) => missing.addRow([i + 1, m.kindLabel, m.groupName ?? '', m.periodLabel, m.deadline, m.draftIds.length ? `有${CELL_STATE_LABELS.draft}记录` : '']));
  styleBody(missing, 6);

  const talks = calendar.talks;
  const talkSheet = addSheet(
    book,
    '谈心谈话',
    `${title}谈心谈话覆盖情况`,
    `${asOf}；应谈 ${talks.total} 人，已谈 ${talks.covered} 人，覆盖率 ${(talks.rate * 100).toFixed(1)}%；以下为尚未谈话的党员`,
    ['序号', '姓名'],
    [6, 16],
  );
  talks.notTalked.forEach((m, i) => talkSheet.addRow([i + 1, m.name]));
  styleBody(talkSheet, 2);

  const attendance = addSheet(book, '参会率', `${title}党员参会率`, `${asOf}；按已定稿的会议记录统计`, ['序号', '姓名', '应参会', '实参会', '参会率'], [6, 14, 10, 10, 10]);
  calendar.attendance.forEach((a, i) => {
    const row = attendance.addRow([i + 1, a.name, a.expected, a.attended, a.rate]);
    row.getCell(5).numFmt = '0.0%';
  });
  styleBody(attendance, 5);

  return Buffer.from(await book.xlsx.writeBuffer());
}
