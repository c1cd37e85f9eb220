/** `targets letters` and `targets assessment` write the files; wrong options are refused before anything is opened. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess as cli, cliOk as ok } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { readDocx } from '../../helpers/documents';

const root = tempDir('branch-desk-cli-targets-');
const db = path.join(root, 'data', 'x.sqlite');
const out = (name: string) => path.join(root, 'out', name);
const lastYear = new Date().getFullYear() - 1;

beforeAll(async () => {
  await ok(['seed-demo', '--members', '30', '--seed', '4', '--db', db]);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('targets commands', () => {
  it('targets letters writes one Word file with every letter of the year', async () => {
    const r = await ok(['targets', 'letters', '--year', String(lastYear), out('letters.docx'), '--db', db, '--json']);
    const data = JSON.parse(r.stdout) as { letters: number };
    expect(data.letters).toBeGreaterThan(20);
    const docx = readDocx(out('letters.docx'));
    expect(docx.paragraphs.filter((p) => p.text.startsWith('乙方：'))).toHaveLength(data.letters);
  });

  it('targets assessment writes the summary as .docx or .xlsx', async () => {
    await ok(['targets', 'assessment', '--year', String(lastYear), '--period', 'final', out('summary.docx'), '--db', db]);
    expect(readDocx(out('summary.docx')).tables[0]!.rows[0]![6]).toBe('支部评定');
    const r = await ok(['targets', 'assessment', '--year', String(lastYear), '--period', 'final', out('summary.xlsx'), '--db', db]);
    expect(r.stdout).toContain('年终考核汇总表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('summary.xlsx'));
    expect(wb.worksheets[0]!.getCell(3, 7).value).toBe('支部评定');
  });

  it('refuses a wrong period, a wrong extension and an existing file, naming the option', async () => {
    const bad = await cli(['targets', 'assessment', '--year', String(lastYear), '--period', 'q3', out('x.docx'), '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period 应为 mid（半年考核）或 final（年终考核）');
    expect((await cli(['targets', 'letters', '--year', String(lastYear), out('x.pdf'), '--db', db])).stderr).toContain('.docx');
    expect((await cli(['targets', 'letters', '--year', String(lastYear), out('letters.docx'), '--db', db])).stderr).toContain('--force');
    expect(fs.existsSync(out('x.docx'))).toBe(false);
  });
});
