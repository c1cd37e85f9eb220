/**
 * 三会一课 and 谈心谈话 end to end: a 支委会 recorded from the sign-in list, finalised (it leaves the calendar's
 * missing list), amended (both versions in its history) and its minutes opened in the print preview; a 党员大会's
 * sign-in list of forty members at 1366×768; a talk recorded and a person's history. Screens at 1366×768 and 1920×1080.
 */
import type { Locator, Page } from '@playwright/test';
import { addDays, addMonths, localToday } from '../../shared/domain/dates';
import { addMember, BRANCH, createBranch, expect, expectAccessible, fillRoster, openApp, screenshot, test, type Host } from './fixtures';
import { field, typeDate } from './form';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

const COMMITTEE = [
  { name: '王建国', role: '书记' },
  { name: '李红梅', role: '组织委员' },
  { name: '张志强', role: '宣传委员' },
] as const;

const OTHERS = '赵海军 钱秀英 孙永刚 周春华 吴明亮 郑桂兰 冯德胜 陈玉珍 褚建华 卫丽娟 蒋志刚 沈秀兰 韩国庆 杨海燕 朱立新 秦红霞 尤志明 许春梅 何建军 吕淑珍 施国华 张丽萍 孔庆东 曹玉兰 严志勇 华秀云 金海涛 魏红英 陶建平 姜春燕 戚德明 谢晓红 邹国强 喻小燕 柏永胜 水秀芳 窦立军'.split(' ');

/** The branch with its committee linked to roster members, and `others` more members (every fifth probationary). */
async function branchWithMembers(host: Host, others: number): Promise<void> {
  const officers = [];
  let serial = 10;
  for (const c of COMMITTEE) {
    const m = await addMember(host, { name: c.name, gender: '男', birthDate: '1975-04-10', joinDate: '2000-07-01', fullDate: '2001-07-01' }, serial++);
    officers.push({ name: c.name, role: c.role, duties: '', memberId: m.id });
  }
  for (let i = 0; i < others; i++) {
    const probationary = i % 5 === 4;
    const birth = `19${70 + (i % 25)}-0${(i % 9) + 1}-1${i % 9}`;
    await addMember(
      host,
      { name: OTHERS[i]!, gender: i % 2 ? '女' : '男', birthDate: birth, joinDate: probationary ? addMonths(localToday(), -6) : '2015-07-01', fullDate: probationary ? null : '2016-07-01' },
      serial++,
    );
  }
  await host.call('branch.save', { ...BRANCH, officers });
}

async function atSizes(page: Page, name: string, before?: () => Promise<void>): Promise<void> {
  const original = page.viewportSize()!;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await before?.();
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(original);
}

function meetingForm(page: Page): Locator {
  return page.getByRole('form', { name: /^(新建会议记录|会议记录（草稿）|修订会议记录)/ });
}

/** The calendar screen's list of missing meetings (三会一课台账, 缺开的会议) for `year`. */
async function missingList(page: Page, year: number): Promise<Locator> {
  await page.getByRole('menuitem', { name: '三会一课台账' }).click();
  await expect(page.getByRole('heading', { name: '三会一课台账', level: 2 })).toBeVisible();
  // Last month may be in last year (a test run in January): the calendar's year is in its address.
  if (year !== new Date().getFullYear()) await page.evaluate((y) => (location.hash = `#/meetings-calendar?year=${y}`), year);
  await expect(page.getByRole('heading', { name: /^缺开的会议/ })).toBeVisible();
  return page.getByRole('region', { name: /^缺开的会议/ });
}

