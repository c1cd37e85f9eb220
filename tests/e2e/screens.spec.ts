import { addMember, BRANCH, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { field } from './form';

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

test('party groups: add, edit, refused delete while members remain', async ({ page, host }) => {
  const m = await addMember(host, { name: '赵六', gender: '男', birthDate: '1975-02-10', joinDate: '2000-07-01', fullDate: '2001-07-01' }, 3);
  await openApp(page, host);
  await page.getByRole('menuitem', { name: '党小组' }).click();
  await expect(page.getByText('还没有党小组')).toBeVisible();

  await page.getByRole('button', { name: '新增党小组' }).click();
  const dialog = page.getByRole('dialog', { name: '新增党小组' });
  await field(dialog, '党小组名称').fill('钻井一班党小组');
  await field(dialog, '组长').click();
  await field(dialog, '组长').fill('zl');
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('赵六（未分组）').click();
  await expectAccessible(page, 'group-dialog', '.ant-modal');
  await screenshot(page, 'group-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: '钻井一班党小组' });
  await expect(row).toContainText('赵六');
  await expect(row).toContainText('0 人');

  // Put the member into the group (through the api), then deleting the group is refused with the server's message.
  const groups = await host.call<{ id: string }[]>('groups.list');
  const member = await host.call<Record<string, unknown>>('members.get', { id: m.id });
  await host.call('members.update', {
    id: m.id,
    fields: { ...member, partyGroupId: groups[0]!.id },
  });
  await page.getByRole('menuitem', { name: '支部信息' }).click();
  await page.getByRole('menuitem', { name: '党小组' }).click();
  await expect(row).toContainText('1 人');
  await expectAccessible(page, 'groups');
  await screenshot(page, 'groups');
  await row.getByRole('button', { name: '删除钻井一班党小组' }).click();
  await page.getByRole('dialog').filter({ hasText: '删除党小组' }).getByRole('button', { name: '删除' }).click();
  const refusal = page.getByRole('dialog').filter({ hasText: '无法删除这个党小组' });
  await expect(refusal).toContainText('还有 1 名党员');
  await screenshot(page, 'groups-delete-refused');
  await refusal.getByRole('button', { name: '知道了' }).click();
  await expect(row).toBeVisible();

  // Edit the name.
  await row.getByRole('button', { name: '修改钻井一班党小组' }).click();
  const edit = page.getByRole('dialog', { name: /修改党小组/ });
  await field(edit, '党小组名称').fill('钻井一班');
  // Enter in a field does not save the dialog; Ctrl+Enter does.
  await field(edit, '党小组名称').press('Enter');
  await expect(edit).toBeVisible();
  await field(edit, '党小组名称').press('Control+Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '钻井一班' })).toContainText('1 人');

  // The roster can be filtered by the group and by 未分组.
  await page.getByRole('menuitem', { name: '党员名册' }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await page.getByRole('combobox', { name: '党小组' }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('未分组').click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 0 人');
});

test('branch profile: view and edit', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('menuitem', { name: '支部信息' }).click();
  await expect(page.getByRole('cell', { name: BRANCH.parentCommittee })).toBeVisible();
  await expect(page.getByRole('cell', { name: '王建国' })).toBeVisible();
  await expectAccessible(page, 'branch');
  await screenshot(page, 'branch');

  await page.getByRole('button', { name: '修改支部信息' }).click();
  await field(page, '地址').fill('河北省任丘市华北油田井场 3 号');
  await expectAccessible(page, 'branch-edit');
  await screenshot(page, 'branch-edit');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '河北省任丘市华北油田井场 3 号' })).toBeVisible();
  const branch = await host.call<{ address: string }>('branch.get');
  expect(branch.address).toBe('河北省任丘市华北油田井场 3 号');
});

test('system and data: info, diagnostics, demo data', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('menuitem', { name: '系统与数据' }).click();
  await expect(page.getByText('程序版本')).toBeVisible();
  await page.getByRole('button', { name: '导出诊断信息' }).click();
  await expect(page.getByTestId('diagnostics-path')).toContainText(host.dataDir);
  await expectAccessible(page, 'system');
  await screenshot(page, 'system');

  // Demo data: either it runs with a progress bar, or its error is shown clearly; never started twice.
  await page.getByLabel('党员人数').fill('300');
  await page.getByRole('button', { name: '生成示例数据' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '开始生成' }).click();
  const done = page.getByText(/^已完成：/);
  const failed = page.getByRole('alert').filter({ hasText: '生成示例数据失败' });
  await expect(done.or(failed)).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'system-demo');
  if (await done.isVisible()) {
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    // The roster is no longer empty: a second run is refused before it starts.
    await expect(page.getByRole('button', { name: '生成示例数据' })).toBeDisabled();
    await expect(page.getByRole('alert').filter({ hasText: '示例数据只能生成到空的名册中' })).toBeVisible();
    const r = await host.call<{ total: number }>('members.search', { status: 'all', branchId: 'all' });
    expect(r.total).toBeGreaterThanOrEqual(300);
  } else {
    await expect(page.getByRole('button', { name: '生成示例数据' })).toBeEnabled();
  }
});
