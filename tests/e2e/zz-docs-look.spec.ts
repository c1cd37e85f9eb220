/** Scratch (not committed): the meeting documents in the app's 打印预览, drawn through the statistics preview's dialog. */
import path from 'node:path';
import { createBranch, expect, fillRoster, openApp, SCREENSHOT_DIR, test } from './fixtures';
import { ruledPng } from '../helpers/meetingDocuments';

test('meeting documents in the print preview', async ({ page, host }) => {
  test.setTimeout(180_000);
  await createBranch(host);
  await fillRoster(host, 30);
  const expected = await host.call<{ memberId: string; name: string; category: string }[]>('meetings.expected', { kind: 'memberMeeting', date: '2026-03-12' });
  const attendance = expected.map((e, i) => ({ ...e, attended: i > 2, absenceReason: ['病假', '公差', '事假'][i] ?? '', absenceNote: i === 2 ? '家中老人住院' : '' }));
  const meeting = await host.call<{ id: string }>('meetings.save', {
    fields: {
      kind: 'memberMeeting', date: '2026-03-12', startTime: '09:00', endTime: '10:30', place: '队部二楼会议室',
      hostName: '王建国', recorderName: '李红梅', topics: ['传达学习公司党委2026年党建工作会议精神', '讨论接收张志强同志为预备党员'],
      content: '书记传达了公司党委2026年党建工作会议精神，通报了支部2025年工作完成情况和2026年工作要点。\n会议讨论了发展对象张志强同志的入党问题。',
      speeches: [{ speaker: expected[4]!.name, text: '张志强同志入党动机端正，工作中吃苦耐劳，我同意接收他为预备党员。' }],
      resolutions: [{ text: '同意接收张志强同志为中共预备党员，报上级党委审批。', responsible: '李红梅', deadline: '2026-03-31', vote: { method: 'secret', for: 20, against: 0, abstain: 1 } }],
      guests: [{ name: '郑红梅', unit: '公司党委组织部' }],
      attendance,
    },
  });
  await host.call('meetings.addAttachment', { meetingId: meeting.id, fileName: '签到表.png', data: ruledPng(400, 560).toString('base64'), caption: '签到表照片' });
  const talk = await host.call<{ id: string }>('talks.save', { fields: { kind: 'visit', date: '2026-04-08', form: '上门', place: '幸福小区', talkerNames: ['王建国'], memberId: expected[5]!.memberId, familyMet: '妻子、母亲', trigger: '家庭困难或生病', summary: '了解到其母亲住院手术。', help: '协调工会申请困难补助。' } });
  const docs: [string, string, unknown][] = [
    ['minutes', 'meetings.previewMinutes', { id: meeting.id }],
    ['signin', 'meetings.previewSignIn', { id: meeting.id }],
    ['notice', 'meetings.previewNotice', { id: meeting.id, noticeDate: '2026-03-05' }],
    ['visit', 'talks.previewRecord', { id: talk.id }],
  ];
  await page.setViewportSize({ width: 1000, height: 1500 });
  await openApp(page, host, '首页');
  for (const [name, op, input] of docs) {
    const preview = await host.call(op, input);
    await page.route('**/api/overview.previewStatistics', (route) => route.fulfill({ json: { ok: true, value: preview } }));
    await page.getByRole('button', { name: '统计表打印预览' }).click();
    const dialog = page.getByRole('dialog', { name: /^打印预览：/ });
    const count = dialog.getByTestId('print-page-count');
    await expect(count).toHaveText(/^共 \d+ 页$/, { timeout: 30_000 });
    const total = Number(/共 (\d+) 页/.exec((await count.textContent()) ?? '')?.[1]);
    await page.evaluate(() => document.fonts.ready);
    for (let n = 1; n <= total; n++) {
      const goTo = dialog.getByRole('spinbutton', { name: '转到页' });
      await goTo.fill(String(n));
      await goTo.press('Enter');
      const p = dialog.locator(`.bd-print-scroller .bd-print-page[data-page="${n}"]`);
      await expect(p).toBeInViewport();
      await page.waitForTimeout(400);
      await p.screenshot({ path: path.join(SCREENSHOT_DIR, `docs-look-${name}-${n}.png`) });
    }
    await page.unroute('**/api/overview.previewStatistics');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});
