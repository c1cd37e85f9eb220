/**
 * One app instance per database: a lock file beside the database holding the owner's pid.
 * A lock left by a process that no longer runs is taken over. The CLI does not take it:
 * SQLite's own locking with the busy timeout keeps a CLI beside the app safe.
 */
import fs from 'node:fs';
import { PRIVATE_FILE_MODE } from './fileModes';
import { AppError } from '../../shared/contract/errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireInstanceLock(databasePath: string): () => void {
  const lockFile = `${databasePath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: PRIVATE_FILE_MODE });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new AppError('E_DB_LOCKED', `支部工作台已经在运行（进程 ${pid}），同一份数据不能同时打开两次。请切换到已打开的窗口。`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('E_DB_LOCKED', '无法取得数据库锁，请稍后再试');
}
