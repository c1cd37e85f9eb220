#!/usr/bin/env node
/**
 * `npm run dist`: installers with electron-builder (electron-builder.yml).
 *   1. build the renderer (vite) and the Electron bundles (dist-electron);
 *   2. build better-sqlite3 for Electron for every target arch (scripts/electron-native.mjs);
 *   3. run electron-builder for this platform, without rebuilding native modules.
 * Needs internet access (Electron, its headers or prebuilt addons, NSIS/AppImage tools are downloaded),
 * so it cannot run on an offline machine. Build Windows installers on Windows, Linux ones on Linux.
 * Usage: node scripts/dist.mjs [--arch x64,arm64] [--dir]   (--dir: unpacked app only, for a quick look)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildElectron } from './build-electron.mjs';
import { ensureElectronNative } from './electron-native.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ARCHES = { linux: ['x64', 'arm64'], win32: ['x64'] };
const BUILDER_FLAG = { linux: '--linux', win32: '--win' };

function die(message) {
  console.error(message);
  process.exit(1);
}

async function main() {
  const { values } = parseArgs({ options: { arch: { type: 'string' }, dir: { type: 'boolean', default: false } } });
  const platform = process.platform;
  if (!BUILDER_FLAG[platform]) die(`不支持在 ${platform} 上打包：Windows 安装包请在 Windows 上构建，Linux 安装包请在 Linux 上构建。`);
  const arches = values.arch ? values.arch.split(',').map((a) => a.trim()) : DEFAULT_ARCHES[platform];

  process.chdir(ROOT); // vite.config.ts resolves its root relative to the working folder
  console.log('1/3 构建界面与 Electron 主进程…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  await buildElectron();

  console.log(`2/3 为 Electron 准备数据库组件（${arches.join('、')}）…`);
  for (const arch of arches) {
    const r = ensureElectronNative({ platform, arch });
    if (!r.ok) die(`${r.message}\n打包需要联网：请在能访问 GitHub 与 Electron 下载站的电脑上运行 npm run dist。`);
    console.log(`  ${arch}: ${r.message}`);
  }

  console.log('3/3 electron-builder…');
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const args = [cli, '--config', 'electron-builder.yml', BUILDER_FLAG[platform], ...arches.map((a) => `--${a}`), '--publish', 'never'];
  if (values.dir) args.push('--dir');
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) die('electron-builder 失败（见上方输出）。');
  const out = path.join(ROOT, 'release');
  const artifacts = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => /\.(exe|deb|AppImage)$/.test(f)) : [];
  console.log(`完成：${artifacts.map((f) => `release/${f}`).join('，') || '见 release/ 文件夹'}`);
}

main().catch((e) => die(e?.message ?? String(e)));