test('a 支委会 from the sign-in list: finalised it leaves the missing list; amended, both versions are in its history; the minutes print', async ({ page, host }) => {
  test.setTimeout(180_000);
  await host.call('branch.save', BRANCH);
  await branchWithMembers(host, 5);
  const date = addDays(addMonths(localToday(), -1).slice(0, 8) + '01', 9); // the 10th of last month
  const month = date.slice(0, 7);
  const year = Number(date.slice(0, 4));
  const period = `${year}年${Number(month.slice(5))}月`;

  // The calendar lists last month's 支委会 as missing; 补记 opens a new 支委会 record of that month.
  await openApp(page, host, '三会一课台账');
  const gaps = await missingList(page, year);
  await expect(gaps.getByRole('listitem').filter({ hasText: `支委会 · ${period}` })).toHaveCount(1);
  await gaps.getByRole('link', { name: `补记支委会${period}` }).click();
  await expect(page.getByRole('heading', { name: '会议记录', level: 2 })).toBeVisible();
  const form = meetingForm(page);
  await expect(form).toBeVisible();
  await typeDate(form, '会议日期', date);
  // The committee members are expected (the branch's 支委), each one row of the sign-in list.
  const rows = form.getByTestId('signin-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('王建国');
  await expect(rows.nth(0)).toContainText('书记');
  // 张志强 is away on duty: his row takes the digit 2 (公差) from the keyboard.
  const zhang = form.getByRole('radiogroup', { name: '张志强的出席情况' });
  await zhang.getByRole('radio', { name: '到会' }).focus();
  await page.keyboard.press('2');
  await expect(zhang.getByRole('radio', { name: '公差' })).toBeChecked();
  await form.getByRole('textbox', { name: '张志强缺席说明' }).fill('赴井场检查');
  await expect(form.getByTestId('signin-summary')).toContainText('应到 3 人，实到 2 人，缺席 1 人（公差 1）');
  await expect(form.getByTestId('quorum')).toContainText('符合');

  await field(form, '开始时间').fill('9:00');
  await field(form, '结束时间').fill('10:30');
  await field(form, '会议地点').fill('队部会议室');
  await field(form, '主持人').fill('王建国');
  await field(form, '记录人').fill('李红梅');
  await form.getByRole('textbox', { name: '议题 1' }).fill('研究确定第四季度发展对象');
  await field(form, '会议内容').fill('王建国传达上级党委关于发展党员工作的通知。');
  await form.getByRole('button', { name: '添加决议' }).click();
  await form.getByRole('textbox', { name: '第 1 项决议内容' }).fill('同意确定刘海军为发展对象，报上级党委备案。');
  await form.locator('.resolution').getByLabel('表决方式').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('举手表决').click();
  await form.locator('.resolution').getByLabel('赞成').fill('2');
  await form.locator('.resolution').getByLabel('反对').fill('0');
  await form.locator('.resolution').getByLabel('弃权').fill('0');
  await expect(form.getByTestId('vote-check')).toContainText('赞成 2 票，超过应到会有表决权的 3 人的半数，通过');
  await expectAccessible(page, 'meeting-form', '.ant-drawer');
  await atSizes(page, 'meeting-form-votes', () => form.getByTestId('vote-check').evaluate((el) => el.scrollIntoView({ block: 'center' })));
  await atSizes(page, 'meeting-form', () => field(form, '会议类型').scrollIntoViewIfNeeded());

  // 定稿 asks first, saying that afterwards only 修订 changes the record.
  await form.getByRole('button', { name: '定稿', exact: true }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '定稿这份会议记录？' });
  await expect(confirm).toContainText('只能通过“修订”更改');
  await confirm.getByRole('button', { name: '定稿' }).click();
  await expect(form).toBeHidden();
  const row = page.locator('.data-table').getByRole('row').filter({ hasText: '支委会' }).filter({ hasText: date });
  await expect(row).toContainText('已定稿');
  await expect(row).toContainText('3 / 2');
  await expectAccessible(page, 'meetings');
  await atSizes(page, 'meetings');

  // Final, it is no longer missing in the calendar.
  const after = await missingList(page, year);
  await expect(after.getByRole('listitem').filter({ hasText: `支委会 · ${period}` })).toHaveCount(0);
  // The calendar's link of a period: the meetings list on that kind and month.
  await page.evaluate((m) => (location.hash = `#/meetings?kind=committee&month=${m}`), month);
  await expect(page.getByTestId('meeting-count')).toHaveText('共 1 份');

  // The final record opens read-only; 修订 with a reason makes version 2.
  await row.click();
  const detail = page.getByRole('dialog').filter({ hasText: '已定稿' });
  await expect(detail).toContainText('张志强（公差：赴井场检查）');
  await detail.getByRole('button', { name: '修订' }).click();
  const amend = meetingForm(page);
  await expect(amend).toBeVisible();
  await field(amend, '修订原因').fill('补记李红梅的发言');
  await amend.getByRole('button', { name: '添加发言' }).click();
  await amend.getByRole('combobox', { name: '第 1 条发言的发言人' }).fill('李红梅');
  await amend.getByRole('textbox', { name: '第 1 条发言的内容' }).fill('刘海军培养考察期满，表现良好，同意列为发展对象。');
  await amend.getByRole('button', { name: '保存修订' }).click();
  await expect(amend).toBeHidden();
  await expect(row).toContainText('已修订（第 2 版）');
  const amended = page.getByRole('dialog').filter({ hasText: '已修订' });
  await expect(amended).toContainText('刘海军培养考察期满');
  const history = amended.getByRole('table', { name: '历史版本' });
  await expect(history.getByRole('row')).toHaveCount(3); // the header and two versions
  await expect(history).toContainText('补记李红梅的发言');
  await expect(history).toContainText('首次定稿');
  await expectAccessible(page, 'meeting-detail', '.ant-drawer');
  await atSizes(page, 'meeting-detail');
  await history.getByRole('button', { name: '查看第 1 版' }).click();
  const first = page.getByRole('dialog', { name: /^第 1 版/ });
  await expect(first).toContainText('被修订前的版本');
  await expect(first).not.toContainText('刘海军培养考察期满');
  await expect(first).toContainText('同意确定刘海军为发展对象');
  await screenshot(page, 'meeting-version-1');
  await first.getByRole('button', { name: '关闭' }).last().click();
  await expect(first).toBeHidden();

  // The printed minutes in the preview.
  await amended.getByRole('button', { name: '打印' }).click();
  await page.getByRole('menuitem', { name: '打印会议记录' }).click();
  const preview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('print-page-count')).toHaveText(/^共 [1-9]\d* 页$/);
  await expect(preview.locator('.bd-print-page').first()).toContainText('队部会议室');
  await screenshot(page, 'meeting-minutes-preview');
  await preview.getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
});

