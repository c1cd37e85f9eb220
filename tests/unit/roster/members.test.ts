import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';
import { dispatch } from '../../../main/dispatcher';

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
});
afterEach(() => t.cleanup());

describe('members through the dispatcher', () => {
  it('creates a valid member and finds it by pinyin initials', async () => {
    const m = await t.call('members.create', sampleMember());
    expect(m.name).toBe('张三');
    const found = await t.call('members.search', { query: 'zs' });
    expect(found.total).toBe(1);
    expect(found.rows[0]!.idNumberMasked).toBe('1101**********002X');
    expect((await t.call('members.search', { query: 'lisi' })).total).toBe(0);
  });

  it('refuses a wrong ID checksum with E_VALIDATION at the field and stores nothing', async () => {
    const r = await dispatch(t, 'members.create', sampleMember({ idNumber: '110105194912310021' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_VALIDATION');
    expect(r.error.issues?.[0]?.field).toBe('idNumber');
    expect(r.error.message).toContain('身份证号');
    expect((await t.call('members.search', {})).total).toBe(0);
  });

  it('records the change history of an edit, and delete/restore through the trash', async () => {
    const m = await t.call('members.create', sampleMember());
    const { id, branchId, partyGroup, createdAt, updatedAt, ...fields } = m;
    await t.call('members.update', { id, fields: { ...fields, post: '司钻' }, expectedUpdatedAt: updatedAt });
    const history = await t.call('members.history', { id });
    expect(history[0]!.action).toBe('update');
    expect(history[0]!.changes).toEqual([{ field: 'post', label: '岗位/职务', before: '', after: '司钻' }]);
    await t.call('members.delete', { id });
    expect((await t.call('members.search', {})).total).toBe(0);
    const trash = await t.call('trash.list');
    expect(trash).toMatchObject([{ table: 'members', id, label: '张三' }]);
    await t.call('trash.restore', { table: 'members', id });
    expect((await t.call('members.search', {})).total).toBe(1);
  });

  it('refuses to restore a member whose ID number a live member now has', async () => {
    const first = await t.call('members.create', sampleMember());
    await t.call('members.delete', { id: first.id });
    await t.call('members.create', sampleMember({ name: '李四' }));
    const r = await dispatch(t, 'trash.restore', { table: 'members', id: first.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('E_CONFLICT');
    expect(r.error.message).toBe('无法恢复：名册中已有身份证号相同的党员“李四”');
  });

  it('restores a member without the party group that is still in the trash', async () => {
    const group = await t.call('groups.save', { name: '第一党小组' });
    const m = await t.call('members.create', sampleMember({ partyGroupId: group.id }));
    await t.call('members.delete', { id: m.id });
    await t.call('groups.delete', { id: group.id });
    await t.call('trash.restore', { table: 'members', id: m.id });
    expect((await t.call('members.get', { id: m.id })).partyGroupId).toBeNull();
  });

  it('shows the history of a new member with the ID number masked, codes as labels and the group by name', async () => {
    const group = await t.call('groups.save', { name: '第一党小组' });
    const m = await t.call('members.create', sampleMember({ partyGroupId: group.id }));
    const [insert] = await t.call('members.history', { id: m.id });
    const shown = Object.fromEntries(insert!.changes.map((c) => [c.field, c.after]));
    expect(shown).toMatchObject({ id_number: '1101**********002X', education: '大学本科毕业', party_group_id: '第一党小组', lost_contact: '否' });
    expect(shown).not.toHaveProperty('search_text');
  });
});
