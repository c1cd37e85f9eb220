/** The package trust model: a package changes only its own branch (docs/security.md, 交接包的信任模型). */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { getLocalBranch } from '../../../main/services/branch/branch';
import { testContext, trackContexts } from '../../helpers/context';
import { packageOf, seededContext, snapshot } from '../../helpers/handover';
import { databaseBytes, rewritePackage, type Entries } from '../../helpers/trust';

const track = trackContexts();
const NINTH = '中共第九钻井队支部委员会';

/** Refused with `reason`; the database's files are byte-identical afterwards. */
async function expectRefused(ctx: Parameters<typeof importHandover>[0], pkg: Buffer, reason: string, options: Parameters<typeof importHandover>[2] = {}) {
  const before = databaseBytes(ctx);
  const error = await importHandover(ctx, pkg, { resolutions: { all: 'package' }, ...options }).catch((e) => e);
  expect(error?.reason, String(error?.message)).toBe(reason);
  expect(databaseBytes(ctx)).toBe(before);
  return error as Error;
}

/**
 * The attack found on the app: a package labelled another branch (第九钻井队), holding two members
 * of the local branch taken from an earlier package of it, with new revisions whose change-log
 * entries carry the local revisions: one member gets a new phone and remark, the other is deleted.
 */
async function attackPackage(earlier: Buffer, memberIds: [string, string]): Promise<Buffer> {
  const ninth = crypto.randomUUID();
  const at = new Date().toISOString();
  return rewritePackage(earlier, (e: Entries) => {
    const manifest = e.get('manifest.json');
    const members = e.get('data/members.json') as any[];
    const [a, b] = memberIds.map((id) => members.find((m) => m.id === id));
    const changed = [
      { ...a, phone: '13000000000', remark: '已调离', rev: crypto.randomUUID(), updated_at: at },
      { ...b, deleted_at: at, rev: crypto.randomUUID(), updated_at: at },
    ];
    for (const t of manifest.tables) if (t.name !== 'branches') e.set(t.file, []);
    e.set('data/members.json', changed);
    e.set('data/branches.json', [{ ...e.get('data/branches.json')[0], id: ninth, branch_id: ninth, name: NINTH }]);
    const log = (old: any, now: any, action: string) => [
      { table_name: 'members', row_id: old.id, branch_id: old.branch_id, action: 'insert', changed_at: old.created_at, old_json: null, new_json: null, rev: old.rev },
      { table_name: 'members', row_id: old.id, branch_id: old.branch_id, action, changed_at: at, old_json: null, new_json: null, rev: now.rev },
    ];
    e.set('data/change_log.json', [...log(a, changed[0], 'update'), ...log(b, changed[1], 'delete')]);
    manifest.branch = { ...manifest.branch, id: ninth, name: NINTH };
    delete manifest.signer;
    e.delete('manifest.sig');
  });
}

describe('a package changes only rows of its own branch', () => {
  it('refuses the attack: another branch’s label on this branch’s members, with the database byte-identical', async () => {
    const target = track(await seededContext(10, 3));
    const [m1, m2] = (await target.call('members.search', { limit: 2 })).rows.map((r) => r.id) as [string, string];
    const attack = await attackPackage(await packageOf(target), [m1, m2]);
    const before = snapshot(target);
    await expect(previewHandover(target, attack)).rejects.toMatchObject({ reason: 'other-branch' });
    const error = await expectRefused(target, attack, 'other-branch');
    expect(error.message).toContain(NINTH);
    expect(error.message).toContain('党员表 2 行');
    expect(error.message).toContain('变更记录 4 条');
    expect(snapshot(target)).toEqual(before);
    expect((await target.call('members.get', { id: m1 })).phone).not.toBe('13000000000');
    expect((await target.call('members.get', { id: m2 })).name).toBeTruthy(); // not deleted
  });

  it('refuses rows relabelled to the package’s branch that would overwrite a row of another branch', async () => {
    const target = track(await seededContext(6, 4));
    const [m1, m2] = (await target.call('members.search', { limit: 2 })).rows.map((r) => r.id) as [string, string];
    const attack = await rewritePackage(await attackPackage(await packageOf(target), [m1, m2]), (e) => {
      const ninth = e.get('manifest.json').branch.id;
      e.set('data/members.json', e.get('data/members.json').map((m: any) => ({ ...m, branch_id: ninth, party_group_id: null })));
      e.set('data/change_log.json', []);
    });
    const error = await expectRefused(target, attack, 'other-branch');
    expect(error.message).toMatch(/党员表 2 行/);
  });

  it('in a committee, refuses a branch’s package holding one row of another imported branch, naming the table and count', async () => {
    const a = track(await seededContext(5, 11));
    const b = track(await seededContext(5, 12));
    const committee = track(await testContext());
    await committee.call('branch.save', { name: '中共钻井一公司委员会' });
    await importHandover(committee, await packageOf(a), {});
    await importHandover(committee, await packageOf(b), {});
    const bMember = (await b.call('members.search', { limit: 1 })).rows[0]!;
    const bRow = snapshot(b).members!.find((m: any) => m.id === bMember.id) as any;
    // A's package, re-signed by nobody, smuggling one of B's members (as B stored it, and relabelled to A).
    const aId = getLocalBranch(a.db)!.id;
    for (const smuggled of [bRow, { ...bRow, branch_id: aId, party_group_id: null }]) {
      const pkg = await rewritePackage(await packageOf(a), (e) => {
        e.set('data/members.json', [...e.get('data/members.json'), { ...smuggled, remark: '改', rev: crypto.randomUUID() }]);
        delete e.get('manifest.json').signer;
        e.delete('manifest.sig');
      });
      const error = await expectRefused(committee, pkg, 'other-branch');
      expect(error.message).toContain('党员表 1 行');
    }
    expect((await committee.call('members.get', { id: bMember.id })).remark).toBe(bRow.remark);
  });

  it('a successor’s database (its branch taken over from a package) accepts the same branch’s later packages', async () => {
    const predecessor = track(await seededContext(8, 5));
    const successor = track(await testContext());
    await importHandover(successor, await packageOf(predecessor, { password: '交接2026' }), { password: '交接2026' });
    expect(getLocalBranch(successor.db)?.id).toBe(getLocalBranch(predecessor.db)!.id);
    const m = (await predecessor.call('members.search', { limit: 1 })).rows[0]!;
    const { id, branchId, partyGroup, createdAt, updatedAt, ...fields } = await predecessor.call('members.get', { id: m.id });
    await predecessor.call('members.update', { id, fields: { ...fields, post: '队长' } });
    const later = await packageOf(predecessor, { password: '交接2026' });
    const preview = await previewHandover(successor, later, '交接2026');
    expect(preview.tables.members).toMatchObject({ updated: 1, conflicts: 0 });
    await importHandover(successor, later, { password: '交接2026' });
    expect((await successor.call('members.get', { id })).post).toBe('队长');
  });
});
