/** The next step's dates in words (never by colour alone). */
import { daysBetween } from '../../../../shared/domain/dates';
import type { NextStep } from '../../../../shared/domain/pipeline';

export function dueText(next: NextStep, today: string): string | null {
  const parts: string[] = [];
  if (next.dueDate) {
    const days = daysBetween(today, next.dueDate);
    parts.push(next.overdue ? `应于 ${next.dueDate} 前完成，已逾期 ${-days} 天` : days === 0 ? `应于今天（${next.dueDate}）完成` : `应于 ${next.dueDate} 前完成（还有 ${days} 天）`);
  }
  if (next.earliestDate) parts.push(next.earliestDate > today ? `最早 ${next.earliestDate} 才能进行` : `${next.earliestDate} 起可以进行`);
  if (next.latestDate) parts.push(`最迟不超过 ${next.latestDate}`);
  return parts.length ? parts.join('；') : null;
}
