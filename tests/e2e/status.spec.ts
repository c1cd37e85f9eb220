import { addMonths, localToday } from '../../shared/domain/dates';
import { addMember, createBranch, expect, expectAccessible, idNumber, openApp, screenshot, test } from './fixtures';
import { chooseOption, errorAt, field, saveExpectingErrors, typeDate } from './form';

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

test('a transfer out leaves the active roster and is found under 转出, with its record in the detail', async ({ page, host }) => {
  const today = localToday();
  await addMember(host, { name: '李四', gender: '男', birthDate: '1980-03-15', joinDate: '2005-07-01', fullDate: '2006-07-01' }, 7);
  // A probationer whose year is over: 转正 and 延长预备期 are offered to him only.
  const joinDate = addMonths(today, -13);
  await addMember(host, { name: '王五', gender: '男', birthDate: '1995-05-20', joinDate }, 8);
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toHaveText('共 2 人');

  await page.locator('.roster-row').filter({ hasText: '李四' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '党员详情' });
  const actions = detail.getByRole('group', { name: '办理党籍变动' });
  await expect(actions.getByRole('button')).toHaveText(['组织关系转出', '停止党籍', '出党', '去世']);
  await expect(detail.getByText('暂无党籍变动记录')).toBeVisible();
  await detail.getByRole('heading', { name: '党籍变动', exact: true }).scrollIntoViewIfNeeded();
  await expectAccessible(page, 'member-detail-status');
  await screenshot(page, 'member-detail-status');

  // The dialog asks for what a transfer needs; missing fields are named at the field.
  await actions.getByRole('button', { name: '组织关系转出' }).click();
  const dialog = page.getByRole('dialog', { name: '组织关系转出：李四' });
  await expect(field(dialog, '转出日期')).toBeFocused();
  await saveExpectingErrors(dialog, { 转出日期: '请填写转出日期', 转往党组织: '请填写转往的党组织' });
  // A date before he joined is refused by the shared rule, at the date.
  await typeDate(dialog, '转出日期', '2001-01-01');
  await expect(errorAt(dialog, '转出日期')).toHaveText('日期不能早于入党日期（2005-07-01）');
  await expectAccessible(page, 'status-transfer-out-errors', '.ant-modal');
  await screenshot(page, 'status-transfer-out-errors');

  await typeDate(dialog, '转出日期', today);
  await field(dialog, '转往党组织').fill('中共渤海钻探第二钻井队支部委员会');
  await field(dialog, '介绍信编号或文号').fill('渤钻组转〔2026〕15号');
  await field(dialog, '转出原因').fill('工作调动');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await screenshot(page, 'status-transfer-out');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // The detail: status 转出, no more changes offered, the record listed.
  await expect(detail.getByRole('row').filter({ hasText: '组织关系转出' })).toContainText('渤钻组转〔2026〕15号');
  await expect(detail.getByRole('row').filter({ hasText: '组织关系转出' })).toContainText('转往：中共渤海钻探第二钻井队支部委员会；工作调动');
  await expect(detail.getByText('已不在册，不能再办理党籍变动')).toBeVisible();
  await detail.getByRole('heading', { name: '党籍变动记录' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'member-detail-transferred');

  // The roster: out of the active list, found under 党籍状态 = 转出.
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.locator('.roster-row').filter({ hasText: '李四' })).toHaveCount(0);
  await page.getByRole('combobox', { name: '党籍状态' }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('转出', { exact: true }).click();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');
  await expect(page.locator('.roster-row').filter({ hasText: '李四' })).toContainText('转出');
  await screenshot(page, 'roster-transferred-out');
  const stored = await host.call<{ rows: { name: string; status: string }[] }>('members.search', { status: '转出' });
  expect(stored.rows.map((r) => [r.name, r.status])).toEqual([['李四', '转出']]);

  // The probationer: 转正 and 延长预备期 are offered; an extension of 3 months is refused at the field.
  await page.getByRole('button', { name: '清除条件' }).click();
  await page.locator('.roster-row').filter({ hasText: '王五' }).click();
  await expect(actions.getByRole('button')).toHaveText(['转正', '延长预备期', '组织关系转出', '停止党籍', '出党', '去世']);
  await actions.getByRole('button', { name: '延长预备期' }).click();
  const extend = page.getByRole('dialog', { name: '延长预备期：王五' });
  await field(extend, '延长时间（月）').fill('3');
  await field(extend, '延长时间（月）').press('Tab');
  await expect(errorAt(extend, '延长时间（月）')).toHaveText('延长预备期不能少于半年');
  await expectAccessible(page, 'status-extend', '.ant-modal');
  await screenshot(page, 'status-extend');
  await page.keyboard.press('Escape');
  await expect(extend).toBeHidden();
  // Esc closed the dialog only (not the detail), and the focus is back on the button that opened it.
  await expect(detail).toBeVisible();
  await expect(actions.getByRole('button', { name: '延长预备期' })).toBeFocused();

  // 出党: the form of leaving is chosen first; 取消预备党员资格 is offered for a probationer.
  await actions.getByRole('button', { name: '出党' }).click();
  const leave = page.getByRole('dialog', { name: '出党：王五' });
  await expect(leave.getByRole('radio')).toHaveCount(5);
  await leave.getByRole('button', { name: '保存' }).click();
  const subtype = leave.locator('.ant-form-item').filter({ has: page.getByRole('radiogroup', { name: '出党方式' }) });
  await expect(subtype.locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)')).toHaveText('请选择出党方式');
  await expectAccessible(page, 'status-leave', '.ant-modal');
  await screenshot(page, 'status-leave');
  await leave.getByRole('button', { name: '取消' }).click();
  await expect(leave).toBeHidden();

  // 转正 on the day the probation ended (filled in), then he is a full member.
  await actions.getByRole('button', { name: '转正' }).click();
  const full = page.getByRole('dialog', { name: '转正：王五' });
  await expect(field(full, '转正日期')).toHaveValue(addMonths(joinDate, 12));
  await screenshot(page, 'status-full');
  await full.getByRole('button', { name: '保存' }).click();
  await expect(full).toBeHidden();
  await expect(detail.getByRole('row').filter({ hasText: '转正' }).first()).toContainText(addMonths(joinDate, 12));
  await expect(actions.getByRole('button')).toHaveText(['组织关系转出', '停止党籍', '出党', '去世']);
});

test('组织关系转入: the member form with the transfer, the member on the roster with a 转入 record', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByTestId('roster-count')).toHaveText('共 0 人');
  await page.getByRole('button', { name: '组织关系转入' }).click();
  const form = page.getByRole('form', { name: '组织关系转入' });
  await expect(field(form, '转入日期')).toBeFocused();
  await saveExpectingErrors(form, { 转入日期: '请填写转入日期', '转出党组织（从哪里转来）': '请填写转出的党组织', 姓名: '请填写姓名' });
  await expectAccessible(page, 'transfer-in-errors');
  await screenshot(page, 'transfer-in-errors');

  await typeDate(form, '转入日期', '2026-03-02');
  await field(form, '转出党组织（从哪里转来）').fill('中共长城钻探第三钻井队支部委员会');
  await field(form, '介绍信编号或文号').fill('长钻组转〔2026〕3号');
  await field(form, '姓名').fill('赵六');
  await field(form, '身份证号').fill(idNumber('1988-08-08', '女', 4));
  await expect(field(form, '出生日期')).toHaveValue('1988-08-08');
  await chooseOption(form, '学历', '大学本科毕业');
  await typeDate(form, '入党日期', '2012-07-01');
  await typeDate(form, '转正日期', '2013-07-01');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await screenshot(page, 'transfer-in');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('roster-count')).toHaveText('共 1 人');

  await page.locator('.roster-row').filter({ hasText: '赵六' }).click();
  const detail = page.getByRole('dialog').filter({ hasText: '党员详情' });
  const record = detail.getByRole('row').filter({ hasText: '组织关系转入' });
  await expect(record).toContainText('2026-03-02');
  await expect(record).toContainText('长钻组转〔2026〕3号');
  await expect(record).toContainText('转自：中共长城钻探第三钻井队支部委员会');
});
