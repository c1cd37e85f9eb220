/**
 * 目标管理: a year's plan made from last year's, letters generated from the post templates and one adjusted by hand,
 * a member scored item by item with the keyboard, and the rank and reward read in 考核汇总 — plus every screen of the
 * capability checked with axe and photographed at 1366×768 and 1920×1080.
 */
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_REWARD_RULES } from '../../shared/domain/targets';
import { addMember, createBranch, expect, expectAccessible, openApp, screenshot, test, type Host } from './fixtures';

const YEAR = new Date().getFullYear();

// Every screen is photographed twice (two window sizes).
test.setTimeout(240_000);

test.beforeEach(async ({ host }) => {
  await createBranch(host);
});

const LAST_YEAR_PLAN = [
  { category: '思想建设', content: '组织党员集中学习不少于 12 次', measure: '每月一次主题党日', points: 20, responsible: '王建国', deadline: `${YEAR - 1}-12-31` },
  { category: '组织建设', content: '按期召开支部委员会、党员大会、党小组会', measure: '三会一课记录齐全', points: 25, responsible: '李红梅', deadline: `${YEAR - 1}-12-31` },
  { category: '作风建设', content: '党员带头解决井场难题', measure: '立项攻关 2 项', points: 20, responsible: '王建国', deadline: `${YEAR - 1}-11-30` },
  { category: '党风廉政建设', content: '开展廉洁教育，无违纪问题', measure: '', points: 15, responsible: '李红梅', deadline: null },
  { category: '生产经营/中心工作', content: '完成年度进尺任务，安全无事故', measure: '', points: 20, responsible: '王建国', deadline: `${YEAR - 1}-12-31` },
];

const TEMPLATE_ITEMS = [
  { category: '思想建设', content: '按时参加三会一课和主题党日', points: 20, rule: '缺席一次扣 2 分' },
  { category: '生产经营/中心工作', content: '完成本岗位生产任务，急难险重带头上', points: 40, rule: '未完成一项扣 5 分' },
  { category: '作风建设', content: '安全生产无事故，通过安全考试', points: 25, rule: '发生事故一次扣 10 分' },
  { category: '党风廉政建设', content: '遵守纪律，廉洁自律', points: 15, rule: '受处分不得分' },
];

async function seedTargets(host: Host): Promise<void> {
  const members = [
    { name: '王建国', post: '司钻', serial: 11 },
    { name: '李红梅', post: '技术员', serial: 12 },
    { name: '张志强', post: '司钻', serial: 13 },
  ];
  for (const [i, m] of members.entries()) {
    await addMember(host, { name: m.name, gender: i === 1 ? '女' : '男', birthDate: `197${i}-04-10`, joinDate: '2000-07-01', fullDate: '2001-07-01', post: m.post }, m.serial);
  }
  await host.call('targetPlans.save', { year: YEAR - 1, items: LAST_YEAR_PLAN });
  await host.call('postTemplates.save', { post: '通用', items: TEMPLATE_ITEMS, rewardRules: DEFAULT_REWARD_RULES });
}

async function openTargets(page: Page, host: Host, screen: string): Promise<void> {
  await openApp(page, host, '首页');
  await page.getByRole('menuitem', { name: screen, exact: true }).click();
  await expect(page.getByRole('heading', { name: screen, level: 2 })).toBeVisible();
}

async function goTo(page: Page, screen: string): Promise<void> {
  await page.getByRole('menuitem', { name: screen, exact: true }).click();
  await expect(page.getByRole('heading', { name: screen, level: 2 })).toBeVisible();
}

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

function cell(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}

