/** 首页: the landing screen's counts, reminders and breakdowns, where each count leads, the statistics download. */
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

  await openApp(page, host, '首页');
  await expect(page.getByRole('heading', { name: '首页', level: 2 })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '首页' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByTestId('total-members')).toContainText(String(expected.statistics.total));
  await expect(page.getByTestId('total-probationary')).toContainText(String(expected.statistics.category.probationary));
  await expect(page.getByTestId('total-full')).toContainText(String(expected.statistics.category.full));
  // Each breakdown is a table; the gender table adds up to the total, its shares with one decimal.
  const gender = page.getByTestId('breakdown-gender');
  const cells = await gender.locator('tbody td:nth-child(2)').allTextContents();
  expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(expected.statistics.total);
  for (const share of await page.locator('.overview td.share, .breakdown-groups tr.ant-table-row td:last-child').allTextContents()) expect(share).toMatch(/^\d{1,3}\.\d%$/);
  await expect(page.getByTestId('breakdown-groups')).toBeVisible();
  // Probation reminders: each name opens that member.
  await expect(page.getByTestId('reminders-dueSoon')).toContainText('陈永刚');
  await expect(page.getByTestId('reminders-overdue')).toContainText('周丽娟');
  await expect(page.getByTestId('pipeline-stages')).toContainText('入党积极分子');
  await expectAccessible(page, 'overview');
  await screenshot(page, 'overview-1');

  await page.getByTestId('reminders-overdue').getByRole('link', { name: /^周丽娟/ }).click();
  await expect(page.getByRole('heading', { name: '党员名册', level: 2 })).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('周丽娟');
  await page.goBack();
  await expect(page.getByRole('heading', { name: '首页', level: 2 })).toBeVisible();

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

/**
 * What the list a link on 首页 opens says it shows: the roster's count, 发展党员's (the step note, else the open tab's),
 * or the rows of the 台账's list of due and missing meetings.
 */
async function shownBehind(page: Page, href: string, figure: number): Promise<number> {
  await page.evaluate((h) => (window.location.hash = h), href);
  if (href.startsWith('#/meetings-calendar')) {
    const list = page.getByTestId('cal-due-list');
    await expect(list).toContainText(`（${figure} 次）`);
    if (figure === 0) {
      await expect(list.locator('li')).toHaveCount(0);
      return 0;
    }
    await expect(list.locator('li').first()).toBeVisible();
    return list.locator('li').count();
  }
  if (href.startsWith('#/reports')) {
    await expect(page.getByRole('heading', { name: '党内汇报', level: 2 })).toBeVisible();
    const count = page.getByTestId('report-count');
    await expect(count).toContainText(`共 ${figure} 人`);
    if (figure === 0) await expect(page.locator('.roster-empty')).toBeVisible();
    else await expect(page.locator('.roster-row.report-overdue')).toHaveCount(figure);
    await expect(page.locator('.roster-row')).toHaveCount(figure);
    return Number(/共\s*(\d+)\s*人/.exec((await count.textContent()) ?? '')?.[1]);
  }
  if (href.startsWith('#/roster')) {
    await expect(page.getByRole('heading', { name: '党员名册', level: 2 })).toBeVisible();
    const count = page.getByTestId('roster-count');
    // The count settles on the new filter's total (a wrong one never reaches the figure, and the rows are checked too).
    await expect(count).toContainText(`共 ${figure} 人`);
    // A condition behind 更多条件 (民族, 党龄, 变动) shows as a tag, so the list says what it is.
    for (const key of ['ethnicity', 'standing', 'change']) {
      if (href.includes(`${key}=`)) await expect(page.getByTestId(`roster-condition-${key}`)).toBeVisible();
    }
    if (figure === 0) await expect(page.locator('.roster-empty')).toBeVisible();
    else if (figure <= 10) await expect(page.locator('.roster-row')).toHaveCount(figure);
    return Number(/共\s*(\d+)\s*人/.exec((await count.textContent()) ?? '')?.[1]);
  }
  await expect(page.getByRole('heading', { name: '发展党员', level: 2 })).toBeVisible();
  if (href.includes('step=')) {
    const note = page.getByTestId('pipeline-step-note');
    await expect(note).toBeVisible();
    const total = Number(/的 (\d+) 人/.exec((await note.textContent()) ?? '')?.[1]);
    // Every tab lists only them: the tabs' counts add up to the note's.
    const tabs = (await page.locator('.pipeline-tabs .pipeline-tab-count').allTextContents()).map((t) => Number(/\d+/.exec(t)?.[0]));
    expect(tabs.reduce((a, b) => a + b, 0), href).toBe(total);
    return total;
  }
  const tab = page.locator('.pipeline-tabs .ant-tabs-tab-active .pipeline-tab-count');
  await expect(tab).toBeVisible();
  return Number(/\d+/.exec((await tab.textContent()) ?? '')?.[0]);
}

