/**
 * The shared form behaviour, on 新增党员 at 1366×768: Enter never saves, refused typed dates stay with their
 * reason, the ID number and phone are checked on leaving them, and the saved member is shown and marked.
 */
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, fillRoster, idNumber, openApp, screenshot, SCREENSHOT_DIR, test } from './fixtures';
import { errorAt, field, fillMember, memberForm } from './form';

test.use({ viewport: { width: 1366, height: 768 } });

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

async function memberCount(host: { call<T>(op: string, input?: unknown): Promise<T> }): Promise<number> {
  return (await host.call<{ total: number }>('members.search', { status: 'all' })).total;
}

test('Enter in a date field does not save; 保存 does, and the new member is shown and marked in the list', async ({ page, host }) => {
  await fillRoster(host, 300);
  // The list counts the members on the roll (the seed also holds some who left).
  const listed = (await host.call<{ total: number }>('members.search', {})).total;
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toHaveText(new RegExp(`^共 ${listed} 人`));

  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  // A name sorted near the end of 300, so the list has to scroll to show it.
  await fillMember(page, { name: '左新来', idNumber: idNumber('1990-04-12', '男', 911), joinDate: '2015-07-01' });
  const fullDate = field(form, '转正日期');
  await fullDate.click();
  await fullDate.fill('2016-07-01');
  await fullDate.press('Enter');
  // The date was taken, the form is still open, nothing was stored.
  await expect(fullDate).toHaveValue('2016-07-01');
  await expect(form).toBeVisible();
  await field(form, '姓名').press('Enter');
  await expect(form).toBeVisible();
  expect(await memberCount(host)).toBe(300);
  await expect(page.getByTestId('roster-count')).toHaveText(new RegExp(`^共 ${listed} 人`));

  // The save button names its shortcut.
  const save = form.getByRole('button', { name: '保存' });
  await expect(save).toHaveAttribute('aria-keyshortcuts', 'Control+Enter');
  await expect(form.getByText('Ctrl+Enter 保存')).toBeVisible();

  await save.click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText(new RegExp(`^共 ${listed + 1} 人`));
  const row = page.locator('.roster-row').filter({ hasText: '左新来' });
  await expect(row).toBeInViewport();
  await expect(row).toHaveClass(/row-just-saved/);
  // The window as it is: a full-page capture resizes the window, and the list then starts again at the top.
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'roster-saved-row-1366.png') });
  await expectAccessible(page, 'roster-saved-row');
  // The mark goes after a few seconds.
  await expect(page.locator('.row-just-saved')).toHaveCount(0, { timeout: 10_000 });
});

test('Ctrl+Enter saves a drawer form from a field', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await fillMember(page, { name: '张三', idNumber: '11010519491231002X', joinDate: '1975-07-01', fullDate: '1976-07-01' });
  await field(form, '姓名').press('Control+Enter');
  await expect(form).toBeHidden();
  expect(await memberCount(host)).toBe(1);
  await expect(page.locator('.roster-row').filter({ hasText: '张三' })).toHaveClass(/row-just-saved/);
});

test('a typed date the field refuses stays with its reason, and 保存 names that reason', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await field(form, '姓名').fill('张三');
  await field(form, '身份证号').fill('11010519491231002X');

  const typeAndLeave = async (label: string, text: string) => {
    const input = field(form, label);
    await input.click();
    await input.fill(text);
    await input.press('Tab');
  };
  await typeAndLeave('转正日期', '2099-05-01');
  await typeAndLeave('入党日期', '2026-02-30');
  await typeAndLeave('申请入党日期', '2026-3月');
  await expect(field(form, '转正日期')).toHaveValue('2099-05-01');
  await expect(errorAt(form, '转正日期')).toHaveText('未来日期：请填写今天或以前的日期');
  await expect(field(form, '入党日期')).toHaveValue('2026-02-30');
  await expect(errorAt(form, '入党日期')).toHaveText('不存在的日期，请检查年、月、日');
  await expect(field(form, '申请入党日期')).toHaveValue('2026-3月');
  await expect(errorAt(form, '申请入党日期')).toHaveText('格式应为 2026-03-12');

  // 保存 reports the same reasons, not 请填写…, and stores nothing.
  await form.getByRole('button', { name: '保存' }).click();
  await expect(errorAt(form, '转正日期')).toHaveText('未来日期：请填写今天或以前的日期');
  await expect(errorAt(form, '入党日期')).toHaveText('不存在的日期，请检查年、月、日');
  await expect(field(form, '转正日期')).toHaveValue('2099-05-01');
  expect(await memberCount(host)).toBe(0);
  await expectAccessible(page, 'member-form-date-reasons');
  await screenshot(page, 'member-form-date-reasons-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'member-form-date-reasons-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // A date in the compact form is still taken and shown in full; correcting a refused date clears its reason.
  await typeAndLeave('申请入党日期', '20200101');
  await expect(field(form, '申请入党日期')).toHaveValue('2020-01-01');
  await expect(errorAt(form, '申请入党日期')).toHaveCount(0);
  await typeAndLeave('转正日期', '2021-07-01');
  await expect(field(form, '转正日期')).toHaveValue('2021-07-01');
  await expect(errorAt(form, '转正日期')).toHaveCount(0);
});

test('leaving the ID field with a number already in the branch shows the duplicate; a short phone shows its problem', async ({ page, host }) => {
  await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  await openApp(page, host);
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await field(form, '姓名').fill('李四同号');
  // The format and checksum are checked on leaving the field too.
  await field(form, '身份证号').fill('110105194912310021');
  await field(form, '身份证号').press('Tab');
  await expect(errorAt(form, '身份证号')).toHaveText('身份证号校验位不正确，请核对是否录入有误');
  await field(form, '身份证号').fill(idNumber('1980-03-15', '男', 7));
  await field(form, '身份证号').press('Tab');
  await expect(errorAt(form, '身份证号')).toHaveText('与已有党员“李四”的身份证号重复');

  await field(form, '联系电话').fill('1390000');
  await field(form, '联系电话').press('Tab');
  await expect(errorAt(form, '联系电话')).toHaveText('手机号码应为 11 位，现为 7 位');
  await field(form, '姓名').scrollIntoViewIfNeeded();
  await expectAccessible(page, 'member-form-leave-checks');
  await screenshot(page, 'member-form-leave-checks-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'member-form-leave-checks-1920');

  // Another number clears the duplicate as soon as it is typed.
  await field(form, '身份证号').fill(idNumber('1980-03-15', '男', 8));
  await field(form, '身份证号').press('Tab');
  await expect(errorAt(form, '身份证号')).toHaveCount(0);
  expect(await memberCount(host)).toBe(1);
});
