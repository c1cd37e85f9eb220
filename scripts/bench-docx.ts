/**
 * The 10,000-member Word roster (renderDocx, tables streamed into the package) against docx's Packer on a plain
 * 10,001 × 13 table of the same cells; each in its own child process (scripts/bench-docx-child.ts), so each peak RSS is
 * its own. Building the cells is not timed, and both children hold them.
 */
import type { BenchRow } from './bench-row';
import { measureInChild, type ChildFigures } from './bench-child';

const SIZE = 10_000;
const TARGET_RATIO = 1;
const TARGET_PEAK_MB = 400;

function runChild(mode: 'roster' | 'plain'): ChildFigures {
  return measureInChild('scripts/bench-docx-child.ts', mode, { BENCH_DOCX_MEMBERS: String(SIZE) });
}

export function benchDocxRoster(): BenchRow[] {
  const roster = runChild('roster');
  const plain = runChild('plain');
  const ratio = roster.ms / plain.ms;
  const pass = ratio <= TARGET_RATIO && roster.maxRssMb < TARGET_PEAK_MB;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (x: number) => `${Math.round(x)} MB`;
  return [
    {
      size: SIZE,
      measure: 'Word roster (renderDocx) vs docx Packer, plain 10,001x13 table',
      value: `${s(roster.ms)}, peak ${mb(roster.maxRssMb)}`,
      baseline: `${s(plain.ms)}, peak ${mb(plain.maxRssMb)}`,
      ratio: `${ratio.toFixed(2)}x time`,
      target: `<= ${TARGET_RATIO.toFixed(1)}x, peak < ${TARGET_PEAK_MB} MB`,
      verdict: pass ? 'PASS' : 'MISS',
    },
  ];
}
