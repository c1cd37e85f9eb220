import { createBranch, expect, expectAccessible, fillRoster, openApp, screenshot, test } from './fixtures';
import { chooseOption } from './form';

interface Group {
  id: string;
  name: string;
  leaderMemberId: string | null;
  leaderName: string | null;
  memberCount: number;
}

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

test('at 1366×768 a party group opens to its members with the 组长 marked; moving two updates both groups\' counts', async ({ page, host }) => {
  await fillRoster(host, 300);
  const groups = await host.call<Group[]>('groups.list');
  const from = groups.find((g) => g.leaderMemberId && g.memberCount >= 4)!;
  const to = groups.find((g) => g.id !== from.id)!;
  expect(from, 'the demo branch has a group with a leader and members').toBeTruthy();

  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host, '党小组');
  const fromRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: `${from.name}，查看党员` }) });
  const toRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: `${to.name}，查看党员` }) });
  await expect(fromRow).toContainText(`${from.memberCount} 人`);
  // Compact: the page fits the window (it was about 2,190 px tall); the rows scroll inside the table.
  expect(groups.length).toBeGreaterThan(20);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  expect(await page.locator('.data-table tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId('groups-summary')).toContainText(`共 ${groups.length} 个党小组`);
  await expectAccessible(page, 'groups-list');
  await screenshot(page, 'groups-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'groups-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });

  await fromRow.getByRole('button', { name: `${from.name}，查看党员` }).click();
  const drawer = page.getByRole('dialog', { name: `党小组：${from.name}` });
  await expect(drawer).toContainText(`组长：${from.leaderName}`);
  const members = drawer.getByRole('table', { name: `${from.name}的党员` });
  const rows = members.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(from.memberCount);
  // The leader comes first, marked 组长; no one else is.
  await expect(rows.first()).toContainText(from.leaderName!);
  await expect(rows.first().getByText('组长', { exact: true })).toBeVisible();
  await expect(members.getByText('组长', { exact: true })).toHaveCount(1);
  await expectAccessible(page, 'groups-members', '.ant-drawer');
  await screenshot(page, 'groups-members-1366x768');

  // Pick two members (not the leader) and move them.
  const moving = [await rows.nth(1).locator('td').nth(1).innerText(), await rows.nth(2).locator('td').nth(1).innerText()];
  for (const name of moving) await members.getByRole('checkbox', { name: `选择${name}` }).check();
  await expect(drawer.getByText('已选 2 人')).toBeVisible();
  await chooseOption(drawer, '调整到', to.name);
  await screenshot(page, 'groups-members-move');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'groups-members-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  await drawer.getByRole('button', { name: '调整' }).click();
  await expect(page.getByText(`已将 2 名党员调整到“${to.name}”`)).toBeVisible();
  await expect(rows).toHaveCount(from.memberCount - 2);
  for (const name of moving) await expect(members.getByText(name, { exact: true })).toHaveCount(0);
  await expect(drawer).toContainText(`共 ${from.memberCount - 2} 人`);
  await expect(drawer.getByText('已选 0 人')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(fromRow).toContainText(`${from.memberCount - 2} 人`);
  await expect(toRow).toContainText(`${to.memberCount + 2} 人`);
  const after = await host.call<Group[]>('groups.list');
  expect(after.find((g) => g.id === from.id)!.memberCount).toBe(from.memberCount - 2);
  expect(after.find((g) => g.id === to.id)!.memberCount).toBe(to.memberCount + 2);

  // The moved members are in the other group's list.
  await toRow.getByRole('button', { name: `${to.name}，查看党员` }).click();
  const other = page.getByRole('dialog', { name: `党小组：${to.name}` });
  for (const name of moving) await expect(other.getByRole('table').getByText(name, { exact: true }).first()).toBeVisible();
});
