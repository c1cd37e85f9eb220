/** The running total of an item list's points against the 100 it must come to, in the words of the shared rule. */
import { formatAmount, formatPoints, pointsTotalProblems, TOTAL_POINTS, type RewardRule } from '../../../../shared/domain/targets';

export function pointsTotalText(total: number): { text: string; ok: boolean } {
  if (total === TOTAL_POINTS) return { text: `合计 ${TOTAL_POINTS} 分`, ok: true };
  return { text: pointsTotalProblems([{ points: total }])[0]!.message, ok: false };
}

export { formatPoints, TOTAL_POINTS };

/** A rule's outcome, with its amount unless the outcome already says it (奖励 500 元，…). */
export function rewardText(rule: Pick<RewardRule, 'outcome' | 'amount'>): string {
  const amount = formatAmount(rule.amount);
  return [rule.outcome, amount && !rule.outcome.includes(amount) ? amount : ''].filter(Boolean).join('；');
}
