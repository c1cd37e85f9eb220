/** 首页: the landing screen's totals, charts with their tables, probation reminders, the statistics download. */
import fs from 'node:fs';
import { addMember, createBranch, expect, expectAccessible, fillRoster, openApp, screenshot, test } from './fixtures';

function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('the overview is the landing screen and shows the branch figures', async ({ page, host }) => {
  await createBranch(host);
  await fillRoster(host, 40);
  // Two probationers: one due within 30 days, one overdue.
  await addMember(host, { name: '陈永刚', gender: '男', birthDate: '1995-09-09', joinDate: daysAgo(350), fullDate: null, category: '预备党员' }, 91);
  await addMember(host, { name: '周丽娟', gender: '女', birthDate: '1996-02-03', joinDate: daysAgo(400), fullDate: null, category: '预备党员' }, 92);
  const expected = await host.call<{ statistics: { total: number; category: { full: number; probationary: number } } }>('overview.get');

  // The charts run under the page's CSP (no eval, no inline scripts): any refusal shows in the console.
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|unsafe-eval/.test(m.text())) refused.push(m.text());
  });
  await openApp(page, host, '首页');
  await expect(page.getByRole('heading', { name: '首页', level: 2 })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '首页' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByTestId('total-members')).toContainText(String(expected.statistics.total));
  await expect(page.getByTestId('total-probationary')).toContainText(String(expected.statistics.category.probationary));
  await expect(page.getByTestId('total-full')).toContainText(String(expected.statistics.category.full));
  // Each chart has its figures as a table; the gender table adds up to the total.
  const gender = page.getByTestId('chart-gender');
  await expect(gender.locator('canvas')).toHaveCount(1);
  const cells = await gender.locator('tbody td:nth-child(2)').allTextContents();
  expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(expected.statistics.total);
  await expect(page.getByTestId('chart-groups')).toBeVisible();
  expect(refused).toEqual([]);
  // Probation reminders.
  await expect(page.getByRole('row', { name: /陈永刚/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /周丽娟/ })).toBeVisible();
  await expect(page.getByTestId('pipeline-stages')).toContainText('入党积极分子');
  await page.waitForTimeout(300);
  await expectAccessible(page, 'overview');
  await screenshot(page, 'overview-1');
  // A common laptop screen: the charts still sit two to a row, their labels whole.
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'overview-1366');

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出统计表（Word）' }).click()]);
  expect(file.suggestedFilename()).toMatch(/党员队伍基本情况统计表-\d{4}-\d{2}-\d{2}\.docx$/);
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('an empty branch lands on the overview with a way to import', async ({ page, host }) => {
  await createBranch(host);
  await openApp(page, host, '首页');
  await expect(page.getByTestId('total-members')).toContainText('0');
  await expect(page.getByText('名册中还没有党员')).toBeVisible();
  await expectAccessible(page, 'overview-empty');
  await screenshot(page, 'overview-empty');
  await page.getByRole('button', { name: '导入名册' }).click();
  await expect(page.getByRole('heading', { name: '导入名册' })).toBeVisible();
});
