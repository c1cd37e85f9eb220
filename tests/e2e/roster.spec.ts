import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { field, fillMember, memberForm } from './form';

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

test('a wrong ID checksum is shown at the ID field and nothing is stored', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toHaveText('共 0 人');
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await expect(field(form, '姓名')).toBeFocused();
  await expectAccessible(page, 'member-form');
  await screenshot(page, 'member-form');

  await fillMember(page, { name: '张三', idNumber: '110105194912310021', gender: '女', birthDate: '1949-12-31', joinDate: '1975-07-01', fullDate: '1976-07-01' });
  await form.getByRole('button', { name: '保存' }).click();
  const idItem = form.locator('.ant-form-item').filter({ has: field(page, '身份证号') });
  await expect(idItem.locator('.ant-form-item-explain-error')).toHaveText('身份证号校验位不正确，请核对是否录入有误');
  await expect(form.getByRole('alert').first()).toContainText('需要修改');
  await expect(field(form, '身份证号')).toBeFocused();
  await expectAccessible(page, 'member-form-errors');
  await screenshot(page, 'member-form-errors');

  // Nothing was stored: neither in the list nor in the database.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '放弃并关闭' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 0 人');
  const r = await host.call<{ total: number }>('members.search', { status: 'all' });
  expect(r.total).toBe(0);
});

test('add, find by initials, edit with history, delete and restore a member', async ({ page, host }) => {
  await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  await addMember(host, { name: '王五', gender: '男', birthDate: '1995-05-20', joinDate: '2025-12-01' }, 8);
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toHaveText('共 2 人');

  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await field(form, '姓名').fill('张三');
  await field(form, '身份证号').fill('11010519491231002X');
  // A valid ID number fills in the birth date and the gender.
  await expect(field(form, '出生日期')).toHaveValue('1949-12-31');
  await expect(field(form, '女')).toBeChecked();
  await fillMember(page, { name: '张三', idNumber: '11010519491231002X', joinDate: '1975-07-01', fullDate: '1976-07-01' });
  await expect(field(form, '正式党员')).toBeChecked();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  const row = page.locator('.roster-row').filter({ hasText: '张三' });
  await expect(row).toContainText('1101**********002X');
  await expect(row).not.toContainText('11010519491231002X');
  // The probationary member shows when probation ends.
  await expect(page.locator('.roster-row').filter({ hasText: '王五' })).toContainText('2026-12-01');
  await expect(page.getByRole('columnheader', { name: '预备期满' })).toBeVisible();
  await expectAccessible(page, 'roster');
  await screenshot(page, 'roster');

  // Pinyin initials find 张三.
  await page.getByLabel('搜索').fill('zs');
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.locator('.roster-row')).toHaveCount(1);
  await expect(page.locator('.roster-row')).toContainText('张三');
  await screenshot(page, 'roster-search-zs');

  // Detail.
  await page.locator('.roster-row').first().click();
  const detail = page.getByRole('dialog').filter({ hasText: '党员详情' });
  await expect(detail.getByTestId('detail-id')).toHaveText('1101**********002X');
  await detail.getByRole('button', { name: '显示' }).click();
  await expect(detail.getByTestId('detail-id')).toHaveText('11010519491231002X');
  await detail.getByRole('button', { name: '隐藏' }).click();
  await expect(detail.getByText('新建党员记录')).toBeVisible();
  await expectAccessible(page, 'member-detail');
  await screenshot(page, 'member-detail');

  // Edit: the change shows in the history.
  await detail.getByRole('button', { name: '修改' }).click();
  const edit = memberForm(page);
  await expect(field(edit, '身份证号')).toHaveValue('11010519491231002X');
  await field(edit, '岗位/职务').fill('司钻');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(detail.getByRole('listitem').filter({ hasText: '岗位/职务' })).toContainText('（空） → 司钻');
  await detail.getByRole('heading', { name: '变更记录' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'member-detail-history');

  // Delete to the trash.
  await detail.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').filter({ hasText: '删除党员“张三”？' }).getByRole('button', { name: '删除' }).click();
  await expect(detail).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText('共 0 人');
  await page.getByLabel('搜索').fill('');
  await expect(page.getByTestId('roster-count')).toHaveText('共 2 人');

  // Restore from the trash.
  await page.getByRole('menuitem', { name: '回收站' }).click();
  const item = page.getByRole('row').filter({ hasText: '张三' });
  await expect(item).toContainText('党员');
  await expectAccessible(page, 'trash');
  await screenshot(page, 'trash');
  await item.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('回收站是空的')).toBeVisible();
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 3 人');
  await expect(page.locator('.roster-row').filter({ hasText: '张三' })).toContainText('司钻');
});

test('server problems: a duplicate ID number at its field, a stale edit reported as a conflict', async ({ page, host }) => {
  const li = await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  const liFull = await host.call<Record<string, unknown> & { idNumber: string }>('members.get', { id: li.id });
  await openApp(page, host);

  // The same ID number again: only main knows the roster, so the problem comes back from it and shows at the field.
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = memberForm(page);
  await fillMember(page, { name: '李思', idNumber: liFull.idNumber, joinDate: '2005-07-01', fullDate: '2006-07-01' });
  await form.getByRole('button', { name: '保存' }).click();
  const idItem = form.locator('.ant-form-item').filter({ has: field(page, '身份证号') });
  await expect(idItem.locator('.ant-form-item-explain-error')).toHaveText('与已有党员“李四”的身份证号重复');
  await expect(form.getByRole('alert').first()).toContainText('未能保存');
  await expect(form.locator('.ant-btn-loading')).toHaveCount(0);
  // Esc asks before throwing the typed values away. The form moves the focus to the field at fault after the
  // answer comes back; an Esc pressed while that happens may be taken by the moving focus, so press until asked.
  const discard = page.getByRole('button', { name: '放弃并关闭' });
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(discard).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await discard.click();
  // The confirmation and the form fade out; on a busy machine the next click must wait for them to be gone.
  await expect(discard).toBeHidden();
  await expect(form).toBeHidden();

  // Someone else saved the member after the form was opened: E_CONFLICT, said plainly.
  await page.locator('.roster-row').filter({ hasText: '李四' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '党员详情' });
  await detail.getByRole('button', { name: '修改' }).click();
  await expect(field(form, '姓名')).toHaveValue('李四');
  await host.call('members.update', { id: li.id, fields: { ...liFull, post: '钻井工' } });
  await field(form, '岗位/职务').fill('司钻');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert').first()).toContainText('已在别处被修改');
  await expect(form.getByRole('alert').first()).toContainText('尚未保存');
  await expect(form.getByRole('alert').first()).toContainText('重新打开');
  await screenshot(page, 'member-form-conflict');
  const stored = await host.call<{ post: string }>('members.get', { id: li.id });
  expect(stored.post).toBe('钻井工');
});
