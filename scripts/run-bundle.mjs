#!/usr/bin/env node
/**
 * `npm run cli -- …` and `npm run serve -- …`: runs dist-cli/<name>.cjs, building it first when it
 * is missing or older than any of its sources (scripts/build-cli.mjs), so a stale bundle never runs.
 * The check only reads file sizes and times; esbuild is loaded only to build.
 * Usage: node scripts/run-bundle.mjs cli|serve [arguments…]
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { CLI_OUT, staleReason } from './build-cli.mjs';

const [name, ...args] = process.argv.slice(2);
if (name !== 'cli' && name !== 'serve') {
  console.error('用法：node scripts/run-bundle.mjs cli|serve [参数…]');
  process.exit(2);
}
const stale = staleReason();
if (stale) {
  process.stderr.write(`正在构建命令行（${stale}）…\n`);
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli({ quiet: true });
}
// The bundle reads its arguments from process.argv, as when run directly: node dist-cli/cli.cjs …
process.argv = [process.argv[0], path.join(CLI_OUT, `${name}.cjs`), ...args];
createRequire(import.meta.url)(path.join(CLI_OUT, `${name}.cjs`));
