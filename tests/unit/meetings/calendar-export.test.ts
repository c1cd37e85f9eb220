/**
 * The 台账 in Word and Excel: python-docx reads back the grid, the gaps and the rates; LibreOffice converts the file
 * (pages rendered into tests/output/documents/meetings-calendar to be looked at); ExcelJS reads back the workbook.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents';
import { meetingsCalendar, type CalendarMeeting } from '../../../main/services/meetings/calendar';
import { calendarXlsx } from '../../../main/services/meetings/calendarXlsx';
import { buildCalendarDocument } from '../../../main/services/meetings/documents/calendarDocument';
import { DEFAULT_FREQUENCIES, type CalendarKind } from '../../../shared/domain/meetingsCalendar';
import { docxToPdf, outputDir, pdfPageCount, pdfText, readDocx, releaseLibreOffice, renderPages, saveFile } from '../../helpers/documents';

afterAll(releaseLibreOffice);

let n = 0;
const meeting = (kind: CalendarKind, date: string, extra: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
  id: `m${++n}`,
  kind,
  alsoCounts: [],
  groupId: null,
  date,
  final: true,
  ...extra,
});
const mm = (m: number) => String(m).padStart(2, '0');

function sampleCalendar() {
  const meetings: CalendarMeeting[] = [];
  for (let m = 1; m <= 10; m++) {
    if (m !== 4) meetings.push(meeting('committee', `2026-${mm(m)}-05`));
    meetings.push(meeting('themeDay', `2026-${mm(m)}-15`));
    for (const g of ['g1', 'g2']) if (!(g === 'g2' && m === 7)) meetings.push(meeting('groupMeeting', `2026-${mm(m)}-2${g === 'g1' ? 0 : 2}`, { groupId: g }));
  }
  meetings.push(meeting('committee', '2026-04-28', { final: false }));
  for (const m of [2, 5, 8]) meetings.push(meeting('memberMeeting', `2026-${mm(m)}-10`), meeting('lecture', `2026-${mm(m)}-12`));
  const members = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, name: `党员${String.fromCharCode(0x4e00 + i * 7)}${i}` }));
  const finals = meetings.filter((m) => m.final).length;
  const attendance = members.slice(0, 12).map((p, i) => ({ memberId: p.id, name: p.name, expected: finals, attended: finals - 9 + (i % 3) }));
  return meetingsCalendar({
    year: 2026,
    today: '2026-11-14',
    frequencies: DEFAULT_FREQUENCIES,
    groups: [
      { id: 'g1', name: '钻井一班党小组' },
      { id: 'g2', name: '机修班党小组' },
    ],
    meetings,
    members,
    talks: members.slice(0, 25).map((p, i) => ({ id: `t${i}`, date: '2026-03-02', memberId: p.id })),
    attendance,
  });
}

describe('the 台账 in Word', () => {
  it('prints the grid with the days held and the gaps, the gap list, talk coverage and attendance; LibreOffice converts it', async () => {
    const calendar = sampleCalendar();
    const document = buildCalendarDocument({ branchName: '中共第一钻井队支部委员会', calendar });
    expect(document).toMatchObject({ preset: 'record', orientation: 'landscape' });
    const dir = outputDir('meetings-calendar');
    const file = saveFile(dir, 'calendar.docx', await renderDocx(document));
    const docx = readDocx(file);
    expect(docx.sections[0]!.orientation).toBe('landscape');
    const [grid, gaps, rates] = docx.tables;
    expect(grid!.rows[0]).toEqual(['项目', '频次', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '已开/应开']);
    const committee = grid!.rows.find((r) => r[0] === '支委会')!;
    expect(committee.slice(1, 14)).toEqual(['每月', '5日', '5日', '5日', '未定稿', '5日', '5日', '5日', '5日', '5日', '5日', '待开', '—']);
    expect(committee[14]).toBe('9/11');
    // A quarterly cell spans three months: one cell per quarter.
    expect(grid!.rows.find((r) => r[0] === '支部党员大会')).toEqual(['支部党员大会', '每季度', '2月10日', '5月10日', '8月10日', '待开', '3/4']);
    expect(grid!.rows.find((r) => r[0] === '党小组会（机修班党小组）')![8]).toBe('缺');
    expect(gaps!.rows.slice(1).map((r) => r.slice(1, 4))).toEqual([
      ['支委会', '', '2026年4月'],
      ['党小组会', '机修班党小组', '2026年7月'],
    ]);
    expect(gaps!.rows[1]![5]).toBe('有未定稿记录');
    const text = docx.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('应谈心谈话党员 30 人，已谈 25 人，覆盖率 83.3%');
    expect(rates!.rows[0]).toEqual(['序号', '姓名', '应参会', '实参会', '参会率', '序号', '姓名', '应参会', '实参会', '参会率']);
    expect(rates!.rows).toHaveLength(1 + 6);
    const pdf = docxToPdf(file);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pdfText(pdf)).toContain('三会一课');
    renderPages(pdf, `${dir}/page`);
  }, 120_000);
});

describe('the 台账 in Excel', () => {
  it('has the grid with quarterly cells merged, the gaps, the members not talked with and the rates, printed A4 landscape', async () => {
    const calendar = sampleCalendar();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await calendarXlsx('第一钻井队党支部', calendar)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['台账', '缺开清单', '谈心谈话', '参会率']);
    const grid = book.getWorksheet('台账')!;
    expect(grid.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, paperSize: 9, printTitlesRow: '3:3' });
    const row = (label: string) => grid.getRows(4, grid.rowCount - 3)!.find((r) => r.getCell(1).value === label)!;
    expect(row('支委会').getCell(6).value).toBe('未定稿');
    expect(row('支委会').getCell(15).value).toBe('9/11');
    const members = row('支部党员大会');
    expect(members.getCell(3).value).toBe('2月10日');
    expect(members.getCell(4).isMerged).toBe(true);
    expect(members.getCell(12).value).toBe('待开');
    const gaps = book.getWorksheet('缺开清单')!;
    expect(gaps.getRow(4).values).toEqual([undefined, 1, '支委会', '', '2026年4月', '2026-04-30', '有未定稿记录']);
    expect(gaps.rowCount).toBe(5);
    const talks = book.getWorksheet('谈心谈话')!;
    expect(talks.rowCount).toBe(3 + 5);
    const rates = book.getWorksheet('参会率')!;
    expect(rates.getRow(4).getCell(5).numFmt).toBe('0.0%');
    expect(rates.rowCount).toBe(3 + 12);
  });
});