test('a plan from last year, letters generated and one adjusted, a member scored: the rank and the reward show in the summary', async ({ page, host }) => {
  await seedTargets(host);
  await openTargets(page, host, '年度党建目标');

  // 从上一年复制: last year's five items, totalling 100.
  await expect(page.getByText(`${YEAR} 年还没有党建目标`)).toBeVisible();
  await page.getByRole('button', { name: '从上一年复制' }).click();
  await expect(cell(page, '目标内容（第 5 项）')).toHaveValue('完成年度进尺任务，安全无事故');
  await expect(page.getByTestId('points-total')).toHaveText('合计 100 分');
  await expect(page.getByRole('button', { name: '从上一年复制' })).toBeDisabled();

  // A weight changed so that the total is off: the message names the actual total, and 保存 is refused.
  await cell(page, '分值（第 1 项）').fill('15');
  await expect(page.getByTestId('points-total')).toHaveText('各项分值合计应为 100 分，现为 95 分（少 5 分）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还不能保存' })).toContainText('现为 95 分（少 5 分）');
  await expectAccessible(page, 'targets-plan-refused');
  await bothSizes(page, 'targets-plan-refused');
  // This year's own item makes up the difference.
  await page.getByRole('button', { name: '添加一项' }).click();
  await cell(page, '目标内容（第 6 项）').fill('建成党员示范责任区 3 个');
  await cell(page, '分值（第 6 项）').fill('5');
  await expect(page.getByTestId('points-total')).toHaveText('合计 100 分');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`${YEAR} 年度党建目标已保存`)).toBeVisible();
  const plan = await host.call<{ items: { content: string; points: number; deadline: string | null }[] }>('targetPlans.get', { year: YEAR });
  expect(plan.items.map((i) => i.points)).toEqual([15, 25, 20, 15, 20, 5]);
  expect(plan.items[0]!.deadline).toBe(`${YEAR}-12-31`);
  expect(plan.items[5]!.content).toBe('建成党员示范责任区 3 个');

  // 生成责任书: one letter per member from the 通用 template.
  await goTo(page, '目标责任书');
  await expect(page.getByText(`${YEAR} 年还没有责任书`)).toBeVisible();
  await page.getByRole('button', { name: '生成责任书' }).click();
  await expect(page.getByTestId('letters-count')).toHaveText(`${YEAR} 年共 3 份责任书`);
  await expectAccessible(page, 'targets-letters');
  await bothSizes(page, 'targets-letters');
  // All the letters printed at once: a letter starts a page, so at least one page each.
  await page.getByRole('button', { name: '打印预览' }).click();
  const lettersPreview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(lettersPreview.getByTestId('print-page-count')).toHaveText(/^共 ([3-9]|\d{2,}) 页$/);
  await screenshot(page, 'targets-letters-preview');
  await lettersPreview.getByRole('button', { name: '关闭' }).click();
  const word = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  expect((await word).suggestedFilename()).toMatch(/\.docx$/);
  // 每人一份: a zip of one Word file per member, named by the member.
  const each = page.waitForEvent('download');
  await page.getByRole('button', { name: '每人一份' }).click();
  const zip = await each;
  expect(zip.suggestedFilename()).toBe(`渤海钻探第一钻井队党支部${YEAR}年度党员目标管理责任书（3份，每人一个文件）.zip`);
  const entries = execFileSync('unzip', ['-Z1', await zip.path()], { encoding: 'utf8' }).trim().split('\n');
  expect(entries).toEqual(['李红梅', '王建国', '张志强'].map((name) => `${YEAR}年度党员目标管理责任书-${name}.docx`));
  await expect(page.getByText(/“.*（3份，每人一个文件）\.zip”已保存/)).toBeVisible();

  // 张志强's letter adjusted by hand: 10 points moved from production to safety, with a stricter rule.
  await page.getByRole('button', { name: '打开张志强的责任书' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '责任书：张志强' });
  await expect(drawer.getByText(`${YEAR}年度党员目标管理责任书`)).toBeVisible();
  // This one letter printed from its drawer: its own preview, its own Word file.
  await drawer.getByRole('button', { name: '打印预览' }).click();
  const onePreview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(onePreview.getByTestId('print-page-count')).toHaveText('共 1 页');
  await expect(onePreview).toContainText('乙方：张志强');
  await expect(onePreview).not.toContainText('乙方：王建国');
  await onePreview.getByRole('button', { name: '关闭' }).click();
  await expect(onePreview).toBeHidden();
  const oneWord = page.waitForEvent('download');
  await drawer.getByRole('button', { name: '导出 Word' }).click();
  expect((await oneWord).suggestedFilename()).toBe(`${YEAR}年度党员目标管理责任书-张志强.docx`);
  await cell(drawer, '分值（第 2 项）').fill('30');
  // Unsaved changes are not what it would print: the buttons wait for 保存.
  await expect(drawer.getByRole('button', { name: '打印预览' })).toBeDisabled();
  await expect(drawer.getByTestId('points-total').first()).toHaveText('各项分值合计应为 100 分，现为 90 分（少 10 分）');
  await cell(drawer, '分值（第 3 项）').fill('35');
  await cell(drawer, '考核标准/扣分办法（第 3 项）').fill('发生事故一次扣 15 分');
  await expect(drawer.getByTestId('points-total').first()).toHaveText('合计 100 分');
  await expectAccessible(page, 'targets-letter-edit', '.ant-drawer');
  await bothSizes(page, 'targets-letter-edit');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  // The row just saved is marked (and scrolled to), as the roster marks its rows after 保存.
  await expect(page.getByRole('row').filter({ hasText: '张志强' })).toHaveClass(/data-table-row-highlight/);
  await expect(page.getByRole('row').filter({ hasText: '张志强' })).toContainText('已调整');
  await expect(page.getByRole('row').filter({ hasText: '王建国' })).not.toContainText('已调整');
  await expect(page.getByTestId('letters-count')).toHaveText(`${YEAR} 年共 3 份责任书，其中 1 份已调整`);

  // 考核评分 (年终): 张志强's branch scores typed down the column with Enter, the grade shown as they are typed.
  await goTo(page, '考核评分');
  await page.getByRole('radio', { name: '年终考核' }).check({ force: true });
  await page.getByRole('navigation', { name: '党员' }).getByRole('button', { name: /张志强/ }).click();
  await expect(page.getByRole('heading', { name: '张志强（司钻）年终考核' })).toBeVisible();
  const first = cell(page, '支部评（第 1 项，满分 20）');
  await first.click();
  for (const score of ['20', '29', '34', '15']) {
    await page.keyboard.type(score);
    await page.keyboard.press('Enter');
  }
  await expect(cell(page, '支部评（第 4 项，满分 15）')).toHaveValue('15');
  await expect(page.getByTestId('assessment-total')).toHaveText('98');
  await expect(page.getByTestId('assessment-reward')).toContainText('优秀');
  await expectAccessible(page, 'targets-assessment');
  await bothSizes(page, 'targets-assessment');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('张志强的年终考核已保存：总分 98，第 1 名，优秀')).toBeVisible();

  // A second member scored lower through the api, so the rank means something.
  const letters = await host.call<{ id: string; memberName: string }[]>('targetLetters.list', { year: YEAR });
  const wang = letters.find((l) => l.memberName === '王建国')!;
  const wangLetter = await host.call<{ items: { key: string; points: number }[] }>('targetLetters.get', { id: wang.id });
  await host.call('assessments.save', {
    letterId: wang.id,
    period: 'final',
    scores: wangLetter.items.map((item, i) => ({ itemKey: item.key, self: item.points, group: item.points, branch: i === 1 ? item.points - 15 : item.points })),
  });

  // 考核汇总: 张志强 first with 优秀 and its reward, 王建国 second (85, 合格), 李红梅 not yet assessed.
  await goTo(page, '考核汇总');
  await page.getByRole('radio', { name: '年终考核' }).check({ force: true });
  const zhang = page.getByRole('row').filter({ hasText: '张志强' });
  await expect(zhang.getByRole('cell').first()).toHaveText('1');
  await expect(zhang).toContainText('98');
  await expect(zhang).toContainText('优秀');
  await expect(zhang).toContainText('奖励 500 元');
  const wangRow = page.getByRole('row').filter({ hasText: '王建国' });
  await expect(wangRow.getByRole('cell').first()).toHaveText('2');
  await expect(wangRow).toContainText('合格');
  await expect(page.getByRole('row').filter({ hasText: '李红梅' })).toContainText('未考核');
  await expectAccessible(page, 'targets-summary');
  await bothSizes(page, 'targets-summary');
  // 考核汇总表 to Excel, and its print preview.
  const excel = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await excel).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByRole('button', { name: '打印预览' }).click();
  const summaryPreview = page.getByRole('dialog', { name: /^打印预览：/ });
  await expect(summaryPreview.getByTestId('print-page-count')).toHaveText(/^共 [1-9]\d* 页$/);
  await screenshot(page, 'targets-summary-preview');
  await summaryPreview.getByRole('button', { name: '关闭' }).click();
});

