/**
 * 数据交接 across two databases: export 交给接任者 with a password from the UI of one, take the branch over in a
 * second (wrong password refused, then the right one), then settle a conflict when both changed one member.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test, type Host } from './fixtures';
import { field } from './form';
import { choosePackage, goTo, guardedPage, launchHost, packageFile, packageFolder } from './handover-hosts';

async function setPost(host: Host, id: string, post: string): Promise<void> {
  const m = await host.call<Record<string, unknown>>('members.get', { id });
  await host.call('members.update', { id, fields: { ...m, post } });
}

test('hand-over: export with a password, take over in a second database, settle a conflict', async ({ page, host }) => {
  test.setTimeout(120_000);
  const folder = packageFolder();
  // Database A: the branch with three members.
  await createBranch(host);
  const wang = await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-04-12', joinDate: '1995-07-01', fullDate: '1996-07-01', post: '队长' }, 1);
  await addMember(host, { name: '李红梅', gender: '女', birthDate: '1982-09-03', joinDate: '2008-07-01', fullDate: '2009-07-01' }, 2);
  await addMember(host, { name: '赵六', gender: '男', birthDate: '1990-01-20', joinDate: '2016-07-01', fullDate: '2017-07-01' }, 3);

  // ---- A: export through the screen, with a password.
  await openApp(page, host);
  await goTo(page, '数据交接');
  await expect(page.getByRole('tab', { name: '导出交接包' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('即使U盘丢失，别人也打不开')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('zb2026');
  await page.getByLabel('再输入一次密码').fill('zb2025');
  await page.getByLabel('交接人').fill('王建国');
  await page.getByRole('button', { name: '导出交接包' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('再输入一次密码').fill('zb2026');
  await page.getByLabel('选择部分数据').check();
  await expect(page.getByLabel('党员名册')).toBeChecked();
  await expectAccessible(page, 'handover-export');
  await screenshot(page, 'handover-export');
  await page.getByLabel('整个支部（全部数据）').check();
  // For the successor: the package carries the branch's key, so A knows B's later packages.
  await page.getByLabel('交给接任者（移交本支部）').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出交接包' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/交接包-\d{4}-\d{2}-\d{2}\.zbk$/);
  const fromA = path.join(folder.dir, download.suggestedFilename());
  await download.saveAs(fromA);
  expect(fs.statSync(fromA).size).toBeGreaterThan(200);
  await expect(page.getByRole('status').filter({ hasText: '交接包已生成' })).toContainText('共');
  await screenshot(page, 'handover-export-done');

  // ---- B: an empty database; the successor takes the branch over at first start.
  const b = await launchHost();
  try {
    const pb = await guardedPage(page, b);
    await pb.page.goto(b.openUrl);
    await expect(pb.page.getByRole('heading', { name: '建立支部' })).toBeVisible();
    await expect(pb.page.getByRole('heading', { name: '已有交接包？' })).toBeVisible();
    await expectAccessible(pb.page, 'first-start-handover');
    await screenshot(pb.page, 'first-start-handover');
    await pb.page.getByRole('button', { name: '从交接包导入' }).click();
    await choosePackage(pb.page, fromA);

    // No password yet, then a wrong one: refused with the server's message, the field keeps the focus.
    const pw = pb.page.getByRole('textbox', { name: '交接包密码' });
    await expect(pw).toBeVisible();
    await expect(pw).toBeFocused();
    await pw.fill('wrong-1');
    await pb.page.getByRole('button', { name: '打开交接包' }).click();
    const refusal = pb.page.getByRole('alert').filter({ hasText: '密码不正确' });
    await expect(refusal).toBeVisible();
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await expectAccessible(pb.page, 'handover-wrong-password');
    await screenshot(pb.page, 'handover-wrong-password');
    expect((await b.call<{ hasBranch: boolean }>('app.info')).hasBranch).toBe(false);

    // The right password: the preview names the package and counts what is new.
    await pw.fill('zb2026');
    await pb.page.getByRole('button', { name: '打开交接包' }).click();
    const identity = pb.page.getByRole('group', { name: '交接包信息' }).or(pb.page.locator('.ant-descriptions'));
    await expect(identity.first()).toContainText('中共渤海钻探第一钻井队支部委员会');
    await expect(identity.first()).toContainText('王建国');
    await expect(pb.page.getByText('导入后，本机就是')).toBeVisible();
    await expect(pb.page.getByTestId('not-encrypted')).toHaveCount(0); // encrypted: no warning
    const memberCounts = pb.page.getByRole('table', { name: '各类数据的变化' }).getByRole('row').filter({ hasText: '党员' }).first();
    await expect(memberCounts).toContainText('3');
    await expectAccessible(pb.page, 'handover-preview');
    await screenshot(pb.page, 'handover-preview');
    await pb.page.getByRole('button', { name: '确认导入' }).click();

    // B is now the branch's workbench with its three members.
    await expect(pb.page.getByRole('banner').getByRole('heading', { name: '中共渤海钻探第一钻井队支部委员会' })).toBeVisible();
    await goTo(pb.page, '党员名册');
    await expect(pb.page.getByTestId('roster-count')).toHaveText('共 3 人');

    // ---- Both databases change 王建国's post; B's package comes back to A.
    await setPost(host, wang.id, '党支部书记兼队长');
    await setPost(b, wang.id, '平台经理');
    const fromB = await b.call<{ fileName: string; data: string }>('handover.export', { createdBy: '李红梅' });
    const fileB = packageFile(folder.dir, fromB, 'from-b.zbk');
    expect(pb.offsite).toEqual([]);
    expect(pb.errors).toEqual([]);
    await pb.page.close();

    await goTo(page, '数据交接');
    await page.getByRole('tab', { name: '导入交接包' }).click();
    await choosePackage(page, fileB);
    await expect(page.getByRole('heading', { name: /需要您选择的冲突（1 处）/ })).toBeVisible();
    // The focus lands on the preview, for keyboard and screen-reader users.
    await expect(page.getByRole('heading', { name: '交接包信息' })).toBeFocused();
    const card = page.getByRole('region', { name: /王建国/ });
    await expect(card.getByRole('row').filter({ hasText: '岗位/职务' })).toContainText('党支部书记兼队长');
    await expect(card.getByRole('row').filter({ hasText: '岗位/职务' })).toContainText('平台经理');
    const importButton = page.getByRole('button', { name: '确认导入' });
    await expect(importButton).toBeDisabled();
    await expect(page.getByText('还有 1 处冲突没有选择')).toBeVisible();
    await expectAccessible(page, 'handover-conflict');
    await screenshot(page, 'handover-conflict');

    await card.locator('label').filter({ hasText: '采用交接包' }).click();
    await expect(card.getByRole('radio', { name: '采用交接包' })).toBeChecked();
    await expect(card).toContainText('已选择采用交接包');
    await expect(importButton).toBeEnabled();
    await screenshot(page, 'handover-conflict-chosen');
    await importButton.click();
    await expect(page.getByRole('heading', { name: '交接包已导入' })).toBeFocused();
    await expect(page.getByTestId('import-backup')).toContainText('导入前已自动备份当前数据');
    await expectAccessible(page, 'handover-imported');
    await screenshot(page, 'handover-imported');

    // The record: two exports and one import on A.
    await page.getByRole('tab', { name: '交接记录' }).click();
    const log = page.getByRole('table', { name: '交接记录' });
    await expect(log.getByRole('row').filter({ hasText: '导入' })).toHaveCount(1);
    await expect(log.getByRole('row').filter({ hasText: '导出' })).toHaveCount(1);
    await expectAccessible(page, 'handover-history');
    await screenshot(page, 'handover-history');

    // The roster and the member's detail show the package's version; the backup made before is listed.
    await goTo(page, '党员名册');
    // 岗位/职务 is not among the roster's default columns: the detail shows it.
    await page.locator('.roster-row').filter({ hasText: '王建国' }).click();
    const detail = page.getByRole('dialog').filter({ hasText: '党员详情' });
    await expect(detail).toContainText('平台经理');
    await page.keyboard.press('Escape');
    await goTo(page, '备份与恢复');
    await expect(page.getByRole('row').filter({ hasText: '导入前自动备份' })).toHaveCount(1);
  } finally {
    await b.stop();
    folder.remove();
  }
});

test('hand-over: a file that is not a package is refused with a Chinese message', async ({ page, host }) => {
  await createBranch(host);
  await openApp(page, host);
  await goTo(page, '数据交接');
  await page.getByRole('tab', { name: '导入交接包' }).click();
  const folder = packageFolder();
  const file = path.join(folder.dir, '名单.zbk');
  fs.writeFileSync(file, '姓名,身份证号\n张三,110105194912310021\n');
  await choosePackage(page, file);
  folder.remove();
  const alert = page.getByRole('alert').filter({ hasText: '无法导入这个文件' });
  await expect(alert).toBeVisible();
  expect((await alert.textContent())!.replace('无法导入这个文件', '')).toMatch(/[\u4e00-\u9fff]/);
  await expectAccessible(page, 'handover-refused');
  await screenshot(page, 'handover-refused');
  await expect(field(page, '交接包密码')).toHaveCount(0);
});
