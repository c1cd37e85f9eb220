/** 导出 Excel and 导出 Word from the roster: the dialog, the current filter, the downloaded files. */
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { addMember, createBranch, expect, expectAccessible, idNumber, openApp, screenshot, test } from './fixtures';

/** Every table cell of a .docx, read back by python3-docx (Debian's package, under /usr/bin/python3). */
function docxCells(file: string): string[] {
  const script = 'import sys, docx\nd = docx.Document(sys.argv[1])\nfor t in d.tables:\n  for r in t.rows:\n    for c in r.cells: print(c.text.replace("\\n", " "))';
  return execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).split('\n');
}

/** Waits until the dialog has finished zooming in (axe measures contrast mid-animation otherwise). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = document.querySelector('.ant-modal');
    return !!m && !/zoom-(appear|enter)/.test(m.className) && getComputedStyle(m).opacity === '1';
  });
}

test('export the roster to Excel and Word, with the roster filter and chosen columns', async ({ page, host }) => {
  await createBranch(host);
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-01-15', joinDate: '1998-07-01', fullDate: '1999-07-01' }, 1);
  await addMember(host, { name: '李红梅', gender: '女', birthDate: '1988-04-02', joinDate: '2012-07-01', fullDate: '2013-07-01' }, 2);
  const probation = new Date(Date.now() - 60 * 86400_000).toISOString().slice(0, 10);
  await addMember(host, { name: '陈永刚', gender: '男', birthDate: '1995-09-09', joinDate: probation, fullDate: null, category: '预备党员' }, 3);

  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toContainText('共 3 人');
  await expectAccessible(page, 'roster-with-file-buttons');
  await screenshot(page, 'export-0-roster-buttons');

  // Excel: every member, every column by default.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xdialog = page.getByRole('dialog', { name: '导出 Excel 名册' });
  await expect(xdialog).toBeVisible();
  await expect(xdialog.getByRole('checkbox', { name: '身份证号' })).toBeChecked();
  await settled(page);
  await expectAccessible(page, 'export-xlsx-dialog', '.ant-modal');
  await screenshot(page, 'export-1-xlsx-dialog');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), xdialog.getByRole('button', { name: '导出 Excel 文件' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/党员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const xpath = await xlsx.path();
  const bytes = fs.readFileSync(xpath);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const names: string[] = [];
  wb.worksheets[0]!.eachRow((r) => names.push(r.values ? String((r.values as unknown[]).join('|')) : ''));
  const all = names.join('\n');
  for (const n of ['王建国', '李红梅', '陈永刚']) expect(all).toContain(n);
  expect(all).toContain(idNumber('1970-01-15', '男', 1)); // full ID numbers, as text
  await expect(xdialog).toBeHidden();

  // Word: only the probationary members (the roster's filter), fewer columns, masked ID numbers.
  await page.getByRole('combobox', { name: '人员类别' }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('预备党员', { exact: true }).click();
  await expect(page.getByTestId('roster-count')).toContainText('共 1 人');
  await page.getByRole('button', { name: '打印 / 导出 Word' }).click();
  const wdialog = page.getByRole('dialog', { name: '花名册：打印预览 / 导出 Word' });
  await expect(wdialog.getByText('按名册当前的查找条件：预备党员（1 人）')).toBeVisible();
  await wdialog.getByRole('checkbox', { name: '联系电话' }).uncheck();
  await wdialog.getByRole('checkbox', { name: /隐藏身份证号/ }).check();
  await settled(page);
  await expectAccessible(page, 'export-docx-dialog', '.ant-modal');
  await screenshot(page, 'export-2-docx-dialog');
  const [docx] = await Promise.all([page.waitForEvent('download'), wdialog.getByRole('button', { name: '导出 Word', exact: true }).click()]);
  expect(docx.suggestedFilename()).toMatch(/党员花名册-\d{4}-\d{2}-\d{2}\.docx$/);
  const dpath = await docx.path();
  const dbytes = fs.readFileSync(dpath);
  expect(dbytes.length).toBeGreaterThan(1000);
  expect(dbytes.subarray(0, 2).toString('latin1')).toBe('PK');
  // Only the probationer, without the unticked column, with the ID number masked.
  const cells = docxCells(dpath);
  expect(cells).toContain('陈永刚');
  expect(cells).not.toContain('王建国');
  expect(cells).toContain('身份证号');
  expect(cells).not.toContain('联系电话');
  const fullId = idNumber('1995-09-09', '男', 3);
  expect(cells.join('|')).not.toContain(fullId);
  expect(cells.join('|')).toContain(fullId.slice(-4));
  await expect(page.getByText(/已导出 1 名党员/)).toBeVisible();
});
