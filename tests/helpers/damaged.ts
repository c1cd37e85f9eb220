/** A data folder whose database is damaged (two pages overwritten) after one good manual backup, for the recovery tests. */
import fs from 'node:fs';
import { closeContext } from '../../main/app/context';
import { makeBackup } from '../../main/services/backup/backups';
import { sampleMember, testContext } from './context';

/** `dirs` collects the temporary folder for the caller's afterEach to remove. */
export async function damagedDatabaseWithBackup(dirs: string[]) {
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
  return { location: { dataDir: t.dataDir, databasePath: t.databasePath }, good, bytes };
}