test('post templates, zones, projects and commendations: each screen shows its records, keeps its checks, and reads clean', async ({ page, host }) => {
  await seedTargets(host);
  const members = await host.call<{ rows: { id: string; name: string }[] }>('members.search', { limit: 10 });
  const id = (name: string) => members.rows.find((m) => m.name === name)!.id;
  const zone = await host.call<{ id: string }>('zones.save', {
    name: '1 号钻机泥浆循环系统责任区',
    memberId: id('王建国'),
    scopeEquipment: '泥浆泵 2 台、振动筛',
    scopeArea: '循环罐区',
    scopeCrew: '钻井一班',
    commitments: '设备完好率 100%，无跑冒滴漏',
    startDate: `${YEAR}-01-05`,
  });
  await host.call('zones.addRecord', { zoneId: zone.id, date: `${YEAR}-03-02`, content: '带领班组更换振动筛筛布，消除跑浆隐患' });
  const project = await host.call<{ id: string }>('projects.save', {
    title: '两台报废减速箱拼修一台',
    problem: '3 号钻机绞车减速箱损坏，新件到货需 20 天',
    leaderId: id('张志强'),
    memberIds: [id('王建国')],
    startDate: `${YEAR}-02-10`,
    plannedEnd: `${YEAR}-03-10`,
    status: '已完成',
    finishedDate: `${YEAR}-02-28`,
    outcome: '用两台报废减速箱拼修出一台，钻机恢复作业',
    benefitYuan: 38000,
    benefitDays: 18,
  });
  await host.call('projects.addNote', { projectId: project.id, date: `${YEAR}-02-20`, content: '完成拆检，齿轮组可用' });

  await host.call('branchLetters.save', {
    year: YEAR,
    committee: '中共渤海钻探第一工程公司委员会',
    items: TEMPLATE_ITEMS.map((item) => ({ ...item, selfScore: item.points, reviewScore: item.points - 1 })),
  });
  await openTargets(page, host, '岗位目标模板');
  // The 通用 template (seeded) is shown first; a new post's template starts from the defaults and must total 100.
  await expect(cell(page, '目标内容（第 1 项）')).toHaveValue('按时参加三会一课和主题党日');
  await expect(page.getByTestId('points-total').first()).toHaveText('合计 100 分');
  await page.getByRole('navigation', { name: '岗位' }).getByRole('button', { name: /^技术员/ }).click();
  await expect(page.getByRole('heading', { name: /技术员岗位的目标模板/ })).toBeVisible();
  await page.getByRole('button', { name: '添加一项' }).first().click();
  await cell(page, '目标内容（第 1 项）').fill('完成钻井技术方案并现场指导');
  await cell(page, '分值（第 1 项）').fill('60');
  await page.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还不能保存' })).toContainText('各项分值合计应为 100 分，现为 60 分（少 40 分）');
  await expectAccessible(page, 'targets-templates');
  await bothSizes(page, 'targets-templates');

  await goTo(page, '示范责任区');
  const zoneRow = page.getByRole('row').filter({ hasText: '1 号钻机泥浆循环系统责任区' });
  await expect(zoneRow).toContainText('王建国');
  await expect(zoneRow).toContainText(`1 条，最近 ${YEAR}-03-02`);
  await expectAccessible(page, 'targets-zones');
  await bothSizes(page, 'targets-zones');
  await zoneRow.getByRole('button', { name: '打开责任区1 号钻机泥浆循环系统责任区' }).click();
  const zoneDrawer = page.getByRole('dialog').filter({ hasText: '示范责任区：' });
  await cell(zoneDrawer, '工作记录内容').fill('组织循环系统月度检查，整改 2 处');
  await zoneDrawer.getByRole('button', { name: '添加' }).click();
  await expect(zoneDrawer.getByText('工作记录（2 条）')).toBeVisible();
  await expectAccessible(page, 'targets-zone-drawer', '.ant-drawer');
  await bothSizes(page, 'targets-zone-drawer');
  await zoneDrawer.getByRole('button', { name: '保存' }).click();
  await expect(zoneDrawer).toBeHidden();
  await expect(zoneRow).toHaveClass(/data-table-row-highlight/);

  await goTo(page, '立项攻关');
  const projectRow = page.getByRole('row').filter({ hasText: '两台报废减速箱拼修一台' });
  await expect(projectRow).toContainText('节约费用 38000 元，缩短工期 18 天');
  await expect(projectRow).toContainText('已完成');
  await expectAccessible(page, 'targets-projects');
  await bothSizes(page, 'targets-projects');
  await projectRow.getByRole('button', { name: '打开攻关项目两台报废减速箱拼修一台' }).click();
  const projectDrawer = page.getByRole('dialog').filter({ hasText: '攻关项目：' });
  await expect(projectDrawer.getByText('完成拆检，齿轮组可用')).toBeVisible();
  await expectAccessible(page, 'targets-project-drawer', '.ant-drawer');
  await bothSizes(page, 'targets-project-drawer');
  await projectDrawer.getByRole('button', { name: '保存' }).click();
  await expect(projectDrawer).toBeHidden();
  await expect(projectRow).toHaveClass(/data-table-row-highlight/);

  await goTo(page, '评先评优');
  const proposal = page.getByRole('table', { name: '推荐名单' }).getByRole('row').filter({ hasText: '张志强' }).first();
  await expect(proposal).toBeVisible();
  await proposal.getByRole('button', { name: /^登记张志强为/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `登记 ${YEAR} 年评先评优` });
  await expectAccessible(page, 'targets-commendation-dialog', '.ant-modal');
  await bothSizes(page, 'targets-commendation-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: `${YEAR} 年评先评优` }).getByRole('row').filter({ hasText: '张志强' })).toContainText('拟推荐');
  await expectAccessible(page, 'targets-commendations');
  await bothSizes(page, 'targets-commendations');

  // 支部目标责任书: the branch's own letter with the committee, both totals shown.
  await goTo(page, '支部责任书');
  await expect(cell(page, '目标内容（第 2 项）')).toHaveValue('完成本岗位生产任务，急难险重带头上');
  await expect(page.getByText('支部自评合计：100')).toBeVisible();
  await expect(page.getByText('党委评分合计：96')).toBeVisible();
  await expectAccessible(page, 'targets-branch-letter');
  await bothSizes(page, 'targets-branch-letter');
});
