/** Checking an edited item list with the shared rules, each problem in words naming its row and field. */
import type { z } from 'zod';
import { RefusedDate } from '../../components/dates';
import { pointsTotalProblems, TARGETS_FIELD_LABELS } from '../../../../shared/domain/targets';
import { fromEditRows, type EditRow } from './ItemsEditor';

/** "第 3 项 分值：请填写分值", for every row the schema refuses; then the total's problem (not 100). */
export function itemProblems(rows: readonly EditRow[], schema: z.ZodType, what = '项', weighted = true): string[] {
  const problems: string[] = [];
  const items = fromEditRows<Record<string, unknown>>(rows);
  items.forEach((item, i) => {
    for (const [field, value] of Object.entries(item)) {
      if (value instanceof RefusedDate) problems.push(`第 ${i + 1} ${what} ${TARGETS_FIELD_LABELS[field] ?? field}：${value.reason}`);
    }
    const parsed = schema.safeParse(item);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (item[field] instanceof RefusedDate) continue;
      problems.push(`第 ${i + 1} ${what} ${TARGETS_FIELD_LABELS[field] ?? field}：${issue.message}`);
    }
  });
  if (!weighted) return problems;
  const withPoints = items.map((item) => ({ points: typeof item.points === 'number' ? item.points : 0 }));
  return [...problems, ...pointsTotalProblems(withPoints).map((p) => p.message)];
}
