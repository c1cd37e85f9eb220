/**
 * 民主评议党员: a campaign made on 评议活动, three sheets entered with the keyboard alone, one corrected and one marked
 * spoilt with the tally following, a final grade set against the proposal (a reason is asked for) and the 优秀 limit
 * refused; with double entry, a sheet entered a second time with one cell different is listed in 差异. Every tab is
 * checked with axe and photographed at 1366×768 and 1920×1080 on a seeded branch of 200 members. The printed
 * documents open in the print preview: the ballots numbered from 001, 公示 refused while grades are undecided, and
 * the results exported to Word.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addMember, createBranch, expect, expectAccessible, fillRoster, openApp, screenshot, SCREENSHOT_DIR, test, type Host } from './fixtures';
import { addDays, localToday } from '../../shared/domain/dates';
import { chooseOption, errorAt, field, typeDate } from './form';

const YEAR = new Date().getFullYear();
const GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;

test.setTimeout(240_000);

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

async function seedMembers(host: Host): Promise<void> {
  const members = [
    { name: '王建国', serial: 11, fullDate: '2001-07-01' },
    { name: '李红梅', serial: 12, fullDate: '2001-07-01' },
    { name: '张志强', serial: 13, fullDate: '2001-07-01' },
    { name: '赵小燕', serial: 14, fullDate: null }, // 预备党员: takes part, not graded
  ];
  for (const [i, m] of members.entries()) {
    await addMember(host, { name: m.name, gender: i === 1 || i === 3 ? '女' : '男', birthDate: `197${i}-04-10`, joinDate: i === 3 ? `${YEAR}-03-01` : '2000-07-01', fullDate: m.fullDate }, m.serial);
  }
}

async function openAppraisal(page: Page, host: Host): Promise<void> {
  await openApp(page, host, '首页');
  await page.getByRole('menuitem', { name: '民主评议党员', exact: true }).click();
  await expect(page.getByRole('heading', { name: '民主评议党员', level: 2 })).toBeVisible();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

const serialBox = (page: Page) => page.getByLabel('编号', { exact: true });
const radio = (page: Page, member: string, grade: string) => page.getByRole('radio', { name: `${member} ${grade}`, exact: true });

/** Types a serial into the (focused) serial box and opens it: the focus lands on the sheet's first row. */
async function openSerial(page: Page, serial: string): Promise<void> {
  await expect(serialBox(page)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(serial);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `编号 ${serial.padStart(3, '0')}`, level: 3 })).toBeVisible();
  await expect(page.locator('tr[data-row="0"] input').first()).toBeFocused({ timeout: 10_000 }).catch(async () => {
    // The checked grade of the first row has the focus when the sheet was entered before.
    await expect(page.locator('tr[data-row="0"] input:checked')).toBeFocused();
  });
}

/** Digits for the rows in order, then Enter: the sheet is saved and the serial box is ready for the next one. */
async function typeSheet(page: Page, serial: string, digits: string): Promise<void> {
  await openSerial(page, serial);
  await page.keyboard.type(digits);
  await page.keyboard.press('Enter');
  await expect(page.getByText(new RegExp(`编号 ${serial.padStart(3, '0')} 已(录入|更正)`))).toBeVisible();
  await expect(serialBox(page)).toBeFocused();
}

/** The counts in a member's row of 统计与评定: 党员票 优秀 合格 基本合格 不合格. */
async function expectCounts(row: Locator, counts: number[]): Promise<void> {
  const cells = row.getByRole('cell');
  for (const [i, n] of counts.entries()) await expect(cells.nth(2 + i)).toHaveText(String(n));
}

