import { AppError } from '../../../shared/contract/errors';
import type { backupOperations } from '../../../shared/contract/backup';
import type { HandlersOf } from '../../capability';
import { backupFolder, findBackup, listBackups, makeBackup, readBackupFile, restoreBackup, restoreFromFile, verifyBackup } from './backups';

export const backupHandlers: HandlersOf<typeof backupOperations> = {
  /** Only a damaged database is restored this way, before the app opens it (main/app/recovery.ts answers then). */
  'recovery.restore': () => {
    throw new AppError('E_CONFLICT', '数据库完好，无需从备份恢复。要换用某个备份，请到“备份与恢复”。');
  },
  'backup.list': (ctx) => listBackups(ctx.databasePath),
  'backup.create': (ctx) => makeBackup(ctx.db, ctx.databasePath, 'manual'),
  'backup.verify': (ctx, input) => verifyBackup(findBackup(ctx.databasePath, input.name).path),
  'backup.restore': (ctx, input) => restoreBackup(ctx.db, ctx.databasePath, input.name),
  'backup.read': (ctx, input) => readBackupFile(ctx.databasePath, input.name),
  'backup.folder': (ctx) => ({ folder: backupFolder(ctx.databasePath) }),
  'backup.restoreFile': (ctx, input) => restoreFromFile(ctx.db, ctx.databasePath, Buffer.from(input.data, 'base64'), input.fileName),
};
