/**
 * Where the data lives: the OS user-data folder of 支部工作台, the same one Electron's
 * app.getPath('userData') gives (Electron main sets it to this explicitly), shared by the
 * loopback host and the CLI. BRANCH_DESK_DATA_DIR or --db override it.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = '支部工作台';
export const DATABASE_FILE = 'branch-desk.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BRANCH_DESK_DATA_DIR) return path.resolve(env.BRANCH_DESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export interface DataLocation {
  dataDir: string;
  databasePath: string;
}

/** --db FILE puts the database (and its backups, logs and lock) beside FILE. */
export function resolveDataLocation(dbArg?: string | null): DataLocation {
  if (dbArg) {
    const databasePath = path.resolve(dbArg);
    return { dataDir: path.dirname(databasePath), databasePath };
  }
  const dataDir = defaultDataDir();
  return { dataDir, databasePath: path.join(dataDir, DATABASE_FILE) };
}
