/** 字典管理: a post is added (a duplicate refused at its field), moved up by mouse and keyboard, retired, and leaves the pick list. */
import { createBranch, expect, expectAccessible, openApp, screenshot, test, type Host } from './fixtures';
import { field } from './form';
import type { Page } from '@playwright/test';

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

const postOptions = (host: Host) => host.call<string[]>('codeLists.options', { kind: 'posts' });

async function rowLabels(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: '岗位' }).locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
}

test('the screen adds a post, reorders it, retires it, and the post leaves codeLists.options', async ({ page, host }) => {
  test.slow(); // two accessibility scans and two viewport screenshots
  await openApp(page, host, '字典管理');
  await expect(page.getByRole('heading', { name: '字典管理', level: 2 })).toBeVisible();
  await expect(page.getByRole('tab', { name: '岗位（17）' })).toHaveAttribute('aria-selected', 'true');
  expect((await rowLabels(page)).slice(0, 3)).toEqual(['队长', '党支部书记', '指导员']);
  await expectAccessible(page, 'codeLists');

  // A name already in the list (with a full-width space around it) is refused at the field, before anything is sent.
  await page.getByRole('button', { name: '新增岗位' }).click();
  const form = page.getByRole('form', { name: '新增岗位' });
  const name = field(form, '岗位名称');
  await expect(name).toBeFocused();
  await name.fill('　司钻 ');
  await name.press('Control+Enter');
  await expect(form.locator('.ant-form-item-explain-error')).toHaveText('岗位中已有“司钻”');
  await expectAccessible(page, 'codeLists-dialog', '.ant-modal');
  await screenshot(page, 'codeLists-dialog');
  await name.fill('录井工');
  // Enter in a field does not save the dialog; Ctrl+Enter does, as its save button says.
  await name.press('Enter');
  await expect(form).toBeVisible();
  await expect(page.locator('.ant-modal').getByText('Ctrl+Enter 保存')).toBeVisible();
  await name.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('tab', { name: '岗位（18）' })).toBeVisible();
  expect((await rowLabels(page)).at(-1)).toBe('录井工');
  expect((await postOptions(host)).at(-1)).toBe('录井工');

  // 上移 by mouse, then again by keyboard: the focus stays on the moved post's button.
  await page.getByRole('button', { name: '上移录井工' }).click();
  await expect(page.getByRole('button', { name: '上移录井工' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => rowLabels(page).then((l) => l.slice(-3))).toEqual(['录井工', '材料员', '炊事员']);
  expect((await postOptions(host)).slice(-3)).toEqual(['录井工', '材料员', '炊事员']);

  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'codeLists-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'codeLists-1920x1080');

  await page.getByRole('button', { name: '停用录井工' }).click();
  const row = page.getByRole('row', { name: /录井工/ });
  await expect(row.getByText('停用', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '启用录井工' })).toBeVisible();
  const options = await postOptions(host);
  expect(options).not.toContain('录井工');
  expect(options).toHaveLength(17);
  // The retired post is still listed, in its place.
  expect((await rowLabels(page)).slice(-3)).toEqual(['录井工', '材料员', '炊事员']);

  // The other lists are a tab away.
  await page.getByRole('tab', { name: /^缺席原因/ }).click();
  await expect(page.getByRole('table', { name: '缺席原因' }).getByText('外出培训')).toBeVisible();
});
