/**
 * 三会一课台账: last year's grid with its gaps and a draft, each cell opening the meetings of that period, 补记 opening a
 * new record; a draft finalised leaves the gaps; the 党课 frequency changed; this year's reminders on 首页; the
 * Word and Excel files and the print preview.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { addMember, BRANCH, createBranch, expect, expectAccessible, openApp, screenshot, test, type Host } from './fixtures';

const year = new Date().getFullYear() - 1;
const mm = (m: number) => String(m).padStart(2, '0');

interface Setup {
  groupId: string;
  /** The October 支委会, left as a draft. */
  draftId: string;
}

async function record(host: Host, kind: string, date: string, options: { groupId?: string; final?: boolean; classHours?: number } = {}): Promise<string> {
  const expected = await host.call<{ memberId: string | null; name: string; category: string }[]>('meetings.expected', { kind, date, groupId: options.groupId ?? null });
  const fields = {
    kind,
    date,
    groupId: options.groupId ?? null,
    startTime: '09:00',
    endTime: '10:00',
    place: '队部会议室',
    hostName: '王建国',
    recorderName: '李红梅',
    classHours: options.classHours ?? 0,
    attendance: expected.map((e) => ({ memberId: e.memberId, name: e.name, category: e.category, attended: true })),
  };
  const saved = await host.call<{ id: string }>('meetings.save', { fields });
  if (options.final !== false) await host.call('meetings.finalize', { id: saved.id });
  return saved.id;
}

/** Six members in one party group, three of them the committee; last year complete but the March 支委会 (missing) and October's (a draft). */
async function setUp(host: Host): Promise<Setup> {
  await createBranch(host);
  const group = await host.call<{ id: string }>('groups.save', { name: '钻井班党小组' });
  const names = ['王建国', '李红梅', '张志强', '刘秀英', '陈海军', '杨丽娟'];
  const ids: string[] = [];
  for (const [i, name] of names.entries()) {
    const m = await addMember(host, { name, gender: i % 2 ? '女' : '男', birthDate: `1980-0${(i % 9) + 1}-1${i}`, joinDate: '2005-07-01', fullDate: '2006-07-01', partyGroupId: group.id }, i + 1);
    ids.push(m.id);
  }
  await host.call('branch.save', {
    ...BRANCH,
    officers: [
      { name: '王建国', role: '书记', memberId: ids[0] },
      { name: '李红梅', role: '组织委员', memberId: ids[1] },
      { name: '张志强', role: '宣传委员', memberId: ids[2] },
    ],
  });
  let draftId = '';
  for (let m = 1; m <= 12; m++) {
    if (m === 10) draftId = await record(host, 'committee', `${year}-${mm(m)}-05`, { final: false });
    else if (m !== 3) await record(host, 'committee', `${year}-${mm(m)}-05`);
    await record(host, 'themeDay', `${year}-${mm(m)}-15`);
    await record(host, 'groupMeeting', `${year}-${mm(m)}-20`, { groupId: group.id });
    if (m % 3 === 2) {
      await record(host, 'memberMeeting', `${year}-${mm(m)}-10`);
      await record(host, 'lecture', `${year}-${mm(m)}-12`, { classHours: 8 });
    }
  }
  await record(host, 'lifeMeeting', `${year}-12-18`);
  return { groupId: group.id, draftId };
}

