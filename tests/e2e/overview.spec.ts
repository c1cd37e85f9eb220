/** 首页: the landing screen's totals, charts with their tables, probation reminders, the statistics download. */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
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

/** A figure and the list its link opens: the roster's own count of the rows it shows. */
async function rosterCountBehind(page: Page, link: Locator): Promise<{ figure: number; rows: number }> {
  const figure = Number((await link.textContent())?.trim());
  await link.click();
  await expect(page.getByRole('heading', { name: '党员名册', level: 2 })).toBeVisible();
  const count = page.getByTestId('roster-count');
  await expect(count).toContainText('共');
  await expect(page.locator('.roster-row').first()).toBeVisible();
  const rows = Number(/共\s*(\d+)\s*人/.exec((await count.textContent()) ?? '')?.[1]);
  await page.goBack();
  await expect(page.getByRole('heading', { name: '首页', level: 2 })).toBeVisible();
  return { figure, rows };
}

test('each figure on 首页 opens the roster rows it counts (links from the facts’ sources)', async ({ page, host }) => {
  await createBranch(host);
  await fillRoster(host, 120);
  await openApp(page, host, '首页');
  await expect(page.getByTestId('chart-groups').locator('canvas')).toHaveCount(1);

  const total = await rosterCountBehind(page, page.getByTestId('total-members').getByRole('link'));
  expect(total.figure).toBeGreaterThan(0);
  expect(total.rows).toBe(total.figure);
  // A party group: its fact's filter carries the group's id.
  const group = await rosterCountBehind(page, page.getByTestId('chart-groups').locator('tbody a').first());
  expect(group.figure).toBeGreaterThan(0);
  expect(group.rows).toBe(group.figure);
  const age = await rosterCountBehind(page, page.getByTestId('chart-age').getByRole('link', { name: /年龄30—39岁/ }));
  expect(age.rows).toBe(age.figure);
  // 民族 has no roster filter: its figures are not links.
  await expect(page.getByTestId('chart-ethnicity').locator('tbody a')).toHaveCount(0);
  // This year's changes, one figure each.
  await expect(page.getByTestId('year-figures').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('year-figures')).toContainText('确定积极分子');

  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(400);
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: `test-results/screenshots/home-facts-${w}x${h}.png` });
    await page.screenshot({ path: `test-results/screenshots/home-facts-${w}x${h}-full.png`, fullPage: true });
  }
});
