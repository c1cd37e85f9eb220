/** The exported .xlsx roster prints cleanly: A4 landscape, one page wide, header row repeated, page numbers, borders, a CJK font. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../main/services/demo/seed';
import { exportRosterXlsx, XLSX_FONT_NAME, XLSX_FOOTER } from '../../../main/services/spreadsheet/export';
import { testContext, type TestContext } from '../../helpers/context';
import { docxToPdf, outputDir, pdfPages, releaseLibreOffice, renderPages } from '../../helpers/documents';

const TODAY = '2026-11-25';
let t: TestContext;
let file: string;
let dir: string;

beforeAll(async () => {
  t = await testContext();
  seedDemo(t.db, { members: 300, seed: 7 }, { today: TODAY });
  dir = outputDir('xlsx-roster-print');
  file = path.join(dir, 'roster.xlsx');
  await exportRosterXlsx(t.db, file, { filter: { status: 'all' }, today: TODAY });
});
afterAll(() => {
  t.cleanup();
  releaseLibreOffice();
});

async function readBack(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('the Excel roster print setup', () => {
  it('A4 landscape, fit to one page wide, the header row as print titles, page numbers in the footer', async () => {
    const ws = await readBack();
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toBe(XLSX_FOOTER);
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.headerFooter.oddFooter).toContain('&N');
    expect(ws.pageSetup.margins?.left).toBeGreaterThan(0.2);
  });

  it('the title merged over every column; thin borders and 宋体 on every header and data cell', async () => {
    const ws = await readBack();
    const width = ws.getRow(3).cellCount;
    expect(width).toBe(26);
    expect(ws.getCell(1, width).master.address).toBe('A1');
    expect(ws.getCell(1, 1).font?.name).toBe(XLSX_FONT_NAME);
    const last = ws.rowCount;
    expect(last).toBe(303);
    // ExcelJS reads a font size as an integer: the 10.5 pt (五号) written comes back as 10.
    const bad: string[] = [];
    for (let r = 3; r <= last; r++) {
      for (let c = 1; c <= width; c++) {
        const cell = ws.getCell(r, c);
        if (cell.font?.name !== XLSX_FONT_NAME || (cell.font.size ?? 0) < 10) bad.push(`${cell.address} font`);
        if (cell.border?.left?.style !== 'thin' || cell.border?.bottom?.style !== 'thin') bad.push(`${cell.address} border`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    const addressColumn = (ws.getRow(3).values as unknown[]).indexOf('家庭住址');
    expect(ws.getCell(4, addressColumn).alignment?.wrapText).toBe(true);
    const wrapped = Array.from({ length: 300 }, (_, i) => ws.getRow(i + 4)).find((r) => String(r.getCell(addressColumn).value ?? '').length > 15);
    expect(wrapped?.height ?? 0).toBeGreaterThanOrEqual(28);
  });

  it('without the title rows the header row (row 1) is the print title', async () => {
    const bare = path.join(dir, 'bare.xlsx');
    await exportRosterXlsx(t.db, bare, { title: false, columns: ['name', 'address'], today: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(bare);
    expect(wb.worksheets[0]!.pageSetup.printTitlesRow).toBe('1:1');
    expect(wb.worksheets[0]!.getCell(1, 1).value).toBe('序号');
  });

  it('LibreOffice prints every column on every page, the title on page 1, and page numbers', () => {
    docxToPdf(file, dir);
    const pdf = path.join(dir, 'roster.pdf');
    renderPages(pdf, path.join(dir, 'page'));
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThan(30);
    const first = pages[0]!.replace(/\s+/g, '');
    expect(first).toContain('党员花名册');
    for (const header of ['序号', '姓名', '身份证号', '籍贯', '党小组', '家庭住址', '备注']) expect(first).toContain(header);
    pages.forEach((text, i) => {
      const compact = text.replace(/\s+/g, '');
      expect(compact, `page ${i + 1}`).toContain('序号');
      expect(compact, `page ${i + 1}`).toContain('备注');
      expect(compact, `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
    });
    expect(pages.slice(1).every((p) => !p.includes('党员花名册'))).toBe(true);
  });
});
