/** The committee's roll-up: packages of two branches imported into a third database; roster by branch, branches compared. */
import fs from 'node:fs';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, idNumber, openApp, screenshot, test } from './fixtures';
import { field, fillMember, memberForm, pickOption } from './form';
import { choosePackage, goTo, launchHost, packageFile, packageFolder } from './handover-hosts';

test('committee: two branches imported, roster by branch, comparison', async ({ page, host }) => {
  test.setTimeout(120_000);
  // The committee's own database (the fixture's host) has its own small branch.
  await createBranch(host);
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-04-12', joinDate: '1995-07-01', fullDate: '1996-07-01' }, 1);
  await host.call('groups.save', { name: '机关党小组' });

  const folder = packageFolder();
  const files: string[] = [];
  const branches = [
    { name: '中共渤海钻探第二钻井队支部委员会', members: [['张伟', '男', '1985-02-01'], ['刘芳', '女', '1992-06-18']] },
    { name: '中共渤海钻探第三钻井队支部委员会', members: [['陈强', '男', '1965-11-30'], ['杨丽', '女', '1998-03-09'], ['赵军', '男', '1978-08-08']] },
  ] as const;
  for (const [i, b] of branches.entries()) {
    const other = await launchHost();
    try {
      await other.call('branch.save', { name: b.name, parentCommittee: '中共渤海钻探第一工程公司委员会', officers: [] });
      const group = await other.call<{ id: string }>('groups.save', { name: `钻台${i + 2}班党小组` });
      for (const [j, [name, gender, birthDate]] of b.members.entries()) {
        const year = Number(birthDate.slice(0, 4));
        const partyGroupId = j === 0 ? group.id : null;
        await addMember(other, { name, gender, birthDate, joinDate: `${year + 25}-07-01`, fullDate: j === 0 ? null : `${year + 26}-07-01`, partyGroupId }, 20 + i * 10 + j);
      }
      const pkg = await other.call<{ fileName: string; data: string }>('handover.export', { createdBy: '支部书记' });
      files.push(packageFile(folder.dir, pkg, `branch-${i + 2}.zbk`));
    } finally {
      await other.stop();
    }
  }

  await openApp(page, host);
  await goTo(page, '党员名册');
  // One branch only: no selector, no comparison in the menu.
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.getByRole('combobox', { name: '支部' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '支部对比' })).toHaveCount(0);

  for (const file of files) {
    await goTo(page, '数据交接');
    await page.getByRole('tab', { name: '导入交接包' }).click();
    const again = page.getByRole('button', { name: '导入另一个交接包' });
    if (await again.isVisible()) await again.click();
    await choosePackage(page, file);
    await expect(page.getByText('这是另一个支部的数据')).toBeVisible();
    // Exported without a password: the preview warns that anyone can read it.
    await expect(page.getByTestId('not-encrypted')).toBeVisible();
    await screenshot(page, 'handover-import-plain');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByRole('heading', { name: '交接包已导入' })).toBeVisible();
  }
  folder.remove();

  // The roster: 本支部 by default, then each branch, then all.
  await goTo(page, '党员名册');
  const select = page.getByRole('combobox', { name: '支部' });
  await expect(select).toBeVisible();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await select.click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(options.getByTitle(/^本支部/)).toBeVisible();
  await options.getByTitle(/^中共渤海钻探第三钻井队支部委员会/).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  await expect(page.locator('.roster-row').filter({ hasText: '陈强' })).toBeVisible();
  // The 党小组 filter offers the groups of the branch shown, not the local branch's.
  const groupFilter = page.getByRole('combobox', { name: '党小组' });
  await groupFilter.click();
  await expect(options.getByTitle('钻台3班党小组')).toBeVisible();
  await expect(options.getByTitle('机关党小组')).toHaveCount(0);
  await options.getByTitle('钻台3班党小组').click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.locator('.roster-row').filter({ hasText: '陈强' })).toBeVisible();
  await page.getByRole('button', { name: '清除条件' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  await select.click();
  await options.getByTitle(/^全部支部/).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 6 人');
  await expect(options).toBeHidden();
  // Across branches each row names its branch, in a 支部 column that sorts.
  const branchHeader = page.getByRole('columnheader', { name: '支部' });
  await expect(branchHeader).toBeVisible();
  await expect(page.locator('.roster-row').filter({ hasText: '陈强' })).toContainText('中共渤海钻探第三钻井队支部委员会');
  await expect(page.locator('.roster-row').filter({ hasText: '王建国' })).toContainText('中共渤海钻探第一钻井队支部委员会');
  await expectAccessible(page, 'roster-all-branches');
  await screenshot(page, 'roster-all-branches');
  await branchHeader.click();
  // By branch name: 第一 (一 U+4E00) < 第三 (三 U+4E09) < 第二 (二 U+4E8C).
  await expect(page.locator('.roster-row').first()).toContainText('王建国');
  await branchHeader.click();
  await expect(page.locator('.roster-row').first()).toContainText('中共渤海钻探第二钻井队支部委员会');
  await expect(branchHeader).toHaveAttribute('aria-sort', 'descending');

  // 新增党员 while all branches are shown: the form asks which branch, the local one by default.
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await expect(field(form, '所属支部')).toBeVisible();
  await expect(form.locator('.ant-form-item').filter({ has: field(page, '所属支部') })).toContainText('中共渤海钻探第一钻井队支部委员会（本支部）');
  await pickOption(page, '所属支部', '中共渤海钻探第二钻井队支部委员会');
  await fillMember(page, { name: '孙红', idNumber: idNumber('1990-05-06', '女', 40), joinDate: '2015-07-01', fullDate: '2016-07-01' });
  await expectAccessible(page, 'member-form-choose-branch');
  await screenshot(page, 'member-form-choose-branch');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('已添加党员“孙红”到“中共渤海钻探第二钻井队支部委员会”')).toBeVisible();
  await expect(page.getByTestId('roster-count')).toHaveText('共 7 人');
  await expect(page.locator('.roster-row').filter({ hasText: '孙红' })).toContainText('中共渤海钻探第二钻井队支部委员会');
  const branchList = await host.call<{ id: string; name: string; isLocal: boolean }[]>('branches.list');
  const secondBranch = branchList.find((b) => b.name === '中共渤海钻探第二钻井队支部委员会')!;
  const thirdBranch = branchList.find((b) => b.name === '中共渤海钻探第三钻井队支部委员会')!;
  expect((await host.call<{ total: number }>('members.search', { branchId: secondBranch.id })).total).toBe(3);
  expect((await host.call<{ total: number }>('members.search', {})).total).toBe(1);

  // With one imported branch shown, a new member goes to that branch, and the form says so.
  await select.click();
  await options.getByTitle(/^中共渤海钻探第三钻井队支部委员会/).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  await expect(page.getByRole('columnheader', { name: '支部' })).toHaveCount(0);
  await page.getByRole('button', { name: '新增党员' }).click();
  await expect(form.getByRole('note')).toContainText('将添加到：中共渤海钻探第三钻井队支部委员会');
  await expect(field(form, '所属支部')).toHaveCount(0);
  await fillMember(page, { name: '钱多', idNumber: idNumber('1988-02-03', '男', 41), joinDate: '2014-07-01', fullDate: '2015-07-01' });
  await expectAccessible(page, 'member-form-imported-branch');
  await screenshot(page, 'member-form-imported-branch');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText('共 4 人');
  expect((await host.call<{ total: number }>('members.search', { branchId: thirdBranch.id })).total).toBe(4);

  // The committee passes the third branch on: its package names that branch and holds its 4 members.
  await goTo(page, '数据交接');
  const exportBranch = page.getByRole('combobox', { name: '导出哪个支部' });
  await expect(exportBranch).toBeVisible();
  await exportBranch.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(/^中共渤海钻探第三钻井队支部委员会/).click();
  await expect(page.getByText('把“中共渤海钻探第三钻井队支部委员会”的数据')).toBeVisible();
  await page.getByLabel('交接人').fill('党委组织委员');
  await expectAccessible(page, 'handover-export-branch');
  await screenshot(page, 'handover-export-branch');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出交接包' }).click();
  // No password set: asked once, naming the risk.
  await page.getByRole('dialog', { name: '不设密码导出交接包？' }).getByRole('button', { name: '仍然不加密导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^中共渤海钻探第三钻井队支部委员会-交接包-\d{4}-\d{2}-\d{2}\.zbk$/);
  const passOn = packageFolder();
  const file = path.join(passOn.dir, download.suggestedFilename());
  await download.saveAs(file);
  // A successor's empty database takes it as its own branch.
  const successor = await launchHost();
  try {
    const data = fs.readFileSync(file).toString('base64');
    const staged = await successor.call<{ stagingId: string; preview: { package: { branch: { name: string } }; becomesLocalBranch: boolean } }>(
      'handover.preview',
      { data, fileName: download.suggestedFilename() },
    );
    expect(staged.preview.package.branch.name).toBe('中共渤海钻探第三钻井队支部委员会');
    expect(staged.preview.becomesLocalBranch).toBe(true);
    await successor.call('handover.import', { stagingId: staged.stagingId });
    expect((await successor.call<{ name: string }>('branch.get')).name).toBe('中共渤海钻探第三钻井队支部委员会');
    const names = (await successor.call<{ rows: { name: string }[] }>('members.search', {})).rows.map((r) => r.name).sort();
    expect(names).toEqual(['杨丽', '赵军', '钱多', '陈强'].sort());
  } finally {
    await successor.stop();
    passOn.remove();
  }

  // The comparison: rows are branches, the local one marked, figures per group.
  await goTo(page, '支部对比');
  for (const heading of ['党员人数', '年龄', '学历']) await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  const counts = page.getByRole('table', { name: '党员人数' });
  const local = counts.getByRole('row').filter({ hasText: '本支部' });
  await expect(local).toContainText('中共渤海钻探第一钻井队支部委员会');
  const third = counts.getByRole('row').filter({ hasText: '中共渤海钻探第三钻井队支部委员会' });
  // 3 imported, plus 钱多 (正式党员) and not 孙红 (who joined the second branch).
  await expect(third.getByRole('cell').nth(1)).toHaveText('4');
  await expect(third.getByRole('cell').nth(2)).toHaveText('3');
  await expect(third.getByRole('cell').nth(3)).toHaveText('1');
  await expect(counts.getByRole('row').filter({ hasText: '各支部合计' }).getByRole('cell').nth(1)).toHaveText('8');
  await expectAccessible(page, 'committee-compare');
  await screenshot(page, 'committee-compare');
});
