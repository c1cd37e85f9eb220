/**
 * Measures taken in a child process, so each peak RSS is its own: the bench spawns a script with a mode, the script
 * times its work and prints {ms, maxRssMb, bytes, …} as JSON (`printFigures`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ChildFigures {
  ms: number;
  maxRssMb: number;
  bytes: number;
}

/** Runs `script` (relative to the repo) with `mode` in a fresh Node process and reads back its figures. */
export function measureInChild(script: string, mode: string, env: Record<string, string>): ChildFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, mode], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out) as ChildFigures;
}

/**
 * This process's peak RSS in MB. On Linux getrusage's maxRSS survives exec, so a child spawned by a big bench process
 * would report its parent's size; VmHWM in /proc/self/status is the high-water mark of this process's own memory.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Times `work` and prints the child's figures for `measureInChild`. */
export async function printFigures(work: () => Promise<Buffer>, extra: Record<string, number> = {}): Promise<void> {
  const start = performance.now();
  const bytes = await work();
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: peakRssMb(), bytes: bytes.length, ...extra }));
}