test('sheets entered with the keyboard, one corrected and one spoilt: the tally follows; a grade against the proposal asks for a reason', async ({ page, host }) => {
  await seedMembers(host);
  await openAppraisal(page, host);

  // 评议活动: the campaign of the year, 3 党员 sheets and 1 群众 sheet issued.
  await expect(page.getByText(`${YEAR} 年还没有建立民主评议`)).toBeVisible();
  await field(page, '发放党员测评表（张）').fill('3');
  await field(page, '发放群众测评表（张）').fill('1');
  await page.getByRole('button', { name: `建立 ${YEAR} 年民主评议` }).click();
  await expect(page.getByTestId('appraisal-members-summary')).toContainText('评定等次 3 人；预备党员 1 人参加评议、不评定等次');

  // 录入测评表, keyboard only from here: the serial box has the focus. The rows are in name order: 李红梅, 王建国, 张志强.
  await openTab(page, '录入测评表');
  await expect(page.getByRole('radio', { name: /赵小燕/ })).toHaveCount(0);
  await typeSheet(page, '1', '112');
  await expect(radio(page, '王建国', '优秀')).not.toBeChecked();
  await expect(serialBox(page)).toHaveValue('002');
  await typeSheet(page, '002', '122');
  // Sheet 003 is a 群众 sheet: Shift+Tab twice from the grid reaches the voter type, → chooses 群众.
  await openSerial(page, '003');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '群众', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('223');
  await page.keyboard.press('Enter');
  await expect(page.getByText('编号 003 已录入（群众')).toBeVisible();
  await expect(page.getByTestId('collected')).toHaveText('党员 2/3 张，群众 1/1 张');

  // A fourth 群众 sheet is refused: only one was issued; the message names the serial.
  await serialBox(page).press('Control+A');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await page.keyboard.type('111');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-alert-error')).toContainText('编号 004：群众测评表已录入 1 张，已达发放数 1 张');
  await expectAccessible(page, 'appraisal-entry');
  // Esc leaves the refused sheet unsaved and goes back to the serial.
  await page.keyboard.press('Escape');
  await expect(serialBox(page)).toBeFocused();
  await expect(page.getByRole('heading', { name: '测评表', level: 3 })).toBeVisible();

  // The tally of the three sheets.
  await openTab(page, '统计与评定');
  const zhang = page.getByRole('row').filter({ hasText: '张志强' });
  await expectCounts(zhang, [0, 2, 0, 0]);
  await expect(zhang.getByRole('cell').nth(6)).toHaveText('0'); // 群众票 优秀
  await expect(zhang.getByRole('cell').nth(8)).toHaveText('1'); // 群众票 基本合格
  await expect(page.getByTestId('ballots-valid')).toHaveText('有效 3 张');

  // Correct 002 (张志强 合格 → 优秀) and mark 003 spoilt, keyboard only.
  await openTab(page, '录入测评表');
  await openSerial(page, '002');
  await expect(page.getByText('已录入，正在更正')).toBeVisible();
  await expect(radio(page, '李红梅', '优秀')).toBeChecked();
  await expect(radio(page, '王建国', '合格')).toBeChecked();
  await expect(radio(page, '张志强', '合格')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('1');
  await expect(radio(page, '张志强', '优秀')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText('编号 002 已更正')).toBeVisible();
  await openSerial(page, '003');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: '废票' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText('编号 003 已更正（群众，废票）')).toBeVisible();
  await expect(page.getByRole('button', { name: '打开编号 003（群众，废票）' })).toBeVisible();

  // The tally changed: 002 now gives 张志强 优秀; 003 is spoilt and left out.
  await openTab(page, '统计与评定');
  await expectCounts(zhang, [1, 1, 0, 0]);
  await expect(zhang.getByRole('cell').nth(8)).toHaveText('0');
  await expect(page.getByTestId('ballots-valid')).toHaveText('有效 2 张');
  await expect(page.getByTestId('ballots-spoilt')).toHaveText('废票 1 张');
  // 李红梅 has 2 优秀 of 2 and is proposed 优秀; 王建国 1 of 2 (not more than half) is proposed 合格.
  const wang = page.getByRole('row').filter({ hasText: '王建国' });
  const li = page.getByRole('row').filter({ hasText: '李红梅' });
  await expect(li.getByRole('cell').nth(12)).toHaveText('优秀');
  await expect(wang.getByRole('cell').nth(12)).toHaveText('合格');

  // 王建国 graded 优秀 against the proposal: a reason is asked for before it is saved.
  await chooseOption(page.locator('.appraisal-results'), '王建国的评定等次', '优秀');
  const dialog = page.getByRole('dialog', { name: '评定等次与提议不同' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('王建国：按规则提议为合格，现评定为优秀');
  await dialog.getByRole('button', { name: '确定评定' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请填写与提议不同的理由');
  await expectAccessible(page, 'appraisal-reason', '.ant-modal');
  await screenshot(page, 'appraisal-reason');
  await field(dialog, '与提议不同的理由').fill('年内抢险救灾表现突出，支部委员会研究同意');
  await dialog.getByRole('button', { name: '确定评定' }).click();
  await expect(dialog).toBeHidden();
  await expect(wang).toContainText('年内抢险救灾表现突出');
  await expect(page.getByTestId('excellent-cap')).toContainText('评定优秀 1 人，上限 1 人');

  // 李红梅 as proposed (优秀) would make two 优秀 of three: the limit refuses it with a clear message.
  await chooseOption(page.locator('.appraisal-results'), '李红梅的评定等次', '优秀');
  await expect(page.locator('.ant-alert-error')).toContainText('评定为优秀的有 2 人，超过上限 1 人');
  await expect(page.getByTestId('excellent-cap')).toContainText('评定优秀 1 人');
  await expectAccessible(page, 'appraisal-tally');
});

test('double entry: a sheet entered a second time with one cell different is flagged until the entries agree', async ({ page, host }) => {
  await seedMembers(host);
  const campaign = await host.call<{ id: string; members: { memberId: string; name: string }[] }>('appraisal.create', { year: YEAR, issuedMembers: 5, doubleEntry: true });
  const id = (name: string) => campaign.members.find((m) => m.name === name)!.memberId;
  await host.call('appraisal.enterSheet', { campaignId: campaign.id, serial: '1', voterType: '党员', grades: { [id('王建国')]: '优秀', [id('李红梅')]: '优秀', [id('张志强')]: '合格' } });
  await openAppraisal(page, host);
  await openTab(page, '录入测评表');
  await expect(page.getByTestId('awaiting-second')).toHaveText('待第二遍录入（1 张）：001');

  await page.getByText('第二遍录入', { exact: true }).click();
  await serialBox(page).focus();
  await typeSheet(page, '001', '122');
  const differences = page.getByTestId('differences');
  // Rows in name order (李红梅, 王建国, 张志强): 王建国 was 优秀 on the first entry, 合格 on the second.
  await expect(differences.getByRole('row').filter({ hasText: '王建国' })).toHaveText(/001\s*王建国\s*优秀\s*合格/);
  await expect(differences.getByRole('row')).toHaveCount(2); // header + one difference
  await expect(page.getByRole('button', { name: '打开编号 001（党员，1 处不一致）' })).toBeVisible();
  await expectAccessible(page, 'appraisal-differences');
  await screenshot(page, 'appraisal-differences');

  // The second entry is corrected from the 差异 panel: the entries agree and the sheet is tallied.
  await differences.getByRole('button', { name: '001' }).click();
  await expect(page.getByText('已录入，正在更正')).toBeVisible();
  await expect(radio(page, '王建国', '合格')).toBeChecked();
  await radio(page, '王建国', '合格').focus();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByText('编号 001 已更正')).toBeVisible();
  await expect(page.getByText('两遍录入全部一致，计票使用全部测评表')).toBeVisible();
  await openTab(page, '统计与评定');
  await expect(page.getByTestId('ballots-valid')).toHaveText('有效 1 张');
});

/** The preview the button opens: laid out (page count shown) and photographed at 1366×768. */
async function openPreview(page: Page, button: string, name: string): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const preview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('print-page-count')).toHaveText(/^共 [1-9]\d* 页$/, { timeout: 30_000 });
  // The window as the user sees it: the preview covers it (a full-page shot would show the page under it too).
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-1366x768.png`) });
  return preview;
}

async function closePreview(preview: Locator): Promise<void> {
  await preview.getByRole('button', { name: '关闭' }).click();
  await expect(preview).toBeHidden();
}

test('the printed documents: ballots numbered from 001, 公示 refused until every grade is set, results exported to Word', async ({ page, host }) => {
  await seedMembers(host);
  const campaign = await host.call<{ id: string; members: { memberId: string; name: string }[] }>('appraisal.create', { year: YEAR, issuedMembers: 3, issuedMasses: 1 });
  const id = (name: string) => campaign.members.find((m) => m.name === name)!.memberId;
  await host.call('appraisal.enterSheet', { campaignId: campaign.id, serial: '1', voterType: '党员', grades: { [id('王建国')]: '合格', [id('李红梅')]: '优秀', [id('张志强')]: '合格' } });
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAppraisal(page, host);

  // 打印测评表: one sheet per ballot issued (3 党员 + 1 群众), the first numbered 001.
  let preview = await openPreview(page, '打印测评表', 'appraisal-ballots-preview');
  const first = preview.locator('.bd-print-scroller .bd-print-page[data-page="1"]');
  await expect(first).toContainText('编号：001');
  await expect(first).toContainText('王建国');
  await expect(first).not.toContainText('编号：002');
  await expectAccessible(page, 'appraisal-ballots-preview', '.bd-print-root');
  await closePreview(preview);

  preview = await openPreview(page, '党员自评表', 'appraisal-self-evaluation-preview');
  await expect(preview.locator('.bd-print-scroller .bd-print-page[data-page="1"]')).toContainText('自评');
  await closePreview(preview);

  // 统计与评定: 公示 is refused while no grade is set; the message names who is undecided.
  await openTab(page, '统计与评定');
  await page.getByRole('button', { name: '公示', exact: true }).click();
  let publicity = page.getByRole('dialog', { name: '公示' });
  await expect(publicity).toBeVisible();
  await publicity.getByRole('button', { name: '预览公示' }).click();
  await expect(publicity).toBeHidden();
  await expect(page.locator('.ant-message-error')).toContainText(`未能生成“${YEAR} 年民主评议”的公示：还有党员未评定等次`);
  await expect(page.getByRole('dialog', { name: /^打印预览：/ })).toHaveCount(0);

  preview = await openPreview(page, '测评统计表', 'appraisal-tally-preview');
  await expect(preview.locator('.bd-print-scroller .bd-print-page[data-page="1"]')).toContainText('李红梅');
  await closePreview(preview);

  // Every grade set as proposed: 公示 opens; 评议结果汇总表 is exported to Word.
  await page.getByRole('button', { name: '未评定的按提议评定' }).click();
  await expect(page.getByText('已按提议评定 3 人')).toBeVisible();
  // 公示 asks for its period, 落款 date and contact first: the defaults are today and seven days; the chosen ones print.
  await page.getByRole('button', { name: '公示', exact: true }).click();
  publicity = page.getByRole('dialog', { name: '公示' });
  await expect(publicity).toBeVisible();
  await expect(field(publicity, '公示开始日期')).toHaveValue(localToday());
  await expect(field(publicity, '公示结束日期')).toHaveValue(addDays(localToday(), 6));
  await typeDate(publicity, '公示开始日期', `${YEAR + 1}-01-05`);
  await typeDate(publicity, '公示结束日期', `${YEAR + 1}-01-03`);
  await expect(errorAt(publicity, '公示结束日期')).toHaveText(`不能早于公示开始日期（${YEAR + 1}-01-05）`);
  await typeDate(publicity, '公示结束日期', `${YEAR + 1}-01-11`);
  await expect(errorAt(publicity, '公示结束日期')).toHaveCount(0);
  await typeDate(publicity, '落款日期', `${YEAR + 1}-01-04`);
  await field(publicity, '联系人及电话').fill('联系人：王建国，电话：0317-5551234');
  await expectAccessible(page, 'appraisal-publicity-dialog', '.ant-modal');
  await screenshot(page, 'appraisal-publicity-dialog-1366x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'appraisal-publicity-dialog-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  await publicity.getByRole('button', { name: '预览公示' }).click();
  preview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(preview.getByTestId('print-page-count')).toHaveText(/^共 [1-9]\d* 页$/, { timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'appraisal-publicity-preview-1366x768.png') });
  const notice = preview.locator('.bd-print-scroller');
  await expect(notice).toContainText('李红梅');
  await expect(notice).toContainText(`公示时间为${YEAR + 1}年1月5日至${YEAR + 1}年1月11日`);
  await expect(notice).toContainText('联系人：王建国，电话：0317-5551234');
  await expect(notice).toContainText(`${YEAR + 1}年1月4日`);
  await closePreview(preview);

  preview = await openPreview(page, '评议结果汇总表', 'appraisal-results-preview');
  await expect(preview.locator('.bd-print-scroller .bd-print-page[data-page="1"]')).toContainText('张志强');
  const [docx] = await Promise.all([page.waitForEvent('download'), preview.getByRole('button', { name: '导出 Word' }).click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  expect(fs.readFileSync(await docx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.locator('.ant-message-success').filter({ hasText: '评议结果汇总表“' })).toContainText(`评议结果汇总表“${docx.suggestedFilename()}”已保存到“下载”文件夹`);
  await closePreview(preview);
});

/** Screenshots at both window sizes; the page must not scroll sideways at 1366. */
async function bothSizes(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-1366x768`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways, `${name} must not scroll sideways at 1366 wide`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `${name}-1920x1080`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('every tab on a seeded branch of 200 members: axe clean, photographed at both sizes', async ({ page, host }) => {
  await fillRoster(host, 200);
  const list = await host.call<{ id: string; year: number }[]>('appraisal.list', {});
  let campaignId = list.find((c) => c.year === YEAR)?.id;
  if (!campaignId) campaignId = (await host.call<{ id: string }>('appraisal.create', { year: YEAR, doubleEntry: true })).id;
  const campaign = await host.call<{ members: { memberId: string; graded: boolean }[] }>('appraisal.update', { campaignId, issuedMembers: 60, issuedMasses: 5, doubleEntry: true });
  const ballot = campaign.members.filter((m) => m.graded);
  expect(ballot.length).toBeGreaterThan(150);
  // 24 sheets entered once, 20 of them twice (two with a cell different).
  for (let s = 1; s <= 24; s++) {
    const grades = Object.fromEntries(ballot.map((m, i) => [m.memberId, GRADES[(i * 7 + s) % 11 === 0 ? 2 : (i + s) % 3 === 0 ? 0 : 1]]));
    const sheet = { campaignId, serial: String(s), voterType: s > 21 ? '群众' : '党员', grades };
    await host.call('appraisal.enterSheet', { ...sheet, entry: 1 });
    if (s <= 20) await host.call('appraisal.enterSheet', { ...sheet, entry: 2, grades: s % 9 === 0 ? { ...grades, [ballot[s]!.memberId]: '不合格' } : grades });
  }

  await openAppraisal(page, host);
  await expect(page.getByTestId('appraisal-members-summary')).toContainText(`评定等次 ${ballot.length} 人`);
  await expectAccessible(page, 'appraisal-campaign');
  await bothSizes(page, 'appraisal-campaign');

  // 65 ballots over 161 members: every sheet runs to several pages, each repeating its serial.
  const ballots = await openPreview(page, '打印测评表', 'appraisal-ballots-200-preview');
  const pages = Number(/共 (\d+) 页/.exec((await ballots.getByTestId('print-page-count').textContent()) ?? '')?.[1]);
  expect(pages, 'every one of the 65 sheets has the same number of pages, more than one').toBeGreaterThan(65);
  expect(pages % 65).toBe(0);
  await expect(ballots.locator('.bd-print-scroller .bd-print-page[data-page="2"]')).toContainText(`编号：001（本表共 ${pages / 65} 页）`);
  await closePreview(ballots);

  await openTab(page, '录入测评表');
  await openSerial(page, '025');
  await page.keyboard.type('1212122');
  await expect(page.getByTestId('sheet-marked')).toHaveText(`已勾选 7/${ballot.length} 人`);
  await expect(page.getByTestId('differences').getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'appraisal-entry-200');
  await bothSizes(page, 'appraisal-entry');

  await openTab(page, '统计与评定');
  await expect(page.getByTestId('ballots-valid')).toHaveText('有效 18 张');
  await expectAccessible(page, 'appraisal-tally-200');
  await bothSizes(page, 'appraisal-tally');
});
