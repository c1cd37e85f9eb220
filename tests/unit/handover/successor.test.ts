/**
 * 交给接任者: only a package the user exports for a successor carries the branch's private signing key
 * (own branch, behind a password); an ordinary package (to the committee, a copy) never does.
 */
import { describe, expect, it } from 'vitest';
import { importHandover, previewHandover } from '../../../main/services/handover/handover';
import { installationKeyPem } from '../../../main/services/handover/keys';
import { readPackage } from '../../../main/services/handover/read';
import { keyLog } from '../../../main/services/handover/trust';
import { testContext, trackContexts } from '../../helpers/context';
import { packageOf, seededContext } from '../../helpers/handover';
import { committee as committeeWithBranches } from '../../helpers/committee';

const track = trackContexts();
const PASSWORD = '交接2026';

describe('交给接任者', () => {
  it('an ordinary package, with or without a password, never carries the branch’s key; a successor taking over from it keeps its own', async () => {
    const predecessor = track(await seededContext(5, 31));
    const successor = track(await testContext());
    for (const password of [PASSWORD, undefined]) {
      const parsed = await readPackage(successor.db, await packageOf(predecessor, { password }), password);
      expect(parsed.manifest.successorKey).toBeUndefined();
      expect(parsed.successorKey).toBeNull();
    }
    const ordinary = await packageOf(predecessor, { password: PASSWORD });
    const preview = await previewHandover(successor, ordinary, PASSWORD);
    expect(preview.trust).toMatchObject({ carriesKey: false, takesOverKey: false });
    expect(preview.trust.notice).toContain('不是“交给接任者”导出的');
    await importHandover(successor, ordinary, { password: PASSWORD });
    expect(installationKeyPem(successor.db)).not.toBe(installationKeyPem(predecessor.db));
    expect(keyLog(successor.db).map((k) => k.event)).toEqual(['pinned']);
  });

  it('needs a password, and only the local branch can be handed over', async () => {
    const branch = track(await seededContext(3, 32));
    await expect(branch.call('handover.export', { forSuccessor: true })).rejects.toMatchObject({
      payload: { code: 'E_VALIDATION', message: expect.stringContaining('必须设置密码'), issues: [{ field: 'password' }] },
    });
    const { c, yi } = await committeeWithBranches(track);
    await expect(c.call('handover.export', { branchId: yi, password: PASSWORD, forSuccessor: true })).rejects.toMatchObject({
      payload: { code: 'E_VALIDATION', message: expect.stringContaining('只能把本支部交给接任者') },
    });
  });

  it('a package 交给接任者 carries the key: the preview says so, and the successor takes it over', async () => {
    const predecessor = track(await seededContext(5, 33));
    const successor = track(await testContext());
    const exported = await predecessor.call('handover.export', { password: PASSWORD, forSuccessor: true });
    const pkg = Buffer.from(exported.data, 'base64');
    expect(exported.manifest.successorKey).toBeDefined();
    const preview = await previewHandover(successor, pkg, PASSWORD);
    expect(preview.trust).toMatchObject({ carriesKey: true, takesOverKey: true, relayedBy: null });
    expect(preview.trust.notice).toContain('“交给接任者”的交接包，带有该支部的签名密钥');
    expect(preview.trust.notice).toContain('本机将接管这个密钥');
    await importHandover(successor, pkg, { password: PASSWORD });
    expect(installationKeyPem(successor.db)).toBe(installationKeyPem(predecessor.db));
    expect(keyLog(successor.db).map((k) => k.event)).toEqual(['pinned', 'taken-over']);
  });

  it('a database with a branch of its own never takes the key over, and the preview says so', async () => {
    const branch = track(await seededContext(4, 34));
    const committee = track(await testContext());
    await committee.call('branch.save', { name: '中共钻井一公司委员会' });
    const ownKey = installationKeyPem(committee.db);
    const pkg = await packageOf(branch, { password: PASSWORD, forSuccessor: true });
    const preview = await previewHandover(committee, pkg, PASSWORD);
    expect(preview.trust).toMatchObject({ carriesKey: true, takesOverKey: false });
    expect(preview.trust.notice).toContain('已有自己的支部，不会接管');
    await importHandover(committee, pkg, { password: PASSWORD });
    expect(installationKeyPem(committee.db)).toBe(ownKey);
    expect(keyLog(committee.db).map((k) => k.event)).toEqual(['pinned']);
  });
});
