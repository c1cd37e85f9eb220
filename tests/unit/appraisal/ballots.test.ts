import { describe, expect, it } from 'vitest';
import { registeredTables } from '../../../main/db/registry';
import { importHandover } from '../../../main/services/handover/handover';
import { GRADES, type Grade, type GradeCounts, type VoterType } from '../../../shared/domain/appraisal';
import { testContext, trackContexts } from '../../helpers/context';
import { packageOf, seededContext, snapshot } from '../../helpers/handover';

const track = trackContexts();

/** A small deterministic generator, independent of the app's own. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: { message: string }) => e.message);

/** A branch from the demo seeder and a campaign with exactly `graded` members on the ballot (others excluded). */
async function campaignWith(graded: number, issuedMembers: number, issuedMasses: number, doubleEntry = false) {
  const t = track(await seededContext(Math.ceil(graded * 1.6) + 5, 3));
  let c = await t.call('appraisal.create', { year: 2023, issuedMembers, issuedMasses, doubleEntry });
  const onBallot = c.members.filter((m) => m.graded);
  expect(onBallot.length).toBeGreaterThanOrEqual(graded);
  const extra = onBallot.slice(graded).map((m) => ({ memberId: m.memberId, reason: '长期病假' }));
  const kept = c.members.filter((m) => m.excluded && m.exclusionReason !== '停止党籍').map((m) => ({ memberId: m.memberId, reason: m.exclusionReason }));
  c = await t.call('appraisal.update', { campaignId: c.id, exclusions: [...kept, ...extra] });
  return { t, c, ballot: c.members.filter((m) => m.graded) };
}

describe('an appraisal campaign', () => {
  it('takes the active roster, lists 预备党员 ungraded, and is one per year', async () => {
    const t = track(await seededContext(40, 5));
    const c = await t.call('appraisal.create', { year: 2023, issuedMembers: 30, stages: [{ stage: '民主测评', date: '2023-12-10' }] });
    const roster = (await t.call('members.search', { limit: 1000 })).rows;
    expect(c.members.map((m) => m.memberId).sort()).toEqual(roster.map((m) => m.id).sort());
    const probationers = c.members.filter((m) => m.category === '预备党员');
    expect(probationers.length).toBeGreaterThan(0);
    expect(probationers.every((m) => !m.graded)).toBe(true);
    expect(c.rules).toEqual({ excellentCapNum: 1, excellentCapDen: 3, unqualifiedPct: 50, basicPct: 30, excellentPct: 50 });
    expect(c.stages).toHaveLength(7);
    expect(c.stages.find((s) => s.stage === '民主测评')!.date).toBe('2023-12-10');
    expect(await failure(t.call('appraisal.create', { year: 2023 }))).toBe('2023年度已有民主评议，请打开它继续');
    expect(await t.call('appraisal.serials', { campaignId: c.id })).toHaveLength(30);
    expect(await failure(t.call('appraisal.update', { campaignId: c.id, exclusions: [{ memberId: c.members[0]!.memberId, reason: '' }] }))).toMatch(
      // The list item is named by fieldLabel once meet-core is merged (不参加评议的党员第 1 项的不参加原因).
      /：请写明不参加评议的原因$/,
    );
  });
});

