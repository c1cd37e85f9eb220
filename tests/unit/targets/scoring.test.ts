/** The scoring rules of target management (shared/domain/targets.ts): 100 points, totals, ranks with ties, rewards. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REWARD_RULES,
  assessmentTotals,
  formatAmount,
  letterTitle,
  pointsTotalProblems,
  projectBenefitText,
  ranksWithTies,
  rewardFor,
  rewardRuleProblems,
  scoreProblems,
  type LetterItem,
} from '../../../shared/domain/targets';

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number, points: number, category = '组织建设'): LetterItem => ({ key: key(n), category, content: `目标${n}`, points, rule: '' });
const ITEMS = [item(1, 40, '思想建设'), item(2, 35), item(3, 25, '作风建设')];

describe('points total 100', () => {
  it('accepts items totalling exactly 100, also with half points', () => {
    expect(pointsTotalProblems(ITEMS)).toEqual([]);
    expect(pointsTotalProblems([{ points: 49.5 }, { points: 50.5 }])).toEqual([]);
  });

  it('names the actual total and how far it is off', () => {
    expect(pointsTotalProblems([{ points: 40 }, { points: 35 }])).toEqual([{ field: 'items', message: '各项分值合计应为 100 分，现为 75 分（少 25 分）' }]);
    expect(pointsTotalProblems([{ points: 60 }, { points: 45.5 }])).toEqual([{ field: 'items', message: '各项分值合计应为 100 分，现为 105.5 分（多 5.5 分）' }]);
  });

  it('refuses an empty list', () => {
    expect(pointsTotalProblems([], 'items_json')).toEqual([{ field: 'items_json', message: '请至少填写一项目标' }]);
  });

  it('adds tenths exactly (0.1 + 0.2 is not an issue: points are whole or half)', () => {
    const halves = Array.from({ length: 200 }, () => ({ points: 0.5 }));
    expect(pointsTotalProblems(halves)).toEqual([]);
  });
});

describe('totals', () => {
  it('the total is the sum of the branch scores once every item has one; self and group are summed beside it', () => {
    const t = assessmentTotals(ITEMS, [
      { itemKey: key(1), self: 40, group: 38, branch: 36, note: '' },
      { itemKey: key(2), self: 35, group: 33, branch: 30.5, note: '' },
      { itemKey: key(3), self: 25, group: null, branch: 20, note: '' },
    ]);
    expect(t).toEqual({ self: 100, group: null, branch: 86.5, scored: 3, items: 3, total: 86.5 });
  });

  it('an item without a branch score leaves the assessment without a total', () => {
    const t = assessmentTotals(ITEMS, [
      { itemKey: key(1), self: 40, group: null, branch: 36, note: '' },
      { itemKey: key(2), self: 30, group: null, branch: null, note: '' },
    ]);
    expect(t.total).toBeNull();
    expect(t.scored).toBe(1);
    expect(t.self).toBeNull();
  });

  it('a score above the item’s points, an unknown item or an item scored twice is refused, naming the item', () => {
    expect(scoreProblems(ITEMS, [{ itemKey: key(2), self: null, group: null, branch: 36, note: '' }])).toEqual([
      { field: 'scores.0.branch', message: '36 分超过该条（组织建设）分值 35 分' },
    ]);
    expect(scoreProblems(ITEMS, [{ itemKey: key(9), self: null, group: null, branch: 1, note: '' }])[0]!.message).toBe('责任书中没有这一条目');
    const twice = [1, 1].map(() => ({ itemKey: key(1), self: null, group: null, branch: 1, note: '' }));
    expect(scoreProblems(ITEMS, twice)).toEqual([{ field: 'scores.1.itemKey', message: '与目标条目第 1 条的评分重复' }]);
  });
});

describe('ranks with ties', () => {
  it('ties share a rank and the next rank skips (1, 1, 3)', () => {
    expect(ranksWithTies([{ total: 90 }, { total: 95 }, { total: 95 }, { total: 80 }])).toEqual([3, 1, 1, 4]);
  });

  it('entries without a total get no rank and do not push others down', () => {
    expect(ranksWithTies([{ total: null }, { total: 70 }, { total: 85 }, { total: 70 }])).toEqual([null, 2, 1, 2]);
  });

  it('everyone tied is first', () => {
    expect(ranksWithTies([{ total: 88 }, { total: 88 }, { total: 88 }])).toEqual([1, 1, 1]);
  });
});

describe('rewards and penalties by thresholds', () => {
  it('the highest threshold reached applies, a threshold itself included', () => {
    expect(rewardFor(DEFAULT_REWARD_RULES, 90)?.grade).toBe('优秀');
    expect(rewardFor(DEFAULT_REWARD_RULES, 89.5)?.grade).toBe('合格');
    expect(rewardFor(DEFAULT_REWARD_RULES, 70)?.grade).toBe('合格');
    expect(rewardFor(DEFAULT_REWARD_RULES, 51)).toMatchObject({ grade: '基本合格', amount: -200 });
    expect(rewardFor(DEFAULT_REWARD_RULES, 50.5)).toMatchObject({ grade: '不合格', amount: -500 });
    expect(rewardFor(DEFAULT_REWARD_RULES, 0)?.grade).toBe('不合格');
  });

  it('rules in any order give the same result; below every threshold or without a total, none', () => {
    const shuffled = [DEFAULT_REWARD_RULES[2]!, DEFAULT_REWARD_RULES[0]!, DEFAULT_REWARD_RULES[1]!];
    expect(rewardFor(shuffled, 95)?.grade).toBe('优秀');
    expect(rewardFor(shuffled, 50)).toBeNull();
    expect(rewardFor(DEFAULT_REWARD_RULES, null)).toBeNull();
  });

  it('the amount reads as a bonus or a deduction', () => {
    expect(formatAmount(500)).toBe('奖励 500 元');
    expect(formatAmount(-200)).toBe('扣发 200 元');
    expect(formatAmount(null)).toBe('');
  });

  it('two rules with the same threshold are refused', () => {
    const rules = [DEFAULT_REWARD_RULES[0]!, { ...DEFAULT_REWARD_RULES[1]!, minScore: 90 }];
    expect(rewardRuleProblems(rules)).toEqual([{ field: 'rewardRules.1.minScore', message: '90 分与其他档重复' }]);
  });
});

describe('texts', () => {
  it('the letter title uses the branch’s short name', () => {
    expect(letterTitle('中共渤海钻探第一钻井队支部委员会', 2026)).toBe('渤海钻探第一钻井队党支部2026年度党员目标管理责任书');
    expect(letterTitle('机关第二党支部', 2026)).toBe('机关第二党支部2026年度党员目标管理责任书');
  });

  it('a project’s benefit names what was measured', () => {
    expect(projectBenefitText(38000, 5)).toBe('节约费用 38000 元，缩短工期 5 天');
    expect(projectBenefitText(null, 2.5)).toBe('缩短工期 2.5 天');
  });
});