test('a 党员大会 of forty members: the sign-in list fits 1366×768 and counts the voting members', async ({ page, host }) => {
  test.setTimeout(180_000);
  await host.call('branch.save', BRANCH);
  await branchWithMembers(host, 37);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host, '会议记录');
  await page.getByRole('button', { name: '新建会议记录' }).click();
  const form = meetingForm(page);
  await field(form, '会议类型').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('支部党员大会').click();
  await typeDate(form, '会议日期', localToday());
  const rows = form.getByTestId('signin-row');
  await expect(rows).toHaveCount(40);
  // Seven of the 37 are probationary: 33 voting members expected.
  await expect(form.getByTestId('signin-summary')).toContainText('应到 40 人，实到 40 人');
  await expect(form.getByTestId('quorum')).toContainText('有表决权的正式党员应到 33 人，实到 33 人');
  // Every row shows its five choices whole, inside the drawer.
  const box = (await form.boundingBox())!;
  for (const i of [0, 1, 38, 39]) {
    await rows.nth(i).scrollIntoViewIfNeeded();
    const last = (await rows.nth(i).getByText('其他', { exact: true }).boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width);
  }
  // Mark 17 of the full members absent by keyboard: 16 of 33 present is not more than half.
  for (let i = 3; i < 40 && (await form.getByTestId('quorum').textContent())!.includes('超过半数，可以表决'); i++) {
    const r = rows.nth(i);
    if ((await r.textContent())!.includes('预备')) continue;
    await r.getByRole('radio', { name: '到会' }).focus();
    await page.keyboard.press('3');
  }
  await expect(form.getByTestId('quorum')).toContainText('实到 16 人，未超过半数，不能表决');
  await rows.nth(0).scrollIntoViewIfNeeded();
  await form.getByRole('heading', { name: '签到' }).scrollIntoViewIfNeeded();
  await expectAccessible(page, 'meeting-signin-40', '.ant-drawer');
  await page.screenshot({ path: `tests/output/screenshots/meeting-signin-40-1366x768.png` });
  // Scrolled to the last members, the counts and the quorum stay above the list.
  await rows.nth(39).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(form.getByTestId('quorum')).toBeInViewport();
  await page.screenshot({ path: `tests/output/screenshots/meeting-signin-40-end-1366x768.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await form.getByRole('heading', { name: '签到' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/output/screenshots/meeting-signin-40-1920x1080.png` });
});

test('the demo branch: a year of records, and one quarter of 党员大会 as the calendar links to it', async ({ page, host }) => {
  test.setTimeout(180_000);
  await createBranch(host);
  await fillRoster(host, 40); // demo.seed: members, then meetings from January of last year to today
  const lastYear = new Date().getFullYear() - 1;
  await openApp(page, host, '会议记录');
  await page.evaluate((y) => (location.hash = `#/meetings?year=${y}`), lastYear);
  await expect(page.getByTestId('meeting-count')).toHaveText(/^共 [1-9]\d* 份$/);
  const all = Number((await page.getByTestId('meeting-count').textContent())!.replace(/\D/g, ''));
  // A quarter (党员大会, 党课 are quarterly): fewer records, each of them in that quarter.
  await page.evaluate((y) => (location.hash = `#/meetings?kind=memberMeeting&month=${y}-Q2`), lastYear);
  await expect(page.getByRole('combobox', { name: '期间' })).toBeVisible();
  await expect(page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '期间' }) })).toContainText('第二季度');
  const dates = await page.locator('.data-table tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
  for (const d of dates) expect(d).toMatch(new RegExp(`${lastYear}-0[4-6]-`));
  expect(dates.length).toBeLessThan(all);
  await page.getByRole('button', { name: '清除条件' }).click();
  await expect(page.getByTestId('meeting-count')).toHaveText(`共 ${all} 份`);
  await expectAccessible(page, 'meetings-demo');
  await atSizes(page, 'meetings-demo');
});

