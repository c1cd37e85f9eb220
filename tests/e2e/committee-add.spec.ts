/** A committee database with an imported branch: 组织关系转入 and 导入名册 go to the branch shown or chosen. */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addMember, createBranch, expect, expectAccessible, idNumber, openApp, screenshot, test, type Host } from './fixtures';
import { field, typeDate } from './form';
import { goTo, launchHost, packageFolder } from './handover-hosts';

const SECOND = '中共渤海钻探第二钻井队支部委员会';
const LOCAL = '中共渤海钻探第一钻井队支部委员会';
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** The committee's own branch (王建国, 机关党小组) and the second branch taken in from its package (张伟 in 钻台2班党小组, 刘芳). */
async function committee(host: Host): Promise<{ second: string }> {
  await createBranch(host);
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-04-12', joinDate: '1995-07-01', fullDate: '1996-07-01' }, 1);
  await host.call('groups.save', { name: '机关党小组' });
  const other = await launchHost();
  try {
    await other.call('branch.save', { name: SECOND, parentCommittee: '中共渤海钻探第一工程公司委员会', officers: [] });
    const group = await other.call<{ id: string }>('groups.save', { name: '钻台2班党小组' });
    await addMember(other, { name: '张伟', gender: '男', birthDate: '1985-02-01', joinDate: '2010-07-01', fullDate: '2011-07-01', partyGroupId: group.id }, 20);
    await addMember(other, { name: '刘芳', gender: '女', birthDate: '1992-06-18', joinDate: '2017-07-01', fullDate: '2018-07-01' }, 21);
    const pkg = await other.call<{ fileName: string; data: string }>('handover.export', { createdBy: '支部书记' });
    const staged = await host.call<{ stagingId: string }>('handover.preview', { data: pkg.data, fileName: pkg.fileName });
    await host.call('handover.import', { stagingId: staged.stagingId });
  } finally {
    await other.stop();
  }
  const branches = await host.call<{ id: string; name: string }[]>('branches.list');
  return { second: branches.find((b) => b.name === SECOND)!.id };
}

async function showBranch(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: '支部' }).click();
  await dropdown(page).getByTitle(title).click();
}

async function pick(page: Page, scope: Locator, label: string, text: string): Promise<void> {
  const input = field(scope, label);
  await input.click();
  if ((await input.getAttribute('readonly')) === null) await input.fill(text);
  await dropdown(page).getByTitle(text, { exact: true }).click();
}

async function fillTransfer(page: Page, form: Locator, m: { name: string; idNumber: string }): Promise<void> {
  await typeDate(form, '转入日期', '2026-03-02');
  await field(form, '转出党组织（从哪里转来）').fill('中共长城钻探第三钻井队支部委员会');
  await field(form, '姓名').fill(m.name);
  await field(form, '身份证号').fill(m.idNumber);
  await pick(page, form, '学历', '大学本科毕业');
  await typeDate(form, '入党日期', '2012-07-01');
  await typeDate(form, '转正日期', '2013-07-01');
}

test('组织关系转入 in a committee: a required 所属支部 across branches, the branch shown otherwise, with its groups', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { second } = await committee(host);
  await openApp(page, host);
  await goTo(page, '党员名册');
  await showBranch(page, /^全部支部/);
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');

  // All branches shown: the form asks which branch, the local one first; the groups follow the choice.
  await page.getByRole('button', { name: '组织关系转入' }).click();
  const form = page.getByRole('form', { name: '组织关系转入' });
  await expect(field(form, '所属支部')).toBeVisible();
  await expect(form.locator('.ant-form-item').filter({ has: field(page, '所属支部') })).toContainText(`${LOCAL}（本支部）`);
  await field(form, '党小组').click();
  await expect(dropdown(page).getByTitle('机关党小组')).toBeVisible();
  await page.keyboard.press('Escape');
  await pick(page, form, '所属支部', SECOND);
  await field(form, '党小组').click();
  await expect(dropdown(page).getByTitle('钻台2班党小组')).toBeVisible();
  await expect(dropdown(page).getByTitle('机关党小组')).toHaveCount(0);
  await dropdown(page).getByTitle('钻台2班党小组').click();
  // 张伟's ID number is taken in the second branch: main refuses it there, at the field.
  await fillTransfer(page, form, { name: '张伟', idNumber: idNumber('1985-02-01', '男', 20) });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toContainText('身份证号');
  await field(form, '姓名').fill('孙红');
  await field(form, '身份证号').fill(idNumber('1990-05-06', '女', 40));
  await expectAccessible(page, 'transfer-in-choose-branch');
  await screenshot(page, 'transfer-in-choose-branch');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText(`已办理“孙红”的组织关系转入到“${SECOND}”`)).toBeVisible();
  await expect(page.locator('.roster-row').filter({ hasText: '孙红' })).toContainText(SECOND);
  const inSecond = await host.call<{ rows: { name: string; partyGroup: string | null }[] }>('members.search', { branchId: second });
  expect(inSecond.rows.find((r) => r.name === '孙红')).toMatchObject({ partyGroup: '钻台2班党小组' });

  // The second branch shown: the form names it and asks nothing.
  await showBranch(page, new RegExp(`^${SECOND}`));
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  await page.getByRole('button', { name: '组织关系转入' }).click();
  await expect(form.getByRole('note')).toContainText(`将添加到：${SECOND}`);
  await expect(field(form, '所属支部')).toHaveCount(0);
  await fillTransfer(page, form, { name: '钱多', idNumber: idNumber('1988-02-03', '男', 41) });
  await expectAccessible(page, 'transfer-in-imported-branch');
  await screenshot(page, 'transfer-in-imported-branch');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText('共 4 人');
  expect((await host.call<{ total: number }>('members.search', {})).total).toBe(1);
});

