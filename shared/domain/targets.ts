/**
 * Party-building target management (目标管理, domain.md 4): the yearly plan, post templates and the
 * members' responsibility letters (党员目标管理责任书), and the scoring rules of the assessment: points total
 * 100, totals, ranks with ties, rewards and penalties by thresholds. Pure: the screens check with the same rules.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';
import type { FieldProblem } from './member';

/** The categories a plan or a letter usually has (suggestions; a branch may type its own). */
export const TARGET_CATEGORIES = ['思想建设', '组织建设', '作风建设', '制度建设', '党风廉政建设', '生产经营/中心工作'] as const;

/** Every plan, template and letter totals exactly this many points. */
export const TOTAL_POINTS = 100;

export const ASSESSMENT_PERIODS = ['mid', 'final'] as const;
export type AssessmentPeriod = (typeof ASSESSMENT_PERIODS)[number];
export const PERIOD_LABELS: Record<AssessmentPeriod, string> = { mid: '半年考核', final: '年终考核' };

export const PROJECT_STATUSES = ['进行中', '已完成', '已中止'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const COMMENDATION_STATUSES = ['拟推荐', '已表彰'] as const;
export type CommendationStatus = (typeof COMMENDATION_STATUSES)[number];

/** Titles offered when the code list of 表彰称号 lacks them (issue 13: 红旗责任区 and the like). */
export const COMMENDATION_TITLES = ['优秀共产党员', '党员先锋岗', '红旗责任区', '党员示范岗', '优秀攻关项目'] as const;

/** When a member's post has no template of its own, the template of this post applies. */
export const GENERAL_POST = '通用';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Chinese names of every input field of the capability, for messages. */
export const TARGETS_FIELD_LABELS: Record<string, string> = {
  id: '记录',
  year: '年度',
  title: '标题',
  note: '备注',
  items: '目标条目',
  key: '条目',
  category: '类别',
  content: '目标内容',
  measure: '措施',
  points: '分值',
  responsibleMemberId: '责任人',
  responsible: '责任人',
  deadline: '完成时限',
  rule: '考核标准/扣分办法',
  post: '岗位',
  assessmentMethod: '考核办法',
  rewardRules: '奖惩规则',
  minScore: '分数线',
  grade: '档次',
  outcome: '奖惩内容',
  amount: '奖惩金额',
  otherTerms: '其他约定',
  secretary: '甲方代表（书记）',
  periodStart: '责任期限起',
  periodEnd: '责任期限止',
  signedDate: '签订日期',
  memberId: '党员',
  memberIds: '项目成员',
  letterId: '责任书',
  period: '考核期',
  scores: '评分',
  itemKey: '目标条目',
  self: '自评分',
  group: '小组评分',
  branch: '支部评分',
  assessedDate: '考核日期',
  name: '名称',
  scopeEquipment: '责任范围（设备）',
  scopeArea: '责任范围（区域）',
  scopeCrew: '责任范围（班组/人员）',
  commitments: '承诺事项',
  startDate: '开始日期',
  endDate: '结束日期',
  zoneId: '示范责任区',
  date: '日期',
  problem: '生产难题',
  leaderId: '项目负责人',
  plannedEnd: '计划完成日期',
  status: '状态',
  finishedDate: '完成日期',
  benefitYuan: '节约费用（元）',
  benefitDays: '节约时间（天）',
  projectId: '攻关项目',
  basis: '推荐依据',
  decidedDate: '表彰日期',
  committee: '上级党委',
  selfScore: '支部自评分',
  reviewScore: '党委评分',
  rewardsText: '奖惩',
  expectedUpdatedAt: '修改时间',
};

/** The lists inside inputs: their items are named by position, e.g. 目标条目（第 3 条）分值. */
const NESTED_LISTS: Record<string, { unit: string; max: number; fields: string[] }> = {
  items: {
    unit: '条',
    max: 60,
    fields: ['key', 'category', 'content', 'measure', 'points', 'responsibleMemberId', 'responsible', 'deadline', 'rule', 'selfScore', 'reviewScore', 'note'],
  },
  scores: { unit: '条', max: 60, fields: ['itemKey', 'self', 'group', 'branch', 'note'] },
  rewardRules: { unit: '档', max: 10, fields: ['minScore', 'grade', 'outcome', 'amount'] },
  memberIds: { unit: '人', max: 20, fields: [] },
};

/** The Chinese name of an input field, a field inside a list included (items.2.points → 目标条目（第 3 条）分值). */
export function targetsFieldLabel(field: string): string | undefined {
  if (TARGETS_FIELD_LABELS[field]) return TARGETS_FIELD_LABELS[field];
  const m = /^(\w+)\.(\d+)(?:\.(\w+))?$/.exec(field);
  const list = m && NESTED_LISTS[m[1]!];
  if (!m || !list) return undefined;
  const sub = m[3] ? (TARGETS_FIELD_LABELS[m[3]] ?? m[3]) : '';
  return `${TARGETS_FIELD_LABELS[m[1]!]}（第 ${Number(m[2]) + 1} ${list.unit}）${sub}`;
}

/** Every field label, the positions in lists spelled out: what the contract hands the dispatcher for its messages. */
export const TARGETS_INPUT_LABELS: Record<string, string> = (() => {
  const labels: Record<string, string> = { ...TARGETS_FIELD_LABELS };
  for (const [list, { max, fields }] of Object.entries(NESTED_LISTS)) {
    for (let i = 0; i < max; i++) {
      for (const path of fields.length ? fields.map((f) => `${list}.${i}.${f}`) : [`${list}.${i}`]) labels[path] = targetsFieldLabel(path)!;
    }
  }
  return labels;
})();

const text = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字` });
const required = (max: number, what: string) => text(max).min(1, { error: `请填写${what}` });
export const targetYear = z
  .number({ error: '请填写年度' })
  .int({ error: '年度应为整数' })
  .min(MIN_YEAR, { error: `年度应在 ${MIN_YEAR}—${MAX_YEAR} 之间` })
  .max(MAX_YEAR, { error: `年度应在 ${MIN_YEAR}—${MAX_YEAR} 之间` });
const date = z.string().refine(isIsoDate, { error: '请填写有效日期（如 2026-03-12）' });
const optionalDate = z
  .union([z.literal(''), date])
  .nullish()
  .transform((v) => v || null);
const memberRef = z
  .string()
  .uuid({ error: '所选党员无效' })
  .nullish()
  .transform((v) => v ?? null);
/** Item keys are UUIDs; new items come without one and get one when saved. */
const itemKey = z
  .string()
  .uuid({ error: '条目编号无效' })
  .nullish()
  .transform((v) => v ?? null);

/** Whole or half points (0.5 steps: sums stay exact). */
function isHalfStep(n: number): boolean {
  return Number.isInteger(n * 2);
}
export const pointsSchema = z
  .number({ error: '请填写分值' })
  .gt(0, { error: '分值应大于 0' })
  .max(TOTAL_POINTS, { error: `分值不能超过 ${TOTAL_POINTS}` })
  .refine(isHalfStep, { error: '分值应为整数或 0.5 的倍数' });
export const scoreSchema = z
  .number({ error: '请填写分数' })
  .min(0, { error: '分数不能为负' })
  .max(TOTAL_POINTS, { error: `分数不能超过 ${TOTAL_POINTS}` })
  .refine(isHalfStep, { error: '分数应为整数或 0.5 的倍数' });
const optionalScore = scoreSchema.nullish().transform((v) => v ?? null);

/** An item of the branch's yearly plan (年度党建目标). */
export const planItemSchema = z.object({
  key: itemKey,
  category: required(20, '类别'),
  content: required(500, '目标内容'),
  measure: text(500).default(''),
  points: pointsSchema,
  /** The member responsible, when one is; `responsible` is the name shown (a member's, or e.g. 支委会). */
  responsibleMemberId: memberRef,
  responsible: text(30).default(''),
  deadline: optionalDate,
});
export type PlanItemInput = z.input<typeof planItemSchema>;
export type PlanItem = z.output<typeof planItemSchema> & { key: string };

/** An item of a post template or a letter: a target with its points and how it is scored. */
export const letterItemSchema = z.object({
  key: itemKey,
  category: required(20, '类别'),
  content: required(500, '目标内容'),
  points: pointsSchema,
  /** 考核标准/扣分办法, e.g. 缺席一次扣 2 分. */
  rule: text(300).default(''),
});
export type LetterItemInput = z.input<typeof letterItemSchema>;
export type LetterItem = z.output<typeof letterItemSchema> & { key: string };

/**
 * One threshold of the rewards and penalties (奖惩): a total of at least `minScore` earns this grade and
 * outcome. The rule with the highest threshold reached applies. `amount` in yuan: positive a bonus,
 * negative a deduction, null none.
 */
export const rewardRuleSchema = z.object({
  minScore: scoreSchema,
  grade: required(10, '档次（如 优秀、合格）'),
  outcome: text(200).default(''),
  amount: z
    .number({ error: '奖惩金额应为数字' })
    .int({ error: '奖惩金额应为整数（元）' })
    .min(-100000, { error: '奖惩金额过大' })
    .max(100000, { error: '奖惩金额过大' })
    .nullish()
    .transform((v) => v ?? null),
});
export type RewardRuleInput = z.input<typeof rewardRuleSchema>;
export type RewardRule = z.output<typeof rewardRuleSchema>;

/** One item's scores in an assessment; `branch` (支部评分) is the one that counts. */
export const itemScoreSchema = z.object({
  itemKey: z.string().uuid({ error: '条目编号无效' }),
  self: optionalScore,
  group: optionalScore,
  branch: optionalScore,
  note: text(200).default(''),
});
export type ItemScoreInput = z.input<typeof itemScoreSchema>;
export type ItemScore = z.output<typeof itemScoreSchema>;

/** An item of the branch's own letter with the higher committee (支部达标创先), with its two scores. */
export const branchLetterItemSchema = letterItemSchema.extend({
  selfScore: optionalScore,
  reviewScore: optionalScore,
  note: text(200).default(''),
});
export type BranchLetterItemInput = z.input<typeof branchLetterItemSchema>;
export type BranchLetterItem = z.output<typeof branchLetterItemSchema> & { key: string };

/** The rules a new template starts with (domain.md 4.3: ≥70 合格, 51–69 基本合格, ≤50 不合格; 优秀 from the best). */
export const DEFAULT_REWARD_RULES: readonly RewardRule[] = [
  { minScore: 90, grade: '优秀', outcome: '奖励 500 元，优先推荐评选优秀共产党员', amount: 500 },
  { minScore: 70, grade: '合格', outcome: '不奖不罚', amount: null },
  { minScore: 51, grade: '基本合格', outcome: '扣发 200 元，限期整改', amount: -200 },
  { minScore: 0, grade: '不合格', outcome: '扣发 500 元，按《处置办法》组织处置', amount: -500 },
];

export const DEFAULT_ASSESSMENT_METHOD =
  '实行平时登记、半年初评、年终总评。考核时本人自评、党小组评议、支部委员会评定，以支部评定分数为准；考核结果作为民主评议党员和评先评优的重要依据。';
export const DEFAULT_OTHER_TERMS = '本责任书一式两份，甲乙双方各执一份，自签订之日起生效。执行中如有调整，经双方协商后书面补充。';

// ---------------------------------------------------------------------------------------------------------
// Scoring rules

/** Sum of points (or scores) in half points, exact. */
export function sumPoints(values: readonly number[]): number {
  return values.reduce((s, v) => s + Math.round(v * 2), 0) / 2;
}

/** 100 → "100", 7.5 → "7.5". */
export function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * The points of a plan, template or letter must total exactly 100. The message names the actual total, and
 * how far it is off, so the secretary knows which way to adjust.
 */
export function pointsTotalProblems(items: readonly { points: number }[], field = 'items'): FieldProblem[] {
  if (items.length === 0) return [{ field, message: '请至少填写一项目标' }];
  const total = sumPoints(items.map((i) => i.points));
  if (total === TOTAL_POINTS) return [];
  const diff = total > TOTAL_POINTS ? `多 ${formatPoints(total - TOTAL_POINTS)} 分` : `少 ${formatPoints(TOTAL_POINTS - total)} 分`;
  return [{ field, message: `各项分值合计应为 ${TOTAL_POINTS} 分，现为 ${formatPoints(total)} 分（${diff}）` }];
}

/** Thresholds must differ; they are kept from the highest down. */
export function rewardRuleProblems(rules: readonly RewardRule[], field = 'rewardRules'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  rules.forEach((r, i) => {
    if (seen.has(r.minScore)) problems.push({ field: `${field}.${i}.minScore`, message: `${formatPoints(r.minScore)} 分与其他档重复` });
    seen.add(r.minScore);
  });
  return problems;
}

export function sortRewardRules(rules: readonly RewardRule[]): RewardRule[] {
  return [...rules].sort((a, b) => b.minScore - a.minScore);
}

/** The rule that applies to a total: the highest threshold at or below it; none when the total is below them all. */
export function rewardFor(rules: readonly RewardRule[], total: number | null): RewardRule | null {
  if (total === null) return null;
  return sortRewardRules(rules).find((r) => total >= r.minScore) ?? null;
}

/** "奖励 500 元" / "扣发 200 元" / "". */
export function formatAmount(amount: number | null): string {
  if (amount === null || amount === 0) return '';
  return amount > 0 ? `奖励 ${amount} 元` : `扣发 ${-amount} 元`;
}

/** Problems of scores against a letter's items: known items, each once, no score above the item's points. */
export function scoreProblems(items: readonly LetterItem[], scores: readonly ItemScore[], field = 'scores'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byKey = new Map(items.map((item, i) => [item.key, { item, index: i }]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const found = byKey.get(s.itemKey);
    if (!found) return problems.push({ field: `${field}.${i}.itemKey`, message: '责任书中没有这一条目' });
    if (seen.has(s.itemKey)) return problems.push({ field: `${field}.${i}.itemKey`, message: `与目标条目第 ${found.index + 1} 条的评分重复` });
    seen.add(s.itemKey);
    for (const who of ['self', 'group', 'branch'] as const) {
      const v = s[who];
      if (v !== null && v > found.item.points) {
        problems.push({
          field: `${field}.${i}.${who}`,
          message: `${formatPoints(v)} 分超过该条（${found.item.category}）分值 ${formatPoints(found.item.points)} 分`,
        });
      }
    }
  });
  return problems;
}

export interface AssessmentTotals {
  self: number | null;
  group: number | null;
  branch: number | null;
  /** Items with a branch score, of all the letter's items. */
  scored: number;
  items: number;
  /** The total that counts: the sum of the branch scores, once every item has one; null until then. */
  total: number | null;
}

/**
 * Totals of an assessment. Rule: the total that counts is the sum of the 支部评分 (the branch committee's
 * score) over every item of the letter; self and group scores are shown beside it, summed when every item
 * has one. An item left without a branch score leaves the assessment incomplete (no total, no rank).
 */
export function assessmentTotals(items: readonly LetterItem[], scores: readonly ItemScore[]): AssessmentTotals {
  const byKey = new Map(scores.map((s) => [s.itemKey, s]));
  const sumOf = (who: 'self' | 'group' | 'branch'): number | null => {
    const values = items.map((i) => byKey.get(i.key)?.[who] ?? null);
    return values.every((v) => v !== null) && values.length > 0 ? sumPoints(values as number[]) : null;
  };
  const scored = items.filter((i) => (byKey.get(i.key)?.branch ?? null) !== null).length;
  const branch = sumOf('branch');
  return { self: sumOf('self'), group: sumOf('group'), branch, scored, items: items.length, total: branch };
}

/**
 * Ranks by total, highest first, with ties sharing a rank and the next rank skipping (1, 1, 3): a rank is one
 * more than the number of totals above it. Entries without a total have no rank.
 */
export function ranksWithTies<T extends { total: number | null }>(entries: readonly T[]): (number | null)[] {
  const totals = entries.map((e) => e.total).filter((t): t is number => t !== null);
  return entries.map((e) => (e.total === null ? null : 1 + totals.filter((t) => t > e.total!).length));
}

/** A copy of items with new keys (a copy of last year's plan, a letter from a template). */
export function withNewKeys<T extends { key: string | null }>(items: readonly T[], newKey: () => string): (T & { key: string })[] {
  return items.map((i) => ({ ...i, key: newKey() }));
}

/** Keys kept, new items keyed: what a save stores. */
export function keyed<T extends { key: string | null }>(items: readonly T[], newKey: () => string): (T & { key: string })[] {
  return items.map((i) => ({ ...i, key: i.key ?? newKey() }));
}

/** Item keys must be unique within a list (a pasted row keeps its key). */
export function duplicateKeyProblems(items: readonly { key: string | null }[], field = 'items'): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  items.forEach((item, i) => {
    if (item.key === null) return;
    if (seen.has(item.key)) problems.push({ field: `${field}.${i}.key`, message: '与前面的条目重复' });
    seen.add(item.key);
  });
  return problems;
}

/** "××党支部2026年度党员目标管理责任书" (domain.md 4.2). */
export function letterTitle(branchName: string, year: number): string {
  return `${shortBranchName(branchName)}${year}年度党员目标管理责任书`;
}

/** "中共渤海钻探第一钻井队支部委员会" → "渤海钻探第一钻井队党支部"; other names as they are. */
export function shortBranchName(name: string): string {
  const m = /^中共(.+?)(?:党)?支部委员会$/.exec(name);
  return m ? `${m[1]}党支部` : name;
}

/** "节约费用 38000 元，缩短工期 5 天" — the measured benefit of a project, as reports write it. */
export function projectBenefitText(yuan: number | null, days: number | null): string {
  const parts: string[] = [];
  if (yuan !== null) parts.push(`节约费用 ${formatNumber(yuan)} 元`);
  if (days !== null) parts.push(`缩短工期 ${formatNumber(days)} 天`);
  return parts.join('，');
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
