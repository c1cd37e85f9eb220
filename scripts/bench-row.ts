/** What every `npm run bench` measure hands to the table scripts/bench.ts prints. */
export interface BenchRow {
  size: number;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
