/**
 * Runs the CLI as a child process, as a user would (`npm run cli` runs the bundle dist-cli/cli.cjs
 * through scripts/run-bundle.mjs, which rebuilds it when a source changed), in a temporary data folder;
 * or in-process through main() (fast), for tests that run many commands.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { main } from '../../main/cli/main';

const root = path.resolve(__dirname, '../..');

let bundleChecked = false;

/** Builds the bundle once per test file when it is missing or stale, so no run prints the build note on stderr. */
function ensureBundle(): void {
  if (bundleChecked) return;
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI bundle failed:\n${r.stderr}`);
  bundleChecked = true;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON. */
  json<T = any>(): T;
  /** stderr parsed as JSON (errors under --json). */
  errorJson(): { error: { code: string; message: string; issues?: { index?: number; field: string; label: string; message: string }[] } };
}

export function runCli(args: string[], dataDir: string): CliRun {
  ensureBundle();
  const r = spawnSync(process.execPath, ['scripts/run-bundle.mjs', 'cli', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BRANCH_DESK_DATA_DIR: dataDir, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout),
    errorJson: () => JSON.parse(r.stderr),
  };
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI through main(), with its output collected (the data folder is the process's BRANCH_DESK_DATA_DIR). */
export async function cliInProcess(args: string[]): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** cliInProcess, which must succeed (the command and its stderr are shown when it does not). */
export async function cliOk(args: string[]): Promise<InProcessRun> {
  const r = await cliInProcess(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

/** Every file and folder under `dir`, with a hash of each file's bytes: to show a command left them as they were. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(p);
      } else {
        out[rel] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
      }
    }
  };
  walk(dir);
  return out;
}
