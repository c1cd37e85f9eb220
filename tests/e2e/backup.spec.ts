/** 备份与恢复: make a backup, check it, change something, restore it, and see the old state back (the restore itself undoable). */
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { goTo } from './handover-hosts';

test('backup: make, check, change, restore, see it back', async ({ page, host }) => {
  await createBranch(host);
  const li = await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  await openApp(page, host);
  await goTo(page, '备份与恢复');

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已备份当前数据' })).toBeVisible();
  const manual = page.getByRole('row').filter({ hasText: '手动备份' });
  await expect(manual).toHaveCount(1);
  await manual.getByRole('button', { name: /^检查/ }).click();
  await expect(manual).toContainText('完好');
  await expectAccessible(page, 'backup');
  await screenshot(page, 'backup');

  // Change something: 李四 goes to the recycle bin, 王五 is added.
  await host.call('members.delete', { id: li.id });
  await addMember(host, { name: '王五', gender: '男', birthDate: '1995-05-20', joinDate: '2025-12-01' }, 8);
  await goTo(page, '党员名册');
  await expect(page.locator('.roster-row')).toHaveCount(1);
  await expect(page.locator('.roster-row')).toContainText('王五');

  // Restore the manual backup: the dialog says the current data is backed up first.
  await goTo(page, '备份与恢复');
  await manual.getByRole('button', { name: /^恢复/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '恢复到' });
  await expect(confirm).toContainText('先把现在的数据自动备份一份');
  // Checked once the dialog has finished fading in (colours are measured mid-animation otherwise).
  await expect(page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]')).toHaveCount(0);
  await expectAccessible(page, 'backup-restore-confirm', '.ant-modal');
  await screenshot(page, 'backup-restore-confirm');
  await confirm.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已恢复到' })).toContainText('恢复前自动备份');
  await expect(page.getByRole('row').filter({ hasText: '恢复前自动备份' })).toHaveCount(1);
  await screenshot(page, 'backup-restored');

  // The app shows the restored state at once.
  await goTo(page, '党员名册');
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.locator('.roster-row')).toContainText('李四');
  const r = await host.call<{ rows: { name: string }[] }>('members.search', { status: 'all' });
  expect(r.rows.map((m) => m.name)).toEqual(['李四']);
});
