/** The folders the screens may open: named by what they hold, resolved here, never a path from the renderer. */
import fs from 'node:fs';
import type { AppContext } from '../../app/context';
import { backupDir } from '../../db/backup';

export type KnownFolder = 'data' | 'backups';

export function knownFolder(ctx: AppContext, which: KnownFolder): string {
  return which === 'data' ? ctx.dataDir : backupDir(ctx.databasePath);
}

export async function openFolder(ctx: AppContext, which: KnownFolder): Promise<{ opened: boolean; folder: string; error: string }> {
  const folder = knownFolder(ctx, which);
  if (!ctx.openFolder) return { opened: false, folder, error: '' };
  fs.mkdirSync(folder, { recursive: true });
  const error = await ctx.openFolder(folder);
  if (error) ctx.log.error(`could not open folder (${which}): ${error}`);
  return { opened: !error, folder, error: error ? `无法打开文件夹：${error}` : '' };
}