describe('ballot entry and the tally', () => {
  it('60 random sheets for 40 members entered through the service tally as an independent count', async () => {
    const { t, c, ballot } = await campaignWith(40, 50, 10);
    expect(ballot).toHaveLength(40);
    const random = rng(20251210);
    const expected = new Map(ballot.map((m) => [m.memberId, { 党员: zero(), 群众: zero() }]));
    let spoilt = 0;
    for (let i = 1; i <= 60; i++) {
      const voterType: VoterType = i <= 50 ? '党员' : '群众';
      const isSpoilt = random() < 0.05;
      const grades: Record<string, Grade> = {};
      for (const m of ballot) {
        if (random() < 0.1) continue; // left unmarked
        grades[m.memberId] = GRADES[Math.floor(random() * random() * 4)]!;
      }
      await t.call('appraisal.enterSheet', { campaignId: c.id, serial: String(i), voterType, spoilt: isSpoilt, grades });
      if (isSpoilt) spoilt++;
      else for (const [id, g] of Object.entries(grades)) expected.get(id)![voterType][g] += 1;
    }
    const r = await t.call('appraisal.results', { campaignId: c.id });
    expect(r.ballots).toEqual({ issued: 60, collected: 60, valid: 60 - spoilt, spoilt, pending: 0 });
    expect(spoilt).toBeGreaterThan(0);
    for (const m of r.members) {
      const e = expected.get(m.memberId)!;
      expect(m.byVoterType).toEqual(e);
      expect(m.counts).toEqual(Object.fromEntries(GRADES.map((g) => [g, e.党员[g] + e.群众[g]])));
      expect(m.votes).toBe(GRADES.reduce((n, g) => n + e.党员[g] + e.群众[g], 0));
    }
    expect(r.members.filter((m) => m.proposed === '优秀').length).toBeLessThanOrEqual(r.excellentCap);
    expect(r.excellentCap).toBe(13);
    // The favourable share and each proposal, recomputed here from the independent count and the default rules.
    const thresholdOf = (n: GradeCounts): Grade | null => {
      const votes = GRADES.reduce((k, g) => k + n[g], 0);
      if (!votes) return null;
      if (n.不合格 / votes >= 0.5) return '不合格';
      if ((n.基本合格 + n.不合格) / votes >= 0.3) return '基本合格';
      return n.优秀 / votes > 0.5 ? '优秀' : '合格';
    };
    const independent = r.members.map((m) => {
      const e = expected.get(m.memberId)!;
      const n = Object.fromEntries(GRADES.map((g) => [g, e.党员[g] + e.群众[g]])) as GradeCounts;
      return { id: m.memberId, n, grade: thresholdOf(n) };
    });
    for (const m of r.members) {
      const { n } = independent.find((x) => x.id === m.memberId)!;
      const votes = GRADES.reduce((k, g) => k + n[g], 0);
      expect(m.favourableShare).toBeCloseTo((n.优秀 + n.合格) / votes, 12);
    }
    // Members over the 优秀 threshold keep it in order of 优秀 votes while whole tied groups fit under the cap.
    const excellent = independent.filter((x) => x.grade === '优秀').sort((x, y) => y.n.优秀 - x.n.优秀);
    const kept = new Set<string>();
    for (const x of excellent) {
      const group = excellent.filter((y) => y.n.优秀 === x.n.优秀);
      if (kept.has(x.id)) continue;
      if (kept.size + group.length > r.excellentCap) break;
      group.forEach((y) => kept.add(y.id));
    }
    for (const x of independent) {
      const want = x.grade === '优秀' && !kept.has(x.id) ? '合格' : x.grade;
      expect(r.members.find((m) => m.memberId === x.id)!.proposed, x.id).toBe(want);
    }
    expect(new Set(r.members.map((m) => m.proposed)).size).toBeGreaterThanOrEqual(2);
  });

  it('refuses a sheet entered twice, a serial not issued, more sheets than issued, and marks for the ungraded, naming serial and member', async () => {
    const { t, c, ballot } = await campaignWith(6, 2, 1);
    const [a] = ballot;
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', voterType: '党员', grades: { [a!.memberId]: '优秀' } });
    expect(await failure(t.call('appraisal.enterSheet', { campaignId: c.id, serial: '001', voterType: '党员' }))).toBe('编号 001 的测评表已第一遍录入，不能再录入一次；如需修改请使用“更正”');
    expect(await failure(t.call('appraisal.enterSheet', { campaignId: c.id, serial: '4', voterType: '党员' }))).toBe('编号 004 超出已发放的测评表（共 3 张，编号 001 至 003）');
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '2', voterType: '党员' });
    expect(await failure(t.call('appraisal.enterSheet', { campaignId: c.id, serial: '3', voterType: '党员' }))).toBe('编号 003：党员测评表已录入 2 张，已达发放数 2 张，收回的不能多于发放的');
    const probationer = c.members.find((m) => m.category === '预备党员')!;
    expect(await failure(t.call('appraisal.enterSheet', { campaignId: c.id, serial: '3', voterType: '群众', grades: { [probationer.memberId]: '合格' } }))).toBe(
      `编号 003：${probationer.name}是预备党员，参加评议但不评定等次`,
    );
    const excluded = c.members.find((m) => m.exclusionReason === '长期病假')!;
    expect(await failure(t.call('appraisal.enterSheet', { campaignId: c.id, serial: '3', voterType: '群众', grades: { [excluded.memberId]: '合格' } }))).toBe(
      `编号 003：${excluded.name}不参加这次评议（长期病假）`,
    );
    // The refused entries wrote nothing.
    expect((await t.call('appraisal.sheets', { campaignId: c.id })).map((s) => s.serial)).toEqual(['001', '002']);
    expect(await failure(t.call('appraisal.update', { campaignId: c.id, issuedMembers: 1 }))).toBe('发放党员测评表张数：已收回党员测评表 2 张，发放数不能少于此数');
  });

  it('a corrected sheet and a spoilt sheet change the tally', async () => {
    const { t, c, ballot } = await campaignWith(3, 3, 0);
    const [a, b] = ballot.map((m) => m.memberId);
    const grade = async (memberId: string) => (await t.call('appraisal.tally', { campaignId: c.id })).members.find((m) => m.memberId === memberId)!;
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', voterType: '党员', grades: { [a!]: '优秀', [b!]: '合格' } });
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '2', voterType: '党员', grades: { [a!]: '不合格' } });
    expect((await grade(a!)).counts).toMatchObject({ 优秀: 1, 不合格: 1 });
    await t.call('appraisal.correctSheet', { campaignId: c.id, serial: '2', voterType: '党员', grades: { [a!]: '合格', [b!]: '基本合格' } });
    expect((await grade(a!)).counts).toMatchObject({ 优秀: 1, 合格: 1, 不合格: 0 });
    expect((await grade(b!)).counts).toMatchObject({ 合格: 1, 基本合格: 1 });
    await t.call('appraisal.markSpoilt', { campaignId: c.id, serial: '1', spoilt: true });
    expect((await grade(a!)).counts).toMatchObject({ 优秀: 0, 合格: 1 });
    expect((await t.call('appraisal.getSheet', { campaignId: c.id, serial: '1' })).grades).toEqual({});
    const r = await t.call('appraisal.results', { campaignId: c.id });
    expect(r.ballots).toMatchObject({ collected: 2, valid: 1, spoilt: 1 });
    expect(await failure(t.call('appraisal.correctSheet', { campaignId: c.id, serial: '3', voterType: '党员' }))).toBe('编号 003 的测评表还没有第一遍录入');
  });

  it('with double entry, lists each differing cell by serial and member and tallies only agreed sheets', async () => {
    const { t, c, ballot } = await campaignWith(3, 3, 0, true);
    const [a, b] = ballot;
    const grades = { [a!.memberId]: '优秀', [b!.memberId]: '合格' } as const;
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', voterType: '党员', grades });
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '2', voterType: '党员', grades });
    expect(await failure(t.call('appraisal.enterSheet', { campaignId: c.id, serial: '3', entry: 2, voterType: '党员' }))).toBe('编号 003 的测评表还没有第一遍录入，请先录入第一遍');
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', entry: 2, voterType: '党员', grades });
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '2', entry: 2, voterType: '党员', grades: { ...grades, [b!.memberId]: '不合格' } });
    const diffs = await t.call('appraisal.differences', { campaignId: c.id });
    expect(diffs.awaitingSecond).toEqual([]);
    expect(diffs.differences).toEqual([{ serial: '002', memberId: b!.memberId, what: b!.name, first: '合格', second: '不合格' }]);
    let r = await t.call('appraisal.results', { campaignId: c.id });
    expect(r.ballots).toMatchObject({ collected: 2, valid: 1, pending: 1 });
    expect(r.members.find((m) => m.memberId === a!.memberId)!.counts.优秀).toBe(1);
    await t.call('appraisal.correctSheet', { campaignId: c.id, serial: '2', entry: 2, voterType: '党员', grades });
    expect((await t.call('appraisal.differences', { campaignId: c.id })).differences).toEqual([]);
    r = await t.call('appraisal.results', { campaignId: c.id });
    expect(r.ballots).toMatchObject({ valid: 2, pending: 0 });
    expect(r.members.find((m) => m.memberId === a!.memberId)!.counts.优秀).toBe(2);
  });
});