test('every count on 首页 opens a list showing exactly the members it counts (300 members, this year’s changes)', async ({ page, host }) => {
  test.setTimeout(300_000);
  await createBranch(host);
  await fillRoster(host, 300);
  for (const [i, name] of ['韩甲一', '韩甲二', '韩乙一'].entries()) {
    await addMember(host, { name, gender: '男', birthDate: '1995-05-05', joinDate: daysAgo(i < 2 ? 380 + i : 340), fullDate: null, category: '预备党员' }, 600 + i);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host, '首页');
  await expect(page.getByTestId('breakdown-groups').locator('tbody a').first()).toBeVisible();

  const links = await page.locator('.overview a.count-link, .overview a.stage').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href') ?? '', label: a.getAttribute('aria-label') ?? '', figure: Number(/\d+/.exec(a.textContent ?? '')?.[0]) })),
  );
  // Every breakdown band is a link now, 民族 and 党龄 included, and each of this year's figures.
  for (const id of ['breakdown-category', 'breakdown-gender', 'breakdown-ethnicity', 'breakdown-education', 'breakdown-age', 'breakdown-standing']) {
    const rows = await page.getByTestId(id).locator('tbody tr').count();
    await expect(page.getByTestId(id).locator('tbody a.count-link'), id).toHaveCount(rows);
  }
  await expect(page.getByTestId('year-figures').locator('a.count-link')).toHaveCount(6);
  await expect(page.getByTestId('overview-totals').locator('a.count-link')).toHaveCount(5);
  // Each reminder section's count too: 转正提醒's two, 本月到期's 发展党员, 三会一课 and 党内汇报逾期.
  await expect(page.getByTestId('probation-reminders').locator('a.count-link')).toHaveCount(2);
  await expect(page.getByTestId('due-this-month').locator('a.count-link')).toHaveCount(3);
  expect(links.length).toBeGreaterThan(40);

  const checked: string[] = [];
  for (const link of links) {
    expect(link.href, link.label).toMatch(/^#\/(roster|pipeline|meetings-calendar|reports)/);
    const shown = await shownBehind(page, link.href, link.figure);
    expect(shown, `${link.label} → ${link.href}`).toBe(link.figure);
    checked.push(link.label);
  }
  expect(checked.filter((l) => /^本年度/.test(l))).toHaveLength(6);
  expect(checked.some((l) => l.startsWith('民族少数民族'))).toBe(true);
  expect(checked.some((l) => l.startsWith('党龄'))).toBe(true);
  expect(checked.filter((l) => /^(预备期已满、尚未转正|30 天内预备期满|发展党员|三会一课|党内汇报逾期) \d+ [人次]，查看名单$/.test(l))).toHaveLength(5);

  // The screens as these links leave them, at both sizes: the roster with a condition of 更多条件, the board with a step's period.
  const admitted = links.find((l) => l.href.includes('change=admitted'))!;
  await page.evaluate((h) => (window.location.hash = h), admitted.href);
  await expect(page.getByTestId('roster-condition-change')).toContainText('本年度入党');
  await page.getByRole('button', { name: /^更多条件/ }).click();
  await expect(page.getByRole('group', { name: '更多条件' })).toBeVisible();
  await expectAccessible(page, 'roster-more-filters');
  await screenshot(page, 'roster-more-filters-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'roster-more-filters-1920x1080');
  await page.keyboard.press('Escape');
  // Closing the tag takes the condition away.
  await page.getByRole('button', { name: '去掉条件“本年度入党”' }).click();
  await expect(page.getByTestId('roster-condition-change')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('change=');
  const applied = links.find((l) => l.href.includes('step=1'))!;
  await page.evaluate((h) => (window.location.hash = h), applied.href);
  await expect(page.getByTestId('pipeline-step-note')).toContainText('递交入党申请书');
  await expectAccessible(page, 'pipeline-step');
  await screenshot(page, 'pipeline-step-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'pipeline-step-1366x768');
  await page.getByTestId('pipeline-step-note').getByRole('button', { name: '显示全部' }).click();
  await expect(page.getByTestId('pipeline-step-note')).toHaveCount(0);

  // The reminders' lists as their counts leave them: 发展党员 due this month, 即将转正 soon, the 台账's due meetings.
  const reminder = (title: string) => links.find((l) => l.label.startsWith(`${title} `))!;
  await page.evaluate((h) => (window.location.hash = h), reminder('发展党员').href);
  await expect(page.getByTestId('pipeline-due-note')).toContainText(`的 ${reminder('发展党员').figure} 人`);
  await expectAccessible(page, 'pipeline-due');
  await screenshot(page, 'pipeline-due-1366x768');
  await page.getByTestId('pipeline-due-note').getByRole('button', { name: '显示全部' }).click();
  await expect(page.getByTestId('pipeline-due-note')).toHaveCount(0);
  await page.evaluate((h) => (window.location.hash = h), reminder('30 天内预备期满').href);
  await expect(page.getByTestId('pipeline-soon-note')).toContainText(`只显示 30 天内预备期满的 ${reminder('30 天内预备期满').figure} 人`);
  await expect(page.getByRole('list', { name: '即将转正的预备党员' }).getByRole('listitem')).toHaveCount(reminder('30 天内预备期满').figure);
  await screenshot(page, 'pipeline-soon-1366x768');
  await page.evaluate((h) => (window.location.hash = h), reminder('三会一课').href);
  await expect(page.getByTestId('cal-due-list')).toBeVisible();
  await expectAccessible(page, 'calendar-due');
  await screenshot(page, 'calendar-due-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'calendar-due-1920x1080');
  await page.evaluate((h) => (window.location.hash = h), reminder('发展党员').href);
  await expect(page.getByTestId('pipeline-due-note')).toBeVisible();
  await screenshot(page, 'pipeline-due-1920x1080');
});

/** The part of an element below the bottom of the window, in pixels (0 when it ends above it). */
async function belowFold(page: Page, locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not shown');
  return Math.max(0, box.y + box.height - page.viewportSize()!.height);
}

test('a 300-member branch at 1366×768: counts and reminders on the first screen, each count, name and stage opens its list', async ({ page, host }) => {
  // The demo of 300 members also writes two years of 三会一课 with everyone's attendance.
  test.setTimeout(120_000);
  await createBranch(host);
  await fillRoster(host, 300);
  // A busy month: five probationers past their probation and five whose probation ends within 30 days.
  const names = ['甲一', '甲二', '甲三', '甲四', '甲五', '乙一', '乙二', '乙三', '乙四', '乙五'];
  for (const [i, name] of names.entries()) {
    const joinDate = daysAgo(i < 5 ? 380 + i : 340 + i);
    await addMember(host, { name: `韩${name}`, gender: '男', birthDate: '1995-05-05', joinDate, fullDate: null, category: '预备党员' }, 500 + i);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host, '首页');
  await expect(page.getByTestId('breakdown-groups').locator('tbody a').first()).toBeVisible();

  // Above the fold, without scrolling: the counts, both reminder cards and the stages.
  for (const id of ['overview-totals', 'probation-reminders', 'due-this-month', 'pipeline-stages']) {
    expect(await belowFold(page, page.getByTestId(id)), `${id} ends within the first screen`).toBe(0);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByTestId('reminders-overdue')).toContainText(/另有 \d+ 人/);
  await expect(page.getByTestId('reminders-dueSoon')).toContainText(/另有 \d+ 人/);
  await expectAccessible(page, 'overview-300');
  await screenshot(page, 'overview-300-1366x768-full');
  fs.mkdirSync('tests/output/screenshots', { recursive: true });
  await page.screenshot({ path: 'tests/output/screenshots/overview-300-1366x768.png' });

  // A count opens the roster filtered to it, with as many rows as the count said.
  for (const id of ['total-probationary', 'total-full']) {
    const { figure, rows } = await rosterCountBehind(page, page.getByTestId(id).getByRole('link'));
    expect(figure).toBeGreaterThan(0);
    expect(rows).toBe(figure);
  }

  // The party groups sort by size: the largest group first, and its count opens its members.
  const groups = page.getByTestId('breakdown-groups');
  expect(await groups.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
  await groups.getByRole('columnheader', { name: '人数' }).click();
  const counts = (await groups.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents()).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  const largest = await rosterCountBehind(page, groups.locator('tbody a').first());
  expect(largest.figure).toBe(counts[0]);
  expect(largest.rows).toBe(largest.figure);

  // What is due this month: a name opens that applicant's record on 发展党员 (?applicant=<id>).
  const due = page.getByTestId('reminders-pipelineSteps');
  const dueName = due.locator('a.reminder-name').first();
  if ((await dueName.count()) > 0) {
    const name = (await dueName.textContent())!.trim();
    expect(await dueName.getAttribute('href')).toMatch(/^#\/pipeline\?applicant=[0-9a-f-]{36}$/);
    await dueName.click();
    await expect(page.getByRole('heading', { name: '发展党员', level: 2 })).toBeVisible();
    const detail = page.getByRole('dialog');
    await expect(detail).toContainText(name);
    await expect(detail).toContainText('发展步骤');
    await screenshot(page, 'overview-due-applicant');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
    // Closing the record takes it out of the address, so a reload does not open it again.
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('applicant=');
    await page.goBack();
  } else {
    await expect(due).toContainText('本月没有到期的发展步骤');
  }

  // A stage opens 发展党员 at that stage.
  await page.getByTestId('pipeline-stages').getByRole('link', { name: /^发展对象/ }).click();
  await expect(page.getByRole('heading', { name: '发展党员', level: 2 })).toBeVisible();
  await expect(page.getByText('只显示“发展对象”阶段。')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: '首页', level: 2 })).toBeVisible();

  // The statistics' print preview still opens from here.
  await page.getByRole('button', { name: '统计表打印预览' }).click();
  await expect(page.getByRole('dialog')).toContainText('党员队伍基本情况统计表');

  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'tests/output/screenshots/overview-300-1920x1080.png' });
  await screenshot(page, 'overview-300-1920x1080-full');
});
