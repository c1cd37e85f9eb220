/** Filling the member form the way a user does. */
import { expect, type Page, type Locator } from '@playwright/test';

export function memberForm(page: Page): Locator {
  return page.getByRole('form', { name: /^(新增党员|修改党员：)/ });
}

/** A field by its visible label (the red star of required fields is ignored). */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^\\*?${escaped}$`));
}

/** The error shown under the field labelled `label` of `scope`. */
export function errorAt(scope: Locator, label: string): Locator {
  // `has` is relative to each form item, so the label is looked up from the page root.
  return scope.locator('.ant-form-item').filter({ has: field(scope.page(), label) }).locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)');
}

/** Saves the form `scope` as it is and checks the error under each field (label → message). */
export async function saveExpectingErrors(scope: Locator, errors: Record<string, string>): Promise<void> {
  await scope.getByRole('button', { name: '保存' }).click();
  for (const [label, message] of Object.entries(errors)) await expect(errorAt(scope, label)).toHaveText(message);
}

/** Types a date into a date field of `scope` (any form), leaves it, and checks it was taken. */
export async function typeDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = field(scope, label);
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect(input).toHaveValue(date);
}

export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = field(memberForm(page), label);
  await input.click();
  await input.fill(date);
  await input.press('Tab');
}

/** Picks `text` in the pick list labelled `label` of `scope` (any form). */
export async function chooseOption(scope: Locator, label: string, text: string): Promise<void> {
  const input = field(scope, label);
  await input.click();
  // Searchable pick lists: typing narrows the (virtual) list so the option is rendered.
  if ((await input.getAttribute('readonly')) === null) await input.fill(text);
  const option = scope.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(text, { exact: true });
  await option.click();
}

export async function pickOption(page: Page, label: string, text: string): Promise<void> {
  await chooseOption(memberForm(page), label, text);
}

export async function fillMember(
  page: Page,
  m: { name: string; idNumber: string; gender?: '男' | '女'; birthDate?: string; joinDate: string; fullDate?: string; education?: string },
): Promise<void> {
  const form = memberForm(page);
  await field(form, '姓名').fill(m.name);
  await field(form, '身份证号').fill(m.idNumber);
  if (m.gender) await form.getByLabel(m.gender, { exact: true }).check();
  if (m.birthDate) await pickDate(page, '出生日期', m.birthDate);
  await pickOption(page, '学历', m.education ?? '大学本科毕业');
  await pickDate(page, '入党日期', m.joinDate);
  if (m.fullDate) await pickDate(page, '转正日期', m.fullDate);
}

/**
 * Opens a popover by its button and waits until it has finished appearing: a click during antd's opening motion
 * may be lost, which made the column chooser flaky on a loaded machine.
 */
export async function openPopover(page: Page, button: string, group: string): Promise<Locator> {
  const content = page.getByRole('group', { name: group });
  await page.getByRole('button', { name: button }).click();
  await expect(content).toBeVisible();
  await expect(page.locator('.ant-popover').filter({ has: content })).not.toHaveClass(/-(appear|enter|leave)/);
  return content;
}

/** Closes the open popover with Escape and waits until it is gone, so the next click does not toggle it again. */
export async function closePopover(page: Page, content: Locator): Promise<void> {
  // An Escape pressed while the popover is still settling can be missed: press again until it is gone.
  await expect(async () => {
    if (await content.isVisible()) await page.keyboard.press('Escape');
    await expect(content).toBeHidden({ timeout: 2_000 });
  }).toPass();
}
