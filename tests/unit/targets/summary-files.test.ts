/** 考核汇总表 to Word and Excel: the same rows in rank order, read back with python-docx and ExcelJS; LibreOffice converts it. */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../main/services/demo/seed';
import { layoutAll } from '../../../shared/documents/layout';
import { docxToPdf, outputDir, pdfPageCount, readDocx, releaseLibreOffice, saveFile } from '../../helpers/documents';
import { testContext, trackContexts } from '../../helpers/context';

const track = trackContexts();
afterAll(releaseLibreOffice);

describe('考核汇总表', () => {
  it('prints every letter of the year by rank, in Word and in Excel', async () => {
    const t = track(await testContext());
    seedDemo(t.db, { members: 80, seed: 9 }, { today: '2026-11-25' });
    const summary = await t.call('assessments.summary', { year: 2025, period: 'final' });
    const dir = outputDir('target-summary');

    const word = await t.call('assessments.exportSummary', { year: 2025, period: 'final', format: 'docx' });
    expect(word.fileName).toMatch(/2025年度党员目标考核汇总表（年终考核）\.docx$/);
    const file = saveFile(dir, 'summary.docx', Buffer.from(word.data, 'base64'));
    const table = readDocx(file).tables[0]!;
    expect(table.rows[0]).toEqual(['序号', '姓名', '岗位', '党小组', '自评分', '小组评分', '支部评定', '名次', '档次', '奖惩']);
    expect(table.headerRows[0]).toBe(true);
    expect(table.rows.slice(1).map((r) => [r[1], r[6], r[7], r[8]])).toEqual(
      summary.rows.map((r) => [r.memberName, String(r.total), String(r.rank), r.grade]),
    );
    const ranks = table.rows.slice(1).map((r) => Number(r[7]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const preview = await t.call('assessments.previewSummary', { year: 2025, period: 'final' });
    const pdf = docxToPdf(file);
    expect(pdfPageCount(pdf)).toBe(layoutAll(preview.document).length);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(dir, 'page')]);

    const excel = await t.call('assessments.exportSummary', { year: 2025, period: 'final', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(excel.data, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe(preview.document.title);
    const first = summary.rows[0]!;
    expect([ws.getCell(4, 2).value, ws.getCell(4, 7).value, ws.getCell(4, 8).value]).toEqual([first.memberName, first.total, first.rank]);
    expect(ws.rowCount).toBe(3 + summary.rows.length);
  }, 120_000);
});
