/** electron-builder.yml (validated with electron-builder's own schema and file matcher) and the native-addon check. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const require = createRequire(import.meta.url);

type Config = Record<string, any>;
let config: Config;

beforeAll(async () => {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  config = await getConfig(ROOT, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false)); // throws on an invalid key or value
});

describe('electron-builder.yml', () => {
  it('names the app and never rebuilds native modules itself', () => {
    expect(config).toMatchObject({ appId: 'cn.branchdesk.app', productName: '支部工作台', asar: true, npmRebuild: false, nodeGypRebuild: false });
  });

  it('ships the Electron build of better-sqlite3 from .electron-native as resources/native', () => {
    expect(config.extraResources).toEqual([{ from: '.electron-native/${platform}-${arch}/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
  });

  it('targets Windows x64 nsis + portable and Linux deb + AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
  });

  it('turns off the fuses that would let the shipped binary run as plain Node', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the bundles and better-sqlite3 JavaScript from node_modules (electron-builder matcher)', () => {
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher');
    const matcher = new FileMatcher(ROOT, '/out', (s: string) => s);
    for (const p of config.files[0].filter as string[]) if (p.startsWith('!')) matcher.addPattern(p);
    matcher.prependPattern('**/*');
    const keep = matcher.createFilter();
    const dir = { isDirectory: () => true };
    const file = { isDirectory: () => false };
    const kept = (p: string, stat = file) => keep(path.join(ROOT, p), stat);
    expect(kept('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(kept('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(kept('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(kept('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(kept('node_modules/antd', dir)).toBe(false);
    expect(kept('node_modules/@ant-design/icons/lib/index.js')).toBe(false);
    expect(kept('node_modules/prebuild-install/index.js')).toBe(false);
    expect(config.files[0].filter).toEqual(expect.arrayContaining(['package.json', 'dist/renderer/**', 'dist-electron/**']));
  });

  it('names icons that exist: a multi-size .ico for Windows, NxN PNGs for Linux, and packs the window icon', () => {
    expect(config.directories.buildResources).toBe('assets');
    const ico = fs.readFileSync(path.join(ROOT, config.win.icon));
    // ICONDIR: reserved 0, type 1 (icon), then the number of images; every entry a PNG.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (let i = 0; i < count; i++) {
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      expect(ico.subarray(offset + 1, offset + 4).toString()).toBe('PNG');
    }
    const linux = path.join(ROOT, config.linux.icon);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = fs.readFileSync(path.join(linux, `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}x${size}.png`).toEqual([size, size]);
    }
    expect(fs.existsSync(path.join(ROOT, 'assets', 'icon.png'))).toBe(true);
    expect(config.files[0].filter).toContain('assets/icon.png');
  });

  it('package.json points Electron at the bundled main process', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });
});

describe('scripts/electron-native.mjs', () => {
  it('refuses an addon that loads in plain Node: it is not an Electron build', async () => {
    const { verifyElectronAddon, nativeTargetFile } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'electron-native.mjs')).href);
    const nodeBuild = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const verdict = verifyElectronAddon(nodeBuild, { platform: process.platform, arch: process.arch, abi: '150' });
    expect(verdict.ok).toBe(false);
    expect(verdict.note).toContain('Node');
    expect(nativeTargetFile('linux', 'arm64')).toBe(path.join(ROOT, '.electron-native', 'linux-arm64', 'better_sqlite3.node'));
  });
});

