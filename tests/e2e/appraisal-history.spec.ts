import type { FollowUp } from '../../shared/contract/appraisal';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test } from './fixtures';

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

test('the member detail lists the member’s 民主评议 grades by year, with the handling of a 不合格', async ({ page, host }) => {
  const li = await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  const wang = await addMember(host, { name: '王五', gender: '男', birthDate: '1982-05-20', joinDate: '2008-07-01', fullDate: '2009-07-01' }, 8);
  // 2024: 李四 graded 不合格 on the votes, which opens a 限期改正; later closed as 已改正.
  const c2024 = await host.call<{ id: string }>('appraisal.create', { year: 2024, issuedMembers: 2, stages: [{ stage: '组织评定', date: '2024-12-12' }] });
  for (const serial of ['1', '2']) {
    await host.call('appraisal.enterSheet', { campaignId: c2024.id, serial, voterType: '党员', grades: { [li.id]: '不合格', [wang.id]: '优秀' } });
  }
  await host.call('appraisal.decide', { campaignId: c2024.id, decisions: [{ memberId: li.id, grade: '不合格' }, { memberId: wang.id, grade: '合格', reason: '两人参评，优秀限一人以内' }] });
  const [followUp] = await host.call<FollowUp[]>('appraisal.followUps', { campaignId: c2024.id });
  await host.call('appraisal.updateFollowUp', { followUpId: followUp!.id, deadline: '2025-09-12', state: '已改正', note: '按期改正' });
  // 2025: 李四 away, not appraised; 王五 合格.
  const c2025 = await host.call<{ id: string }>('appraisal.create', { year: 2025, issuedMembers: 1, exclusions: [{ memberId: li.id, reason: '外出务工' }] });
  await host.call('appraisal.enterSheet', { campaignId: c2025.id, serial: '1', voterType: '党员', grades: { [wang.id]: '合格' } });
  await host.call('appraisal.decide', { campaignId: c2025.id, decisions: [{ memberId: wang.id, grade: '合格' }] });

  await openApp(page, host);
  await page.locator('.roster-row').filter({ hasText: '李四' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '党员详情：李四' });
  const table = detail.getByRole('table', { name: '历年民主评议等次' });
  await expect(table.getByRole('row')).toHaveText([/年度.*评定等次.*不合格处置/, /2025年度.*未参加（外出务工）.*—/, /2024年度.*不合格.*限期改正，期限至 2025-09-12（已改正）/]);
  await expectAccessible(page, 'member-detail-appraisal');
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await detail.getByRole('heading', { name: '民主评议', exact: true }).scrollIntoViewIfNeeded();
    await expect(table).toBeInViewport();
    await screenshot(page, `member-detail-appraisal-${width}`);
  }

  // Another member's detail shows his own years.
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.locator('.roster-row').filter({ hasText: '王五' }).click();
  const other = page.getByRole('dialog').filter({ hasText: '党员详情：王五' });
  await expect(other.getByRole('table', { name: '历年民主评议等次' }).getByRole('row')).toHaveText([/年度/, /2025年度.*合格.*—/, /2024年度.*合格.*—/]);
});
