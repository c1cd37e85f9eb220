/** The committee's roll-up: packages of two branches imported into a third database; roster by branch, branches compared. */
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { choosePackage, goTo, launchHost, packageFile, packageFolder } from './handover-hosts';

test('committee: two branches imported, roster by branch, comparison', async ({ page, host }) => {
  test.setTimeout(120_000);
  // The committee's own database (the fixture's host) has its own small branch.
  await createBranch(host);
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-04-12', joinDate: '1995-07-01', fullDate: '1996-07-01' }, 1);

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
      for (const [j, [name, gender, birthDate]] of b.members.entries()) {
        const year = Number(birthDate.slice(0, 4));
        await addMember(other, { name, gender, birthDate, joinDate: `${year + 25}-07-01`, fullDate: j === 0 ? null : `${year + 26}-07-01` }, 20 + i * 10 + j);
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
  await select.click();
  await options.getByTitle(/^全部支部/).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 6 人');
  await expect(options).toBeHidden();
  await expectAccessible(page, 'roster-all-branches');
  await screenshot(page, 'roster-all-branches');

  // The comparison: rows are branches, the local one marked, figures per group.
  await goTo(page, '支部对比');
  for (const heading of ['党员人数', '年龄', '学历']) await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  const counts = page.getByRole('table', { name: '党员人数' });
  const local = counts.getByRole('row').filter({ hasText: '本支部' });
  await expect(local).toContainText('中共渤海钻探第一钻井队支部委员会');
  const third = counts.getByRole('row').filter({ hasText: '中共渤海钻探第三钻井队支部委员会' });
  await expect(third.getByRole('cell').nth(1)).toHaveText('3');
  await expect(third.getByRole('cell').nth(2)).toHaveText('2');
  await expect(third.getByRole('cell').nth(3)).toHaveText('1');
  await expect(counts.getByRole('row').filter({ hasText: '各支部合计' }).getByRole('cell').nth(1)).toHaveText('6');
  await expectAccessible(page, 'committee-compare');
  await screenshot(page, 'committee-compare');
});
