import { describe, expect, it } from 'vitest';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { registeredTables } from '../../../main/db/registry';
import { getLocalBranch } from '../../../main/services/branch/branch';
import { sampleMember, testContext, type TestContext, trackContexts } from '../../helpers/context';
import { packageOf, seededContext, snapshot } from '../../helpers/handover';

const track = trackContexts();

/** Branch A (20 members) and B (25), both taken into a committee database of its own. */
async function committeeOfTwo() {
  const a = track(await seededContext(20, 1));
  const b = track(await seededContext(25, 2));
  const committee = track(await testContext());
  await committee.call('branch.save', { name: '中共钻井一公司委员会' });
  await importHandover(committee, await packageOf(a), {});
  await importHandover(committee, await packageOf(b), {});
  return { a, b, committee };
}

describe('hand-over round trip', () => {
  it('an exported branch imported into an empty database gives identical rows in every table', async () => {
    const source = track(await seededContext(80));
    // Trash and history travel too.
    const someone = (await source.call('members.search', { limit: 1 })).rows[0]!;
    await source.call('members.delete', { id: someone.id });
    const target = track(await testContext());

    const pkg = await packageOf(source);
    const preview = await previewHandover(target, pkg);
    expect(preview.becomesLocalBranch).toBe(true);
    expect(preview.tables.members).toMatchObject({ new: 80, updated: 0, unchanged: 0, conflicts: 0 });
    await importHandover(target, pkg, {});

    const a = snapshot(source);
    const b = snapshot(target);
    for (const t of registeredTables()) expect(b[t.name], t.name).toEqual(a[t.name]);
    // The demo fills these, so the comparison above covers them (attachments are BLOBs).
    for (const t of ['meetings', 'meeting_attendance', 'meeting_versions', 'meeting_attachments', 'talks', 'member_reports']) expect(a[t]!.length, t).toBeGreaterThan(0);
    expect(getLocalBranch(target.db)?.name).toBe(getLocalBranch(source.db)?.name);
    const history = await target.call('members.history', { id: someone.id });
    expect(history.map((h) => h.action)).toEqual(['delete', 'insert']);
  });

  it('importing the same package twice changes nothing the second time', async () => {
    const source = track(await seededContext(30));
    const target = track(await testContext());
    const pkg = await packageOf(source);
    await importHandover(target, pkg, {});
    const before = snapshot(target);
    const logCount = target.db.prepare('SELECT count(*) AS n FROM change_log').get();
    const again = await previewHandover(target, pkg);
    for (const counts of Object.values(again.tables)) {
      expect(counts).toMatchObject({ new: 0, updated: 0, conflicts: 0 });
    }
    await importHandover(target, pkg, {});
    expect(snapshot(target)).toEqual(before);
    expect(target.db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual(logCount);
  });

  it('a password-protected package needs the right password', async () => {
    const source = track(await seededContext(10));
    const target = track(await testContext());
    const pkg = await packageOf(source, { password: '井场2026' });
    expect(pkg.includes(Buffer.from('manifest.json'))).toBe(false); // nothing readable without the password
    await expect(previewHandover(target, pkg)).rejects.toMatchObject({ reason: 'password-required' });
    await expect(previewHandover(target, pkg, '井场2025')).rejects.toMatchObject({ reason: 'wrong-password', message: '密码不正确' });
    const opened = await previewHandover(target, pkg, '井场2026');
    expect(opened.tables.members!.new).toBe(10);
    expect(opened.encrypted).toBe(true);
    // A plain package says so in its preview (the screen warns that anyone can read it).
    expect((await previewHandover(target, await packageOf(source))).encrypted).toBe(false);
  });

  it('a committee database keeps each branch its own', async () => {
    const { a, b, committee } = await committeeOfTwo();
    const all = await committee.call('members.search', { branchId: 'all', status: 'all', limit: 1000 });
    expect(all.total).toBe(45);
    const own = await committee.call('members.search', { status: 'all' });
    expect(own.total).toBe(0);
    // Branch B changes and sends again: only B's rows change in the committee database.
    const bMember = (await b.call('members.search', { limit: 1 })).rows[0]!;
    const full = await b.call('members.get', { id: bMember.id });
    const { id, branchId, partyGroup, createdAt, updatedAt, ...fields } = full;
    await b.call('members.update', { id, fields: { ...fields, post: '平台经理' } });
    const aRows = snapshot(committee).members!.filter((r: any) => r.branch_id === getLocalBranch(a.db)!.id);
    const preview = await previewHandover(committee, await packageOf(b));
    expect(preview.tables.members).toMatchObject({ updated: 1, new: 0, conflicts: 0 });
    await importHandover(committee, await packageOf(b), {});
    expect(snapshot(committee).members!.filter((r: any) => r.branch_id === getLocalBranch(a.db)!.id)).toEqual(aRows);
    expect((await committee.call('members.get', { id })).post).toBe('平台经理');
  });

  it('a committee re-exports an imported branch: the package names that branch and carries only its rows', async () => {
    const { a, b, committee } = await committeeOfTwo();
    const bBranch = getLocalBranch(b.db)!;
    const onlyB = (snap: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(snap).map(([t, rows]) => [t, (rows as any[]).filter((r) => (t === 'branches' ? r.id : r.branch_id) === bBranch.id)]),
      );

    const out = await committee.call('handover.export', { branchId: bBranch.id, createdBy: '党委组织委员' });
    expect(out.manifest.branch).toEqual({ id: bBranch.id, name: bBranch.name, parentCommittee: bBranch.parentCommittee });
    expect(out.fileName.startsWith(bBranch.name.replace(/\s/g, ''))).toBe(true);
    expect(out.manifest.tables.find((t) => t.name === 'members')!.rows).toBe(25);
    const pkg = Buffer.from(out.data, 'base64');

    // To a successor with an empty database: the branch becomes theirs, row for row as in B.
    const successor = track(await testContext());
    const preview = await previewHandover(successor, pkg);
    expect(preview.becomesLocalBranch).toBe(true);
    expect(preview.package.branch.id).toBe(bBranch.id);
    await importHandover(successor, pkg, {});
    expect(getLocalBranch(successor.db)?.id).toBe(bBranch.id);
    expect(onlyB(snapshot(successor))).toEqual(onlyB(snapshot(b)));

    // Back to B itself: nothing new, nothing to resolve.
    const back = await previewHandover(b, pkg);
    expect(back.becomesLocalBranch).toBe(false);
    expect(back.conflicts).toEqual([]);
    for (const counts of Object.values(back.tables)) expect(counts).toMatchObject({ new: 0, updated: 0, conflicts: 0 });

    // To another committee that already has A: B arrives as a branch of its own, A untouched.
    const other = track(await testContext());
    await other.call('branch.save', { name: '中共钻井二公司委员会' });
    await importHandover(other, await packageOf(a), {});
    await importHandover(other, pkg, {});
    expect((await other.call('members.search', { branchId: bBranch.id, status: 'all' })).total).toBe(25);
    expect((await other.call('members.search', { branchId: 'all', status: 'all' })).total).toBe(45);

    // The default is still the local branch, whose package holds no other branch's rows.
    const own = await committee.call('handover.export', {});
    expect(own.manifest.branch.name).toBe('中共钻井一公司委员会');
    expect(own.manifest.tables.find((t) => t.name === 'members')!.rows).toBe(0);
  });

  it('refuses to export a branch that is not in the database, naming the field', async () => {
    const t = track(await seededContext(3));
    const missing = await t.call('handover.export', { branchId: '00000000-0000-4000-8000-000000000000' }).catch((e) => e.payload);
    expect(missing).toMatchObject({ code: 'E_VALIDATION', message: '支部：所选支部不存在', issues: [{ field: 'branchId' }] });
    const bad = await t.call('handover.export', { branchId: 'b' }).catch((e) => e.payload);
    expect(bad).toMatchObject({ code: 'E_VALIDATION', message: '支部：所选支部无效' });
  });

  it('carries a member added by hand with every field', async () => {
    const source = track(await testContext());
    await source.call('branch.save', { name: '中共测试支部委员会' });
    await source.call('members.create', sampleMember({ remark: '引号"和\\反斜杠', phone: '13900001111' }));
    const target = track(await testContext());
    await importHandover(target, await packageOf(source), {});
    expect(snapshot(target)).toEqual(snapshot(source));
  });
});
