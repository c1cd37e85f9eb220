/** The app's shell: the grouped menu that stays in place, routes with Back and reload, 首页 counts that open filtered lists. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createBranch, expect, fillRoster, openApp, test } from './fixtures';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });

test('the grouped menu and the header stay visible while a long page scrolls', async ({ page, host }) => {
  await createBranch(host);
  await fillRoster(host, 300);
  await page.setViewportSize({ width: 1366, height: 768 });
  // 首页 of a 300-member branch (its breakdowns below the first screen) is a page longer than the window.
  await openApp(page, host, '首页');
  await expect(heading(page, '首页')).toBeVisible();
  await expect(page.getByTestId('breakdown-groups').locator('tbody a').first()).toBeVisible();
  for (const group of ['党员管理', '数据', '系统']) await expect(menu(page).getByText(group, { exact: true })).toBeVisible();

  const long = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(long, '首页 with demo data is longer than the window').toBeGreaterThan(200);
  await page.mouse.move(700, 500);
  await page.mouse.wheel(0, long);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(150);
  // The menu's first item and the header: still inside the window.
  await expect(menu(page).getByRole('menuitem', { name: '首页' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('banner').or(page.locator('.app-header'))).toBeInViewport({ ratio: 1 });
  // A menu longer than the window (目标管理 and the groups after it) scrolls on its own, the page staying where it is.
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.locator('.app-sider').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const last = menu(page).getByRole('menuitem', { name: '系统与数据' });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await last.click();
  await expect(heading(page, '系统与数据')).toBeVisible();
});

test('a group folds and unfolds; Back returns to the previous screen; a reload keeps the screen', async ({ page, host }) => {
  await createBranch(host);
  await openApp(page, host, '首页');
  await expect(heading(page, '首页')).toBeVisible();
  await menu(page).getByRole('menuitem', { name: '党小组' }).click();
  await expect(heading(page, '党小组')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/groups');
  await menu(page).getByRole('menuitem', { name: '回收站' }).click();
  await expect(heading(page, '回收站')).toBeVisible();

  await page.goBack();
  await expect(heading(page, '党小组')).toBeVisible();
  await expect(menu(page).getByRole('menuitem', { name: '党小组' })).toHaveClass(/ant-menu-item-selected/);
  await page.goBack();
  await expect(heading(page, '首页')).toBeVisible();
  await page.goForward();
  await expect(heading(page, '党小组')).toBeVisible();

  // The token was kept for the tab: a reload opens the same screen, connected.
  await page.reload();
  await expect(heading(page, '党小组')).toBeVisible();
  await expect(page).toHaveTitle(/党小组/);
  await expect(page.getByText('无法连接到支部工作台')).toHaveCount(0);

  // 数据 folds away and comes back.
  const dataGroup = menu(page).getByRole('menuitem', { name: '数据', exact: true });
  await dataGroup.click();
  await expect(menu(page).getByRole('menuitem', { name: '备份与恢复' })).toBeHidden();
  await dataGroup.click();
  await expect(menu(page).getByRole('menuitem', { name: '备份与恢复' })).toBeVisible();
});

test('a count on 首页 opens the roster (or the pipeline) filtered to it; the filter survives a reload', async ({ page, host }) => {
  await createBranch(host);
  await fillRoster(host, 60);
  const overview = await host.call<{ statistics: { category: { probationary: number }; gender: { female: number } } }>('overview.get');
  const probationary = overview.statistics.category.probationary;
  expect(probationary).toBeGreaterThan(0);

  await openApp(page, host, '首页');
  await page.getByTestId('total-probationary').getByRole('link').click();
  await expect(heading(page, '党员名册')).toBeVisible();
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/roster?category=预备党员');
  await expect(page.locator('#filter-category').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText('预备党员');
  await expect(page.getByTestId('roster-count')).toContainText(`共 ${probationary} 人`);
  // Each row says who it is: '姓名，性别，人员类别，…'.
  await expect(page.locator('.roster-row').first()).toBeVisible();
  const rows = await page.locator('.roster-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(rows.length).toBe(Math.min(probationary, rows.length));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.split('，')[2] !== '预备党员')).toEqual([]);

  await page.reload();
  await expect(page.getByTestId('roster-count')).toContainText(`共 ${probationary} 人`);

  // Back to 首页, and a count in a breakdown's table: 女.
  await page.goBack();
  await expect(heading(page, '首页')).toBeVisible();
  await page.getByTestId('breakdown-gender').getByRole('link', { name: /性别女/ }).click();
  await expect(page.getByTestId('roster-count')).toContainText(`共 ${overview.statistics.gender.female} 人`);
  await expect(page.locator('.roster-row').first()).toHaveAttribute('aria-label', /^[^，]+，女，/);

  // A stage of the pipeline: 发展党员 with that stage alone.
  await page.goBack();
  await page.getByTestId('pipeline-stages').getByRole('link', { name: /^入党积极分子/ }).click();
  await expect(heading(page, '发展党员')).toBeVisible();
  await expect(page.getByText('只显示“入党积极分子”阶段。')).toBeVisible();
  await expect(page.locator('.pipeline-column')).toHaveCount(1);
  await expect(page.locator('.pipeline-column h3')).toContainText('入党积极分子');
  await page.getByRole('button', { name: '显示全部阶段' }).click();
  await expect(page.locator('.pipeline-column')).toHaveCount(4);
});

for (const [w, h] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`screenshots at ${w}×${h}: 首页, 党员名册, 发展党员`, async ({ page, host }) => {
    await createBranch(host);
    await fillRoster(host, 200);
    await page.setViewportSize({ width: w, height: h });
    await openApp(page, host, '首页');
    await expect(page.getByTestId('breakdown-gender').getByRole('link')).toHaveCount(2);
    await shot(page, `home-${w}x${h}`);
    await menu(page).getByRole('menuitem', { name: '党员名册' }).click();
    await expect(page.locator('.roster-row').first()).toBeVisible();
    await shot(page, `roster-${w}x${h}`);
    await menu(page).getByRole('menuitem', { name: '发展党员' }).click();
    await expect(page.getByTestId('pipeline-card').first()).toBeVisible();
    await shot(page, `pipeline-${w}x${h}`);
    await page.mouse.move(w / 2, h / 2);
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(300);
    await shot(page, `pipeline-scrolled-${w}x${h}`);
  });
}
