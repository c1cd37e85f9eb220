import { BRANCH, expect, expectAccessible, openApp, screenshot, test } from './fixtures';

test('first start creates the branch profile', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByRole('heading', { name: '建立支部' })).toBeVisible();
  await expectAccessible(page, 'first-start');
  await screenshot(page, 'first-start');

  // Saving without a name shows the problem at the field.
  await page.getByRole('button', { name: '建立支部' }).click();
  await expect(page.getByText('请填写支部名称')).toBeVisible();

  await page.getByLabel('支部名称').fill(BRANCH.name);
  await page.getByLabel('所属党委').fill(BRANCH.parentCommittee);
  await page.getByLabel('成立时间').fill(BRANCH.foundedDate);
  await page.getByLabel('成立时间').press('Tab');
  await page.getByLabel('地址').fill(BRANCH.address);
  await page.getByLabel('委员 1 姓名').fill('王建国');
  await page.getByRole('button', { name: '添加支部委员' }).click();
  await page.getByLabel('委员 2 姓名').fill('李红梅');
  // A row left empty is not a committee member and does not stop the save.
  await page.getByRole('button', { name: '添加支部委员' }).click();
  await screenshot(page, 'first-start-filled');
  await page.getByRole('button', { name: '建立支部' }).click();

  await expect(page.getByRole('banner').getByRole('heading', { name: BRANCH.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: '党员名册' })).toBeVisible();
  const info = await host.call<{ hasBranch: boolean }>('app.info');
  expect(info.hasBranch).toBe(true);
  const branch = await host.call<{ name: string; foundedDate: string; officers: { name: string; role: string }[] }>('branch.get');
  expect(branch.foundedDate).toBe(BRANCH.foundedDate);
  expect(branch.officers.map((o) => o.name)).toEqual(['王建国', '李红梅']);
  await expectAccessible(page, 'roster-empty');
  await screenshot(page, 'roster-empty');
});

test('without a token the app explains how to open it', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByRole('heading', { name: '无法连接到支部工作台' })).toBeVisible();
  await screenshot(page, 'no-token');
});
