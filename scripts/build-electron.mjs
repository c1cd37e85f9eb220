#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   main/electron/main.ts    -> dist-electron/main.cjs     (node, cjs; electron and better-sqlite3 external)
 *   main/electron/preload.ts -> dist-electron/preload.cjs  (sandboxed preload: only 'electron' may be required)
 * The preload gets the operation names as a plain list computed here from the contract, so it carries
 * no zod or domain code.
 * Usage: node scripts/build-electron.mjs [--out DIR]
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist-electron');
const CONTRACT = path.join(ROOT, 'shared', 'contract', 'operations.ts');

/** Loads OPERATION_NAMES by bundling the contract to a temporary ESM file and importing it. */
async function operationNames() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-contract-'));
  const file = path.join(dir, 'operations.mjs');
  try {
    await build({ entryPoints: [CONTRACT], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'error' });
    const { OPERATION_NAMES } = await import(pathToFileURL(file).href);
    return OPERATION_NAMES;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the contract module, for the preload only, with its list of operation names. */
function operationNamesOnly(names) {
  return {
    name: 'operation-names-only',
    setup(b) {
      b.onLoad({ filter: /[\\/]shared[\\/]contract[\\/]operations\.ts$/ }, () => ({
        contents: `export const OPERATION_NAMES = ${JSON.stringify(names)};`,
        loader: 'js',
      }));
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
  // No code reached from main.ts needs import.meta today; this keeps any future use correct in CJS.
  define: { 'import.meta.url': '__branchDeskImportMetaUrl' },
  banner: { js: "const __branchDeskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

export async function buildElectron({ quiet = false, outDir = OUT } = {}) {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of ['main.cjs', 'main.cjs.map', 'preload.cjs', 'preload.cjs.map']) fs.rmSync(path.join(outDir, f), { force: true });
  const names = await operationNames();
  await build({ ...common, entryPoints: [path.join(ROOT, 'main/electron/main.ts')], outfile: path.join(outDir, 'main.cjs') });
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'main/electron/preload.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    external: ['electron'],
    // A sandboxed preload may require only 'electron' (and a few polyfilled modules): no banner.
    define: {},
    banner: {},
    plugins: [operationNamesOnly(names)],
  });
  if (!quiet) {
    const size = (f) => `${(fs.statSync(path.join(outDir, f)).size / 1024).toFixed(0)} KB`;
    console.log(`dist-electron: main.cjs ${size('main.cjs')}, preload.cjs ${size('preload.cjs')} (${names.length} operations, ${Date.now() - started} ms)`);
  }
  return { outDir, operationNames: names };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  buildElectron(at > 0 ? { outDir: path.resolve(process.argv[at + 1]) } : {}).catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