describe('deciding grades', () => {
  it('asks for a reason against the proposal, refuses more 优秀 than the cap, keeps the history per year', async () => {
    const { t, c, ballot } = await campaignWith(6, 6, 0);
    const ids = ballot.map((m) => m.memberId);
    for (let i = 1; i <= 6; i++) {
      await t.call('appraisal.enterSheet', { campaignId: c.id, serial: String(i), voterType: '党员', grades: Object.fromEntries(ids.map((id, k) => [id, k === 0 ? '优秀' : '合格'])) });
    }
    const r = await t.call('appraisal.tally', { campaignId: c.id });
    expect(r.members.map((m) => m.proposed)).toEqual(['优秀', '合格', '合格', '合格', '合格', '合格']);
    expect(r.excellentCap).toBe(2);
    const second = ballot[1]!;
    expect(await failure(t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: second.memberId, grade: '优秀' }] }))).toBe(
      `${second.name}：评定为优秀，与按规则提议的合格不同，请填写理由`,
    );
    await t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: ids[0]!, grade: '优秀' }, { memberId: second.memberId, grade: '优秀', reason: '抗洪抢险表现突出' }] });
    expect(await failure(t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: ids[2]!, grade: '优秀', reason: '表现突出' }] }))).toBe(
      '评定为优秀的有 3 人，超过上限 2 人（参加评定的 6 人的 1/3）',
    );
    const probationer = c.members.find((m) => m.category === '预备党员')!;
    expect(await failure(t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: probationer.memberId, grade: '合格' }] }))).toBe(
      `${probationer.name}是预备党员，参加评议但不评定等次`,
    );
    const done = await t.call('appraisal.decide', { campaignId: c.id, decisions: ids.slice(2).map((memberId) => ({ memberId, grade: '合格' as const })) });
    expect(done.members.map((m) => m.final)).toEqual(['优秀', '优秀', '合格', '合格', '合格', '合格']);
    expect(done.members[1]!.reason).toBe('抗洪抢险表现突出');
    expect(done.excellentFinal).toBe(2);
    const cleared = await t.call('appraisal.decide', { campaignId: c.id, decisions: [{ memberId: second.memberId, grade: null }] });
    expect(cleared.members[1]!.final).toBeNull();
    expect(await t.call('appraisal.history', { memberId: ids[0]! })).toContainEqual({ year: 2023, campaignId: c.id, grade: '优秀', graded: true, excluded: false, exclusionReason: '', followUp: null });
    expect((await t.call('appraisal.list', {})).find((l) => l.year === 2023)).toMatchObject({ year: 2023, graded: 6, issued: 6, collected: 6, decided: 5 });
  });
});

