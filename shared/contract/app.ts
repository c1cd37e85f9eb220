/** The app itself: what it is and where its data lives, and the diagnostics file. */
import { defineOperations, op } from './define';
import { z } from 'zod';
import { none } from './common';

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  hasBranch: boolean;
  /** Set when the database failed its integrity check at start-up and was not opened. */
  recovery?: RecoveryInfo | null;
}

export interface RecoveryInfo {
  message: string;
  /** Newest first; `ok` when the backup passes integrity_check. */
  backups: { name: string; createdAt: string; reasonLabel: string; size: number; ok: boolean }[];
}

export const appOperations = defineOperations('app', {}, {
  'app.info': op<AppInfo>()(none),
  'app.exportDiagnostics': op<{ path: string; text: string }>()(none),
  /** Opens a folder main knows (never a path from the renderer); `opened: false` where no file manager can be reached (browser host). */
  'app.openFolder': op<{ opened: boolean; folder: string; error: string }>()(z.object({ which: z.enum(['data', 'backups']) }), { which: '文件夹' }),
});
