/** The CLI and signing keys: `handover import --accept-new-key` for a package signed by another key; `handover export --for-successor`. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { newSigningKey, setInstallationKey } from '../../../main/services/handover/keys';
import { readPackage } from '../../../main/services/handover/read';
import { keyLog } from '../../../main/services/handover/trust';
import { cliInProcess as cli, cliOk as ok, snapshot } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

const root = tempDir('branch-desk-cli-trust-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('handover import and signing keys', () => {
  it('shows the fingerprint, refuses another key, and imports with --accept-new-key', async () => {
    const branch = path.join(root, 'branch', 'b.sqlite');
    const committeeDir = path.join(root, 'committee');
    const committee = path.join(committeeDir, 'c.sqlite');
    await ok(['init', '--branch', '中共第五钻井队支部委员会', '--db', branch]);
    await ok(['seed-demo', '--members', '5', '--seed', '8', '--db', branch]);
    await ok(['init', '--branch', '中共钻井一公司委员会', '--db', committee]);
    const first = path.join(root, 'first.zbk');
    await ok(['handover', 'export', first, '--db', branch, '--no-password']);
    const preview = await ok(['handover', 'import', first, '--dry-run', '--db', committee]);
    const fingerprint = /密钥指纹 ([0-9A-F]{4}( [0-9A-F]{4}){3})/.exec(preview.stdout)![1]!;
    expect(preview.stdout).toContain('首次收到');
    await ok(['handover', 'import', first, '--db', committee]);

    // The branch's program is reinstalled: a new key.
    const db = await openDatabase(branch);
    setInstallationKey(db, newSigningKey());
    db.close();
    const second = path.join(root, 'second.zbk');
    await ok(['handover', 'export', second, '--db', branch, '--no-password']);
    const files = () => Object.fromEntries(Object.entries(snapshot(committeeDir)).filter(([f]) => !f.startsWith('logs')));
    const before = files();
    const refused = await cli(['handover', 'import', second, '--db', committee]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('换了签名密钥');
    expect(refused.stderr).toContain(fingerprint);
    expect(refused.stderr).toContain('--accept-new-key');
    expect(files()).toEqual(before); // the database and its backups, byte for byte: nothing written, no backup made

    await ok(['handover', 'import', second, '--accept-new-key', '--db', committee]);
    const c = await openDatabase(committee);
    expect(keyLog(c).map((k) => [k.event, k.previousFingerprint])).toEqual([['pinned', null], ['accepted-new-key', fingerprint]]);
    c.close();
  });
});

describe('handover export --for-successor', () => {
  it('needs a password; only then does the package carry the branch’s key, and an ordinary package never does', async () => {
    const branch = path.join(root, 'succ', 'b.sqlite');
    await ok(['init', '--branch', '中共第六钻井队支部委员会', '--db', branch]);
    await ok(['seed-demo', '--members', '3', '--seed', '9', '--db', branch]);
    const refused = await cli(['handover', 'export', path.join(root, 'succ', 'no.zbk'), '--for-successor', '--no-password', '--db', branch]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('必须设置密码');
    expect(fs.existsSync(path.join(root, 'succ', 'no.zbk'))).toBe(false);

    process.env.BRANCH_DESK_PASSWORD = '交接2026';
    try {
      const forSuccessor = path.join(root, 'succ', 'successor.zbk');
      const done = await ok(['handover', 'export', forSuccessor, '--for-successor', '--db', branch]);
      expect(done.stdout).toContain('交给接任者');
      const ordinary = path.join(root, 'succ', 'ordinary.zbk');
      await ok(['handover', 'export', ordinary, '--db', branch]);
      const db = await openDatabase(':memory:');
      const carried = async (file: string) => (await readPackage(db, fs.readFileSync(file), '交接2026')).successorKey;
      expect(await carried(forSuccessor)).toContain('PRIVATE KEY');
      expect(await carried(ordinary)).toBeNull();
      const preview = await ok(['handover', 'import', forSuccessor, '--dry-run', '--db', path.join(root, 'succ', 'new.sqlite')]);
      expect(preview.stdout).toContain('本机将接管这个密钥');
      db.close();
    } finally {
      delete process.env.BRANCH_DESK_PASSWORD;
    }
  });
});
