/** A database that fails its check at start-up is not opened; the app offers the newest good backup and restores it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BRANCH, expect, expectAccessible, screenshot, test } from './fixtures';
import { guardedPage, launchHost } from './handover-hosts';

test('a damaged database: recovery screen, restore the newest good backup, back to work', async ({ page }) => {
  // A database with one member and a backup of it, made by a first host.
  const first = await launchHost();
  await first.call('branch.save', BRANCH);
  await first.call('members.create', {
    name: '张三', gender: '女', ethnicity: '汉族', idNumber: '11010519491231002X', birthDate: '1949-12-31',
    education: '21', category: '正式党员', joinDate: '1975-07-01', fullDate: '1976-07-01',
  });
  const backup = await first.call<{ name: string; path: string }>('backup.create');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-e2e-damaged-'));
  fs.mkdirSync(path.join(dataDir, 'backups'));
  fs.copyFileSync(backup.path, path.join(dataDir, 'backups', backup.name));
  await first.stop();

  // The data file itself is damaged: a copy of the backup with two pages overwritten.
  const bytes = fs.readFileSync(path.join(dataDir, 'backups', backup.name));
  bytes.fill(0x42, 4096 * 2, 4096 * 4);
  fs.writeFileSync(path.join(dataDir, 'branch-desk.sqlite'), bytes);

  const host = await launchHost(dataDir);
  const guarded = await guardedPage(page, host);
  try {
    page = guarded.page;
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { name: '数据文件已损坏，为保护数据没有打开' })).toBeVisible();
    await expect(page.getByText('建议用最新的完好备份')).toBeVisible();
    await expect(page.getByRole('cell', { name: '完好' })).toBeVisible();
    await expectAccessible(page, 'recovery');
    await screenshot(page, 'recovery');
    // Nothing else is answered while the data is damaged.
    expect((await host.raw('members.search', {})).error?.code).toBe('E_DB_CORRUPT');

    await page.getByRole('button', { name: '用最新的完好备份恢复' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
    // The damaged file was kept aside, not deleted.
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('branch-desk.sqlite.damaged-'))).toBe(true);
    expect(guarded.offsite).toEqual([]);
    expect(guarded.errors).toEqual([]);
  } finally {
    await host.stop();
  }
});
