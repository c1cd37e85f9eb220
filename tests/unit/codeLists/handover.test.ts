/** Code lists in hand-over packages and backups: carried whole, checked on arrival, defaults never doubled. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tableSpec } from '../../../main/db/registry';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { readZip, writeZip } from '../../../main/services/handover/zip';
import { makeBackup, findBackup } from '../../../main/services/backup/backups';
import Database from 'better-sqlite3';
import { testContext, type TestContext, trackContexts } from '../../helpers/context';
import { packageOf } from '../../helpers/handover';

const track = trackContexts();

const rowsOf = (t: TestContext) => t.db.prepare('SELECT * FROM code_items ORDER BY id').all();

async function customised(): Promise<TestContext> {
  const t = track(await testContext());
  await t.call('branch.save', { name: '中共第三采油作业区泵站支部委员会' });
  const posts = (await t.call('codeLists.list', { kind: 'posts' }))[0]!;
  await t.call('codeLists.save', { kind: 'posts', label: '泵工', note: '注水泵站' });
  await t.call('codeLists.setInUse', { id: posts.items.find((i) => i.label === '井架工')!.id, inUse: false });
  const ids = (await t.call('codeLists.list', { kind: 'posts' }))[0]!.items.map((i) => i.id);
  await t.call('codeLists.reorder', { kind: 'posts', ids: [ids.at(-1)!, ...ids.slice(0, -1)] });
  await t.call('codeLists.delete', { id: posts.items.find((i) => i.label === '炊事员')!.id });
  await t.call('codeLists.save', { kind: 'meetingPlaces', label: '泵站值班室' });
  return t;
}

async function withEditedRows(pkg: Buffer, edit: (rows: any[]) => any[]): Promise<Buffer> {
  const entries = await readZip(pkg);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString());
  const part = manifest.tables.find((t: any) => t.name === 'code_items');
  const data = Buffer.from(JSON.stringify(edit(JSON.parse(entries.get(part.file)!.toString()))));
  entries.set(part.file, data);
  Object.assign(part, { sha256: crypto.createHash('sha256').update(data).digest('hex'), bytes: data.length });
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return writeZip([...entries].map(([name, d]) => ({ name, data: d })));
}

describe('code lists in hand-over packages', () => {
  it('a package carries every item (retired, reordered, in the trash) into an empty database unchanged', async () => {
    const source = await customised();
    const target = track(await testContext());
    const pkg = await packageOf(source);
    const preview = await previewHandover(target, pkg);
    const total = (source.db.prepare('SELECT count(*) AS n FROM code_items').get() as { n: number }).n;
    expect(preview.tables.code_items).toMatchObject({ label: '字典', new: total, conflicts: 0 });
    await importHandover(target, pkg, {});
    expect(rowsOf(target)).toEqual(rowsOf(source));
    expect(await target.call('codeLists.options', { kind: 'posts' })).toEqual(await source.call('codeLists.options', { kind: 'posts' }));
    const options = await target.call('codeLists.options', { kind: 'posts' });
    expect(options[0]).toBe('泵工');
    expect(options).not.toContain('井架工');
    expect(options).not.toContain('炊事员');
    expect((await target.call('trash.list')).map((i) => i.label)).toContain('岗位：炊事员');
  });

  it('defaults filled on both sides are the same rows: an edit arrives as an update, nothing is doubled', async () => {
    const source = track(await testContext());
    await source.call('branch.save', { name: '中共第一钻井队支部委员会' });
    await source.call('codeLists.list', {});
    const target = track(await testContext());
    // The first package (roster only) makes the branch known to the target, which then fills the defaults itself.
    await importHandover(target, await packageOf(source, { tables: ['members'] }), {});
    await target.call('codeLists.list', {});
    expect(rowsOf(target).map((r: any) => [r.id, r.rev])).toEqual(rowsOf(source).map((r: any) => [r.id, r.rev]));

    const item = (await source.call('codeLists.list', { kind: 'talkKinds' }))[0]!.items.find((i) => i.label === '慰问')!;
    await source.call('codeLists.save', { id: item.id, kind: 'talkKinds', label: '走访慰问' });
    const pkg = await packageOf(source);
    const preview = await previewHandover(target, pkg);
    const total = rowsOf(source).length;
    expect(preview.tables.code_items).toMatchObject({ new: 0, updated: 1, unchanged: total - 1, conflicts: 0 });
    await importHandover(target, pkg, {});
    expect(await target.call('codeLists.options', { kind: 'talkKinds' })).toEqual(['谈心谈话', '提醒谈话', '思想引导谈话', '家访', '走访慰问']);
  });

  it('a package row with an empty label is refused, naming the table and the field', async () => {
    const source = await customised();
    const target = track(await testContext());
    const bad = await withEditedRows(await packageOf(source), (rows) => [{ ...rows[0], label: '  ' }, ...rows.slice(1)]);
    await expect(previewHandover(target, bad)).rejects.toMatchObject({ reason: 'invalid-rows', message: expect.stringMatching(/^字典表第 1 行的“名称”不合格：请填写.+名称$/) });
    const unknownKind = await withEditedRows(await packageOf(source), (rows) => [{ ...rows[0], kind: 'salaries' }, ...rows.slice(1)]);
    await expect(previewHandover(target, unknownKind)).rejects.toMatchObject({ reason: 'invalid-rows', message: expect.stringContaining('没有这种字典') });
    expect(rowsOf(target)).toEqual([]);
  });

  it('validateRow checks kind, label, length, state, order and note', () => {
    const check = tableSpec('code_items')!.validateRow!;
    const good = { kind: 'posts', label: '司钻', in_use: 1, sort_order: 3, note: '' };
    expect(check(good)).toEqual([]);
    expect(check({ ...good, label: '' }).map((p) => p.field)).toEqual(['label']);
    expect(check({ ...good, label: '钻'.repeat(21) })[0]!.message).toContain('超过 20 个字');
    expect(check({ ...good, in_use: 2, sort_order: -1, note: 'x'.repeat(201) }).map((p) => p.field)).toEqual(['in_use', 'sort_order', 'note']);
  });
});

describe('code lists in backups', () => {
  it('a backup holds the items as they were', async () => {
    const t = await customised();
    const backup = await makeBackup(t.db, t.databasePath, 'manual');
    const copy = new Database(findBackup(t.databasePath, backup.name).path, { readonly: true });
    expect(copy.prepare('SELECT * FROM code_items ORDER BY id').all()).toEqual(rowsOf(t));
    copy.close();
  });
});