test('导入名册 in a committee: into the branch shown by default, matched against the branch chosen', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { second } = await committee(host);
  const folder = packageFolder();
  const file = path.join(folder.dir, '第二钻井队花名册.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '学历', '入党时间', '转正时间', '人员类别', '联系电话']);
  // 张伟 of the second branch with a phone number, and a new member.
  ws.addRow([1, '张伟', '男', '汉族', '1985-02-01', idNumber('1985-02-01', '男', 20), '大学本科毕业', '2010-07-01', '2011-07-01', '正式党员', '13900000020']);
  ws.addRow([2, '周明', '男', '汉族', '1991-09-09', idNumber('1991-09-09', '男', 43), '大专', '2016-07-01', '2017-07-01', '正式党员', '']);
  await wb.xlsx.writeFile(file);

  try {
    await openApp(page, host);
    await goTo(page, '党员名册');
    await showBranch(page, new RegExp(`^${SECOND}`));
    await expect(page.getByTestId('roster-count')).toHaveText('共 2 人');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByRole('heading', { name: '导入名册' })).toBeVisible();
    const target = page.getByRole('combobox', { name: '导入到支部' });
    await expect(page.locator('.import-target')).toContainText(SECOND);
    await expectAccessible(page, 'import-pick-branch');
    await screenshot(page, 'import-pick-branch');

    await page.getByTestId('import-file-input').setInputFiles(file);
    // Against the second branch: 张伟 is found and updated, 周明 is new.
    await expect(page.getByTestId('count-update')).toContainText('1');
    await expect(page.getByTestId('count-new')).toContainText('1');
    await expect(page.locator('.import-ready')).toContainText(`到“${SECOND}”`);
    // Switching to the local branch previews again: there nobody is known.
    await target.click();
    await dropdown(page).getByTitle(`${LOCAL}（本支部）`).click();
    await expect(page.getByTestId('count-new')).toContainText('2');
    await expect(page.getByTestId('count-update')).toContainText('0');
    await expect(page.locator('.import-ready')).toContainText(`到“${LOCAL}”`);
    // And back.
    await target.click();
    await dropdown(page).getByTitle(SECOND, { exact: true }).click();
    await expect(page.getByTestId('count-update')).toContainText('1');
    await expectAccessible(page, 'import-preview-branch');
    await screenshot(page, 'import-preview-branch');

    const backups = (await host.call<unknown[]>('backup.list')).length;
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByRole('heading', { name: '导入完成' })).toBeVisible();
    await expect(page.getByText(`已导入到“${SECOND}”`)).toBeVisible();
    await expect(page.getByText(/导入前已自动备份原有数据/)).toBeVisible();
    await screenshot(page, 'import-done-branch');
    expect((await host.call<unknown[]>('backup.list')).length).toBe(backups + 1);
    const rows = (await host.call<{ rows: { name: string; phone: string }[] }>('members.search', { branchId: second })).rows;
    expect(rows.map((r) => r.name).sort()).toEqual(['刘芳', '周明', '张伟'].sort());
    expect(rows.find((r) => r.name === '张伟')!.phone).toBe('13900000020');
    expect((await host.call<{ total: number }>('members.search', {})).total).toBe(1);

    await page.getByRole('button', { name: '查看党员名册' }).click();
    await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  } finally {
    folder.remove();
    fs.rmSync(file, { force: true });
  }
});
