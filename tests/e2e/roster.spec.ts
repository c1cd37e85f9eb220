import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, fillRoster, guardPage, hostClient, openApp, screenshot, startHost, stopHost, test } from './fixtures';
import { closePopover, field, fillMember, memberForm, openPopover } from './form';

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
  // The restored member keeps the edit (岗位/职务 is not among the columns shown by default: see it in the detail).
  await page.locator('.roster-row').filter({ hasText: '张三' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '党员详情' })).toContainText('司钻');
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

/** For every header cell: its x and the x of the first row's cell below it (the virtual list's rows are divs). */
async function headerAndCellPositions(page: Page): Promise<{ header: string; headerX: number; cellX: number }[]> {
  return page.evaluate(() => {
    const headers = Array.from(document.querySelectorAll<HTMLElement>('.ant-table-header th')).filter((th) => !th.classList.contains('ant-table-cell-scrollbar'));
    const cells = Array.from(document.querySelectorAll<HTMLElement>('.roster-row')[0]!.querySelectorAll<HTMLElement>(':scope > .ant-table-cell'));
    return headers.map((th, i) => ({ header: th.textContent ?? '', headerX: Math.round(th.getBoundingClientRect().x), cellX: Math.round(cells[i]!.getBoundingClientRect().x) }));
  });
}

test('at 1366×768 the roster fills the window: a dozen rows, header over its columns when tabbing, chosen columns kept', async ({ page, host }) => {
  test.setTimeout(120_000);
  await fillRoster(host, 300);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toContainText('共 2');
  const body = page.locator('.ant-table-tbody-virtual-holder');
  await expect(page.locator('.roster-row').first()).toBeVisible();

  // At least 12 whole rows inside the table's visible body, and the page itself does not scroll.
  const visibleRows = await body.evaluate((holder) => {
    const box = holder.getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight);
    return Array.from(document.querySelectorAll('.roster-row')).filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top - 1 && b.bottom <= bottom + 1;
    }).length;
  });
  expect(visibleRows).toBeGreaterThanOrEqual(12);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);

  // 姓名, 人员类别 and 党小组 are inside the table's width without scrolling sideways; the row actions too.
  const table = await page.locator('.ant-table').boundingBox();
  for (const name of ['姓名', '人员类别', '党小组', '操作']) {
    const h = await page.getByRole('columnheader', { name, exact: true }).boundingBox();
    expect(h!.x, name).toBeGreaterThanOrEqual(table!.x);
    expect(h!.x + h!.width, name).toBeLessThanOrEqual(table!.x + table!.width + 1);
  }
  await expect(page.locator('.roster-row').first().getByRole('button', { name: /^修改/ })).toBeInViewport();
  await expectAccessible(page, 'roster-1366');
  await screenshot(page, 'roster-1366x768');

  // Every column shown (the table now scrolls sideways); Tab through every sortable header: each header stays over
  // its column, which is what the rows show too.
  const chooser = await openPopover(page, '显示列', '显示的列');
  await chooser.getByRole('button', { name: '全部显示' }).click();
  await expect(chooser.getByRole('checkbox', { name: '岗位/职务' })).toBeChecked();
  await expectAccessible(page, 'roster-column-chooser');
  await screenshot(page, 'roster-column-chooser');
  await closePopover(page, chooser);
  await expect(page.getByRole('columnheader', { name: '岗位/职务' })).toHaveCount(1);
  await expectAccessible(page, 'roster-all-columns');
  await screenshot(page, 'roster-1366x768-all-columns');

  const first = page.locator('.ant-table-header th').first();
  await first.focus();
  const visited: string[] = [];
  for (let i = 0; i < 20; i++) {
    const focused = await page.evaluate(() => document.activeElement?.closest('.ant-table-header th')?.textContent ?? null);
    if (focused === null) break;
    visited.push(focused);
    await expect.poll(async () => (await headerAndCellPositions(page)).filter((p) => p.headerX !== p.cellX), { message: `after focusing ${focused}` }).toEqual([]);
    await page.keyboard.press('Tab');
  }
  expect(visited).toEqual(['姓名', '人员类别', '党小组', '入党日期', '转正日期', '出生日期', '学历']);
  // The last sortable headers sit past the window's first width: the body had to scroll with them.
  expect(await body.evaluate((el) => el.closest('.ant-table')!.querySelector<HTMLElement>('.ant-table-header')!.scrollLeft)).toBeGreaterThan(0);

  // Hide 身份证号: it is gone, and stays gone after a reload (a restart).
  await openPopover(page, '显示列', '显示的列');
  await chooser.getByRole('checkbox', { name: '身份证号' }).uncheck();
  await closePopover(page, chooser);
  await expect(page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(0);
  // A restart comes after main has kept the choice (the page's request may still be on its way).
  await expect.poll(async () => JSON.stringify(await host.call('app.preferences', {}))).toContain('branch-desk-table-columns:roster');
  await page.reload();
  await expect(page.getByTestId('roster-count')).toContainText('共 2');
  await expect(page.getByRole('columnheader', { name: '岗位/职务' })).toHaveCount(1);
  await expect(page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(0);
  await openPopover(page, '显示列', '显示的列');
  await expect(chooser.getByRole('checkbox', { name: '身份证号' })).not.toBeChecked();
  await chooser.getByRole('button', { name: '恢复默认' }).click();
  await closePopover(page, chooser);
  await expect(page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(1);
  await expect(page.getByRole('columnheader', { name: '岗位/职务' })).toHaveCount(0);

  // 1920×1080: more rows, and no party group name is cut.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => body.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(700);
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.roster-row [title]')).filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.title),
  );
  expect(cut).toEqual([]);
  await expectAccessible(page, 'roster-1920');
  await screenshot(page, 'roster-1920x1080');
});

