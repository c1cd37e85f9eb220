import { describe, expect, it } from 'vitest';
import { testContext, type TestContext, trackContexts } from '../../helpers/context';
import { seededContext } from '../../helpers/handover';

const track = trackContexts();

describe('hand-over and backups through the contract', () => {
  it('exports with a password, previews, refuses the wrong password, imports with the right one', async () => {
    const a = track(await seededContext(12));
    const b = track(await testContext());
    const exported = await a.call('handover.export', { password: '秘密口令', tables: ['members'] });
    expect(exported.fileName).toMatch(/交接包-\d{4}-\d{2}-\d{2}\.zbk$/);
    expect(exported.manifest.tables.map((t) => t.name)).toEqual(['branches', 'party_groups', 'members']);
    await expect(b.call('handover.preview', { data: exported.data, password: '错误' })).rejects.toMatchObject({
      payload: { code: 'E_PACKAGE', reason: 'wrong-password' },
    });
    const { stagingId, preview } = await b.call('handover.preview', { data: exported.data, password: '秘密口令' });
    expect(preview.tables.members!.new).toBe(12);
    const done = await b.call('handover.import', { stagingId, password: '秘密口令' });
    expect(done.backup).toMatch(/before-import/);
    expect((await b.call('members.search', {})).total).toBe(12);
    expect((await b.call('handover.history')).map((h) => h.direction)).toEqual(['import']);
    expect((await a.call('handover.history')).map((h) => h.direction)).toEqual(['export']);
    await expect(b.call('handover.import', { stagingId })).rejects.toMatchObject({ payload: { code: 'E_NOT_FOUND' } });
  });

  it('lists, verifies and restores backups, and compares branches side by side', async () => {
    const a = track(await seededContext(20));
    const made = await a.call('backup.create');
    expect((await a.call('backup.list')).map((b) => b.name)).toContain(made.name);
    expect(await a.call('backup.verify', { name: made.name })).toMatchObject({ ok: true });
    await expect(a.call('backup.verify', { name: '/etc/passwd' })).rejects.toMatchObject({ payload: { code: 'E_NOT_FOUND' } });
    const figures = await a.call('branches.compare');
    expect(figures.groups.map((g) => g.key)).toEqual(['members', 'age', 'education']);
    const own = figures.branches.find((b) => b.isLocal)!;
    const active = (await a.call('members.search', {})).total;
    expect(own.figures.members!.total).toBe(active);
    expect(Object.values(own.figures.age!).reduce((x, y) => x + y, 0)).toBe(active);
    const restored = await a.call('backup.restore', { name: made.name });
    expect(restored.undo.reason).toBe('before-restore');
  });
});
