import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../main/db/migrations';
import { databaseAtVersion } from '../../helpers/migrations';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共测试支部委员会' });
});
afterEach(() => t.cleanup());

const PROBATIONER = sampleMember({
  name: '赵六', idNumber: '34052419800101001X', gender: '男', birthDate: '1980-01-01',
  category: '预备党员', joinDate: '2025-06-01', fullDate: null,
});

describe('status changes', () => {
  it('a transfer out keeps the member in the database but out of the active roster, with the event in the history', async () => {
    const m = await t.call('members.create', sampleMember());
    await t.call('members.recordEvent', { memberId: m.id, event: { kind: '转出', date: '2026-03-01', counterpart: '中共第二钻井队支部委员会', docNumber: '组转〔2026〕3号' } });
    expect((await t.call('members.search', {})).total).toBe(0);
    expect((await t.call('members.search', { status: '转出' })).rows.map((r) => r.name)).toEqual(['张三']);
    const events = await t.call('members.events', { id: m.id });
    expect(events).toMatchObject([{ kind: '转出', date: '2026-03-01', docNumber: '组转〔2026〕3号', counterpart: '中共第二钻井队支部委员会' }]);
    const history = await t.call('members.history', { id: m.id });
    expect(history[0]!.changes).toMatchObject([{ field: 'status', before: '正常', after: '转出' }]);
    // No further changes for someone who has left.
    await expect(t.call('members.recordEvent', { memberId: m.id, event: { kind: '去世', date: '2026-04-01' } })).rejects.toMatchObject({
      payload: { code: 'E_VALIDATION', issues: [{ field: 'kind' }] },
    });
  });

  it('转正 only when the probation has ended; an extension moves the end', async () => {
    const m = await t.call('members.create', PROBATIONER);
    const early = await t
      .call('members.recordEvent', { memberId: m.id, event: { kind: '转正', date: '2026-05-01' } })
      .catch((e) => e.payload);
    expect(early).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'date', message: expect.stringContaining('2026-06-01') }] });
    await t.call('members.recordEvent', { memberId: m.id, event: { kind: '延长预备期', date: '2026-06-01', months: 6, reason: '学习不够' } });
    expect((await t.call('members.search', { query: 'zl' })).rows[0]!.probationEnd).toBe('2026-12-01');
    await expect(t.call('members.recordEvent', { memberId: m.id, event: { kind: '延长预备期', date: '2026-06-02', months: 8, reason: '再延' } })).rejects.toMatchObject({
      payload: { issues: [{ field: 'months' }] },
    });
  });

  it('转正 makes a probationer a full member from that date', async () => {
    const m = await t.call('members.create', { ...PROBATIONER, joinDate: '2025-01-10' });
    const after = await t.call('members.recordEvent', { memberId: m.id, event: { kind: '转正', date: '2026-01-10', meetingDate: '2026-01-08' } });
    expect(after).toMatchObject({ category: '正式党员', fullDate: '2026-01-10' });
  });

  it('停止党籍 and 恢复党籍; 出党 forms', async () => {
    const m = await t.call('members.create', sampleMember());
    await t.call('members.recordEvent', { memberId: m.id, event: { kind: '停止党籍', date: '2026-01-01', reason: '失联超过六个月' } });
    expect((await t.call('members.get', { id: m.id })).status).toBe('停止党籍');
    expect((await t.call('members.search', {})).total).toBe(1); // still on the active roster
    await t.call('members.recordEvent', { memberId: m.id, event: { kind: '恢复党籍', date: '2026-02-01' } });
    await expect(
      t.call('members.recordEvent', { memberId: m.id, event: { kind: '出党', subtype: '取消预备党员资格', date: '2026-03-01' } }),
    ).rejects.toMatchObject({ payload: { issues: [{ field: 'subtype' }] } });
    await t.call('members.recordEvent', { memberId: m.id, event: { kind: '出党', subtype: '除名', date: '2026-03-01', reason: '自行脱党' } });
    expect((await t.call('members.get', { id: m.id })).status).toBe('出党');
  });

  it('a transfer in creates the member and the 转入 event together', async () => {
    const m = await t.call('members.transferIn', { fields: sampleMember(), transfer: { date: '2026-02-01', counterpart: '中共机关第一支部委员会', docNumber: '' } });
    expect((await t.call('members.events', { id: m.id })).map((e) => e.kind)).toEqual(['转入']);
    const bad = await t.call('members.transferIn', { fields: sampleMember({ name: '' }), transfer: { date: '2026-02-01', counterpart: '' } }).catch((e) => e.payload);
    expect(bad.code).toBe('E_VALIDATION');
    expect((await t.call('members.search', { status: 'all' })).total).toBe(1);
  });
});

describe('migration 2 (member events)', () => {
  it('adds the probation extension to existing members without touching their data', () => {
    const { db, dir } = databaseAtVersion(1);
    expect(applyMigrations(db, 2)).toEqual([2]);
    expect(db.prepare('SELECT name, probation_extension_months FROM members').get()).toEqual({ name: '张三', probation_extension_months: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM member_events').get()).toEqual({ n: 0 });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
