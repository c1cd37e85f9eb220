#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron into .electron-native/<platform>-<arch>/better_sqlite3.node,
 * leaving node_modules/better-sqlite3/build alone (it stays the Node build used by tests, the CLI
 * and the loopback host). Works on a copy of the package in a temp folder:
 *   1. prebuild-install --runtime=electron (downloads the published prebuilt addon), else
 *   2. node-gyp rebuild against Electron's headers (needs a C++ toolchain).
 * Both need the internet; offline this fails with a clear message and the caller falls back.
 * The result is checked: an addon that loads in plain Node is a Node build and is refused.
 *
 * Usage: node scripts/electron-native.mjs [--platform linux|win32|darwin] [--arch x64|arm64] [--force]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SQLITE_PKG = path.join(ROOT, 'node_modules', 'better-sqlite3');
const ELECTRON_PKG = path.join(ROOT, 'node_modules', 'electron');
const ADDON = 'better_sqlite3.node';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

export function electronInfo() {
  const version = readJson(path.join(ELECTRON_PKG, 'package.json')).version;
  const abiFile = path.join(ELECTRON_PKG, 'abi_version');
  const abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : null;
  return { version, abi };
}

export function nativeTargetFile(platform = process.platform, arch = process.arch) {
  return path.join(ROOT, '.electron-native', `${platform}-${arch}`, ADDON);
}

function run(command, args, cwd, timeoutMs) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, npm_config_build_from_source: '' } });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error) return { ok: false, output: `${r.error.message}\n${output}` };
  return { ok: r.status === 0, output };
}

/** A copy of better-sqlite3 without its (Node) build folder, to build in. */
function copyPackage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-native-'));
  const pkg = path.join(dir, 'better-sqlite3');
  fs.cpSync(SQLITE_PKG, pkg, { recursive: true, filter: (src) => path.relative(SQLITE_PKG, src).split(path.sep)[0] !== 'build' });
  return { dir, pkg };
}

/**
 * An Electron build must refuse to load in this Node with Electron's module version in the message.
 * Only checkable for the host's own platform and arch.
 */
export function verifyElectronAddon(file, { platform, arch, abi }) {
  if (platform !== process.platform || arch !== process.arch) return { ok: true, note: '（交叉构建，未能在本机校验）' };
  try {
    process.dlopen({ exports: {} }, file);
  } catch (e) {
    const message = String(e?.message ?? e);
    if (abi && message.includes(`NODE_MODULE_VERSION ${abi}`)) return { ok: true, note: '' };
    if (/NODE_MODULE_VERSION \d+/.test(message)) return { ok: false, note: `模块版本不符（应为 ${abi}）：${message.split('\n')[0]}` };
    return { ok: true, note: `（未能校验：${message.split('\n')[0]}）` };
  }
  return { ok: false, note: '生成的文件能被本机 Node 加载，说明它是为 Node 而不是为 Electron 编译的' };
}

export function ensureElectronNative({ platform = process.platform, arch = process.arch, force = false, log = console.error } = {}) {
  const { version, abi } = electronInfo();
  const sqliteVersion = readJson(path.join(SQLITE_PKG, 'package.json')).version;
  const target = nativeTargetFile(platform, arch);
  const stampFile = path.join(path.dirname(target), 'build-info.json');
  const stamp = { electron: version, abi, betterSqlite3: sqliteVersion, platform, arch };
  if (!force && fs.existsSync(target) && fs.existsSync(stampFile)) {
    const old = readJson(stampFile);
    const check = verifyElectronAddon(target, { platform, arch, abi });
    if (old.electron === version && old.betterSqlite3 === sqliteVersion && check.ok) return { ok: true, file: target, message: `已存在${check.note}` };
    if (!check.ok) log(`已有的 ${path.relative(ROOT, target)} 不可用（${check.note}），重新准备…`);
  }

  log(`正在为 Electron ${version}（${platform}-${arch}）准备数据库组件 better-sqlite3 ${sqliteVersion}…`);
  const { dir, pkg } = copyPackage();
  try {
    const common = [`--runtime=electron`, `--target=${version}`, `--arch=${arch}`, `--platform=${platform}`];
    const prebuilt = run(process.execPath, [path.join(ROOT, 'node_modules', 'prebuild-install', 'bin.js'), ...common, '--verbose'], pkg, 120_000);
    let method = 'prebuild-install';
    let failure = prebuilt.ok ? '' : `prebuild-install：${lastLine(prebuilt.output)}`;
    if (!prebuilt.ok) {
      if (platform !== process.platform) return fail(`${failure}；无法跨平台编译`);
      method = 'node-gyp';
      const gyp = run(
        process.execPath,
        [
          path.join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
          'rebuild',
          '--release',
          `--target=${version}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        pkg,
        15 * 60_000,
      );
      if (!gyp.ok) return fail(`${failure}；node-gyp：${lastLine(gyp.output)}`);
    }
    const built = path.join(pkg, 'build', 'Release', ADDON);
    if (!fs.existsSync(built)) return fail(`${method} 没有生成 ${ADDON}`);
    const check = verifyElectronAddon(built, { platform, arch, abi });
    if (!check.ok) return fail(check.note);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, `${target}.tmp`);
    fs.renameSync(`${target}.tmp`, target);
    fs.writeFileSync(stampFile, `${JSON.stringify({ ...stamp, method, builtAt: new Date().toISOString() }, null, 2)}\n`);
    return { ok: true, file: target, message: `已用 ${method} 生成 ${path.relative(ROOT, target)}${check.note}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  function fail(reason) {
    return { ok: false, file: target, message: `无法为 Electron 准备数据库组件（需要联网下载）：${reason}` };
  }
}

/** The most telling line of a tool's output: a network error if there is one, else the first error. */
function lastLine(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const pick =
    lines.find((l) => /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|fetch failed|network/i.test(l)) ??
    lines.find((l) => /error|fail|错误/i.test(l)) ??
    lines.at(-1);
  return (pick ?? '未知错误').replace(/^gyp ERR! (stack )?/, '').slice(0, 300);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { platform: { type: 'string' }, arch: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const r = ensureElectronNative({ platform: values.platform, arch: values.arch, force: values.force });
  (r.ok ? console.log : console.error)(r.message);
  process.exit(r.ok ? 0 : 1);
}