test('the columns chosen and the menu folded hold after a restart on another port (a new origin) and in a new browser profile', async ({ browser }) => {
  // Two hosts one after the other on the same data folder: each `npm start` gets a free port, so the page's origin
  // (and its localStorage) differs; main keeps the choice beside the database.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-e2e-'));
  const open = async () => {
    const { child, openUrl } = await startHost(dataDir);
    const host = hostClient(openUrl, dataDir);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const offsite: string[] = [];
    const errors: string[] = [];
    await guardPage(page, host, offsite, errors);
    const close = async () => {
      await context.close();
      await stopHost(child);
      expect(offsite).toEqual([]);
      expect(errors).toEqual([]);
    };
    return { host, page, close };
  };
  try {
    const first = await open();
    await createBranch(first.host);
    await addMember(first.host, { name: '张建国', gender: '男', birthDate: '1980-03-03', joinDate: '2005-07-01', fullDate: '2006-07-01' });
    await openApp(first.page, first.host);
    const chooser = await openPopover(first.page, '显示列', '显示的列');
    await chooser.getByRole('checkbox', { name: '身份证号' }).uncheck();
    await chooser.getByRole('checkbox', { name: '民族' }).check();
    await closePopover(first.page, chooser);
    await expect(first.page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(0);
    // Fold 系统 in the menu.
    await first.page.getByRole('menuitem', { name: '系统', exact: true }).click();
    await expect(first.page.getByRole('menuitem', { name: '支部信息' })).toBeHidden();
    await expect.poll(async () => (await first.host.call<Record<string, unknown>>('app.preferences'))['branch-desk-table-columns:roster']).toEqual(
      expect.arrayContaining(['idNumber']),
    );
    const firstOrigin = first.host.origin;
    await first.close();

    const second = await open();
    expect(second.host.origin).not.toBe(firstOrigin);
    await openApp(second.page, second.host);
    await expect(second.page.getByTestId('roster-count')).toContainText('共 1');
    await expect(second.page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(0);
    await expect(second.page.getByRole('columnheader', { name: '民族' })).toHaveCount(1);
    await expect(second.page.getByRole('menuitem', { name: '支部信息' })).toBeHidden();
    await second.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
