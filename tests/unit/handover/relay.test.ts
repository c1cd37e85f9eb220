/**
 * Re-exports from a committee database (docs/security.md, 交接包的信任模型, 4): a committee passing a
 * branch's data on — back to the branch, or up to a higher committee — signs with its own key and
 * says so in the manifest; the receiver judges that key as the committee's, never as the branch's.
 */
import { describe, expect, it } from 'vitest';
import { getLocalBranch } from '../../../main/services/branch/branch';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { fingerprint, installationKey, publicKeyText } from '../../../main/services/handover/keys';
import { keyLog } from '../../../main/services/handover/trust';
import type { AppContext } from '../../../main/app/context';
import { testContext, trackContexts, type TestContext } from '../../helpers/context';
import { packageOf, seededContext } from '../../helpers/handover';
import { databaseBytes } from '../../helpers/trust';

const track = trackContexts();
const COMMITTEE = '中共钻井一公司委员会';

async function exported(t: TestContext, branchId?: string): Promise<Buffer> {
  return Buffer.from((await t.call('handover.export', { branchId })).data, 'base64');
}

function pinnedKeys(ctx: AppContext): Record<string, string> {
  const rows = ctx.db.prepare('SELECT branch_id, fingerprint FROM branch_keys').all() as { branch_id: string; fingerprint: string }[];
  return Object.fromEntries(rows.map((r) => [r.branch_id, r.fingerprint]));
}

const keyOf = (ctx: AppContext) => fingerprint(publicKeyText(installationKey(ctx.db)));

/** A branch (6 members) and a committee database that took in its first package. */
async function branchAndCommittee(seed: number, committeeName = COMMITTEE) {
  const branch = track(await seededContext(6, seed));
  const committee = track(await testContext());
  await committee.call('branch.save', { name: committeeName });
  await importHandover(committee, await exported(branch), {});
  const branchId = getLocalBranch(branch.db)!.id;
  const committeeId = getLocalBranch(committee.db)!.id;
  return { branch, committee, branchId, committeeId };
}

describe('re-exports from a committee database', () => {
  it('are signed by the committee and name it; the manifest says whose key it is', async () => {
    const { committee, branchId, committeeId } = await branchAndCommittee(41);
    const relay = await committee.call('handover.export', { branchId });
    expect(relay.manifest.branch.id).toBe(branchId);
    expect(relay.manifest.signer).toMatchObject({ publicKey: publicKeyText(installationKey(committee.db)), branch: { id: committeeId, name: COMMITTEE } });
    expect(relay.manifest.successorKey).toBeUndefined();
  });

  it('a branch receiving its data back accepts the committee’s key once, pinned as the committee’s, not as its own branch’s', async () => {
    const { branch, committee, branchId, committeeId } = await branchAndCommittee(42);
    const back = await exported(committee, branchId);
    const preview = await previewHandover(branch, back);
    expect(preview.trust).toMatchObject({ status: 'changed', relayedBy: { id: committeeId, name: COMMITTEE }, pinnedFingerprint: null, fingerprint: keyOf(committee) });
    expect(preview.trust.notice).toContain(`由“${COMMITTEE}”转来`);
    const before = databaseBytes(branch);
    await expect(importHandover(branch, back, {})).rejects.toMatchObject({ reason: 'key-changed', message: expect.stringContaining(`由“${COMMITTEE}”转来`) });
    expect(databaseBytes(branch)).toBe(before);

    await importHandover(branch, back, { acceptNewKey: true });
    expect(pinnedKeys(branch)).toEqual({ [committeeId]: keyOf(committee) });
    expect(keyLog(branch.db)).toMatchObject([{ event: 'accepted-new-key', branchId: committeeId, branchName: COMMITTEE, fingerprint: keyOf(committee) }]);
    // The committee's next re-export is known; the branch still signs with its own key, which the committee knows.
    expect((await previewHandover(branch, await exported(committee, branchId))).trust).toMatchObject({ status: 'pinned', relayedBy: { id: committeeId } });
    expect((await previewHandover(committee, await exported(branch))).trust.status).toBe('pinned');
  });

  it('roll-up: a higher committee that does not know the branch pins the relaying committee’s key, which its own packages then match', async () => {
    const { committee, branchId, committeeId } = await branchAndCommittee(43);
    const higher = track(await testContext());
    await higher.call('branch.save', { name: '中共渤海钻探党委' });
    const up = await previewHandover(higher, await exported(committee, branchId));
    expect(up.trust).toMatchObject({ status: 'new', relayedBy: { id: committeeId, name: COMMITTEE } });
    await importHandover(higher, await exported(committee, branchId), {});
    expect(pinnedKeys(higher)).toEqual({ [committeeId]: keyOf(committee) });
    expect((await higher.call('members.search', { branchId })).total).toBe(6);
    // The committee's own branch, later: the same key, already pinned for it.
    expect((await previewHandover(higher, await packageOf(committee))).trust).toMatchObject({ status: 'pinned', relayedBy: null });
  });

  it('a re-export cannot get round the key pinned for a branch: another installation passing the branch on needs the user’s acceptance', async () => {
    const { branch, committee, branchId } = await branchAndCommittee(44);
    // Someone holding an earlier package of the branch imports it and passes it on as "a committee" of their own.
    const other = track(await testContext());
    await other.call('branch.save', { name: '中共某某委员会' });
    await importHandover(other, await exported(branch), {});
    const forged = await exported(other, branchId);
    const preview = await previewHandover(committee, forged);
    expect(preview.trust).toMatchObject({ status: 'changed', relayedBy: { name: '中共某某委员会' } });
    const before = databaseBytes(committee);
    await expect(importHandover(committee, forged, {})).rejects.toMatchObject({ reason: 'key-changed' });
    expect(databaseBytes(committee)).toBe(before);
  });
});
