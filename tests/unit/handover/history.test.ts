/** 交接记录: each package's file name, encryption, who handed over, period and row counts; older entries read back too. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeContext, createContext } from '../../../main/app/context';
import { openRaw } from '../../../main/db/connection';
import { applyMigrations, LATEST_SCHEMA_VERSION, schemaVersion } from '../../../main/db/migrations';
import { dispatch } from '../../../main/dispatcher';
import { packageFileName } from '../../../main/services/handover/handover';
import type { HandoverLogEntry } from '../../../shared/contract/handover';
import { foldersRemovedAfterEach, tempDir, testContext, trackContexts } from '../../helpers/context';
import { seededContext } from '../../helpers/handover';

const track = trackContexts();
const dirs = foldersRemovedAfterEach();

describe('the hand-over log', () => {
  it('keeps file name, encryption, who handed over, the period and the rows of each export', async () => {
    const a = track(await seededContext(8));
    const secret = await a.call('handover.export', { password: '秘密口令', createdBy: '王建国', from: '2026-01-01', to: '2026-06-30' });
    const plain = await a.call('handover.export', { tables: ['members'] });
    const [second, first] = await a.call('handover.history');

    expect(first).toMatchObject({
      direction: 'export', fileName: secret.fileName, encrypted: true, createdBy: '王建国', periodFrom: '2026-01-01', periodTo: '2026-06-30',
    });
    expect(first!.totalRows).toBe(secret.manifest.tables.reduce((n, t) => n + t.rows, 0));
    expect(first!.tables).toContainEqual({ label: '党员', rows: 8 });

    expect(second).toMatchObject({ direction: 'export', fileName: plain.fileName, encrypted: false, createdBy: '', periodFrom: null, periodTo: null });
    expect(second!.tables.map((t) => t.label)).toEqual(plain.manifest.tables.map((t) => t.label));
  });

  it('keeps the picked file name, encryption and the rows taken in for an import', async () => {
    const a = track(await seededContext(5));
    const b = track(await testContext());
    const pkg = await a.call('handover.export', { password: '秘密口令', createdBy: '李红梅' });
    const { stagingId } = await b.call('handover.preview', { data: pkg.data, fileName: 'U盘/交接包.zbk', password: '秘密口令' });
    await b.call('handover.import', { stagingId, password: '秘密口令' });
    const [entry] = await b.call('handover.history');
    expect(entry).toMatchObject({ direction: 'import', fileName: 'U盘/交接包.zbk', encrypted: true, createdBy: '李红梅', periodFrom: null, periodTo: null });
    expect(entry!.tables).toContainEqual({ label: '党员', rows: 5, new: 5, updated: 0 });
    expect(entry!.totalRows).toBe(entry!.tables.reduce((n, t) => n + t.rows, 0));
  });

  it('reads entries logged before migration 5 as not recorded, with their row counts', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    const old = openRaw(file);
    applyMigrations(old, 4);
    old.prepare(
      `INSERT INTO handover_log (package_id, direction, branch_id, branch_name, package_created_at, at, summary_json)
       VALUES ('p1', 'export', '00000000-0000-4000-8000-000000000001', '第一支部', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '[["members",3],["party_groups",1]]')`,
    ).run();
    old.close();

    const ctx = await createContext({ db: file });
    try {
      expect(schemaVersion(ctx.db)).toBe(LATEST_SCHEMA_VERSION);
      const r = await dispatch(ctx, 'handover.history', {});
      expect(r.ok).toBe(true);
      const [entry] = (r as { value: HandoverLogEntry[] }).value;
      expect(entry).toMatchObject({ fileName: '', encrypted: null, createdBy: '', periodFrom: null, periodTo: null, totalRows: 4 });
      expect(entry!.tables).toEqual([{ label: '党员', rows: 3 }, { label: '党小组', rows: 1 }]);
    } finally {
      closeContext(ctx);
    }
  });
});

describe('packageFileName', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('dates the file by the local calendar, not UTC (a package made at 01:30 in China carries that day)', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(packageFileName('第一 支部/钻井队', '2026-12-07T17:30:00.000Z')).toBe('第一支部钻井队-交接包-2026-12-08.zbk');
  });
});
