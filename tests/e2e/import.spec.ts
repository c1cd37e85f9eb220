/** 导入名册 through the UI: a hand-made sheet, a column the importer cannot guess, a wrong ID checksum. */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, idNumber, openApp, screenshot, test } from './fixtures';

async function buildSheet(file: string, existingId: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['第一钻井队党员花名册']);
  ws.mergeCells('A1:J1');
  // Education under an unusual name (文化): the importer cannot guess it.
  ws.addRow(['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '文化', '入党时间', '转正时间', '人员类别']);
  const good = idNumber('1985-03-12', '男', 41);
  const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1'); // wrong check character
  ws.addRow([1, '赵铁柱', '男', '汉族', '1985-03-12', good, '大学本科', '2010-07-01', '2011-07-01', '正式党员']);
  ws.addRow([2, '钱秀兰', '女', '回族', '1992.5', idNumber('1992-05-20', '女', 42), '大专', '2020.7.1', '2021.7.1', '正式党员']);
  ws.addRow([3, '孙大海', '男', '汉族', '1978-11-02', bad.replace(/^.{6}/, '130982').replace(/19850312/, '19781102'), '高中', '2005-06-30', '2006-06-30', '正式党员']);
  ws.addRow([4, '王建国', '男', '汉族', '1970-01-15', existingId, '大专', '1998-07-01', '1999-07-01', '正式党员']);
  ws.addRow([]);
  ws.addRow(['合计', '4 人']);
  await wb.xlsx.writeFile(file);
}

test('import a roster sheet: correct the mapping, see the problem row, import the valid rows', async ({ page, host }) => {
  await createBranch(host);
  // An existing member the sheet updates (学历 大学本科 -> 大专).
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-01-15', joinDate: '1998-07-01', fullDate: '1999-07-01' }, 9);
  const existingId = idNumber('1970-01-15', '男', 9);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-e2e-'));
  const file = path.join(dir, '党员花名册.xlsx');
  await buildSheet(file, existingId);

  await openApp(page, host);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByRole('heading', { name: '导入名册' })).toBeVisible();
  await expectAccessible(page, 'import-pick');
  await screenshot(page, 'import-1-pick');

  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByText('文件：')).toBeVisible();
  // 文化 was not recognised: 学历 is missing and the confirm button says why it is disabled.
  await expect(page.getByText('表格中没有找到必填的“学历”')).toBeVisible();
  const confirm = page.getByRole('button', { name: '确认导入' });
  await expect(confirm).toBeDisabled();
  await expect(page.locator('#import-blocked')).toContainText('学历');
  await screenshot(page, 'import-2-preview-unmapped');

  // Correct the mapping: column G (文化) is 学历.
  const select = page.getByLabel('G 列“文化”导入为');
  await select.click();
  await select.fill('学历');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('学历', { exact: true }).click();
  await expect(page.getByText('表格中没有找到必填的“学历”')).toHaveCount(0);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);

  await expect(page.getByTestId('count-new')).toContainText('2');
  await expect(page.getByTestId('count-update')).toContainText('1');
  await expect(page.getByTestId('count-invalid')).toContainText('1');
  // The problem row, named by its Excel row and column (row 5, column F).
  const problems = page.locator('.row-problems');
  await expect(problems).toContainText('第 5 行 F 列');
  await expect(problems).toContainText('身份证号');
  await expect(page.getByText(/已跳过 \d+ 行空行或合计行/)).toBeVisible();
  await expect(confirm).toBeDisabled();
  await expect(page.locator('#import-blocked')).toContainText('有 1 行有问题');
  await expectAccessible(page, 'import-preview');
  await screenshot(page, 'import-3-preview-problem');

  // The update row shows its change.
  await page.locator('label.ant-radio-button-wrapper', { hasText: '更新（' }).click();
  await expect(page.locator('.row-changes')).toContainText('学历');
  await page.locator('label.ant-radio-button-wrapper', { hasText: '全部（' }).click();
  await screenshot(page, 'import-4-preview-all');

  await page.getByRole('checkbox', { name: /只导入没有问题的行/ }).check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
  await expect(page.getByText('新增 2 人，更新 1 人')).toBeVisible();
  await expect(page.getByText(/导入前已自动备份原有数据：“.+”/)).toBeVisible();
  await expectAccessible(page, 'import-done');
  await screenshot(page, 'import-5-done');

  await page.getByRole('button', { name: '查看党员名册' }).click();
  await expect(page.getByRole('heading', { name: '党员名册' })).toBeVisible();
  await expect(page.getByTestId('roster-count')).toContainText('共 3 人');
  await expect(page.getByText('赵铁柱')).toBeVisible();
  await expect(page.getByText('钱秀兰')).toBeVisible();
  await expect(page.getByText('孙大海')).toHaveCount(0);
  fs.rmSync(dir, { recursive: true, force: true });
});
