/** Runs the CLI as a child process, as a user would (tsx, no build step), in a temporary data folder. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

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
  const r = spawnSync(tsx, ['main/cli/index.ts', ...args], {
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
