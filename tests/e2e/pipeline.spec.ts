import { addDays, addMonths, addYears, localToday } from '../../shared/domain/dates';
import { addMember, createBranch, fillRoster, expect, expectAccessible, idNumber, openApp, screenshot, test, type Host } from './fixtures';
import { chooseOption, errorAt, field, saveExpectingErrors, typeDate } from './form';
import type { Locator, Page } from '@playwright/test';

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

async function fullMembers(host: Host, n: number): Promise<string[]> {
  const ids: string[] = [];
  const names = ['王建国', '李红梅', '张志强'];
  for (let i = 0; i < n; i++) {
    const m = await addMember(host, { name: names[i]!, gender: i % 2 ? '女' : '男', birthDate: `197${i}-04-10`, joinDate: '2000-07-01', fullDate: '2001-07-01' }, 20 + i);
    ids.push(m.id);
  }
  return ids;
}

async function newApplicant(host: Host, name: string, applicationDate: string, serial: number): Promise<string> {
  const a = await host.call<{ id: string }>('pipeline.create', {
    name,
    gender: '男',
    ethnicity: '汉族',
    idNumber: idNumber('1998-05-20', '男', serial),
    birthDate: '1998-05-20',
    education: '21',
    politicalStatus: '共青团员',
    workUnit: '第一钻井队',
    post: '钻工',
    applicationDate,
  });
  return a.id;
}

async function record(host: Host, id: string, steps: [number, string, Record<string, unknown>?][]): Promise<void> {
  for (const [step, date, extra] of steps) await host.call('pipeline.recordStep', { id, step, date, ...extra });
}

async function openBoard(page: Page, host: Host): Promise<void> {
  await openApp(page, host);
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await expect(page.getByRole('heading', { name: '发展党员', level: 2 })).toBeVisible();
}