describe('hand-over', () => {
  it('carries every appraisal table in a round trip', async () => {
    const { t, c, ballot } = await campaignWith(3, 2, 1, true);
    const grades = { [ballot[0]!.memberId]: '优秀' } as const;
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', voterType: '党员', grades });
    await t.call('appraisal.enterSheet', { campaignId: c.id, serial: '1', entry: 2, voterType: '党员', grades });
    await t.call('appraisal.decide', {
      campaignId: c.id,
      decisions: [{ memberId: ballot[1]!.memberId, grade: '合格' }, { memberId: ballot[2]!.memberId, grade: '不合格', reason: '长期不参加组织生活' }],
    });
    const target = track(await testContext());
    await importHandover(target, await packageOf(t), {});
    const [a, b] = [snapshot(t), snapshot(target)];
    const tables = registeredTables().filter((s) => s.name.startsWith('appraisal_'));
    expect(tables).toHaveLength(6);
    for (const s of tables) {
      expect(a[s.name]!.length, s.name).toBeGreaterThan(0);
      expect(b[s.name], s.name).toEqual(a[s.name]);
    }
  });
});

function zero(): GradeCounts {
  return { 优秀: 0, 合格: 0, 基本合格: 0, 不合格: 0 };
}


describe('the demo seeder', () => {
  it('leaves last year’s campaign tallied and decided within the rules, and this year’s in progress', async () => {
    const t = track(await seededContext(60, 11));
    const list = await t.call('appraisal.list', {});
    const thisYear = new Date().getFullYear();
    expect(list.map((c) => c.year)).toEqual([thisYear, thisYear - 1]);
    const last = await t.call('appraisal.results', { campaignId: list[1]!.id });
    expect(last.ballots.collected).toBe(last.ballots.issued);
    expect(last.ballots.spoilt).toBe(1);
    expect(last.members.length).toBeGreaterThan(20);
    expect(last.members.every((m) => m.final !== null && m.final === m.proposed)).toBe(true);
    expect(last.excellentFinal).toBeLessThanOrEqual(last.excellentCap);
    expect(new Set(last.members.map((m) => m.final)).size).toBeGreaterThanOrEqual(2);
    // Every 不合格 of last year has its follow-up, with what was done.
    const unqualified = last.members.filter((m) => m.final === '不合格').map((m) => m.memberId);
    expect(unqualified.length).toBeGreaterThan(0);
    const followUps = await t.call('appraisal.followUps', { campaignId: list[1]!.id });
    expect(followUps.map((f) => f.memberId).sort()).toEqual([...unqualified].sort());
    expect(followUps.every((f) => f.kind === '限期改正' && f.note.length > 0)).toBe(true);
    const current = await t.call('appraisal.get', { campaignId: list[0]!.id });
    expect(current.doubleEntry).toBe(true);
    expect(current.collected).toEqual({ 党员: 0, 群众: 0 });
  });
});
