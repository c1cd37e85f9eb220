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
  test.slow(); // many previews and five screenshots: measured at 52–60 s on a loaded 2-core machine
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
  await expect(page.getByTestId('mapping-reason-G')).toHaveText('列名和内容都没有认出，未导入');
  await expect(page.getByTestId('mapping-reason-B')).toHaveText('按列名“姓名”');
  await screenshot(page, 'import-2-preview-unmapped');

  // Correct the mapping: column G (文化) is 学历.
  const select = page.getByLabel('G 列“文化”导入为');
  await select.click();
  await select.fill('学历');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('学历', { exact: true }).click();
  await expect(page.getByText('表格中没有找到必填的“学历”')).toHaveCount(0);
  await expect(page.getByTestId('mapping-reason-G')).toHaveText('由您指定');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);

  await expect(page.getByTestId('count-new')).toContainText('2');
  await expect(page.getByTestId('count-update')).toContainText('1');
  await expect(page.getByTestId('count-invalid')).toContainText('1');
  // The problem row, named by its Excel row and column (row 5, column F).
  const problems = page.locator('.row-problems');
  await expect(problems).toContainText('第 5 行 F 列');
  await expect(problems).toContainText('身份证号');
  await expect(page.getByText(/已跳过 \d+ 行空行、合计行或填写说明/)).toBeVisible();
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

/** The shape of owip's 党员信息（校外人员）录入样表: 人员类别 holds staffing types, 党籍状态（…） the category, notes merged below. */
async function buildOutsideTemplate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['姓名', '性别', '出生日期', '身份证号', '民族', '学历', '工作单位', '人员类别', '党籍状态（正式党员或预备党员）', '入党时间', '转正时间', '联系电话']);
  ws.addRow(['刘洋', '男', '1985-03-17', idNumber('1985-03-17', '男', 51), '汉族', '本科', '北京某研究所', '普通编制', '正式党员', '2008-06-20', '2009-06-20', '13800138001']);
  ws.addRow(['陈静', '女', '1990-11-02', idNumber('1990-11-02', '女', 52), '回族', '研究生', '北京某研究所', '合同制', '正式党员', '2013-05-04', '2014-05-04', '13800138002']);
  ws.addRow(['马强', '男', '1996-07-30', idNumber('1996-07-30', '男', 53), '满族', '大专', '北京某研究所', '校聘', '预备党员', '2026-03-01', null, '13800138003']);
  ws.addRow([]);
  ws.getCell('C6').value = '填写注意事项：\n1、本表供校外人员使用。\n2、请按字段批注填写，字段及字段顺序请勿删除或调整。\n3、导入前请删除此注意事项。';
  ws.mergeCells('C6:L19');
  await wb.xlsx.writeFile(file);
}

test('a template from another system: the category found by its values, the staffing column and the notes left out', async ({ page, host }) => {
  test.slow(); // measured at 35–54 s on a loaded 2-core machine
  await createBranch(host);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-e2e-'));
  const file = path.join(dir, '党员信息（校外人员）录入样表.xlsx');
  await buildOutsideTemplate(file);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByText('文件：')).toBeVisible();
  await expect(page.getByTestId('count-new')).toContainText('3');
  await expect(page.getByTestId('count-invalid')).toContainText('0');
  await expect(page.getByTestId('mapping-reason-I')).toHaveText('按内容：都是“正式党员”“预备党员”');
  await expect(page.getByTestId('mapping-reason-H')).toHaveText('内容（如“普通编制”）不像“人员类别”，未导入');
  await expect(page.getByText(/第 6 行（填写说明“填写注意事项：/)).toBeVisible();
  await expectAccessible(page, 'import-other-system');
  await screenshot(page, 'import-6-other-system-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'import-6-other-system-1920');
  const confirm = page.getByRole('button', { name: '确认导入' });
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByText('新增 3 人，更新 0 人')).toBeVisible();
  fs.rmSync(dir, { recursive: true, force: true });
});
