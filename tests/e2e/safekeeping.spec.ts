/**
 * Keeping the data safe, at 1366×768 (an old laptop): a hand-over package without a password is asked about first
 * and the history says what each package was; a backup is saved to a chosen place (a download in the browser) and
 * restored from that file; 系统与数据 keeps its paths folded away and demo data away from a real roster.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { goTo, packageFolder } from './handover-hosts';

test.use({ viewport: { width: 1366, height: 768 } });

/** Screenshots at both window sizes the app must serve, back at 1366×768 afterwards. */
async function screenshotBoth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `${name}-1920`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-1366`);
}

interface LogEntry {
  fileName: string;
  encrypted: boolean | null;
  createdBy: string;
  periodFrom: string | null;
  periodTo: string | null;
  totalRows: number;
}

test('hand-over: exporting without a password asks first; the history shows file name, encryption, who, period and rows', async ({ page, host }) => {
  await createBranch(host);
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-04-12', joinDate: '1995-07-01', fullDate: '1996-07-01' }, 1);
  await addMember(host, { name: '李红梅', gender: '女', birthDate: '1982-09-03', joinDate: '2008-07-01', fullDate: '2009-07-01' }, 2);
  await openApp(page, host);
  await goTo(page, '数据交接');
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  // No password: a question naming the risk, and nothing written until it is answered.
  await page.getByLabel('交接人').fill('王建国');
  await page.getByRole('button', { name: '导出交接包' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '不设密码导出交接包？' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('U盘可能丢失');
  await expect(ask).toContainText('身份证号');
  await expect(page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]')).toHaveCount(0);
  await expectAccessible(page, 'handover-no-password', '.ant-modal');
  await screenshotBoth(page, 'handover-no-password');
  expect(await host.call<LogEntry[]>('handover.history')).toEqual([]);

  // 设置密码 goes back to the password field; still nothing exported.
  await ask.getByRole('button', { name: '设置密码' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByLabel('密码', { exact: true })).toBeFocused();
  expect(await host.call<LogEntry[]>('handover.history')).toEqual([]);
  expect(downloads).toEqual([]);

  // Asked again on the next try, and only then exported without a password.
  await page.getByRole('button', { name: '导出交接包' }).click();
  await expect(ask).toBeVisible();
  // A click while the dialog zooms in can be lost (CI saw it): wait until it has settled.
  await expect(page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await ask.getByRole('button', { name: '仍然不加密导出' }).click();
  const plainName = (await downloading).suggestedFilename();
  expect(plainName).toMatch(/交接包-\d{4}-\d{2}-\d{2}\.zbk$/);
  await expect(page.getByRole('status').filter({ hasText: '交接包已生成' })).toBeVisible();

  // A second package, with a password and a period (through the contract: the form's fields are tested above and in handover.spec).
  await host.call('handover.export', { password: 'zb2026', createdBy: '李红梅', from: '2026-01-01', to: '2026-06-30' });

  await page.getByRole('tab', { name: '交接记录' }).click();
  const log = page.getByRole('table', { name: '交接记录' });
  const rows = log.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  const [encrypted, plain] = await host.call<LogEntry[]>('handover.history');
  expect(plain).toMatchObject({ fileName: plainName, encrypted: false, createdBy: '王建国', periodFrom: null, periodTo: null });
  expect(encrypted).toMatchObject({ encrypted: true, createdBy: '李红梅', periodFrom: '2026-01-01', periodTo: '2026-06-30' });
  expect(plain!.totalRows).toBeGreaterThanOrEqual(2); // the branch and its two members at least

  // Newest first: each row says its file, whether it was encrypted, who, the period and the rows.
  await expect(rows.nth(0)).toContainText(encrypted!.fileName);
  await expect(rows.nth(0)).toContainText('已加密');
  await expect(rows.nth(0)).toContainText('李红梅');
  await expect(rows.nth(0)).toContainText('2026-01-01 至 2026-06-30');
  await expect(rows.nth(0)).toContainText(`${encrypted!.totalRows} 条`);
  await expect(rows.nth(1)).toContainText(plainName);
  await expect(rows.nth(1)).toContainText('未加密');
  await expect(rows.nth(1)).toContainText('王建国');
  await expect(rows.nth(1)).toContainText('全部');
  await expect(rows.nth(1)).toContainText(`${plain!.totalRows} 条`);
  // The row counts per table are a focusable tooltip, read out with the table names.
  await expect(rows.nth(1).getByLabel(/^共 \d+ 条：.*党员/)).toBeVisible();
  // The table fits the 1366 window: no sideways scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'handover-history-details');
  await screenshotBoth(page, 'handover-history-details');
});

test('backup: saved to a chosen place and restored from that file, a file that is not a backup refused by name', async ({ page, host }) => {
  await createBranch(host);
  const li = await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  await openApp(page, host);
  await goTo(page, '备份与恢复');
  const folder = packageFolder();
  try {
    // The backup folder is shown, to copy.
    await expect(page.getByTestId('backup-folder')).toContainText(path.join(host.dataDir, 'backups'));
    await page.getByRole('button', { name: '立即备份' }).click();
    const manual = page.getByRole('row').filter({ hasText: '手动备份' });
    await expect(manual).toHaveCount(1);

    // 保存到…: in the browser the chosen place is a download (Electron asks where, e.g. a USB stick).
    const downloading = page.waitForEvent('download');
    await manual.getByRole('button', { name: /保存到…$/ }).click();
    const download = await downloading;
    const onStick = path.join(folder.dir, download.suggestedFilename());
    await download.saveAs(onStick);
    await expect(page.getByRole('status').filter({ hasText: '已保存备份文件' })).toContainText(download.suggestedFilename());
    expect(fs.readFileSync(onStick).subarray(0, 15).toString()).toBe('SQLite format 3');
    await expectAccessible(page, 'backup-saved');
    await screenshotBoth(page, 'backup-saved');

    // The computer's own backups are lost; the roster changed since (李四 deleted, 王五 added).
    for (const f of fs.readdirSync(path.join(host.dataDir, 'backups'))) fs.rmSync(path.join(host.dataDir, 'backups', f));
    await host.call('members.delete', { id: li.id });
    await addMember(host, { name: '王五', gender: '男', birthDate: '1995-05-20', joinDate: '2025-12-01' }, 8);

    // A file that is not a backup is refused, naming it; nothing changes.
    const notBackup = path.join(folder.dir, '名单.txt');
    fs.writeFileSync(notBackup, '姓名,身份证号\n张三,110105194912310021\n');
    await page.getByTestId('backup-file').setInputFiles(notBackup);
    await page.getByRole('dialog').filter({ hasText: '名单.txt' }).getByRole('button', { name: '恢复' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '恢复失败' })).toContainText('“名单.txt”不是支部工作台的备份文件');
    expect((await host.call<{ rows: { name: string }[] }>('members.search', { status: 'all' })).rows.map((m) => m.name)).toEqual(['王五']);

    // 从备份文件恢复… with the saved file: the data comes back, and the state before is backed up first.
    await page.getByRole('button', { name: '从备份文件恢复…' }).click();
    await page.getByTestId('backup-file').setInputFiles(onStick);
    const confirm = page.getByRole('dialog').filter({ hasText: `用备份文件“${download.suggestedFilename()}”恢复？` });
    await expect(confirm).toContainText('先把现在的数据自动备份一份');
    await confirm.getByRole('button', { name: '恢复' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已用备份文件' })).toContainText('恢复前自动备份');
    await expect(page.getByRole('row').filter({ hasText: '恢复前自动备份' })).toHaveCount(1);
    await screenshotBoth(page, 'backup-restored-from-file');

    await goTo(page, '党员名册');
    await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
    await expect(page.locator('.roster-row')).toContainText('李四');
    const r = await host.call<{ rows: { name: string }[] }>('members.search', { status: 'all' });
    expect(r.rows.map((m) => m.name)).toEqual(['李四']);
  } finally {
    folder.remove();
  }
});

test('system and data: no raw paths up front; demo data open beside an empty roster, behind the switch and refused beside members', async ({ page, host }) => {
  await createBranch(host);
  await openApp(page, host);
  await goTo(page, '系统与数据');
  const info = await host.call<{ databasePath: string }>('app.info');

  // Paths are not shown up front: 打开数据文件夹 shows the folder (the browser cannot open it), 详细信息 the files.
  await expect(page.getByText('程序版本')).toBeVisible();
  await expect(page.getByText(host.dataDir)).toHaveCount(0);
  await page.getByRole('button', { name: '打开数据文件夹' }).click();
  await expect(page.getByTestId('data-folder')).toHaveText(host.dataDir);
  await page.getByRole('button', { name: /详细信息/ }).click();
  await expect(page.getByText(info.databasePath)).toBeVisible();

  // An empty roster: the demo card is open at once.
  const demoSwitch = page.getByRole('switch', { name: '显示“生成示例数据”' });
  await expect(demoSwitch).toBeChecked();
  await expect(page.getByRole('button', { name: '生成示例数据' })).toBeEnabled();
  await expect(page.getByLabel('党员人数')).toBeVisible();
  await expectAccessible(page, 'system-empty-roster');
  await screenshotBoth(page, 'system-empty-roster');

  // With a member in the roster: demo data is behind the switch, and when it is turned on it is refused with a warning.
  await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  await goTo(page, '党员名册');
  await goTo(page, '系统与数据');
  await expect(page.getByText('程序版本')).toBeVisible();
  await expect(demoSwitch).not.toBeChecked();
  await expect(page.getByRole('button', { name: '生成示例数据' })).toHaveCount(0);
  await expect(page.getByText(host.dataDir)).toHaveCount(0);
  await expectAccessible(page, 'system');
  await screenshotBoth(page, 'system');

  await demoSwitch.click();
  await expect(page.getByRole('alert').filter({ hasText: '名册中已有 1 名党员' })).toContainText('示例数据只能生成到空的名册中');
  await expect(page.getByRole('button', { name: '生成示例数据' })).toBeDisabled();
  await expect(page.getByLabel('党员人数')).toBeDisabled();
  await expectAccessible(page, 'system-demo-refused');
  await screenshotBoth(page, 'system-demo-refused');
  expect((await host.call<{ total: number }>('members.search', { status: 'all' })).total).toBe(1);
});
