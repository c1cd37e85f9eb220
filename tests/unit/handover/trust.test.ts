/** The package trust model: a package changes only its own branch (docs/security.md, 交接包的信任模型). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newSigningKey, setInstallationKey } from '../../../main/services/handover/keys';
import { keyLog } from '../../../main/services/handover/trust';
import type { TestContext } from '../../helpers/context';
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

async function editMember(t: TestContext, memberId: string, change: Record<string, unknown>) {
  const { id, branchId, partyGroup, createdAt, updatedAt, ...fields } = await t.call('members.get', { id: memberId });
  return t.call('members.update', { id, fields: { ...fields, ...change } });
}

/** A package as the screen exports it (logged: the rows it carries count as sent to its branch). */
async function exported(t: TestContext, branchId?: string): Promise<Buffer> {
  return Buffer.from((await t.call('handover.export', { branchId })).data, 'base64');
}

/** A branch (8 members) and a committee that has taken in one package of it. */
async function branchAndCommittee(seed: number) {
  const branch = track(await seededContext(8, seed));
  const committee = track(await testContext());
  await committee.call('branch.save', { name: '中共钻井一公司委员会' });
  const pkg = await exported(branch);
  const first = await previewHandover(committee, pkg);
  expect(first.trust).toMatchObject({ status: 'new', pinnedFingerprint: null });
  expect(first.trust.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  expect(first.trust.notice).toContain(first.trust.fingerprint);
  await importHandover(committee, pkg, {});
  const member = (await branch.call('members.search', { limit: 1 })).rows[0]!.id;
  return { branch, committee, member, fingerprint: first.trust.fingerprint! };
}

describe('signed packages and pinned keys', () => {
  it('pins the first key, refuses a package signed by another key until the new key is accepted, and logs the choice', async () => {
    const { branch, committee, member, fingerprint } = await branchAndCommittee(21);
    expect(keyLog(committee.db)).toMatchObject([{ event: 'pinned', fingerprint, previousFingerprint: null }]);
    expect((await previewHandover(committee, await packageOf(branch))).trust.status).toBe('pinned');

    // The branch reinstalls the program (a new key) and sends a change.
    setInstallationKey(branch.db, newSigningKey());
    await editMember(branch, member, { post: '新岗位' });
    const pkg = await packageOf(branch);
    const preview = await previewHandover(committee, pkg);
    expect(preview.trust).toMatchObject({ status: 'changed', pinnedFingerprint: fingerprint });
    expect(preview.trust.fingerprint).not.toBe(fingerprint);
    const error = await expectRefused(committee, pkg, 'key-changed');
    expect(error.message).toContain(fingerprint);
    expect(error.message).toContain(preview.trust.fingerprint!);
    expect(keyLog(committee.db)).toHaveLength(1);

    // Through the contract, as the screen does it: refused, then accepted.
    const staged = await committee.call('handover.preview', { data: pkg.toString('base64') });
    await expect(committee.call('handover.import', { stagingId: staged.stagingId })).rejects.toMatchObject({ payload: { code: 'E_PACKAGE', reason: 'key-changed' } });
    await committee.call('handover.import', { stagingId: staged.stagingId, acceptNewKey: true });
    expect((await committee.call('members.get', { id: member })).post).toBe('新岗位');
    expect(keyLog(committee.db).at(-1)).toMatchObject({ event: 'accepted-new-key', fingerprint: preview.trust.fingerprint, previousFingerprint: fingerprint });
    expect(fs.readFileSync(committee.log.file, 'utf8')).toContain(`key accepted-new-key (fingerprint ${preview.trust.fingerprint}, before ${fingerprint})`);
    // The new key is pinned now: the next package needs nothing.
    expect((await previewHandover(committee, await packageOf(branch))).trust.status).toBe('pinned');
  });

  it('refuses a signed package changed after signing', async () => {
    const { branch, committee, member } = await branchAndCommittee(22);
    const changed = await rewritePackage(await packageOf(branch), (e) => {
      e.set('data/members.json', e.get('data/members.json').map((m: any) => (m.id === member ? { ...m, remark: '改过' } : m)));
    });
    const error = await expectRefused(committee, changed, 'bad-signature');
    expect(error.message).toContain('签名');
  });

  it('accepts an unsigned package (older version) only from a branch with no pinned key, with a 未签名 warning', async () => {
    const { branch, committee } = await branchAndCommittee(23);
    const strip = (e: Entries) => {
      delete e.get('manifest.json').signer;
      e.delete('manifest.sig');
    };
    const unsignedFromPinned = await rewritePackage(await packageOf(branch), strip);
    const error = await expectRefused(committee, unsignedFromPinned, 'unsigned');
    expect(error.message).toContain('没有签名');
    // The branch's own database refuses an unsigned package of its own branch too.
    await expectRefused(branch, unsignedFromPinned, 'unsigned');

    const other = track(await seededContext(4, 24));
    const unsigned = await rewritePackage(await packageOf(other), strip);
    const preview = await previewHandover(committee, unsigned);
    expect(preview.trust).toMatchObject({ status: 'unsigned', fingerprint: null });
    expect(preview.trust.notice).toContain('未签名');
    await importHandover(committee, unsigned, {});
    expect((await committee.call('members.search', { branchId: getLocalBranch(other.db)!.id })).total).toBe(4);
  });

  it('a successor who takes the branch over from a package 交给接任者 signs as the branch: the committee sees an unbroken chain', async () => {
    const { branch: predecessor, committee, member, fingerprint } = await branchAndCommittee(25);
    const successor = track(await testContext());
    const takeover = await packageOf(predecessor, { password: '交接2026', forSuccessor: true });
    const preview = await previewHandover(successor, takeover, '交接2026');
    expect(preview.trust).toMatchObject({ status: 'new', fingerprint, takesOverKey: true });
    await importHandover(successor, takeover, { password: '交接2026' });
    expect(keyLog(successor.db).map((k) => k.event)).toEqual(['pinned', 'taken-over']);

    await editMember(successor, member, { post: '继任后改' });
    const fromSuccessor = await packageOf(successor);
    const atCommittee = await previewHandover(committee, fromSuccessor);
    expect(atCommittee.trust).toMatchObject({ status: 'pinned', fingerprint });
    expect(atCommittee.tables.members).toMatchObject({ updated: 1, conflicts: 0 });
    await importHandover(committee, fromSuccessor, {});
    expect((await committee.call('members.get', { id: member })).post).toBe('继任后改');
    expect(keyLog(committee.db).map((k) => k.event)).toEqual(['pinned']);
  });

  it('a successor who takes over from an ordinary package keeps a key of its own, says so, and the committee is asked to accept it', async () => {
    const { branch: predecessor, committee } = await branchAndCommittee(26);
    const successor = track(await testContext());
    const plain = await packageOf(predecessor);
    const preview = await previewHandover(successor, plain);
    expect(preview.trust).toMatchObject({ takesOverKey: false });
    expect(preview.trust.notice).toContain('不是“交给接任者”导出的');
    await importHandover(successor, plain, {});
    expect(keyLog(successor.db).map((k) => k.event)).toEqual(['pinned']);
    // A package 交给接任者 from someone else's branch never hands its key over to a database that has a branch.
    await importHandover(committee, await packageOf(predecessor, { password: 'pw12', forSuccessor: true }), { password: 'pw12' });
    expect(keyLog(committee.db).map((k) => k.event)).toEqual(['pinned']);
    expect((await previewHandover(committee, await packageOf(successor))).trust.status).toBe('changed');
  });
});

describe('conflicts are judged against what this database exchanged with the branch', () => {
  it('a signed package claiming to follow a local edit it never received is a conflict, not an update', async () => {
    const { branch, committee, member } = await branchAndCommittee(27);
    // The committee corrects the member locally; the branch never receives that revision.
    await editMember(committee, member, { remark: '党委核实' });
    const localRev = (committee.db.prepare('SELECT rev FROM members WHERE id = ?').get(member) as { rev: string }).rev;
    await editMember(branch, member, { remark: '支部改' });
    // The branch's package asserts a history that passes through the committee's revision.
    const pkg = await rewritePackage(
      await packageOf(branch),
      (e) => {
        const log = e.get('data/change_log.json') as any[];
        const own = log.find((h) => h.row_id === member)!;
        log.unshift({ ...own, action: 'update', rev: localRev });
      },
      { signAs: branch },
    );
    const preview = await previewHandover(committee, pkg);
    expect(preview.trust.status).toBe('pinned');
    expect(preview.tables.members).toMatchObject({ updated: 0, conflicts: 1 });
    expect(preview.conflicts[0]).toMatchObject({ id: member, kind: 'edited', fields: [{ field: 'remark', local: '党委核实', package: '支部改' }] });
    await expect(importHandover(committee, pkg, {})).rejects.toMatchObject({ code: 'E_CONFLICT' });
    expect((await committee.call('members.get', { id: member })).remark).toBe('党委核实');
  });

  it('a change the branch made to a revision it received from this database is an update', async () => {
    const { branch, committee, member } = await branchAndCommittee(28);
    await editMember(committee, member, { remark: '党委核实' });
    // The committee sends the branch its version (signed by the committee: the branch accepts that key), the branch edits on top of it.
    const back = await exported(committee, getLocalBranch(branch.db)!.id);
    expect((await previewHandover(branch, back)).trust.status).toBe('changed');
    await importHandover(branch, back, { acceptNewKey: true });
    expect((await branch.call('members.get', { id: member })).remark).toBe('党委核实');
    await editMember(branch, member, { post: '在党委核实后改' });
    const preview = await previewHandover(committee, await packageOf(branch));
    expect(preview.tables.members).toMatchObject({ updated: 1, conflicts: 0 });
  });
});
