/**
 * The command line runs from one esbuild bundle (dist-cli/cli.cjs, scripts/build-cli.mjs): it is
 * rebuilt when a source changes, loads better-sqlite3's Node build from node_modules, and leaves
 * the large libraries (Excel, Word, zip) until a command uses them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOk, runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const dir = tempDir('branch-desk-cli-bundle-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface BuildScript {
  CLI_OUT: string;
  staleReason(outDir?: string): string | null;
}
let script: BuildScript;
beforeAll(async () => {
  script = await import(pathToFileURL(path.join(ROOT, 'scripts', 'build-cli.mjs')).href);
  runCli(['help'], dir); // builds the bundle if it is stale
}, 120_000);

/** A copy of dist-cli to spoil, leaving the real one alone. */
function copyOfBundle(name: string): string {
  const copy = path.join(dir, name);
  fs.cpSync(script.CLI_OUT, copy, { recursive: true });
  return copy;
}

describe('the CLI bundle', () => {
  it('is up to date after a run, and stale once a source it was built from is not as it was', () => {
    expect(script.staleReason()).toBeNull();
    const changed = copyOfBundle('changed');
    expect(script.staleReason(changed)).toBeNull();
    const manifestFile = path.join(changed, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['main/cli/help.ts', 'main/services/roster/cli.ts', 'shared/contract/operations.ts', 'package-lock.json']));
    manifest.inputs['main/cli/help.ts'] = '1:1';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(script.staleReason(changed)).toBe('main/cli/help.ts 已改动');
    const missing = copyOfBundle('missing');
    fs.rmSync(path.join(missing, 'cli.cjs'));
    expect(script.staleReason(missing)).toBe('缺少 cli.cjs');
    expect(script.staleReason(path.join(dir, 'never-built'))).toBe('尚未构建');
  });

  it('help loads no large library: only better-sqlite3 from node_modules', () => {
    const probe = `process.argv = [process.argv[0], 'cli', 'help']; process.stdout.write = () => true;
      require(${JSON.stringify(path.join(script.CLI_OUT, 'cli.cjs'))});
      process.on('exit', () => console.error(JSON.stringify([...new Set(Object.keys(require.cache).map((k) => /node_modules[\\\\/]((@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(k)?.[1]).filter(Boolean))])));`;
    const r = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stderr.trim().split('\n').pop()!)).toEqual(['better-sqlite3']);
  });

  it('runs commands that read the database and write Word and Excel files (the lazy libraries load when used)', async () => {
    const db = path.join(dir, 'data', 'x.sqlite');
    await cliOk(['seed-demo', '--members', '12', '--seed', '5', '--db', db]);
    const listed = runCli(['member', 'list', '--json', '--db', db], dir);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json<unknown[]>()).toHaveLength((await cliOk(['member', 'list', '--json', '--db', db])).stdout.match(/"idNumber"/g)!.length);
    for (const file of ['roster.docx', 'roster.xlsx']) {
      const r = runCli(['roster', 'export', path.join(dir, file), '--db', db], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(fs.readFileSync(path.join(dir, file)).subarray(0, 2).toString()).toBe('PK');
    }
    const read = runCli(['roster', 'import', path.join(dir, 'roster.xlsx'), '--dry-run', '--json', '--db', db], dir);
    expect(read.code, read.stderr).toBe(0);
    expect(read.json()).toMatchObject({ new: 0, written: false });
  });
});
