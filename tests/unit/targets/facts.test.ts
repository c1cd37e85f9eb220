/** Target management's facts: each figure and row traceable to the records it counts; fingerprints follow edits. */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { FactValue } from '../../../shared/domain/facts';
import { seedDemo } from '../../../main/services/demo/seed';
import { testContext, type TestContext } from '../../helpers/context';

const TODAY = '2026-11-25';
const PERIOD = { from: '2026-01-01', to: TODAY };
let t: TestContext;

beforeAll(async () => {
  t = await testContext();
  seedDemo(t.db, { members: 60, seed: 4 }, { today: TODAY });
});
afterAll(() => t.cleanup());

const fact = (key: string, period = PERIOD) => t.call('facts.get', { key, ...period }) as Promise<FactValue>;

describe('target-management facts', () => {
  it('are listed in the catalogue as range facts of the capability', async () => {
    const keys = (await t.call('facts.list', {})).filter((f) => f.capability === 'targets').map((f) => f.key);
    expect(keys).toEqual([
      'targets.assessments.byGrade',
      'targets.assessments.topScorers',
      'targets.zones.records',
      'targets.projects.finished',
      'targets.projects.yuanSaved',
      'targets.projects.daysWon',
    ]);
  });

  it('grade bands of the latest assessment in the period, each band naming its assessments', async () => {
    const f = await fact('targets.assessments.byGrade');
    if (f.data.kind !== 'series') throw new Error('series expected');
    // Within 2026 up to 25 November: the mid-year assessment of 2026 (dated 10 July), not 2025's year-end one.
    const summary = await t.call('assessments.summary', { year: 2026, period: 'mid' });
    expect(f.data.total).toBe(summary.completed);
    // Every grade of the rules is a band, an empty one too.
    expect(f.data.points.map((p) => p.label)).toEqual(['优秀', '合格', '基本合格', '不合格']);
    expect(f.data.points.filter((p) => p.value > 0).map((p) => [p.label, p.value])).toEqual(summary.byGrade.map((g) => [g.grade, g.count]));
    for (const p of f.data.points) {
      expect(p.source).toMatchObject({ table: 'target_assessments', count: p.value });
      const grades = summary.rows.filter((r) => p.source.ids!.includes(r.assessmentId!)).map((r) => r.grade);
      expect(grades).toEqual(Array(p.value).fill(p.label));
    }
    // A period holding only 2025's year-end assessment (dated 12 January 2026) shows that one.
    const january = await fact('targets.assessments.byGrade', { from: '2026-01-01', to: '2026-01-31' });
    const final2025 = await t.call('assessments.summary', { year: 2025, period: 'final' });
    expect(january.data.kind === 'series' && january.data.total).toBe(final2025.completed);
  });

  it('top scorers by rank, ties at the last place included, each row its assessment', async () => {
    const f = await fact('targets.assessments.topScorers');
    if (f.data.kind !== 'table') throw new Error('table expected');
    const ranks = f.data.rows.map((r) => r.cells.rank as number);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(f.data.rows.length).toBeGreaterThanOrEqual(10);
    const summary = await t.call('assessments.summary', { year: 2026, period: 'mid' });
    for (const row of f.data.rows) {
      const line = summary.rows.find((r) => r.assessmentId === row.source.ids![0])!;
      expect([row.cells.name, row.cells.total, row.cells.rank]).toEqual([line.memberName, line.total, line.rank]);
    }
  });

  it('zones with their records in the period; projects finished with their benefits, summed in the figures', async () => {
    const zones = await fact('targets.zones.records');
    if (zones.data.kind !== 'table') throw new Error('table expected');
    const listed = await t.call('zones.list');
    expect(zones.data.rows.map((r) => r.key).sort()).toEqual(listed.map((z) => z.id).sort());
    for (const row of zones.data.rows) {
      const zone = listed.find((z) => z.id === row.key)!;
      expect(row.cells.records).toBe(zone.records.filter((r) => r.date >= PERIOD.from && r.date <= PERIOD.to).length);
    }

    const projects = await fact('targets.projects.finished');
    if (projects.data.kind !== 'table') throw new Error('table expected');
    const gearbox = projects.data.rows.find((r) => String(r.cells.title).includes('齿轮箱'))!;
    expect(gearbox.cells).toMatchObject({ benefitYuan: 126000, benefitDays: 17, benefit: '节约费用 126000 元，缩短工期 17 天' });
    const yuan = await fact('targets.projects.yuanSaved');
    const sum = projects.data.rows.reduce((s, r) => s + Number(r.cells.benefitYuan ?? 0), 0);
    expect(yuan.data).toMatchObject({ kind: 'figure', value: sum });
    expect(yuan.data.kind === 'figure' && yuan.data.source.ids!.sort()).toEqual(projects.data.rows.map((r) => r.key).sort());

    // The outcome is entered once: editing it changes the figure and its fingerprint.
    const p = await t.call('projects.get', { id: gearbox.key });
    const { id, title, problem, leaderId, memberIds, startDate, plannedEnd, status, finishedDate, outcome, benefitDays, note } = p;
    await t.call('projects.save', { id, title, problem, leaderId, memberIds, startDate, plannedEnd, status, finishedDate, outcome, benefitYuan: 120000, benefitDays, note });
    const after = await fact('targets.projects.yuanSaved');
    expect(after.data).toMatchObject({ value: sum - 6000 });
    expect(after.fingerprint).not.toBe(yuan.fingerprint);
  });
});
