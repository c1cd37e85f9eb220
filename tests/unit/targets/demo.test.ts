/** The demo seeder fills every target-management table, and a hand-over carries them whole. */
import { describe, expect, it } from 'vitest';
import { targetsTables } from '../../../main/services/targets/tables';
import { seedDemo } from '../../../main/services/demo/seed';
import { importHandover } from '../../../main/services/handover/handover';
import { testContext, trackContexts } from '../../helpers/context';
import { packageOf, snapshot } from '../../helpers/handover';

const track = trackContexts();
const TODAY = '2026-11-25';

describe('target management in the demo data', () => {
  it('fills every table, with the gearbox project, an adjusted letter and ranked assessments; a hand-over carries it all', async () => {
    const source = track(await testContext());
    const summary = seedDemo(source.db, { members: 80, seed: 3 }, { today: TODAY });
    expect(summary.counts).toMatchObject({ targetTemplates: 5, targetProjects: 3 });

    const rows = snapshot(source);
    for (const t of targetsTables) expect(rows[t.name]!.length, t.name).toBeGreaterThan(0);

    const projects = await source.call('projects.list', { year: 2026 });
    const gearbox = projects.find((p) => p.title.includes('齿轮箱'))!;
    expect(gearbox).toMatchObject({ status: '已完成', benefitYuan: 126000, benefitDays: 17 });
    expect(gearbox.memberIds).toHaveLength(1);
    expect(gearbox.notes.length).toBeGreaterThanOrEqual(4);

    const letters = await source.call('targetLetters.list', { year: 2026 });
    expect(letters.filter((l) => l.adjusted)).toHaveLength(1);
    expect(letters.every((l) => l.total === 100)).toBe(true);

    const final = await source.call('assessments.summary', { year: 2025, period: 'final' });
    expect(final.completed).toBe(final.letters);
    expect(final.rows[0]!.rank).toBe(1);
    expect(final.byGrade.map((g) => g.grade)).toContain('合格');
    // Today is before the year-end assessment: this year has its mid-year one only.
    expect((await source.call('assessments.summary', { year: 2026, period: 'mid' })).completed).toBeGreaterThan(0);
    expect((await source.call('assessments.summary', { year: 2026, period: 'final' })).completed).toBe(0);

    const target = track(await testContext());
    await importHandover(target, await packageOf(source), {});
    const after = snapshot(target);
    for (const t of targetsTables) expect(after[t.name], t.name).toEqual(rows[t.name]);
  });

  it('gives the same data for the same seed', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const t = track(await testContext());
      seedDemo(t.db, { members: 30, seed: 5 }, { today: TODAY });
      const summary = await t.call('assessments.summary', { year: 2025, period: 'final' });
      runs.push(summary.rows.map((r) => [r.memberName, r.total, r.rank]));
    }
    expect(runs[1]).toEqual(runs[0]);
  });
});
