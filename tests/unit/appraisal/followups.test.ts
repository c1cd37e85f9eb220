/** The follow-up a 不合格 grade opens (domain.md 3.3), its rules, and the member's grade history. */
import { describe, expect, it } from 'vitest';
import { trackContexts } from '../../helpers/context';
import { seededContext } from '../../helpers/handover';

const track = trackContexts();
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: { message: string }) => e.message);

/** A 2024 campaign decided on 2024-12-12, three members on the ballot, one sheet marking the first 不合格. */
async function decidedCampaign() {
  const t = track(await seededContext(20, 7));
  let c = await t.call('appraisal.create', { year: 2024, issuedMembers: 3, stages: [{ stage: '组织评定', date: '2024-12-12' }] });
  const onBallot = c.members.filter((m) => m.graded);
  c = await t.call('appraisal.update', { campaignId: c.id, exclusions: onBallot.slice(3).map((m) => ({ memberId: m.memberId, reason: '长期病假' })) });
  const [a, b, d] = c.members.filter((m) => m.graded);
  await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', voterType: '党员', grades: { [a!.memberId]: '不合格', [b!.memberId]: '合格', [d!.memberId]: '合格' } });
  await t.call('appraisal.decide', {
    campaignId: c.id,
    decisions: [{ memberId: a!.memberId, grade: '不合格' }, { memberId: b!.memberId, grade: '合格' }, { memberId: d!.memberId, grade: '不合格', reason: '长期不参加组织生活' }],
  });
  return { t, c, a: a!, b: b!, d: d! };
}

describe('the follow-up of a 不合格 grade', () => {
  it('opens as 限期改正 for six months from the 组织评定 date, one per 不合格 member', async () => {
    const { t, c, a, d } = await decidedCampaign();
    const list = await t.call('appraisal.followUps', { campaignId: c.id });
    expect(list.map((f) => [f.name, f.kind, f.decidedDate, f.deadline, f.state]).sort()).toEqual(
      [
        [a.name, '限期改正', '2024-12-12', '2025-06-12', '进行中'],
        [d.name, '限期改正', '2024-12-12', '2025-06-12', '进行中'],
      ].sort(),
    );
    // Without a campaign: every campaign's, the demo's 不合格 of last year too.
    const everyone = await t.call('appraisal.followUps', {});
    expect(everyone.filter((f) => f.campaignId === c.id)).toHaveLength(2);
    expect(everyone.length).toBeGreaterThan(2);
  });

  it('keeps the deadline within 6 to 12 months, a deadline for 限期改正 only, and 已改正 for 限期改正 only', async () => {
    const { t, c, a } = await decidedCampaign();
    const f = (await t.call('appraisal.followUps', { campaignId: c.id })).find((x) => x.memberId === a.memberId)!;
    expect(await failure(t.call('appraisal.updateFollowUp', { followUpId: f.id, deadline: '2025-12-13' }))).toBe(
      '改正期限：应在作出决定（2024-12-12）后 6 至 12 个月之间，即 2025-06-12 至 2025-12-12',
    );
    expect(await failure(t.call('appraisal.updateFollowUp', { followUpId: f.id, deadline: '2025-06-11' }))).toMatch(/^改正期限：应在作出决定/);
    const longer = await t.call('appraisal.updateFollowUp', { followUpId: f.id, deadline: '2025-12-12', note: '谈话提醒，本人表示愿意改正' });
    expect([longer.deadline, longer.note]).toEqual(['2025-12-12', '谈话提醒，本人表示愿意改正']);
    const expelled = await t.call('appraisal.updateFollowUp', { followUpId: f.id, kind: '除名' });
    expect([expelled.kind, expelled.deadline]).toEqual(['除名', null]);
    expect(await failure(t.call('appraisal.updateFollowUp', { followUpId: f.id, deadline: '2025-06-12' }))).toBe('改正期限：除名不设改正期限');
    expect(await failure(t.call('appraisal.updateFollowUp', { followUpId: f.id, state: '已改正' }))).toBe('处置状态：除名没有“已改正”这一状态，请选择进行中或已处置');
    const closed = await t.call('appraisal.updateFollowUp', { followUpId: f.id, state: '已处置', expectedUpdatedAt: expelled.updatedAt });
    expect(closed.state).toBe('已处置');
    expect(await failure(t.call('appraisal.updateFollowUp', { followUpId: f.id, note: '过期的修改', expectedUpdatedAt: expelled.updatedAt }))).toMatch(/已在别处被修改/);
  });

  it('goes with the grade while 进行中; once closed the grade can no longer change', async () => {
    const { t, c, a, d } = await decidedCampaign();
    await t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: d.memberId, grade: '基本合格', reason: '复议后改定' }] });
    expect((await t.call('appraisal.followUps', { campaignId: c.id })).map((f) => f.memberId)).toEqual([a.memberId]);
    const f = (await t.call('appraisal.followUps', { campaignId: c.id }))[0]!;
    await t.call('appraisal.updateFollowUp', { followUpId: f.id, state: '已改正' });
    expect(await failure(t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: a.memberId, grade: null }] }))).toBe(
      `${a.name}：评议不合格的处置（限期改正）状态为已改正，不能再改评定等次`,
    );
    // Refused as a whole: the grade stays.
    expect((await t.call('appraisal.results', { campaignId: c.id })).members.find((m) => m.memberId === a.memberId)!.final).toBe('不合格');
  });

  it('shows in the member’s grade history, next to the years and the exclusions', async () => {
    const { t, c, a } = await decidedCampaign();
    const earlier = await t.call('appraisal.create', { year: 2022, issuedMembers: 1 });
    await t.call('appraisal.update', { campaignId: earlier.id, exclusions: [{ memberId: a.memberId, reason: '外出务工' }] });
    // The demo's campaigns (last year, this year) come first; newest first throughout.
    const all = await t.call('appraisal.history', { memberId: a.memberId });
    expect(all.map((h) => h.year)).toEqual([...all.map((h) => h.year)].sort((x, y) => y - x));
    const history = all.filter((h) => h.year <= 2024);
    expect(history.map((h) => [h.year, h.grade, h.excluded, h.exclusionReason])).toEqual([
      [2024, '不合格', false, ''],
      [2022, null, true, '外出务工'],
    ]);
    expect(history[0]!.campaignId).toBe(c.id);
    expect(history[0]!.followUp).toMatchObject({ kind: '限期改正', deadline: '2025-06-12', state: '进行中' });
    expect(history[1]!.followUp).toBeNull();
  });
});
