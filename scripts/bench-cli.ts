/**
 * The command line's start-up: `help` through scripts/run-bundle.mjs (what `npm run cli -- help`
 * runs once npm has started), against a bare `node -e 0`, the two alternated so a busy machine
 * slows both alike. Median of several runs; the bundle is built first if it is stale.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchRow, median } from './bench-row';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 9;
const TARGET_RATIO = 5;

/** Wall time of one run of node with `args`, in ms; a failed run is an error, not a figure. */
function timeNode(args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return elapsed;
}

export function benchCliStartup(runs = RUNS): BenchRow[] {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the CLI bundle failed:\n${build.stderr}`);
  const cli: number[] = [];
  const bare: number[] = [];
  timeNode(['scripts/run-bundle.mjs', 'cli', 'help']); // warm the file cache
  for (let i = 0; i < runs; i++) {
    bare.push(timeNode(['-e', '0']));
    cli.push(timeNode(['scripts/run-bundle.mjs', 'cli', 'help']));
  }
  const ratio = median(cli) / median(bare);
  return [
    {
      size: 0,
      measure: `CLI start-up (help, median of ${runs})`,
      value: `${median(cli).toFixed(0)} ms`,
      baseline: `${median(bare).toFixed(0)} ms node -e 0`,
      ratio: `${ratio.toFixed(1)}x`,
      target: `< ${TARGET_RATIO}x`,
      verdict: ratio < TARGET_RATIO ? 'PASS' : 'MISS',
    },
  ];
}
