/** Files the app writes are readable only by the user (0600, folders 0700), even under the usual umask 022. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext } from '../../../main/app/context';
import { makeBackup } from '../../../main/services/backup/backups';
import { exportDiagnostics } from '../../../main/services/diagnostics/diagnostics';
import { exportHandover } from '../../../main/services/handover/handover';
import { exportRosterXlsx } from '../../../main/services/spreadsheet/export';
import { tempDir } from '../../helpers/context';
import { seededContext } from '../../helpers/handover';

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
let previousUmask: number;
beforeAll(() => {
  previousUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(previousUmask);
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('the database, its WAL and SHM, backups, logs, packages, exports and diagnostics are 0600, the app folders 0700', async () => {
    const t = await seededContext(5);
    try {
      expect(mode(t.databasePath)).toBe('600');
      expect(mode(`${t.databasePath}-wal`)).toBe('600');
      expect(mode(`${t.databasePath}-shm`)).toBe('600');

      const backup = await makeBackup(t.db, t.databasePath, 'manual');
      const backupFile = path.join(path.dirname(t.databasePath), 'backups', backup.name);
      expect(fs.existsSync(backupFile)).toBe(true);
      expect(mode(backupFile)).toBe('600');
      expect(mode(path.dirname(backupFile))).toBe('700');

      t.log.info('a line');
      expect(mode(t.log.file)).toBe('600');
      expect(mode(path.dirname(t.log.file))).toBe('700');

      const out = path.join(t.dir, 'new-folder', '交接包.zbk');
      await exportHandover(t, out, {});
      expect(mode(out)).toBe('600');
      expect(mode(path.dirname(out))).toBe('700');

      const xlsx = path.join(t.dir, '花名册.xlsx');
      await exportRosterXlsx(t.db, xlsx);
      expect(mode(xlsx)).toBe('600');

      expect(mode(exportDiagnostics(t).path)).toBe('600');
    } finally {
      t.cleanup();
    }
  });

  it('a database written by an older version with 0644 is made 0600 when opened', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'old.sqlite');
      const first = await createContext({ db: file });
      closeContext(first);
      fs.chmodSync(file, 0o644);
      const again = await createContext({ db: file });
      expect(mode(file)).toBe('600');
      closeContext(again);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
