import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/dispatcher';
import { moveMembersToGroup } from '../../../main/services/roster/groups';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
});
afterEach(() => t.cleanup());

async function twoGroups() {
  const one = await t.call('groups.save', { name: '钻井一班党小组' });
  const two = await t.call('groups.save', { name: '钻井二班党小组' });
  const zhang = await t.call('members.create', sampleMember({ partyGroupId: one.id }));
  const li = await t.call('members.create', sampleMember({ name: '李四', idNumber: withCheck('11010519491231004'), partyGroupId: one.id }));
  await t.call('groups.save', { id: one.id, name: one.name, leaderMemberId: zhang.id, sortOrder: one.sortOrder });
  return { one, two, zhang, li };
}

const withCheck = (first17: string) => first17 + idCheckChar(first17);

const count = async (groupId: string) => (await t.call('groups.list', {})).find((g) => g.id === groupId)!.memberCount;

describe('moving members between party groups (调整党小组)', () => {
  it('moves the picked members, updates both counts and logs each move in the member history', async () => {
    const { one, two, zhang, li } = await twoGroups();
    const r = await t.call('groups.moveMembers', { memberIds: [li.id], toGroupId: two.id });
    expect(r.moved).toBe(1);
    expect(r.group.memberCount).toBe(1);
    expect(r.leaderCleared).toEqual([]);
    expect(await count(one.id)).toBe(1);
    expect(await count(two.id)).toBe(1);
    expect((await t.call('members.get', { id: li.id })).partyGroup).toBe('钻井二班党小组');
    expect((await t.call('members.get', { id: zhang.id })).partyGroup).toBe('钻井一班党小组');
    const history = await t.call('members.history', { id: li.id });
    expect(history[0]).toMatchObject({ action: 'update', changes: [{ field: 'party_group_id', label: '党小组', before: '钻井一班党小组', after: '钻井二班党小组' }] });
  });

  it('a moved 组长 no longer leads the group left, and that is said in the result', async () => {
    const { one, two, zhang } = await twoGroups();
    const r = await t.call('groups.moveMembers', { memberIds: [zhang.id], toGroupId: two.id });
    expect(r.leaderCleared).toEqual([{ groupName: '钻井一班党小组', leaderName: '张三' }]);
    const groups = await t.call('groups.list', {});
    expect(groups.find((g) => g.id === one.id)!.leaderMemberId).toBeNull();
  });

  it('is one transaction: a missing member among the picked ones leaves every member where they were', async () => {
    const { one, two, zhang, li } = await twoGroups();
    await t.call('members.delete', { id: li.id });
    const r = await dispatch(t, 'groups.moveMembers', { memberIds: [zhang.id, li.id], toGroupId: two.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_NOT_FOUND');
    expect(r.error.message).toContain('不存在或已被删除');
    // 张三 came first and would have been moved; the transaction undid it, leader included.
    expect((await t.call('members.get', { id: zhang.id })).partyGroupId).toBe(one.id);
    expect((await t.call('groups.list', {})).find((g) => g.id === one.id)!.leaderMemberId).toBe(zhang.id);
    expect(await count(two.id)).toBe(0);
  });

  it('refuses an unknown or deleted group with a Chinese message at the field, and moves no one', async () => {
    const { one, two, li } = await twoGroups();
    await t.call('groups.delete', { id: two.id });
    const r = await dispatch(t, 'groups.moveMembers', { memberIds: [li.id], toGroupId: two.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_VALIDATION');
    expect(r.error.message).toBe('要调整到的党小组不存在或已被删除，请刷新后重新选择');
    expect(r.error.issues).toEqual([{ field: 'toGroupId', message: r.error.message }]);
    expect((await t.call('members.get', { id: li.id })).partyGroupId).toBe(one.id);
    expect(() => moveMembersToGroup(t.db, [li.id], crypto.randomUUID())).toThrow('要调整到的党小组不存在');
  });

  it('validates its input with the contract: no member picked, or a malformed group id', async () => {
    const { li } = await twoGroups();
    const none = await dispatch(t, 'groups.moveMembers', { memberIds: [], toGroupId: crypto.randomUUID() });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('请先选择要调整的党员');
    const bad = await dispatch(t, 'groups.moveMembers', { memberIds: [li.id], toGroupId: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('E_VALIDATION');
  });
});
