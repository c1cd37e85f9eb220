/** The one rule for shares on 首页: a percentage with one decimal (3.0%, 3.7%, 0.0%); '—' when there is no total. */
export function formatShare(count: number, total: number): string {
  if (!total) return '—';
  return `${((count / total) * 100).toFixed(1)}%`;
}