/** An option of the pick list open now (antd renders a hidden copy of the options for screen readers too). */
const visibleOption = (page: Page, text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(text, { exact: true });

const cell = (page: Page | Locator, name: string) => page.getByRole('link', { name, exact: true });

async function openCalendar(page: Page, host: Host): Promise<void> {
  await openApp(page, host, '三会一课台账');
  await expect(page.getByRole('heading', { name: '三会一课台账', level: 2 })).toBeVisible();
  await page.getByLabel('年度').click();
  await visibleOption(page, `${year}年`).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings-calendar\\?year=${year}`));
}

test('last year’s calendar shows its gaps and draft, links each cell to its meetings, and follows the frequencies', async ({ page, host }) => {
  test.slow(); // some 90 records, two accessibility scans and two viewport screenshots
  const setup = await setUp(host);
  await openCalendar(page, host);

  const grid = page.getByRole('table', { name: `${year}年三会一课召开情况` });
  await expect(cell(grid, `支委会 ${year}年3月：缺开`)).toHaveText('缺开');
  await expect(cell(grid, `支委会 ${year}年10月：未定稿`)).toHaveText('未定稿');
  await expect(cell(grid, `支委会 ${year}年1月：已开（1 次）`)).toHaveText('5日');
  await expect(cell(grid, `支部党员大会 ${year}年第二季度：已开（1 次）`)).toHaveText('5月10日');
  await expect(cell(grid, `党小组会（钻井班党小组） ${year}年7月：已开（1 次）`)).toBeVisible();
  await expect(grid.getByRole('row', { name: /^支委会/ })).toContainText('10/12');
  const gaps = page.getByRole('list', { name: '缺开的会议' });
  await expect(gaps.getByRole('listitem')).toHaveText([`支委会 · ${year}年3月补记`, `支委会 · ${year}年10月有未定稿记录`]);
  // 学时: four 党课 of 8 hours make the 32 of a member, not the 56 of the committee.
  const study = page.getByRole('table', { name: '党员学习学时' });
  await expect(study.getByRole('row', { name: /^王建国/ })).toContainText('差 24 学时');
  await expect(study.getByRole('row', { name: /^刘秀英/ })).toContainText('已达标');
  await expect(page.getByTestId('cal-study')).toContainText('未达标 3 人');
  await expectAccessible(page, 'meetings-calendar');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'meetings-calendar-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'meetings-calendar-1920x1080');

  // A cell opens the meetings of its kind and period; 补记 a new record of it.
  await cell(grid, `支委会 ${year}年1月：已开（1 次）`).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings\\?kind=committee&month=${year}-01$`));
  await expect(page.getByRole('heading', { name: '会议记录', level: 2 })).toBeVisible();
  await page.goBack();
  await gaps.getByRole('link', { name: `补记支委会${year}年3月` }).click();
  // The meetings screen opens a new record of that kind and month.
  const form = page.getByRole('form', { name: '新建会议记录' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('会议日期')).toHaveValue(`${year}-03-01`);
  await page.evaluate((y) => (window.location.hash = `#/meetings-calendar?year=${y}`), year);

  await expect(form).toBeHidden();

  // The October draft finalised elsewhere: the calendar read again shows it held.
  await host.call('meetings.finalize', { id: setup.draftId });
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '首页', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(cell(grid, `支委会 ${year}年10月：已开（1 次）`)).toBeVisible();
  await expect(gaps.getByRole('listitem')).toHaveText([`支委会 · ${year}年3月补记`]);

  // 党课 monthly: the months without one become gaps.
  await page.getByRole('button', { name: '会议频次' }).click();
  const dialog = page.getByRole('dialog', { name: '会议频次设置' });
  await dialog.getByLabel('党课频次').click();
  await visibleOption(page, '每月').click();
  await expectAccessible(page, 'meetings-calendar-frequencies', '.ant-modal');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell(grid, `党课 ${year}年4月：缺开`)).toBeVisible();
  await expect(grid.getByRole('row', { name: /^党课/ })).toContainText('4/12');
  const frequencies = await host.call<{ kind: string; frequency: string }[]>('meetings.frequencies');
  expect(frequencies.find((f) => f.kind === 'lecture')!.frequency).toBe('month');
});

test('the 台账 is printed to Word and Excel and previewed; this year’s gaps are reminders on 首页', async ({ page, host }) => {
  test.slow();
  await setUp(host);
  await openCalendar(page, host);
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
  expect(word.suggestedFilename()).toMatch(new RegExp(`${year}年三会一课台账-\\d{4}-\\d{2}-\\d{2}\\.docx$`));
  expect(fs.readFileSync(await word.path()).subarray(0, 2).toString('latin1')).toBe('PK');
  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByRole('button', { name: '打印预览' }).click();
  const preview = page.getByRole('dialog', { name: /打印预览/ });
  await expect(preview).toContainText(`${year}年“三会一课”台账`);
  await screenshot(page, 'meetings-calendar-preview');
  await page.keyboard.press('Escape');

  // Nothing recorded this year: every period over is a gap on 首页, each opening its meetings.
  await page.getByRole('menuitem', { name: '首页' }).click();
  // What is due this month first (the monthly 支委会 among it), then the latest gaps; each opens its meetings.
  const reminders = page.getByTestId('reminders-meetings');
  const month = new Date().getMonth() + 1;
  await expect(reminders.getByRole('heading', { name: /^三会一课 / })).toBeVisible();
  await expect(reminders.getByRole('link', { name: /^三会一课 \d+ 次，查看名单$/ })).toHaveAttribute('href', '#/meetings-calendar?due=month');
  await expect(reminders.getByRole('link', { name: `支委会，${year + 1}年${month}月 · 待开，查看` })).toBeVisible();
  await reminders.getByRole('link', { name: `支委会，${year + 1}年${month}月 · 待开，查看` }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings\\?kind=committee&month=${year + 1}-${mm(month)}$`));
});
