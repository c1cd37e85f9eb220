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

/** A display preference's value: a choice of a screen (e.g. the hidden columns of a list), never personal data. */
export const preferenceValue = z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.string().max(80)).max(100), z.null()]);
export type PreferenceValue = z.infer<typeof preferenceValue>;

export const appOperations = defineOperations('app', {}, {
  'app.info': op<AppInfo>()(none),
  'app.exportDiagnostics': op<{ path: string; text: string }>()(none),
  /** Opens a folder main knows (never a path from the renderer); `opened: false` where no file manager can be reached (browser host). */
  /** The display preferences kept in main (the same on every start, whichever window or port). */
  'app.preferences': op<Record<string, PreferenceValue>>()(none),
  /** Sets one display preference (value null: forget it); answers all of them. */
  'app.setPreference': op<Record<string, PreferenceValue>>()(
    z.object({ key: z.string().regex(/^[\w.:-]{1,80}$/, { error: '设置名称无效' }), value: preferenceValue }),
    { key: '设置名称', value: '设置值' },
  ),
  'app.openFolder': op<{ opened: boolean; folder: string; error: string }>()(z.object({ which: z.enum(['data', 'backups']) }), { which: '文件夹' }),
});
