/**
 * Where the better-sqlite3 addon built for Electron lives. node_modules/better-sqlite3/build stays
 * the Node build (tests, CLI, loopback host); Electron loads its own through `nativeBinding`.
 * Packaged: resources/native/better_sqlite3.node. Development: .electron-native/<platform>-<arch>/
 * (written by scripts/electron-native.mjs).
 */
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export interface NativeBindingInput {
  packaged: boolean;
  resourcesPath: string;
  appRoot: string;
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
}

export function nativeBindingPath(input: NativeBindingInput): string {
  const env = input.env ?? process.env;
  if (env.BRANCH_DESK_NATIVE_BINDING) return path.resolve(env.BRANCH_DESK_NATIVE_BINDING);
  if (input.packaged) return path.join(input.resourcesPath, 'native', NATIVE_FILE);
  const target = `${input.platform ?? process.platform}-${input.arch ?? process.arch}`;
  return path.join(input.appRoot, '.electron-native', target, NATIVE_FILE);
}
