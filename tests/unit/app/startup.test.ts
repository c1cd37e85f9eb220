import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeContext } from '../../../main/app/context';
import { openAppContext, recoverFromBackup } from '../../../main/app/startup';
import { makeBackup, listBackups } from '../../../main/services/backup/backups';
import { sampleMember, tempDir, testContext } from '../../helpers/context';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function damagedDatabaseWithBackup() {
  const t = await testContext();
  dirs.push(t.dir);
  await t.call('branch.save', { name: '中共测试支部委员会' });
  await t.call('members.create', sampleMember());
  const good = await makeBackup(t.db, t.databasePath, 'manual');
  t.db.pragma('wal_checkpoint(TRUNCATE)');
  closeContext(t);
  const bytes = fs.readFileSync(t.databasePath);
  bytes.fill(0x42, 4096 * 2, 4096 * 4);
  fs.writeFileSync(t.databasePath, bytes);
  return { t, good, bytes };
}

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
    const { t, good, bytes } = await damagedDatabaseWithBackup();
    await expect(openAppContext({ dataDir: t.dataDir, databasePath: t.databasePath })).rejects.toMatchObject({
      code: 'E_DB_CORRUPT',
      message: expect.stringContaining(good.name),
    });
    expect(fs.readFileSync(t.databasePath).equals(bytes)).toBe(true);
  });

  it('recovers from the backup and keeps the damaged file aside', async () => {
    const { t, good } = await damagedDatabaseWithBackup();
    const { damagedCopy } = recoverFromBackup(t.databasePath, good.name);
    expect(damagedCopy && fs.existsSync(damagedCopy)).toBe(true);
    const ctx = await openAppContext({ dataDir: t.dataDir, databasePath: t.databasePath });
    expect(ctx.db.prepare('SELECT name FROM members').all()).toEqual([{ name: '张三' }]);
    closeContext(ctx);
  });
});
