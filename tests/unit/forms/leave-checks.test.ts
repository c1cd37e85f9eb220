/** The checks the member form makes when a field is left: the phone's format, and who holds an ID number. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneProblem } from '../../../shared/domain/fieldSchemas';
import { memberFieldsSchema } from '../../../shared/domain/member';
import { dispatch } from '../../../main/dispatcher';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

describe('phoneProblem', () => {
  it('takes mobile numbers of 11 digits and landlines with or without the area code', () => {
    for (const v of ['', '13912345678', '139 1234 5678', '139-1234-5678', '+86 139 1234 5678', '0317-2721234', '(0317)2721234', '2721234', '0317-2721234-801']) {
      expect(phoneProblem(v), v).toBeNull();
    }
  });

  it('names a mobile number of the wrong length, a number too short, and other characters', () => {
    expect(phoneProblem('1390000')).toBe('手机号码应为 11 位，现为 7 位');
    expect(phoneProblem('139123456789')).toBe('手机号码应为 11 位，现为 12 位');
    expect(phoneProblem('27212')).toMatch(/^联系电话位数不够/);
    expect(phoneProblem('139abc')).toBe('联系电话只能包含数字和“-”');
  });

  it('is the rule of the shared member schema, so main refuses the same numbers', () => {
    const r = memberFieldsSchema.safeParse(sampleMember({ phone: '1390000' }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['phone'], message: '手机号码应为 11 位，现为 7 位' });
    expect(memberFieldsSchema.safeParse(sampleMember({ phone: '13900001111' })).success).toBe(true);
  });
});

describe('members.findByIdNumber', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testContext();
    await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
  });
  afterEach(() => t.cleanup());

  it('names the member of the branch holding the number, except the one being edited; none when free or in the trash', async () => {
    const m = await t.call('members.create', sampleMember());
    // Typed in lower case and with spaces: found as stored.
    expect(await t.call('members.findByIdNumber', { idNumber: ' 110105 19491231002x' })).toEqual({ id: m.id, name: m.name });
    expect(await t.call('members.findByIdNumber', { idNumber: m.idNumber, excludeId: m.id })).toBeNull();
    expect(await t.call('members.findByIdNumber', { idNumber: '110105194912310037' })).toBeNull();
    await t.call('members.delete', { id: m.id });
    expect(await t.call('members.findByIdNumber', { idNumber: m.idNumber })).toBeNull();
  });

  it('refuses a branch that does not exist, naming the field', async () => {
    const r = await dispatch(t, 'members.findByIdNumber', { idNumber: '11010519491231002X', branchId: '00000000-0000-4000-8000-000000000000' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.field).toBe('branchId');
  });
});
