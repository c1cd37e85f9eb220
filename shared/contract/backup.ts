/** Backups of the database file, and recovery from one when the database is damaged. */
import { z } from 'zod';
import { defineOperations, op } from './define';
import { fileData, none } from './common';
import type { BackupInfo, VerifyResult } from './handover';

const backupName = z.object({ name: z.string().max(200) });

export const backupOperations = defineOperations('backup', {}, {
  'recovery.restore': op<{ restored: string; damagedCopy: string | null }>()(backupName),
  'backup.list': op<BackupInfo[]>()(none),
  'backup.create': op<BackupInfo>()(none),
  'backup.verify': op<VerifyResult>()(backupName),
  'backup.restore': op<{ restored: BackupInfo; undo: BackupInfo }>()(backupName),
  /** A backup's content, for 保存到… (saved where the user chooses, e.g. a USB stick). */
  'backup.read': op<{ fileName: string; data: string; size: number }>()(backupName),
  /** The backup folder, shown on the screen. */
  'backup.folder': op<{ folder: string }>()(none),
  /** Restores from a backup file the user picked (e.g. a copy on a USB stick). */
  'backup.restoreFile': op<{ fileName: string; undo: BackupInfo }>()(
    z.object({ data: fileData, fileName: z.string().max(260).default('所选文件') }),
    { data: '备份文件', fileName: '文件名' },
  ),
});
