/**
 * The home page will be built from facts: on demo data, every fact counted today must show the numbers
 * rosterOverview shows today, and every roster filter a source gives must find exactly the counted members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factQuerySchema } from '../../../shared/contract/facts';
import { memberSearchSchema, type OperationOutput } from '../../../shared/contract/operations';
import { localToday } from '../../../shared/domain/dates';
import type { FactData, FactSource } from '../../../shared/domain/facts';
import { AGE_BAND_LABELS, EDUCATION_BANDS, STANDING_BANDS } from '../../../shared/domain/statistics';
import { seedDemo } from '../../../main/services/demo/seed';
import { factSpec, factSpecs } from '../../../main/services/facts/registry';
import { getFact, getFacts, listFacts } from '../../../main/services/facts/service';
import { requireBranchId } from '../../../main/services/branch/branch';
import { searchMembers } from '../../../main/services/roster/members';
import { rosterOverview } from '../../../main/services/rosterFiles/rosterFiles';
import { testContext, type TestContext } from '../../helpers/context';
import { person } from './fixture';
import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates';
import { pipelineBoard } from '../../../main/services/pipeline/board';
import { branchCalendar } from '../../../main/services/meetings/calendarService';
import type { MissingPeriod } from '../../../shared/domain/meetingsCalendar';
import { reportsDueNow } from '../../../main/services/meetings/reports';

let t: TestContext;
let overview: OperationOutput<'overview.get'>;
beforeAll(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
  seedDemo(t.db, { members: 450, seed: 11 });
  // Probationers whose probation ends in 5 days, and ended 35 days ago: the home page's reminders.
  for (const [name, days] of [['甘露', -360], ['韩冰', -400]] as const) {
    await t.call('members.create', person(name, '女', '1996-04-04', { category: '预备党员', joinDate: addDays(localToday(), days), fullDate: null }));
  }
  overview = rosterOverview(t);
});
afterAll(() => t.cleanup());

const today = (key: string) => getFact(t.db, factQuerySchema.parse({ key })).data;

function series(data: FactData): [string, number][] {
  if (data.kind !== 'series') throw new Error(`not a series: ${data.kind}`);
  return data.points.map((p) => [p.key, p.value]);
}

describe('facts for today against the home page of today', () => {
  it('has seeded a roster with every kind of figure to compare', () => {
    const s = overview.statistics;
    expect(s.total).toBeGreaterThan(350);
    expect(s.category.probationary).toBeGreaterThan(0);
    expect(s.partyGroups.length).toBeGreaterThan(2);
    expect(overview.probation.dueSoon.length).toBeGreaterThan(0);
    expect(overview.probation.overdue.length).toBeGreaterThan(0);
    expect(overview.pipeline.filter((p) => p.total > 0).length).toBeGreaterThan(2);
    expect((today('pipeline.steps.dueThisMonth') as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });

  const s = () => overview.statistics;
  const bands = (list: readonly { key: string }[], counts: Record<string, number>) => list.map((b): [string, number] => [b.key, counts[b.key]!]);
  const expected: Record<string, () => unknown> = {
    'roster.members.total': () => s().total,
    'roster.members.byCategory': () => [['full', s().category.full], ['probationary', s().category.probationary]],
    'roster.members.byGender': () => [['male', s().gender.male], ['female', s().gender.female]],
    'roster.members.byEthnicity': () => [['han', s().ethnicity.han], ['minority', s().ethnicity.minority]],
    'roster.members.byEducation': () => bands(EDUCATION_BANDS, s().education),
    'roster.members.byAge': () => bands(AGE_BAND_LABELS, s().age),
    'roster.members.byStanding': () => bands(STANDING_BANDS, s().partyStanding),
    'roster.members.byGroup': () => s().partyGroups.map((g) => [g.label, g.count]),
    'pipeline.applicants.byStage': () => overview.pipeline.map((p) => [p.stage, p.total]),
    // The board's entries also carry the name's search key, which the fact's table does not.
    'pipeline.probation.dueSoon': () => overview.probation.dueSoon.map(({ searchKey: _, ...e }) => e),
    'pipeline.probation.overdue': () => overview.probation.overdue.map(({ searchKey: _, ...e }) => e),
    // What the board says is due next, by the end of this month.
    'pipeline.steps.dueThisMonth': () => {
      const monthEnd = addDays(addMonths(`${localToday().slice(0, 7)}-01`, 1), -1);
      return pipelineBoard(t.db, { includeFinished: true })
        .stages.flatMap((s) => s.entries)
        .filter((e) => e.next?.dueDate && e.next.dueDate <= monthEnd)
        .map((e) => ({ id: e.id, name: e.name, stage: e.stage, step: e.next!.title, dueDate: e.next!.dueDate, daysLeft: daysBetween(localToday(), e.next!.dueDate!), member: e.memberId }));
    },
    // What the 三会一课台账 screen shows for this year (meetings.calendar).
    'meetings.calendar.dueThisMonth': () =>
      calendarPeriods(calendarNow().due.filter((p) => p.deadline.startsWith(localToday().slice(0, 7)))),
    'meetings.calendar.missing': () => calendarPeriods(calendarNow().missing).sort((a, b) => b.deadline.localeCompare(a.deadline)),
    'meetings.calendar.reminders': () => [
      ...calendarPeriods(calendarNow().due.filter((p) => p.deadline.startsWith(localToday().slice(0, 7)))),
      ...calendarPeriods(calendarNow().missing).sort((a, b) => b.deadline.localeCompare(a.deadline)),
    ],
    'meetings.calendar.heldVsRequired': () =>
      calendarNow().rows.map((r) => ({ key: r.key, kind: r.kindLabel, partyGroup: r.groupName, held: r.held, required: r.required })),
    'meetings.talks.coverage': () => [['covered', calendarNow().talks.covered], ['notCovered', calendarNow().talks.notTalked.length]],
    'meetings.attendanceRate': () => calendarNow().attendance.map((a) => ({ memberId: a.memberId, expected: a.expected, attended: a.attended })),
    // The class hours of the final meetings each member attended this year, summed in SQL; members with none show 0.
    'meetings.studyHours': () => {
      const rows = t.db.prepare(`
        SELECT mb.id AS memberId, coalesce(sum(CASE WHEN a.attended = 1 AND m.status = 'final' AND m.meeting_date BETWEEN ? AND ? THEN m.class_hours END), 0) AS hours
        FROM members mb LEFT JOIN meeting_attendance a ON a.member_id = mb.id AND a.deleted_at IS NULL LEFT JOIN meetings m ON m.id = a.meeting_id AND m.deleted_at IS NULL
        WHERE mb.deleted_at IS NULL AND mb.status = '正常' GROUP BY mb.id`).all(`${localToday().slice(0, 4)}-01-01`, localToday()) as { memberId: string; hours: number }[];
      return rows.sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    },
    // Who the 党内汇报 screen marks 逾期未交 (reports.due).
    'meetings.reports.overdue': () => reportsDueNow(t.db, requireBranchId(t.db)).filter((r) => r.status === 'overdue').map((r) => ({ id: r.id, name: r.name, missedPeriod: r.missedPeriod })),
  };
  const calendarNow = () => branchCalendar(t.db, requireBranchId(t.db), Number(localToday().slice(0, 4)));
  const calendarPeriods = (list: MissingPeriod[]) =>
    list.map((p) => ({ key: `${p.kind}:${p.groupId ?? ''}:${p.period}`, kind: p.kindLabel, partyGroup: p.groupName, period: p.periodLabel, deadline: p.deadline }));
  function actual(key: string): unknown {
    const data = today(key);
    if (data.kind === 'figure') return data.value;
    if (key === 'roster.members.byGroup' && data.kind === 'series') return data.points.map((p) => [p.label, p.value]);
    if (data.kind === 'series') return series(data);
    if (key === 'pipeline.steps.dueThisMonth' && data.kind === 'table') return data.rows.map((r) => ({ id: r.key, ...r.cells }));
    if (key === 'meetings.calendar.heldVsRequired' && data.kind === 'table') {
      return data.rows.map((r) => ({ key: r.key, kind: r.cells.kind, partyGroup: r.cells.partyGroup, held: r.cells.held, required: r.cells.required }));
    }
    if (key === 'meetings.attendanceRate' && data.kind === 'table') {
      return data.rows.map((r) => ({ memberId: r.key, expected: r.cells.expected, attended: r.cells.attended }));
    }
    if (key === 'meetings.studyHours' && data.kind === 'table') {
      return data.rows.map((r) => ({ memberId: r.key, hours: r.cells.hours })).sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    }
    if (key === 'meetings.reports.overdue' && data.kind === 'table') return data.rows.map((r) => ({ id: r.key, name: r.cells.name, missedPeriod: r.cells.missedPeriod }));
    if (key.startsWith('meetings.calendar.') && data.kind === 'table') {
      return data.rows.map((r) => ({ key: r.key, kind: r.cells.kind, partyGroup: r.cells.partyGroup, period: r.cells.period, deadline: r.cells.deadline }));
    }
    return data.rows.map((r) => ({ memberId: r.key, ...r.cells }));
  }

  it('compares every fact counted on a date (a new one must be added here)', () => {
    expect(listFacts().filter((f) => f.periodKind === 'at').map((f) => f.key).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const key of Object.keys(expected)) {
    it(`${key} shows today what the home page shows`, () => {
      const byMember = (list: unknown) =>
        Array.isArray(list) && key.startsWith('pipeline.probation') ? [...list].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
        : Array.isArray(list) && key === 'pipeline.steps.dueThisMonth' ? [...list].sort((a, b) => (a.id < b.id ? -1 : 1))
        : list;
      expect(byMember(actual(key))).toEqual(byMember(expected[key]!()));
    });
  }
});

describe('several facts at once', () => {
  it('gives what each gives alone', () => {
    const queries = listFacts().map((f) => factQuerySchema.parse({ key: f.key }));
    const now = new Date();
    const together = getFacts(t.db, queries, localToday(), now);
    expect(together).toEqual(queries.map((q) => getFact(t.db, q, localToday(), now)));
  });
});

describe('sources of today’s figures', () => {
  /** The provider's own ids for today: computed as for another day, so no source is given as a filter. */
  function countedIds(key: string): Map<string, string[]> {
    const spec = factSpec(key)!;
    const at = localToday();
    const branchId = requireBranchId(t.db);
    const scope = { db: t.db, branchId, isLocalBranch: true, today: 'not-today', period: { kind: 'at', at } as const, at, from: at, to: at, shared: new Map() };
    const { data } = spec.compute(scope);
    const sources: [string, FactSource][] = data.kind === 'figure' ? [['', data.source]] : data.kind === 'series' ? data.points.map((p) => [p.key, p.source]) : [];
    return new Map(sources.map(([k, src]) => [k, [...(src.ids ?? [])].sort()]));
  }

  const rosterAtFacts = () => factSpecs().filter((f) => f.capability === 'roster' && f.periodKind === 'at');

  it('lists ids where no filter shows the records, and every roster filter finds exactly the counted members', () => {
    let filters = 0;
    for (const spec of rosterAtFacts()) {
      const data = today(spec.key);
      const ids = countedIds(spec.key);
      const sources: [string, FactSource][] = data.kind === 'figure' ? [['', data.source]] : data.kind === 'series' ? data.points.map((p) => [p.key, p.source]) : [];
      for (const [k, source] of sources) {
        expect(source.screen, spec.key).toBe('roster');
        if (source.filter) {
          filters++;
          const found = searchMembers(t.db, memberSearchSchema.parse({ ...source.filter, limit: 1000 }));
          expect(found.rows.map((r) => r.id).sort(), `${spec.key} ${k}`).toEqual(ids.get(k));
          expect(found.total, `${spec.key} ${k}`).toBe(source.count);
        } else {
          expect(source.ids?.slice().sort(), `${spec.key} ${k}`).toEqual(ids.get(k));
        }
      }
    }
    expect(filters).toBeGreaterThan(15);
  });
});
