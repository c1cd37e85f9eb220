import { addMember, createBranch, expect, expectAccessible, fillRoster, openApp, screenshot, test } from './fixtures';
import { field, memberForm } from './form';

test('the roster and the member form work with the keyboard alone', async ({ page, host }) => {
  await createBranch(host);
  await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  await addMember(host, { name: '张三', gender: '女', birthDate: '1949-12-31', joinDate: '1975-07-01', fullDate: '1976-07-01' }, 1);
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toHaveText('共 2 人');

  // Tab from the top of the page reaches the search box.
  const search = page.getByLabel('搜索');
  for (let i = 0; i < 15 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type('li');
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');

  // Down arrow goes from the search box to the first row; Enter opens it.
  await page.keyboard.press('ArrowDown');
  const row = page.locator('.roster-row').first();
  await expect(row).toBeFocused();
  await expect(row).toContainText('李四');
  await screenshot(page, 'roster-row-focus');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog').filter({ hasText: '党员详情' });
  await expect(detail.getByText('1980-03-15')).toBeVisible();
  // Tab reaches 修改; Enter opens the form.
  const edit = detail.getByRole('button', { name: '修改' });
  for (let i = 0; i < 10 && !(await edit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  const form = memberForm(page);
  await expect(field(form, '姓名')).toBeFocused();
  // Tab walks the fields in order.
  await page.keyboard.press('Tab');
  await expect(field(form, '身份证号')).toBeFocused();
  // Reach 岗位/职务 by Tab and type; Ctrl+Enter saves (Enter alone never does).
  const post = field(form, '岗位/职务');
  for (let i = 0; i < 40 && !(await post.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(post).toBeFocused();
  await page.keyboard.type('平台经理');
  await screenshot(page, 'member-form-keyboard');
  await page.keyboard.press('Enter');
  await expect(form).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(detail.getByRole('listitem').filter({ hasText: '岗位/职务' })).toContainText('平台经理');
  // Closing the form gave the focus back to 修改; Esc closes the detail and gives it back to the row.
  await expect(edit).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(page.locator('.roster-row').first()).toBeFocused();

  // A new member entirely by keyboard: the 新增党员 button, fields, Ctrl+Enter to save.
  await page.getByRole('button', { name: '新增党员' }).focus();
  await page.keyboard.press('Enter');
  await expect(field(form, '姓名')).toBeFocused();
  await page.keyboard.type('王五');
  await page.keyboard.press('Tab');
  await page.keyboard.type('130982199505200176');
  await page.keyboard.press('Tab'); // gender (filled from the ID number)
  await expect(field(form, '出生日期')).toHaveValue('1995-05-20');
  await field(form, '学历').focus();
  await page.keyboard.type('大专');
  await page.keyboard.press('Enter');
  await field(form, '预备党员').focus();
  await page.keyboard.press('Space');
  await field(form, '入党日期').focus();
  await page.keyboard.type('2025-12-01');
  await page.keyboard.press('Tab');
  await field(form, '姓名').focus();
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await page.getByLabel('搜索').fill('');
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  const wang = await host.call<{ rows: { name: string; category: string; education: string }[] }>('members.search', { query: '王五' });
  expect(wang.rows[0]).toMatchObject({ name: '王五', category: '预备党员', education: '大学专科毕业' });
});

test('a roster of 1200 members loads page by page and stays usable', async ({ page, host }) => {
  test.setTimeout(120_000);
  await createBranch(host);
  await fillRoster(host, 1200);
  const requests: { offset: number; limit: number }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/members.search')) requests.push(JSON.parse(r.postData() ?? '{}'));
  });
  // Demo data includes members who left (转出, 去世…): the roster shows the active ones by default.
  const { total } = await host.call<{ total: number }>('members.search', { limit: 1 });
  expect(total).toBeGreaterThan(1000);
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toContainText(`共 ${total} 人`);
  await expectAccessible(page, 'roster-1200');
  await screenshot(page, 'roster-1200');
  // Never the whole roster in one request.
  expect(requests.every((r) => r.limit <= 1000)).toBe(true);
  expect(requests[0]!.limit).toBeLessThan(1200);
  // Scrolling to the end loads the rest.
  const body = page.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first();
  for (let i = 0; i < 20; i++) {
    await body.hover();
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(150);
    if ((await page.getByTestId('roster-count').textContent())?.trim() === `共 ${total} 人`) break;
  }
  await expect(page.getByTestId('roster-count')).toHaveText(`共 ${total} 人`);
  expect(requests.some((r) => r.offset > 0)).toBe(true);
  // Sorting by a column goes to the server.
  await page.getByRole('columnheader', { name: /入党日期/ }).click();
  await expect.poll(() => requests.at(-1)).toMatchObject({ sort: 'joinDate', order: 'asc', offset: 0 });
  await expect(page.getByTestId('roster-count')).toContainText('已显示 500 人');
  await screenshot(page, 'roster-1200-sorted');
});
