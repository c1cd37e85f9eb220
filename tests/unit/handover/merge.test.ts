import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext, closeContext, type AppContext } from '../../../main/app/context';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { sampleMember, tempDir, type TestContext } from '../../helpers/context';
import { packageOf, seededContext, snapshot } from '../../helpers/handover';
import { dispatch } from '../../../main/dispatcher';
import fs from 'node:fs';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function call(ctx: AppContext, name: string, input: unknown): Promise<any> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A second database that starts as an exact copy of the first (SQLite's backup API). */
async function copyOf(t: TestContext): Promise<AppContext> {
  const dir = tempDir();
  const file = path.join(dir, 'copy.sqlite');
  await t.db.backup(file);
  const ctx = await createContext({ db: file });
  cleanups.push(() => (closeContext(ctx), fs.rmSync(dir, { recursive: true, force: true })));
  return ctx;
}

async function edit(ctx: AppContext, id: string, change: Record<string, unknown>) {
  const { id: _id, branchId, partyGroup, createdAt, updatedAt, ...fields } = await call(ctx, 'members.get', { id });
  return call(ctx, 'members.update', { id, fields: { ...fields, ...change } });
}

const LI_SI = { name: '李四', idNumber: '34052419800101001X', gender: '男', birthDate: '1980-01-01', joinDate: '2005-07-01', fullDate: '2006-07-01' };
const WANG_WU = { name: '王五', idNumber: '110105199003072012', gender: '男', birthDate: '1990-03-07', joinDate: '2015-07-01', fullDate: '2016-07-01' };

describe('merging two copies of one database', () => {
  it('takes new, edited and deleted records from each side and asks about records edited on both', async () => {
    const a = await seededContext(12);
    cleanups.push(() => a.cleanup());
    const b = await copyOf(a);
    const ids = (await a.call('members.search', { limit: 20 })).rows.map((r) => r.id);
    const [m1, m2, m3, m4] = ids as [string, string, string, string];

    const x = await a.call('members.create', sampleMember(LI_SI));
    await edit(a, m1, { post: 'A 改的岗位' });
    await edit(a, m2, { remark: 'A 的备注' });
    await a.call('members.delete', { id: m3 });

    const y = await call(b, 'members.create', sampleMember(WANG_WU));
    await edit(b, m2, { remark: 'B 的备注' });
    await edit(b, m4, { post: 'B 改的岗位' });

    // B -> A
    const fromB = await packageOf(b);
    const preview = await previewHandover(a, fromB);
    expect(preview.tables.members).toMatchObject({ new: 1, updated: 1, conflicts: 1, localNewer: 2 });
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]).toMatchObject({ id: m2, kind: 'edited', fields: [{ field: 'remark', local: 'A 的备注', package: 'B 的备注' }] });
    await expect(importHandover(a, fromB, {})).rejects.toMatchObject({ code: 'E_CONFLICT' });
    await importHandover(a, fromB, { resolutions: { byKey: { [`members:${m2}`]: 'package' } } });

    expect((await a.call('members.get', { id: y.id })).name).toBe('王五');
    expect((await a.call('members.get', { id: m4 })).post).toBe('B 改的岗位');
    expect((await a.call('members.get', { id: m1 })).post).toBe('A 改的岗位');
    expect((await a.call('members.get', { id: m2 })).remark).toBe('B 的备注');
    await expect(a.call('members.get', { id: m3 })).rejects.toThrow(); // still deleted
    const lost = a.db
      .prepare("SELECT old_json FROM change_log WHERE table_name = 'members' AND row_id = ? AND action = 'conflict'")
      .all(m2) as { old_json: string }[];
    expect(lost).toHaveLength(1);
    expect(JSON.parse(lost[0]!.old_json).remark).toBe('A 的备注');

    // A -> B: B catches up with no conflict, and the two databases are then the same.
    const fromA = await packageOf(a);
    const back = await previewHandover(b, fromA);
    expect(back.conflicts).toEqual([]);
    expect(back.tables.members).toMatchObject({ new: 1, updated: 3 });
    await importHandover(b, fromA, {});
    expect(snapshot(b)).toEqual(snapshot(a));
    expect((await call(b, 'members.get', { id: x.id })).name).toBe('李四');
  });

  it('keeps the local version when asked, with the package version in the change log', async () => {
    const a = await seededContext(5);
    cleanups.push(() => a.cleanup());
    const b = await copyOf(a);
    const [m] = (await a.call('members.search', { limit: 1 })).rows;
    await edit(a, m!.id, { phone: '13800000001' });
    await edit(b, m!.id, { phone: '13800000002' });
    await importHandover(a, await packageOf(b), { resolutions: { all: 'local' } });
    expect((await a.call('members.get', { id: m!.id })).phone).toBe('13800000001');
    const entry = a.db.prepare("SELECT old_json FROM change_log WHERE row_id = ? AND action = 'conflict'").get(m!.id) as { old_json: string };
    expect(JSON.parse(entry.old_json).phone).toBe('13800000002');
    // Re-importing the same package asks nothing more.
    expect((await previewHandover(a, await packageOf(b))).conflicts).toEqual([]);
  });

  it('treats the same person added on both sides as a conflict and keeps both records', async () => {
    const a = await seededContext(3);
    cleanups.push(() => a.cleanup());
    const b = await copyOf(a);
    const mine = await a.call('members.create', sampleMember(LI_SI));
    const theirs = await call(b, 'members.create', sampleMember({ ...LI_SI, post: '司钻' }));
    const preview = await previewHandover(a, await packageOf(b));
    expect(preview.conflicts).toMatchObject([{ kind: 'duplicate', id: theirs.id }]);
    await importHandover(a, await packageOf(b), { resolutions: { all: 'package' } });
    expect((await a.call('members.get', { id: theirs.id })).post).toBe('司钻');
    expect((await a.call('trash.list')).map((t) => t.id)).toContain(mine.id);
  });
});