/** A 2×2 PNG: a photo of the signed sheet, as far as the app can tell. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVQI12P8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

test('a draft: the sign-in sheet printed before the meeting, a photo of it attached and viewed, the draft deleted', async ({ page, host }) => {
  test.setTimeout(120_000);
  await host.call('branch.save', BRANCH);
  await branchWithMembers(host, 2);
  await openApp(page, host, '会议记录');
  await expect(page.getByText(/年还没有会议记录/)).toBeVisible();
  await page.getByRole('button', { name: '新建会议记录' }).click();
  const form = meetingForm(page);
  await field(form, '会议类型').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('党课').click();
  // A lecture planned for next week: a draft may be dated ahead; its sign-in sheet is printed before it is held.
  await typeDate(form, '会议日期', addDays(localToday(), 7));
  await expect(form.getByTestId('signin-row')).toHaveCount(5);
  await field(form, '讲课人').fill('王建国');
  await field(form, '计入学时').fill('2');
  // Ctrl+Enter saves the draft.
  await field(form, '会议地点').fill('井场会议室');
  await field(form, '会议地点').press('Control+Enter');
  await expect(form).toBeHidden();
  const row = page.locator('.data-table').getByRole('row').filter({ hasText: '党课' });
  await expect(row).toContainText('草稿');

  await row.click();
  const draft = meetingForm(page);
  await expect(draft).toBeVisible();
  await expect(field(draft, '会议地点')).toHaveValue('井场会议室');
  await draft.getByRole('button', { name: '打印' }).click();
  await page.getByRole('menuitem', { name: '打印签到表' }).click();
  const preview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(preview.getByTestId('print-page-count')).toHaveText(/^共 [1-9]\d* 页$/);
  await expect(preview.locator('.bd-print-page').first()).toContainText('赵海军');
  await screenshot(page, 'meeting-signin-sheet-preview');
  await preview.getByRole('button', { name: '关闭' }).click();

  await draft.locator('input[type=file]').setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: PNG });
  const attachments = draft.getByTestId('attachments');
  await expect(attachments).toContainText('签到表.png');
  await attachments.getByRole('button', { name: '查看附件签到表.png' }).click();
  const photo = page.getByRole('dialog', { name: '签到表.png' });
  await expect(photo.getByRole('img', { name: '签到表.png' })).toBeVisible();
  await expectAccessible(page, 'meeting-attachment', '.ant-modal');
  await photo.getByRole('button', { name: '关闭' }).click();
  await expect(photo).toBeHidden();

  await draft.getByRole('button', { name: '删除草稿' }).click();
  await page.getByRole('dialog').filter({ hasText: '删除这份草稿？' }).getByRole('button', { name: '删除' }).click();
  await expect(draft).toBeHidden();
  await expect(page.getByText(/年还没有会议记录/)).toBeVisible();
});

test('talks: a talk with a member and a home visit, the list and one person\'s history', async ({ page, host }) => {
  await host.call('branch.save', BRANCH);
  await branchWithMembers(host, 3);
  await openApp(page, host, '谈心谈话');
  await expect(page.getByRole('heading', { name: '谈心谈话', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: '记录谈心谈话' }).click();
  const form = page.getByRole('form', { name: '记录谈心谈话' });
  // Saving with nothing filled names the fields at fault.
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写谈话日期')).toBeVisible();
  await typeDate(form, '谈话日期', localToday());
  await field(form, '谈话人').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('王建国').click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await field(form, '谈话对象').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('赵海军').click();
  await field(form, '起因').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('岗位变动').click();
  await field(form, '主题').fill('调任井架工后的思想状况');
  await field(form, '谈话内容').fill('了解调岗后的工作和家庭情况，鼓励尽快熟悉新岗位。');
  await expectAccessible(page, 'talk-form', '.ant-drawer');
  await atSizes(page, 'talk-form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '赵海军' })).toContainText('岗位变动');

  // A home visit to a worker's family not on the roster.
  await host.call('talks.save', {
    fields: { kind: 'visit', date: localToday(), form: '上门', talkerIds: [], talkerNames: ['李红梅'], personName: '马师傅家属', familyMet: '妻子', summary: '家中老人住院。', problems: '住院费用', resolved: false },
  });
  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('menuitem', { name: '谈心谈话' }).click();
  await expect(page.getByTestId('talk-count')).toHaveText('共 2 次');
  await expect(page.getByRole('row').filter({ hasText: '马师傅家属' })).toContainText('未解决');
  await expectAccessible(page, 'talks');
  await atSizes(page, 'talks');

  // One person's history: the name filters the list to them, across years.
  await page.getByRole('button', { name: '只看赵海军的谈话记录' }).click();
  await expect(page.getByTestId('talk-count')).toHaveText('共 1 次');
  await expect(page.getByText('只看：赵海军')).toBeVisible();
  expect(page.url()).toContain('member=');
});