function column(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${stage}`) });
}

test('an activist made a development target before one year is refused, with the reason at the date', async ({ page, host }) => {
  const today = localToday();
  const [cultivator] = await fullMembers(host, 1);
  const application = addMonths(today, -9);
  const activist = addMonths(today, -8);
  const id = await newApplicant(host, '刘海军', application, 31);
  await record(host, id, [
    [2, addDays(application, 10)],
    [3, activist],
    [4, addDays(activist, 5)],
    [5, addDays(activist, 10), { cultivatorIds: [cultivator] }],
    [6, addMonths(activist, 6)],
  ]);
  await openBoard(page, host);
  const card = column(page, '入党积极分子').getByTestId('pipeline-card').filter({ hasText: '刘海军' });
  await expect(card).toContainText('下一步：第 7 步 确定发展对象');
  const earliest = addDays(addYears(activist, 1), 1);
  await expect(card).toContainText(`最早 ${earliest} 才能进行`);
  await expectAccessible(page, 'pipeline-board');
  await screenshot(page, 'pipeline-board');

  await card.getByRole('button', { name: /刘海军/ }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '发展党员：刘海军' });
  await expect(detail.locator('[aria-current="step"]')).toContainText('第 7 步　确定发展对象');
  await expect(detail.locator('[data-step="5"]')).toContainText(`已完成 ${addDays(activist, 10)}`);
  await expect(detail.getByText('王建国')).toBeVisible();
  await expectAccessible(page, 'pipeline-detail');
  await screenshot(page, 'pipeline-detail');
  await detail.locator('[aria-current="step"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'pipeline-detail-timeline');

  await detail.getByRole('button', { name: /记录下一步/ }).click();
  const dialog = page.getByRole('dialog', { name: '记录第 7 步：确定发展对象' });
  await typeDate(dialog, '完成日期', today);
  await dialog.getByRole('button', { name: '保存' }).click();
  const reason = `确定为入党积极分子（${activist}）未满一年，最早 ${earliest} 才能确定为发展对象`;
  await expect(dialog.getByRole('alert')).toContainText(reason);
  await expect(errorAt(dialog, '完成日期')).toHaveText(reason);
  await expect(field(dialog, '完成日期')).toBeFocused();
  await expectAccessible(page, 'pipeline-step-refused', '.ant-modal');
  await screenshot(page, 'pipeline-step-refused');

  // Main refuses it for the same reason, and nothing was recorded.
  const raw = await host.raw('pipeline.recordStep', { id, step: 7, date: today });
  expect(raw.ok).toBe(false);
  expect((raw.error as { issues?: { field: string; message: string }[] }).issues).toContainEqual({ field: 'date', message: reason });
  const stored = await host.call<{ stage: string; steps: unknown[] }>('pipeline.get', { id });
  expect(stored.stage).toBe('入党积极分子');
  expect(stored.steps).toHaveLength(6);
});

test('recording step 17 (上级党委审批) puts the new member on the roster as 预备党员', async ({ page, host }) => {
  const today = localToday();
  const [a, b, c] = await fullMembers(host, 3);
  // Everything before the approval, through the api, with past dates that keep every time rule.
  const start = addMonths(today, -33);
  const activist = addMonths(start, 1);
  const meeting = addMonths(start, 20);
  const id = await newApplicant(host, '陈永刚', start, 41);
  await record(host, id, [
    [2, addDays(start, 10)],
    [3, activist],
    [4, addDays(activist, 5)],
    [5, addDays(activist, 10), { cultivatorIds: [a] }],
    [6, addMonths(activist, 6)],
    [7, addMonths(activist, 13)],
    [8, addDays(addMonths(activist, 13), 5)],
    [9, addMonths(activist, 14), { introducerIds: [b, c] }],
    [10, addMonths(activist, 15)],
    [11, addMonths(activist, 16), { trainingDays: 5, trainingHours: 40 }],
    [12, addMonths(start, 18)],
    [13, addDays(addMonths(start, 18), 10)],
    [14, addMonths(start, 19)],
    [15, meeting],
    [16, addDays(meeting, 10)],
  ]);
  await openBoard(page, host);
  const card = column(page, '发展对象').getByTestId('pipeline-card').filter({ hasText: '陈永刚' });
  await expect(card).toContainText('下一步：第 17 步 上级党委审批');
  // Six months after the branch meeting: overdue, said in words.
  await expect(card).toContainText('已逾期');
  await screenshot(page, 'pipeline-board-overdue');

  await card.getByRole('button', { name: /陈永刚/ }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '发展党员：陈永刚' });
  await expect(detail.getByRole('alert').or(detail.locator('.ant-alert-warning'))).toContainText('上级党委尚未审批');
  await detail.getByRole('button', { name: /记录下一步/ }).click();
  const dialog = page.getByRole('dialog', { name: '记录第 17 步：上级党委审批' });
  const approval = addMonths(meeting, 1);
  await typeDate(dialog, '完成日期', approval);
  await expectAccessible(page, 'pipeline-step-dialog', '.ant-modal');
  await screenshot(page, 'pipeline-step-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByText('当前阶段')).toBeVisible();
  await expect(detail.locator('[data-step="17"]')).toContainText(`已完成 ${approval}`);
  await expect(detail.locator('[aria-current="step"]')).toContainText('第 18 步');
  await expect(detail.getByRole('button', { name: '在党员名册中查看“陈永刚”' })).toBeVisible();
  await screenshot(page, 'pipeline-detail-admitted');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(column(page, '预备党员').getByTestId('pipeline-card').filter({ hasText: '陈永刚' })).toBeVisible();
  // His probation (one year from the branch meeting) has ended: he is listed as due for 转正.
  await page.getByRole('tab', { name: /即将转正/ }).click();
  await expect(page.getByRole('list', { name: '即将转正的预备党员' })).toContainText('陈永刚');
  await screenshot(page, 'pipeline-board-admitted');

  await page.getByRole('menuitem', { name: '党员名册' }).click();
  const row = page.locator('.roster-row').filter({ hasText: '陈永刚' });
  await expect(row).toContainText('预备党员');
  await expect(row).toContainText(meeting);
});

test('a new applicant through the form, then terminated', async ({ page, host }) => {
  const today = localToday();
  await openBoard(page, host);
  await expect(column(page, '入党申请人')).toContainText('暂无');
  await page.getByRole('button', { name: '新增入党申请人' }).click();
  const form = page.getByRole('form', { name: '新增入党申请人' });
  await expect(field(form, '姓名')).toBeFocused();
  await saveExpectingErrors(form, { 递交入党申请书日期: '请填写递交入党申请书的日期', 政治面貌: '请选择政治面貌' });
  await expectAccessible(page, 'pipeline-applicant-form');
  await screenshot(page, 'pipeline-applicant-form');

  await field(form, '姓名').fill('孙丽娟');
  await field(form, '身份证号').fill(idNumber('2000-02-14', '女', 51));
  await expect(field(form, '出生日期')).toHaveValue('2000-02-14');
  await chooseOption(form, '学历', '大学本科毕业');
  await chooseOption(form, '政治面貌', '共青团员');
  await typeDate(form, '递交入党申请书日期', addMonths(today, -2));
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  const card = column(page, '入党申请人').getByTestId('pipeline-card').filter({ hasText: '孙丽娟' });
  await expect(card).toContainText('下一步：第 2 步 党组织派人谈话');
  // The talk was due within a month of the application: overdue, in words.
  await expect(card).toContainText('已逾期');
  await expect(card).toContainText('提醒');

  await card.getByRole('button', { name: /孙丽娟/ }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '发展党员：孙丽娟' });
  await detail.getByRole('button', { name: '终止发展' }).click();
  const stop = page.getByRole('dialog', { name: '终止发展：孙丽娟' });
  await field(stop, '终止原因').fill('本人申请撤回');
  await expectAccessible(page, 'pipeline-terminate', '.ant-modal');
  await screenshot(page, 'pipeline-terminate');
  await stop.getByRole('button', { name: '终止发展' }).click();
  await expect(stop).toBeHidden();
  await expect(detail.getByText(`已于 ${today} 终止发展`)).toBeVisible();
  await expect(detail.getByRole('button', { name: '撤销终止' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(column(page, '入党申请人')).toContainText('暂无');
  await page.getByRole('tab', { name: '已终止（1）' }).click();
  await expect(page.getByRole('region', { name: '已终止' }).getByTestId('pipeline-card').filter({ hasText: '孙丽娟' })).toBeVisible();
  await screenshot(page, 'pipeline-board-terminated');
});

test('培养联系人 are picked from the roster\'s full members; the last step can be undone', async ({ page, host }) => {
  const today = localToday();
  await fullMembers(host, 2);
  await addMember(host, { name: '周预备', gender: '男', birthDate: '1996-01-10', joinDate: addMonths(today, -3) }, 60);
  const application = addMonths(today, -4);
  const id = await newApplicant(host, '吴德胜', application, 61);
  await record(host, id, [
    [2, addDays(application, 7)],
    [3, addMonths(application, 1)],
    [4, addDays(addMonths(application, 1), 3)],
  ]);
  await openBoard(page, host);
  await column(page, '入党积极分子').getByRole('button', { name: /吴德胜/ }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '发展党员：吴德胜' });
  await detail.getByRole('button', { name: /记录下一步/ }).click();
  const dialog = page.getByRole('dialog', { name: '记录第 5 步：指定培养联系人' });
  await typeDate(dialog, '完成日期', addMonths(application, 2));
  // Only full members are offered (the probationer 周预备 is not).
  const picker = field(dialog, '培养联系人');
  await picker.click();
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(list.getByTitle('王建国（未分组）')).toBeVisible();
  await expect(list.getByText('周预备')).toHaveCount(0);
  await picker.fill('lhm');
  await list.getByTitle('李红梅（未分组）').click();
  await picker.press('Escape');
  await expectAccessible(page, 'pipeline-step-cultivators', '.ant-modal');
  await screenshot(page, 'pipeline-step-cultivators');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.locator('[data-step="5"]')).toContainText(`已完成 ${addMonths(application, 2)}`);
  await expect(detail.getByRole('row').filter({ hasText: '培养联系人' })).toContainText('李红梅');

  await detail.getByRole('button', { name: '撤销上一步' }).click();
  await page.getByRole('dialog').filter({ hasText: '撤销第 5 步“指定培养联系人”？' }).getByRole('button', { name: '撤销' }).click();
  await expect(detail.locator('[aria-current="step"]')).toContainText('第 5 步');
  await expect(detail.getByRole('row').filter({ hasText: '培养联系人' })).not.toContainText('李红梅');
  const stored = await host.call<{ steps: unknown[]; cultivators: unknown[] }>('pipeline.get', { id });
  expect(stored.steps).toHaveLength(4);
  expect(stored.cultivators).toEqual([]);
});

interface BoardData {
  stages: { stage: string; total: number; entries: { name: string; searchKey: string; next: { overdue: boolean } | null }[] }[];
}

test('at 1366×768 a 300-member branch\'s board fits the window: search, stage and overdue filters, 已完成/已终止 tabs', async ({ page, host }) => {
  await fillRoster(host, 300);
  const board = await host.call<BoardData>('pipeline.board', { includeFinished: true });
  const stage = (name: string) => board.stages.find((s) => s.stage === name)!.entries;
  const active = ['入党申请人', '入党积极分子', '发展对象', '预备党员'].flatMap((s) => stage(s).filter((e) => e.next));
  const done = stage('正式党员').filter((e) => !e.next);
  const stopped = stage('已终止');
  expect(active.length, 'the demo branch has people in progress').toBeGreaterThan(10);
  expect(done.length, 'and finished records').toBeGreaterThan(0);
  expect(stopped.length, 'and stopped ones').toBeGreaterThan(0);

  await page.setViewportSize({ width: 1366, height: 768 });
  await openBoard(page, host);
  const cards = page.getByTestId('pipeline-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards).toHaveCount(active.length + stage('正式党员').filter((e) => e.next).length);
  // The page stays about as tall as the window; the columns scroll instead.
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight).toBeLessThanOrEqual(768 * 1.5);
  const longest = await page.locator('.pipeline-column > .pipeline-cards').evaluateAll((lists) => Math.max(...lists.map((l) => l.scrollHeight - l.clientHeight)));
  expect(longest, 'at least one column has more cards than it shows, and scrolls').toBeGreaterThan(0);
  await expectAccessible(page, 'pipeline-board-1366');
  await screenshot(page, 'pipeline-board-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080 * 1.5);
  await screenshot(page, 'pipeline-board-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Search by pinyin initials finds the one applicant (of everyone in progress) with that key.
  const target = active.find((e) => active.filter((o) => o.searchKey.includes(e.searchKey.split(' ')[1]!)).length === 1)!;
  const initials = target.searchKey.split(' ')[1]!;
  await page.getByLabel('姓名', { exact: true }).fill(initials.toUpperCase());
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(target.name);
  await page.getByLabel('姓名', { exact: true }).fill('');
  await expect(cards.first()).toBeVisible();

  // The stage filter shows that column alone, and is kept in the address.
  await chooseOption(page.locator('.pipeline-filters'), '阶段', '发展对象');
  await expect(column(page, '发展对象')).toBeVisible();
  await expect(column(page, '入党申请人')).toHaveCount(0);
  await expect(cards).toHaveCount(stage('发展对象').filter((e) => e.next).length);
  expect(page.url()).toContain(`stage=${encodeURIComponent('发展对象')}`);
  await chooseOption(page.locator('.pipeline-filters'), '阶段', '全部阶段');
  await expect(column(page, '入党申请人')).toBeVisible();

  // 只看逾期: the overdue ones only, each saying so.
  const overdue = active.filter((e) => e.next?.overdue).length;
  await page.getByRole('checkbox', { name: /只看逾期/ }).check();
  await expect(cards).toHaveCount(overdue);
  for (const card of await cards.all()) await expect(card).toContainText('已逾期');
  await screenshot(page, 'pipeline-board-overdue-only');
  await page.getByRole('checkbox', { name: /只看逾期/ }).uncheck();

  // 已完成 and 已终止 are tabs, each with its own scrolling list; the page stays short.
  await page.getByRole('tab', { name: `已完成（${done.length}）` }).click();
  await expect(page.getByRole('region', { name: '已完成' }).getByTestId('pipeline-card')).toHaveCount(done.length);
  await expect(page.getByRole('region', { name: '已完成' })).toContainText(done[0]!.name);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768 * 1.5);
  await expectAccessible(page, 'pipeline-done');
  await screenshot(page, 'pipeline-done-1366x768');
  await page.getByRole('tab', { name: `已终止（${stopped.length}）` }).click();
  await expect(page.getByRole('region', { name: '已终止' }).getByTestId('pipeline-card')).toHaveCount(stopped.length);
  await expect(page.getByRole('region', { name: '已终止' })).toContainText(stopped[0]!.name);
  await page.getByRole('tab', { name: /即将转正/ }).click();
  await expect(page.getByRole('region', { name: '即将转正' })).toBeVisible();
  await expectAccessible(page, 'pipeline-probation');
  await screenshot(page, 'pipeline-probation-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'pipeline-probation-1920x1080');
});
