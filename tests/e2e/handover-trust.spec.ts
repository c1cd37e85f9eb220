/**
 * 数据交接, the package trust model on screen: the first package from a branch shows its key's
 * fingerprint and pins it; a package of that branch signed by another key (a successor who took
 * the branch over from an ordinary package) is imported only after the new key is accepted, which is logged;
 * 交给接任者 exports the branch's key behind a required password, and the successor's preview says it takes it over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { choosePackage, goTo, guardedPage, launchHost, packageFile, packageFolder } from './handover-hosts';

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

test('hand-over: 交给接任者 explains the key, requires a password, and the successor’s preview says it takes the key over', async ({ page, host }) => {
  test.setTimeout(120_000);
  const folder = packageFolder();
  await createBranch(host);
  await addMember(host, { name: '孙立新', gender: '男', birthDate: '1979-05-06', joinDate: '2004-07-01', fullDate: '2005-07-01' }, 1);
  const successor = await launchHost();
  try {
    await openApp(page, host);
    await goTo(page, '数据交接');
    await expect(page.getByText('交接包将带上本支部的签名密钥')).toHaveCount(0);
    await page.getByLabel('交给接任者（移交本支部）').check();
    await expect(page.getByRole('note').filter({ hasText: '交接包将带上本支部的签名密钥' })).toContainText('必须设置密码');
    await page.getByRole('button', { name: '导出交接包' }).click();
    await expect(page.getByText('交给接任者时必须设置密码')).toBeVisible();
    await expect(page.getByLabel('密码', { exact: true })).toBeFocused();
    await expect(page.getByRole('dialog')).toHaveCount(0); // no “export without a password?” question: it is not allowed
    await expectAccessible(page, 'handover-export-successor');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'handover-export-successor-1366x768');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'handover-export-successor-1920x1080');

    await page.getByLabel('密码', { exact: true }).fill('jj2026');
    await page.getByLabel('再输入一次密码').fill('jj2026');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出交接包' }).click();
    const file = path.join(folder.dir, 'successor.zbk');
    await (await downloading).saveAs(file);
    await expect(page.getByRole('status').filter({ hasText: '交接包已生成' })).toContainText('请只交给接任的书记本人');

    const ps = await guardedPage(page, successor);
    await ps.page.goto(successor.openUrl);
    await ps.page.getByRole('button', { name: '从交接包导入' }).click();
    await choosePackage(ps.page, file);
    await ps.page.getByRole('textbox', { name: '交接包密码' }).fill('jj2026');
    await ps.page.getByRole('button', { name: '打开交接包' }).click();
    await expect(ps.page.getByText('接管支部的签名密钥', { exact: true })).toBeVisible();
    await expect(ps.page.getByText(/带有该支部的签名密钥：本机将接管这个密钥/)).toBeVisible();
    await expectAccessible(ps.page, 'handover-preview-successor');
    await ps.page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(ps.page, 'handover-preview-successor-1366x768');
    await ps.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(ps.page, 'handover-preview-successor-1920x1080');
    await ps.page.getByRole('button', { name: '确认导入' }).click();
    await expect(ps.page.getByRole('banner').getByRole('heading', { name: /支部委员会/ })).toBeVisible();
    // The successor now signs as the branch: its packages carry the predecessor's key.
    const mine = await host.call<{ manifest: { signer: { publicKey: string } } }>('handover.export', { password: 'jj2026' });
    const theirs = await successor.call<{ manifest: { signer: { publicKey: string } } }>('handover.export', { password: 'jj2026' });
    expect(theirs.manifest.signer.publicKey).toBe(mine.manifest.signer.publicKey);
    expect(ps.offsite).toEqual([]);
    expect(ps.errors).toEqual([]);
    await ps.page.close();
  } finally {
    await successor.stop();
    folder.remove();
  }
});
