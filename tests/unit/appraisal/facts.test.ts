/** 民主评议's facts: each figure and row traceable to the campaign and the records it counts; fingerprints follow edits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactValue } from '../../../shared/domain/facts';
import { seedDemo } from '../../../main/services/demo/seed';
import { testContext, type TestContext } from '../../helpers/context';

const TODAY = '2026-11-25';
const LAST_YEAR = { from: '2025-01-01', to: '2025-12-31' };
let t: TestContext;

beforeAll(async () => {
  t = await testContext();
  seedDemo(t.db, { members: 50, seed: 4 }, { today: TODAY });
});
afterAll(() => t.cleanup());

const fact = (key: string, period = LAST_YEAR) => t.call('facts.get', { key, ...period }) as Promise<FactValue>;
const campaign2025 = async () => (await t.call('appraisal.list', {})).find((c) => c.year === 2025)!;

describe('appraisal facts', () => {
  it('are listed in the catalogue as range facts of the capability', async () => {
    const keys = (await t.call('facts.list', {})).filter((f) => f.capability === 'appraisal').map((f) => f.key);
    expect(keys).toEqual(['appraisal.ballots', 'appraisal.grades.byGrade', 'appraisal.grades.excellentShare', 'appraisal.followUps', 'appraisal.history']);
  });

  it('ballots issued, collected, valid and spoilt of the year, traceable to the campaign and its sheets', async () => {
    const c = await campaign2025();
    const r = await t.call('appraisal.results', { campaignId: c.id });
    const f = await fact('appraisal.ballots');
    if (f.data.kind !== 'series') throw new Error('series expected');
    expect(f.data.points.map((p) => [p.label, p.value])).toEqual([
      ['发放', r.ballots.issued],
      ['收回', r.ballots.collected],
      ['有效', r.ballots.valid],
      ['废票', r.ballots.spoilt],
    ]);
    expect(f.data.points[0]!.source).toMatchObject({ table: 'appraisal_campaigns', ids: [c.id] });
    expect(f.data.points[3]!.source).toMatchObject({ table: 'appraisal_sheets', count: 1 });
  });

  it('final grades by count (the total gives the share) and the 优秀 share against the limit', async () => {
    const c = await campaign2025();
    const r = await t.call('appraisal.results', { campaignId: c.id });
    const f = await fact('appraisal.grades.byGrade');
    if (f.data.kind !== 'series') throw new Error('series expected');
    expect(f.data.total).toBe(r.members.length);
    for (const p of f.data.points) {
      expect(p.value, p.label).toBe(r.members.filter((m) => m.final === p.label).length);
      expect(p.source).toMatchObject({ table: 'appraisal_grades', count: p.value });
    }
    const share = await fact('appraisal.grades.excellentShare');
    if (share.data.kind !== 'table') throw new Error('table expected');
    expect(share.data.rows.map((row) => row.key)).toEqual([c.id]);
    expect(share.data.rows[0]!.cells).toMatchObject({ year: 2025, graded: r.members.length, excellent: r.excellentFinal, limit: '1/3', cap: r.excellentCap, within: '是' });
    expect(share.data.rows[0]!.cells.share).toBe(`${((r.excellentFinal * 100) / r.members.length).toFixed(1)}%`);
  });

  it('follow-ups with their state, and each member’s grades by year; a follow-up edited changes the fingerprint', async () => {
    const c = await campaign2025();
    const before = await fact('appraisal.followUps');
    if (before.data.kind !== 'table') throw new Error('table expected');
    const listed = await t.call('appraisal.followUps', { campaignId: c.id });
    expect(before.data.rows.map((row) => [row.key, row.cells.name, row.cells.kind, row.cells.state])).toEqual(listed.map((x) => [x.id, x.name, x.kind, x.state]));
    // Decided 2025-12-12, six months: past by 2026-11-25, so the demo closed it.
    expect(listed[0]!.state).toBe('已改正');
    await t.call('appraisal.updateFollowUp', { followUpId: listed[0]!.id, note: '复查：情况良好' });
    expect((await fact('appraisal.followUps')).fingerprint).not.toBe(before.fingerprint);

    const history = await fact('appraisal.history', { from: '2025-01-01', to: TODAY });
    if (history.data.kind !== 'table') throw new Error('table expected');
    expect(history.data.columns.map((col) => col.label)).toEqual(['姓名', '2026年度', '2025年度']);
    const someone = listed[0]!;
    const row = history.data.rows.find((x) => x.key === someone.memberId)!;
    expect(row.cells).toMatchObject({ name: someone.name, 2025: '不合格', 2026: '未评定' });
    const own = await t.call('appraisal.history', { memberId: someone.memberId });
    expect(row.source.ids).toHaveLength(own.filter((h) => h.grade !== null).length);
  });

  it('a period without a campaign gives empty facts', async () => {
    const f = await fact('appraisal.grades.byGrade', { from: '2020-01-01', to: '2020-12-31' });
    expect(f.data).toEqual({ kind: 'series', total: 0, points: [] });
  });
});
