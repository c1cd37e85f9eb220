/** Backups of the database file, and recovery from one when the database is damaged. */
import { z } from 'zod';
import { defineOperations, op } from './define';
import { none } from './common';
import type { BackupInfo, VerifyResult } from './handover';

const backupName = z.object({ name: z.string().max(200) });

export const backupOperations = defineOperations('backup', {}, {
  'recovery.restore': op<{ restored: string; damagedCopy: string | null }>()(backupName),
  'backup.list': op<BackupInfo[]>()(none),
  'backup.create': op<BackupInfo>()(none),
  'backup.verify': op<VerifyResult>()(backupName),
  'backup.restore': op<{ restored: BackupInfo; undo: BackupInfo }>()(backupName),
});
