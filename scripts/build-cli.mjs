#!/usr/bin/env node
/**
 * Bundles the command line and the browser host with esbuild, so they start without compiling
 * TypeScript on every run (tsx):
 *   main/cli/index.ts -> dist-cli/cli.cjs
 *   main/cli/serve.ts -> dist-cli/serve.cjs
 * better-sqlite3 stays external: its native module is loaded from node_modules (the Node build),
 * as under tsx. The large libraries only some commands use (Excel, Word, zip, encodings, pinyin)
 * are left in node_modules too and loaded on first use, so `help` does not pay for them.
 *
 * dist-cli/manifest.json records every source file the bundles were built from (size and mtime)
 * and the installed packages (package-lock); scripts/run-bundle.mjs rebuilds when any differs, so
 * a stale bundle is never run.
 *
 * Usage: node scripts/build-cli.mjs [--if-possible] [--if-stale]
 *   --if-possible: for postinstall; a failure (no esbuild binary offline) is reported and ignored,
 *   the first run builds instead.
 *   --if-stale: only when the bundles are missing or older than their sources (tests, before running the CLI).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(ROOT, 'dist-cli');
const MANIFEST = 'manifest.json';

/** Entry -> output file name. */
const ENTRIES = { cli: 'main/cli/index.ts', serve: 'main/cli/serve.ts' };

/** Loaded on first use, from node_modules. Every name here must be a runtime dependency. */
const LAZY_PACKAGES = ['exceljs', 'docx', '@e965/xlsx', 'iconv-lite', 'csv-parse/sync', 'pinyin-pro', 'yauzl', 'yazl'];

/** Files beside the sources whose change makes the bundles stale: this script and the installed packages. */
const EXTRA_INPUTS = ['scripts/build-cli.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/** Size and mtime of a file under ROOT ('missing' when it is not there). */
function stamp(rel) {
  try {
    const s = fs.statSync(path.join(ROOT, rel));
    return `${s.size}:${Math.round(s.mtimeMs)}`;
  } catch {
    return 'missing';
  }
}

/**
 * Why the bundles in `outDir` cannot be run as they are, or null when they are up to date:
 * no manifest, a bundle missing, or a source file changed, moved or deleted since the build.
 */
export function staleReason(outDir = CLI_OUT) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST), 'utf8'));
  } catch {
    return '尚未构建';
  }
  for (const name of Object.keys(ENTRIES)) {
    if (!fs.existsSync(path.join(outDir, `${name}.cjs`))) return `缺少 ${name}.cjs`;
  }
  for (const [rel, was] of Object.entries(manifest.inputs ?? {})) {
    if (stamp(rel) !== was) return `${rel} 已改动`;
  }
  return null;
}

/**
 * A module standing in for a package until one of its exports is read. The names are listed at
 * build time, so esbuild's interop (which copies them as getters) does not load the package early.
 */
function lazyStub(pkg, names) {
  return `
let real;
const load = () => (real ??= require(${JSON.stringify(pkg)}));
const names = ${JSON.stringify(names)};
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? false : load()[key]),
  has: (_, key) => names.includes(key) || key in load(),
  ownKeys: () => names,
  getOwnPropertyDescriptor: (_, key) => (names.includes(key) ? { configurable: true, enumerable: true, get: () => load()[key] } : undefined),
});
`;
}

function lazyPackages() {
  const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
  const names = new Map(LAZY_PACKAGES.map((pkg) => [pkg, Object.keys(requireFromRoot(pkg)).filter((k) => k !== 'default' && k !== '__esModule')]));
  const filter = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[/.@-]/g, (c) => `\\${c}`)).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(b) {
      // Imported from our sources: the stub. Required by the stub: the package itself, left external.
      b.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: lazyStub(args.path, names.get(args.path)), loader: 'js', resolveDir: ROOT }));
    },
  };
}

/** Relative paths of the source files esbuild read (node_modules excluded: package-lock stands for them). */
function sourceInputs(metafile) {
  return Object.keys(metafile.inputs)
    .filter((p) => !p.includes('node_modules') && !p.includes(':'))
    .map((p) => path.relative(ROOT, path.resolve(ROOT, p)).split(path.sep).join('/'));
}

/** Builds both bundles into `outDir`; each file is written aside and renamed, so a concurrent run never sees half a file. */
export async function buildCli({ outDir = CLI_OUT, quiet = false } = {}) {
  const started = Date.now();
  const { build } = await import('esbuild');
  fs.mkdirSync(outDir, { recursive: true });
  const plugin = lazyPackages();
  const inputs = new Set(EXTRA_INPUTS);
  const sizes = [];
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const file = path.join(outDir, `${name}.cjs`);
    const temp = `${file}.${process.pid}.tmp`;
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: temp,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3', 'vite'],
      plugins: [plugin],
      metafile: true,
      logLevel: 'warning',
      // import.meta.url is used by the host to find the repository (dist/renderer, vite.config.ts):
      // the bundle stands in for main/transports/hostProcess.ts, two folders below the root as it is.
      define: { 'import.meta.url': '__branchDeskImportMetaUrl' },
      banner: {
        js: "const __branchDeskImportMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'main', 'transports', 'bundle.cjs')).href;",
      },
    });
    fs.renameSync(temp, file);
    for (const rel of sourceInputs(result.metafile)) inputs.add(rel);
    sizes.push(`${name}.cjs ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
  }
  const manifest = { builtAt: new Date().toISOString(), inputs: Object.fromEntries([...inputs].sort().map((rel) => [rel, stamp(rel)])) };
  const temp = path.join(outDir, `${MANIFEST}.${process.pid}.tmp`);
  fs.writeFileSync(temp, JSON.stringify(manifest, null, 1));
  fs.renameSync(temp, path.join(outDir, MANIFEST));
  if (!quiet) console.error(`dist-cli: ${sizes.join(', ')} (${Object.keys(manifest.inputs).length} inputs, ${Date.now() - started} ms)`);
  return { outDir, inputs: Object.keys(manifest.inputs) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifPossible = process.argv.includes('--if-possible');
  const needed = !process.argv.includes('--if-stale') || staleReason() !== null;
  (needed ? buildCli() : Promise.resolve()).catch((e) => {
    console.error(`dist-cli: ${ifPossible ? '未能预先构建命令行（首次运行时会再构建）：' : ''}${e.message ?? e}`);
    process.exit(ifPossible ? 0 : 1);
  });
}
