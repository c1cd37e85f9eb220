import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../main/services/demo/seed';
import { MEETING_KINDS } from '../../../shared/domain/meetings';
import { requireBranchId } from '../../../main/services/branch/branch';
import { reportsDueNow } from '../../../main/services/meetings/reports';
import { testContext, trackContexts } from '../../helpers/context';

const track = trackContexts();
const TODAY = '2026-11-20';

async function seeded(seed = 5) {
  const t = track(await testContext());
  const summary = seedDemo(t.db, { members: 40, seed }, { today: TODAY });
  return { t, summary };
}

describe('the demo meetings and talks', () => {
  it('has every kind, final records with attendance, drafts, an amended record, photos and talks', async () => {
    const { t, summary } = await seeded();
    expect(summary.counts.meetings).toBeGreaterThan(100);
    const all = await t.call('meetings.list', {});
    for (const k of MEETING_KINDS) expect(all.some((m) => m.kind === k.kind && m.status === 'final'), k.label).toBe(true);
    expect(all.every((m) => m.expected > 0 && m.present > 0)).toBe(true);
    const drafts = all.filter((m) => m.status === 'draft');
    expect(drafts.length).toBe(3);
    expect(drafts.some((m) => m.date > TODAY)).toBe(true); // planned: its sign-in sheet is printed beforehand
    expect(all.filter((m) => m.version === 2)).toHaveLength(1);
    expect(all.some((m) => m.kind === 'memberMeeting' && m.alsoCounts.includes('themeDay'))).toBe(true);
    expect(all.some((m) => m.attachmentCount > 0)).toBe(true);
    const talks = await t.call('talks.list', {});
    expect(talks.some((x) => x.kind === 'visit' && x.memberId === null)).toBe(true);
    expect(talks.some((x) => x.memberId !== null)).toBe(true);
  });

  it('seeds 党内汇报 for the activists and probationary members, leaving one probationary member overdue', async () => {
    const { t, summary } = await seeded();
    const due = reportsDueNow(t.db, requireBranchId(t.db), TODAY);
    expect(summary.counts.memberReports).toBeGreaterThan(0);
    expect(due.filter((r) => r.status === 'overdue').map((r) => r.role)).toEqual(['probationary']);
    expect(due.some((r) => r.status === 'done')).toBe(true);
    expect(due.some((r) => r.role === 'activist')).toBe(true);
  });

  it('leaves the months it means to leave empty', async () => {
    const { t } = await seeded();
    const months = (kind: string, year: number) =>
      new Set(t.db.prepare("SELECT substr(meeting_date, 6, 2) AS m FROM meetings WHERE kind = ? AND meeting_date LIKE ? AND status = 'final'").all(kind, `${year}-%`).map((r) => (r as { m: string }).m));
    const committee2025 = months('committee', 2025);
    expect(committee2025.has('07') || committee2025.has('08')).toBe(false);
    expect(committee2025.size).toBe(10);
    expect(months('committee', 2026).has('02')).toBe(false);
    expect(months('themeDay', 2025).has('02')).toBe(false);
  });

  it('is the same for the same seed', async () => {
    const a = await seeded(9);
    const b = await seeded(9);
    const rows = (t: typeof a.t) => t.db.prepare('SELECT kind, title, meeting_date, start_time, status FROM meetings ORDER BY meeting_date, title').all();
    expect(rows(b.t)).toEqual(rows(a.t));
  });
});

describe('the demo meetings of a default-size roster', () => {
  it('seeds this year’s meetings for 200 members (the demo form’s default), every branch-wide meeting expecting the whole roster', async () => {
    const t = track(await testContext());
    seedDemo(t.db, { members: 200, seed: 3 }, { today: TODAY });
    const thisYear = await t.call('meetings.list', { year: 2026 });
    expect(thisYear.filter((m) => m.status === 'final').length).toBeGreaterThan(50);
    const themeDay = thisYear.find((m) => m.kind === 'themeDay' && m.status === 'final')!;
    expect(themeDay.expected).toBeGreaterThan(150);
  });
});
