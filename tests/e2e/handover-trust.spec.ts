/**
 * 数据交接, the package trust model on screen: the first package from a branch shows its key's
 * fingerprint and pins it; a package of that branch signed by another key (a successor who took
 * the branch over from a plain package) is imported only after the new key is accepted, which is logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { choosePackage, goTo, launchHost, packageFile, packageFolder } from './handover-hosts';

const FIFTH = '中共渤海钻探第五钻井队支部委员会';

test('hand-over: the key fingerprint is shown, a changed key is imported only when accepted', async ({ page, host }) => {
  test.setTimeout(120_000);
  const folder = packageFolder();
  await createBranch(host); // the committee's own branch
  const branch = await launchHost();
  const successor = await launchHost();
  try {
    await branch.call('branch.save', { name: FIFTH });
    await addMember(branch, { name: '孙立新', gender: '男', birthDate: '1979-05-06', joinDate: '2004-07-01', fullDate: '2005-07-01' }, 1);
    const first = await branch.call<{ fileName: string; data: string }>('handover.export', { createdBy: '支部书记' });

    await openApp(page, host);
    await goTo(page, '数据交接');
    await page.getByRole('tab', { name: '导入交接包' }).click();
    await choosePackage(page, packageFile(folder.dir, first, 'first.zbk'));
    const fingerprint = page.getByTestId('package-fingerprint');
    await expect(fingerprint).toHaveText(/^密钥指纹 [0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    const pinned = (await fingerprint.textContent())!.replace('密钥指纹 ', '');
    await expect(page.getByText(`首次收到“${FIFTH}”的交接包`)).toBeVisible();
    await expectAccessible(page, 'handover-preview-new-key');
    await screenshot(page, 'handover-preview-new-key');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByRole('heading', { name: '交接包已导入' })).toBeFocused();

    // A successor takes the branch over from a plain package: it signs with a key of its own.
    const staged = await successor.call<{ stagingId: string }>('handover.preview', { data: first.data, fileName: first.fileName });
    await successor.call('handover.import', { stagingId: staged.stagingId });
    const second = await successor.call<{ fileName: string; data: string }>('handover.export', { createdBy: '继任书记' });

    await page.getByRole('button', { name: '导入另一个交接包' }).click();
    await choosePackage(page, packageFile(folder.dir, second, 'second.zbk'));
    await expect(page.getByText('签名密钥变了', { exact: true })).toBeVisible();
    await expect(page.getByText(`原指纹 ${pinned}`)).toBeVisible();
    const importButton = page.getByRole('button', { name: '确认导入' });
    await expect(importButton).toBeDisabled();
    await expect(page.getByText('核对新指纹并勾选接受后才能导入')).toBeVisible();
    await expectAccessible(page, 'handover-preview-changed-key');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'handover-preview-changed-key-1366x768');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'handover-preview-changed-key-1920x1080');

    await page.getByTestId('accept-new-key').click();
    await expect(importButton).toBeEnabled();
    await importButton.click();
    await expect(page.getByRole('heading', { name: '交接包已导入' })).toBeFocused();
    const log = fs.readFileSync(path.join(host.dataDir, 'logs', 'branch-desk.log'), 'utf8');
    expect(log).toMatch(new RegExp(`key accepted-new-key \\(fingerprint [0-9A-F ]+, before ${pinned}\\)`));
  } finally {
    await branch.stop();
    await successor.stop();
    folder.remove();
  }
});
