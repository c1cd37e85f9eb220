/**
 * Recovery mode: the database failed integrity_check at start-up, so it is not opened. The app
 * answers only what the recovery screen needs — what happened, the backups and whether each one is
 * good — and restoring one (the damaged file is kept aside); then it opens the data normally.
 */
import { AppError, type Result } from '../../shared/contract/errors';
import type { RecoveryInfo } from '../../shared/contract/operations';
import { contract } from '../../shared/contract/operations';
import { parseOrThrow } from '../../shared/contract/validate';
import { listBackups, verifyBackup } from '../services/backup/backups';
import type { AppContext } from './context';
import type { DataLocation } from './paths';
import { openAppContext, recoverFromBackup } from './startup';
import { APP_VERSION } from './version';

export function recoveryInfo(databasePath: string, message: string): RecoveryInfo {
  return {
    message,
    backups: listBackups(databasePath).map((b) => ({
      name: b.name,
      createdAt: b.createdAt,
      reasonLabel: b.reasonLabel,
      size: b.size,
      ok: verifyBackup(b.path).ok,
    })),
  };
}

/** The dispatch of recovery mode; `onRecovered` receives the context opened after a successful restore. */
export function recoveryDispatch(
  location: DataLocation,
  message: string,
  onRecovered: (ctx: AppContext) => void,
  open: () => Promise<AppContext> = () => openAppContext(location),
): (name: string, input: unknown) => Promise<Result<unknown>> {
  return async (name, input) => {
    try {
      if (name === 'app.info') {
        return {
          ok: true,
          value: {
            appVersion: APP_VERSION,
            schemaVersion: 0,
            dataDir: location.dataDir,
            databasePath: location.databasePath,
            hasBranch: false,
            recovery: recoveryInfo(location.databasePath, message),
          },
        };
      }
      if (name === 'recovery.restore') {
        const { name: backup } = parseOrThrow(contract['recovery.restore'].input, input);
        const { damagedCopy } = recoverFromBackup(location.databasePath, backup);
        onRecovered(await open());
        return { ok: true, value: { restored: backup, damagedCopy } };
      }
      throw new AppError('E_DB_CORRUPT', message);
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toPayload() };
      return { ok: false, error: { code: 'E_INTERNAL', message: `恢复失败：${(e as Error).message}` } };
    }
  };
}
