/**
 * 党内汇报: a probationary member who sent nothing last quarter shows 逾期未交 (and is counted on 首页); recording
 * their report in the drawer turns them 本期已交 and it shows in their history; the rhythm is changed per role.
 */
import { addDays, localToday } from '../../shared/domain/dates';
import { reportPeriod } from '../../shared/domain/memberReports';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test, type Host } from './fixtures';
import { field, typeDate } from './form';

/** 周晓燕 (probationary since 200 days ago, no report: overdue) and 孙立新 (reported last quarter: due this quarter). */
async function setUp(host: Host) {
  await createBranch(host);
  await addMember(host, { name: '王建国', gender: '男', birthDate: '1978-03-12', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 1);
  await addMember(host, { name: '周晓燕', gender: '女', birthDate: '1996-04-04', joinDate: addDays(localToday(), -200), fullDate: null }, 2);
  const sun = await addMember(host, { name: '孙立新', gender: '男', birthDate: '1994-06-06', joinDate: addDays(localToday(), -250), fullDate: null }, 3);
  const lastQuarter = reportPeriod('quarter', localToday(), 1);
  await host.call('reports.save', { fields: { kind: 'thought', date: addDays(lastQuarter.from, 20), memberId: sun.id, title: '思想汇报', summary: '学习党章的体会' } });
}

const row = (page: import('@playwright/test').Page, name: string) => page.getByRole('table', { name: '汇报人' }).locator('tr', { hasText: name });

test('an overdue probationary member shows 逾期未交 on 党内汇报 and 首页; a report recorded makes it 本期已交', async ({ page, host }) => {
  await setUp(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, host, '首页');
  // 首页's line counts the one overdue and opens the list filtered to them.
  const line = page.getByTestId('reminders-reports');
  await expect(line.getByRole('link', { name: '党内汇报逾期 1 人，查看名单' })).toBeVisible();
  await screenshot(page, 'overview-reports-1366x768');
  await line.getByRole('link', { name: '党内汇报逾期 1 人，查看名单' }).click();
  await expect(page.getByRole('heading', { name: '党内汇报', level: 2 })).toBeVisible();
  await expect(page.getByTestId('report-count')).toHaveText('共 1 人');
  await expect(row(page, '周晓燕')).toContainText('逾期未交');
  await expect(row(page, '孙立新')).toHaveCount(0);

  // All of them: 孙立新 reported last quarter, so this quarter's is still to come.
  await page.getByRole('menuitem', { name: '党内汇报', exact: true }).click();
  await expect(page.getByTestId('report-count')).toHaveText('共 2 人');
  await expect(row(page, '孙立新')).toContainText('本期待交');
  await expectAccessible(page, 'reports');
  await screenshot(page, 'reports-1366x768');

  await row(page, '周晓燕').getByRole('button', { name: '记录周晓燕的汇报' }).click();
  const form = page.getByRole('form', { name: '记录党内汇报' });
  await expect(field(form, '汇报人')).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写提交日期')).toBeVisible();
  await typeDate(form, '提交日期', localToday());
  await form.getByLabel('工作汇报').check();
  await field(form, '标题').fill('第四季度工作汇报');
  await field(form, '主要内容').fill('完成本季度钻井进尺任务，参加班组安全培训。');
  await field(form, '支部意见').fill('工作积极，继续保持。');
  await expectAccessible(page, 'report-form', '.ant-drawer');
  await screenshot(page, 'report-form-1366x768');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(row(page, '周晓燕')).toContainText('本期已交');
  await expect(row(page, '周晓燕')).toContainText(localToday());

  // Her history lists it.
  await row(page, '周晓燕').getByRole('button', { name: '查看周晓燕的汇报记录' }).click();
  const history = page.getByRole('table', { name: '周晓燕的汇报记录' });
  await expect(history.locator('tbody tr', { hasText: '第四季度工作汇报' })).toContainText('工作汇报');
  await expect(page.getByTestId('report-count')).toHaveText('共 1 份');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'report-history-1920x1080');

  // 首页 has no one overdue now.
  await page.getByRole('menuitem', { name: '首页', exact: true }).click();
  await expect(page.getByTestId('reminders-reports').getByRole('link', { name: '党内汇报逾期 0 人，查看名单' })).toBeVisible();
});

test('the rhythm per role is changed on 党内汇报 and kept', async ({ page, host }) => {
  await setUp(host);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, host, '党内汇报');
  await expect(row(page, '孙立新')).toContainText('每季度');
  await page.locator('#rhythm-probationary').click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(dropdown).toBeVisible();
  await dropdown.getByTitle('每年').click();
  await expect(row(page, '孙立新')).toContainText('每年');
  // Yearly: his report of last quarter counts for this year, unless last quarter was in the year before.
  const reportedThisYear = reportPeriod('quarter', localToday(), 1).from.slice(0, 4) === localToday().slice(0, 4);
  await expect(row(page, '孙立新')).toContainText(reportedThisYear ? '本期已交' : '本期待交');
  await screenshot(page, 'reports-1920x1080');
  await expect.poll(async () => (await host.call<{ role: string; frequency: string }[]>('reports.rhythms', {})).find((r) => r.role === 'probationary')?.frequency).toBe('year');
});
