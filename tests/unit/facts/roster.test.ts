/** The roster's facts against a hand count of a small branch with a known history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberSearchSchema } from '../../../shared/contract/operations';
import type { FactSource } from '../../../shared/domain/facts';
import { searchMembers } from '../../../main/services/roster/members';
import { localToday } from '../../../shared/domain/dates';
import type { TestContext } from '../../helpers/context';
import { fact, figure, figureIds, pointValues, smallBranchContext, type SmallBranch } from './fixture';

let t: TestContext;
let s: SmallBranch;
beforeEach(async () => ({ t, s } = await smallBranchContext()));
afterEach(() => t.cleanup());

const total = (at?: string) => figure(fact(t, { key: 'roster.members.total', at }).data);

describe('the roster on a date', () => {
  it('counts today who is on the roster, 停止党籍 included, the departed not', () => {
    expect(total()).toBe(5); // a, b, d, f, g
    expect(pointValues(fact(t, { key: 'roster.members.byCategory' }).data)).toEqual({ full: 4, probationary: 1 });
  });

  it('counts a member who left only before the day they left, and a transfer in only from its date', () => {
    expect(total('2023-01-01')).toBe(4); // a, c, d, g
    expect(figureIds(fact(t, { key: 'roster.members.total', at: '2023-01-01' }).data)).toEqual([s.a, s.c, s.d, s.g].sort());
    expect(figureIds(fact(t, { key: 'roster.members.total', at: '2023-06-30' }).data)).not.toContain(s.c);
    expect(figureIds(fact(t, { key: 'roster.members.total', at: '2022-03-14' }).data)).not.toContain(s.d);
    expect(figureIds(fact(t, { key: 'roster.members.total', at: '2021-01-31' }).data)).toContain(s.e);
    expect(figureIds(fact(t, { key: 'roster.members.total', at: '2021-02-01' }).data)).not.toContain(s.e);
  });

  it('counts a probationer as such until the day of 转正', () => {
    expect(pointValues(fact(t, { key: 'roster.members.byCategory', at: '2025-01-01' }).data)).toEqual({ full: 3, probationary: 1 });
    expect(pointValues(fact(t, { key: 'roster.members.byCategory', at: '2025-05-10' }).data)).toEqual({ full: 4, probationary: 0 });
    expect(pointValues(fact(t, { key: 'roster.members.byStanding', at: '2025-01-01' }).data).probationary).toBe(1);
  });

  it('counts groups, genders, education and ages as they stood', () => {
    const groups = fact(t, { key: 'roster.members.byGroup', at: '2023-01-01' }).data;
    expect(groups.kind === 'series' && groups.points.map((p) => [p.label, p.value])).toEqual([
      ['第一党小组', 3], // a, c, g
      ['第二党小组', 1], // d
    ]);
    expect(pointValues(fact(t, { key: 'roster.members.byGender' }).data)).toEqual({ male: 3, female: 2 });
    expect(pointValues(fact(t, { key: 'roster.members.byEducation' }).data)).toMatchObject({ undergraduate: 5 - 1, juniorCollege: 1 });
    // 白雪 (1995-08-12) turns 30 on 2025-08-12; 丁力 is 39; 范小燕 (25) joins on 2025-10-01.
    expect(pointValues(fact(t, { key: 'roster.members.byAge', at: '2025-08-11' }).data)).toMatchObject({ under30: 1, from30to39: 1 });
    expect(pointValues(fact(t, { key: 'roster.members.byAge', at: '2025-08-12' }).data)).toMatchObject({ under30: 0, from30to39: 2 });
    expect(pointValues(fact(t, { key: 'roster.members.byAge', at: '2025-10-01' }).data)).toMatchObject({ under30: 1, from30to39: 2 });
  });

  it('gives today a roster filter that finds exactly the counted members, and ids for a past date', () => {
    const search = (source: FactSource) => searchMembers(t.db, memberSearchSchema.parse({ ...source.filter, limit: 1000 })).rows.map((r) => r.id).sort();
    const category = fact(t, { key: 'roster.members.byCategory' }).data;
    if (category.kind !== 'series') throw new Error('series expected');
    expect(search(category.points[1]!.source)).toEqual([s.f]);
    expect(search(category.points[0]!.source)).toEqual([s.a, s.b, s.d, s.g].sort());
    const groups = fact(t, { key: 'roster.members.byGroup' }).data;
    if (groups.kind !== 'series') throw new Error('series expected');
    expect(groups.points.map((p) => [p.label, p.value, search(p.source)])).toEqual([
      ['第一党小组', 2, [s.a, s.g].sort()],
      ['第二党小组', 2, [s.b, s.d].sort()],
      ['未编入党小组', 1, [s.f]],
    ]);
    const past = fact(t, { key: 'roster.members.byCategory', at: '2025-01-01' }).data;
    expect(past.kind === 'series' && past.points[1]!.source).toMatchObject({ filter: null, count: 1, ids: [s.b], screen: 'roster' });
  });
});

describe('what changed in a period', () => {
  it('counts admissions in this branch, not members who joined elsewhere and transferred in', () => {
    expect(figureIds(fact(t, { key: 'roster.members.admitted', from: '2024-01-01', to: '2024-12-31' }).data)).toEqual([s.b]);
    expect(figure(fact(t, { key: 'roster.members.admitted', from: '2010-01-01', to: '2010-12-31' }).data)).toBe(0);
    expect(figureIds(fact(t, { key: 'roster.members.admitted', from: '2024-01-01', to: '2025-12-31' }).data)).toEqual([s.b, s.f].sort());
  });

  it('counts 转正, transfers and departures within the period only', () => {
    expect(figureIds(fact(t, { key: 'roster.members.turnedFull', from: '2025-01-01', to: '2025-12-31' }).data)).toEqual([s.b]);
    expect(figure(fact(t, { key: 'roster.members.turnedFull', from: '2025-05-11', to: '2025-12-31' }).data)).toBe(0);
    expect(figureIds(fact(t, { key: 'roster.transfers.out', from: '2023-01-01', to: '2023-12-31' }).data)).toEqual([s.c]);
    expect(figure(fact(t, { key: 'roster.transfers.out', from: '2023-07-01', to: '2023-12-31' }).data)).toBe(0);
    expect(figureIds(fact(t, { key: 'roster.transfers.in', from: '2022-01-01', to: '2022-12-31' }).data)).toEqual([s.d]);
    expect(pointValues(fact(t, { key: 'roster.members.leftByKind', from: '2021-01-01', to: '2023-12-31' }).data)).toEqual({
      transferredOut: 1,
      left: 0,
      died: 1,
    });
  });

  it('gives each change a roster filter that finds exactly the members counted, departed ones included', () => {
    const periods = [
      ['2021-01-01', '2021-12-31'],
      ['2022-01-01', '2022-12-31'],
      ['2023-01-01', '2023-12-31'],
      ['2024-01-01', '2025-12-31'],
      ['2010-01-01', '2026-12-31'],
    ];
    let nonEmpty = 0;
    for (const key of ['roster.members.admitted', 'roster.members.turnedFull', 'roster.transfers.in', 'roster.transfers.out']) {
      for (const [from, to] of periods) {
        const data = fact(t, { key, from, to: to! > localToday() ? localToday() : to }).data;
        if (data.kind !== 'figure' || !data.source.filter) throw new Error(`${key}: a figure with a filter expected`);
        expect(data.source.filter).toMatchObject({ status: 'all', changeFrom: from });
        const found = searchMembers(t.db, memberSearchSchema.parse({ ...data.source.filter, limit: 1000 }));
        expect(found.rows.map((r) => r.id).sort(), `${key} ${from}`).toEqual(figureIds(data));
        expect(found.total).toBe(data.value);
        if (data.value) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(5);
  });

  it('defaults a period to this year so far', () => {
    const v = fact(t, { key: 'roster.transfers.in' });
    const today = v.period.kind === 'range' ? v.period.to : '';
    expect(v.period).toEqual({ kind: 'range', from: `${today.slice(0, 4)}-01-01`, to: today });
  });
});
