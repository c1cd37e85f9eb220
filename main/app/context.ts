/** Everything a service call may need, created once per process (app, host, CLI, test). */
import type { Sqlite } from '../db/query';
import { openDatabase } from '../db/open';
// The table registry and the facts are filled when main/capabilities.ts loads (the dispatcher and the CLI import it).
import { JobRunner } from '../services/jobs/jobs';
import { createLogger, type Logger } from './log';
import { resolveDataLocation } from './paths';
import { APP_VERSION } from './version';

export interface AppContext {
  db: Sqlite;
  dataDir: string;
  databasePath: string;
  appVersion: string;
  jobs: JobRunner;
  log: Logger;
  /**
   * Opens a folder in the system's file manager ('' on success, else the reason). Set by the Electron shell
   * (shell.openPath); absent in the browser host and the CLI, where the screen shows the folder as text.
   */
  openFolder?: (folder: string) => Promise<string>;
}

export async function createContext(options: { db?: string | null; nativeBinding?: string } = {}): Promise<AppContext> {
  const { dataDir, databasePath } = resolveDataLocation(options.db);
  const log = createLogger(dataDir);
  const db = await openDatabase(databasePath, { nativeBinding: options.nativeBinding });
  log.info(`opened database (app ${APP_VERSION})`);
  return { db, dataDir, databasePath, appVersion: APP_VERSION, jobs: new JobRunner(), log };
}

export function closeContext(ctx: AppContext): void {
  if (ctx.db.open) ctx.db.close();
}
