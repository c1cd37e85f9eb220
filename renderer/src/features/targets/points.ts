/** The running total of an item list's points against the 100 it must come to, in the words of the shared rule. */
import { formatPoints, pointsTotalProblems, TOTAL_POINTS } from '../../../../shared/domain/targets';

export function pointsTotalText(total: number): { text: string; ok: boolean } {
  if (total === TOTAL_POINTS) return { text: `合计 ${TOTAL_POINTS} 分`, ok: true };
  return { text: pointsTotalProblems([{ points: total }])[0]!.message, ok: false };
}

export { formatPoints, TOTAL_POINTS };
