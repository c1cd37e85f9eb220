import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDir } from '../../../main/db/backup';
import { testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
});
afterEach(() => t.cleanup());

describe('opening a folder main knows', () => {
  it('without a file manager (browser host) answers with the folder to show as text', async () => {
    expect(await t.call('app.openFolder', { which: 'data' })).toEqual({ opened: false, folder: t.dataDir, error: '' });
  });

  it('hands the shell only the folder it resolved itself, creating the backups folder if missing', async () => {
    const opened: string[] = [];
    t.openFolder = async (folder) => (opened.push(folder), '');
    const r = await t.call('app.openFolder', { which: 'backups' });
    expect(r).toEqual({ opened: true, folder: backupDir(t.databasePath), error: '' });
    expect(opened).toEqual([backupDir(t.databasePath)]);
    expect(fs.existsSync(opened[0]!)).toBe(true);
    t.openFolder = async () => 'no handler';
    expect(await t.call('app.openFolder', { which: 'data' })).toMatchObject({ opened: false, error: '无法打开文件夹：no handler' });
    await expect(t.call('app.openFolder', { which: '/etc' } as never)).rejects.toThrow('文件夹：应为');
  });
});
