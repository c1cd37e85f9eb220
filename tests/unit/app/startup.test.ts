import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeContext } from '../../../main/app/context';
import { openAppContext, recoverFromBackup } from '../../../main/app/startup';
import { listBackups } from '../../../main/services/backup/backups';
import { tempDir, foldersRemovedAfterEach } from '../../helpers/context';
import { damagedDatabaseWithBackup } from '../../helpers/damaged';

const dirs = foldersRemovedAfterEach();

describe('start-up', () => {
  it('makes one backup a day when the app opens', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const location = { dataDir: dir, databasePath: path.join(dir, 'db.sqlite') };
    const ctx = await openAppContext(location);
    await new Promise((r) => setTimeout(r, 200));
    expect(listBackups(location.databasePath).filter((b) => b.reason === 'daily')).toHaveLength(1);
    closeContext(ctx);
  });

  it('does not open a damaged database, leaves it as it is, and names the newest good backup', async () => {
    const { location, good, bytes } = await damagedDatabaseWithBackup(dirs);
    await expect(openAppContext(location)).rejects.toMatchObject({
      code: 'E_DB_CORRUPT',
      message: expect.stringContaining(good.name),
    });
    expect(fs.readFileSync(location.databasePath).equals(bytes)).toBe(true);
  });

  it('recovers from the backup and keeps the damaged file aside', async () => {
    const { location, good } = await damagedDatabaseWithBackup(dirs);
    const { damagedCopy } = recoverFromBackup(location.databasePath, good.name);
    expect(damagedCopy && fs.existsSync(damagedCopy)).toBe(true);
    const ctx = await openAppContext(location);
    expect(ctx.db.prepare('SELECT name FROM members').all()).toEqual([{ name: '张三' }]);
    closeContext(ctx);
  });
});
