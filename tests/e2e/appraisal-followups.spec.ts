/**
 * 不合格处置 on 统计与评定: a member decided 不合格 opens a 限期改正 shown 进行中 with a deadline six months on; it is
 * changed to 已改正 with a note in the drawer; a deadline three months on is refused at the field; an edit made
 * elsewhere meanwhile is reported as stale. Photographed at both sizes, axe clean.
 */
import type { Page } from '@playwright/test';
import type { FollowUp } from '../../shared/contract/appraisal';
import { addMonths } from '../../shared/domain/dates';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';
import { chooseOption, errorAt, field, typeDate } from './form';

const YEAR = new Date().getFullYear();

test.setTimeout(180_000);

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

async function bothSizes(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `${name}-1920x1080`);
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, `${name}-1366x768`);
}

test('a 不合格 grade opens a 限期改正 follow-up, edited in a drawer: 已改正 with a note; a deadline 3 months on is refused', async ({ page, host }) => {
  const wang = await addMember(host, { name: '王建国', gender: '男', birthDate: '1970-04-10', joinDate: '2000-07-01', fullDate: '2001-07-01' }, 11);
  const zhang = await addMember(host, { name: '张志强', gender: '男', birthDate: '1972-04-10', joinDate: '2000-07-01', fullDate: '2001-07-01' }, 13);
  const campaign = await host.call<{ id: string }>('appraisal.create', { year: YEAR, issuedMembers: 2 });
  for (const serial of ['1', '2']) {
    await host.call('appraisal.enterSheet', { campaignId: campaign.id, serial, voterType: '党员', grades: { [wang.id]: '合格', [zhang.id]: '合格' } });
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host, '首页');
  await page.getByRole('menuitem', { name: '民主评议党员', exact: true }).click();
  await page.getByRole('tab', { name: '统计与评定', exact: true }).click();
  const section = page.locator('.appraisal-followups');
  await expect(section.getByRole('heading', { name: '不合格处置' })).toBeVisible();
  await expect(section).toContainText('没有评定为不合格的党员');

  // 张志强 decided 不合格 against the proposal (合格), with a reason.
  await chooseOption(page.locator('.appraisal-results'), '张志强的评定等次', '不合格');
  const reason = page.getByRole('dialog', { name: '评定等次与提议不同' });
  await expect(reason).toBeVisible();
  await field(reason, '与提议不同的理由').fill('长期不参加组织生活，经教育仍不改正');
  await reason.getByRole('button', { name: '确定评定' }).click();
  await expect(reason).toBeHidden();

  // The follow-up: 限期改正, 进行中, the deadline six months after the decision.
  const row = section.getByRole('row').filter({ hasText: '张志强' });
  await expect(row.getByRole('cell').nth(1)).toHaveText('限期改正');
  await expect(row.getByRole('cell').nth(4)).toHaveText('进行中');
  const decided = (await row.getByRole('cell').nth(2).textContent())!.trim();
  expect(decided).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(row.getByRole('cell').nth(3)).toHaveText(addMonths(decided, 6));
  await expectAccessible(page, 'appraisal-followups');
  await section.scrollIntoViewIfNeeded();
  await bothSizes(page, 'appraisal-followups');

  // Changed to 已改正 with a note.
  await row.getByRole('button', { name: '修改张志强的处置' }).click();
  const drawer = page.getByRole('form', { name: `评议不合格的处置：张志强（${YEAR} 年）` });
  await expect(drawer).toBeVisible();
  await expect(field(drawer, '改正期限')).toHaveValue(addMonths(decided, 6));
  await chooseOption(drawer, '处置状态', '已改正');
  await expect(drawer.locator('.ant-form-item').filter({ has: field(page, '处置状态') })).toContainText('已改正');
  await field(drawer, '处置情况').fill('经支部帮助，已按时参加组织生活并作出书面检讨');
  await expectAccessible(page, 'appraisal-followup-drawer', '.ant-drawer');
  await bothSizes(page, 'appraisal-followup-drawer');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  await expect(row.getByRole('cell').nth(4)).toHaveText('已改正');
  await expect(row.getByRole('cell').nth(5)).toHaveText('经支部帮助，已按时参加组织生活并作出书面检讨');

  // A deadline three months on is refused at the field, in Chinese, naming the range.
  await row.getByRole('button', { name: '修改张志强的处置' }).click();
  await expect(drawer).toBeVisible();
  await typeDate(drawer, '改正期限', addMonths(decided, 3));
  const range = `应在作出决定（${decided}）后 6 至 12 个月之间，即 ${addMonths(decided, 6)} 至 ${addMonths(decided, 12)}`;
  await expect(errorAt(drawer, '改正期限')).toHaveText(range);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(errorAt(drawer, '改正期限')).toHaveText(range);
  await expect(drawer).toBeVisible();
  await screenshot(page, 'appraisal-followup-refused-1366x768');

  // Changed elsewhere meanwhile: the save is refused as stale, the drawer stays open.
  await typeDate(drawer, '改正期限', addMonths(decided, 9));
  await expect(errorAt(drawer, '改正期限')).toHaveCount(0);
  const [followUp] = await host.call<FollowUp[]>('appraisal.followUps', { campaignId: campaign.id });
  await host.call('appraisal.updateFollowUp', { followUpId: followUp!.id, note: '另一处修改' });
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer.getByRole('alert')).toContainText('这条处置记录刚刚已在别处被修改，您这次的修改尚未保存');
  const [after] = await host.call<FollowUp[]>('appraisal.followUps', { campaignId: campaign.id });
  expect(after!.deadline).toBe(addMonths(decided, 6));
});
