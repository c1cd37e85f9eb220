/**
 * 1,000 responsibility letters to one Word file (the letters builder, then renderDocx) against docx's Packer on the same
 * paragraphs and tables without styling; each in its own child process (scripts/bench-letters-child.ts), so each peak
 * RSS is its own. Target: at most 2x the plain packing time, peak memory under 400 MB.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, type BenchRow } from './bench-row';
import { measureInChild, type ChildFigures } from './bench-child';

const SIZE = 1000;
const TARGET_RATIO = 2;
const TARGET_PEAK_MB = 400;
const RUNS = 3;

function runChild(mode: 'letters' | 'plain'): ChildFigures {
  return measureInChild('scripts/bench-letters-child.ts', mode, { BENCH_LETTERS: String(SIZE) });
}

/** Alternating runs, the median of each side (a busy machine shifts both). */
export function benchLetters(): BenchRow[] {
  const letters: ChildFigures[] = [];
  const plain: ChildFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    letters.push(runChild('letters'));
    plain.push(runChild('plain'));
  }
  const ms = median(letters.map((f) => f.ms));
  const base = median(plain.map((f) => f.ms));
  const peak = Math.max(...letters.map((f) => f.maxRssMb));
  const basePeak = Math.max(...plain.map((f) => f.maxRssMb));
  const ratio = ms / base;
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  return [
    {
      size: SIZE,
      measure: 'letters to one Word file (builder + renderDocx) vs docx Packer, same paragraphs and tables unstyled',
      value: `${s(ms)}, peak ${Math.round(peak)} MB`,
      baseline: `${s(base)}, peak ${Math.round(basePeak)} MB`,
      ratio: `${ratio.toFixed(2)}x time`,
      target: `<= ${TARGET_RATIO.toFixed(1)}x, peak < ${TARGET_PEAK_MB} MB`,
      verdict: ratio <= TARGET_RATIO && peak < TARGET_PEAK_MB ? 'PASS' : 'MISS',
    },
  ];
}

// Run alone: npx tsx scripts/bench-letters.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of benchLetters()) console.log(JSON.stringify(row));
}
