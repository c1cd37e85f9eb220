/** 首页's reminders: each row of a reminder fact becomes a name that opens its record, with what is due and when. */
import { describe, expect, it } from 'vitest';
import type { FactTableRow, FactValue } from '../../../shared/domain/facts';
import { DUE_THIS_MONTH_SECTIONS, PROBATION_SECTIONS, REMINDER_FACT_KEYS, sectionItems } from '../../../renderer/src/features/overview/reminders';

const PIPELINE = { table: 'applicants', label: '发展党员', screen: 'pipeline', count: 1 };
const ROSTER = { table: 'members', label: '党员名册', screen: 'roster', count: 1, filter: null };

function tableFact(key: string, rows: FactTableRow[]): Record<string, FactValue> {
  return {
    [key]: {
      key,
      title: key,
      unit: '人',
      period: { kind: 'at', at: '2026-12-08' },
      branchId: 'b1',
      computedAt: '',
      fingerprint: '',
      data: { kind: 'table', columns: [], rows },
    },
  };
}

describe('reminder sections', () => {
  it('reads every section’s fact', () => {
    expect(REMINDER_FACT_KEYS).toEqual([
      'pipeline.probation.overdue',
      'pipeline.probation.dueSoon',
      'pipeline.steps.dueThisMonth',
      'meetings.calendar.reminders',
      'meetings.reports.overdue',
    ]);
  });

  it('a probationer past the probation opens that member, late', () => {
    const overdue = PROBATION_SECTIONS.find((s) => s.key === 'overdue')!;
    const facts = tableFact(overdue.factKey, [
      { key: 'm1', cells: { name: '周丽娟', partyGroup: null, joinDate: '2025-11-03', probationEnd: '2026-11-03', daysLeft: -35 }, source: { ...ROSTER, ids: ['m1'] } },
    ]);
    expect(sectionItems(overdue, facts)).toEqual([
      { key: 'm1', name: '周丽娟', href: '#/roster?member=m1', what: '未编入党小组', when: '预备期满 2026-11-03，已超过 35 天', late: true },
    ]);
  });

  it('a step due this month opens that applicant on 发展党员 (?applicant=); overdue steps are late', () => {
    const steps = DUE_THIS_MONTH_SECTIONS.find((s) => s.key === 'pipelineSteps')!;
    const facts = tableFact(steps.factKey, [
      { key: 'a1', cells: { name: '曾浩然', stage: '入党申请人', step: '党组织派人谈话', dueDate: '2026-10-29', daysLeft: -40, member: null }, source: { ...PIPELINE, filter: { stage: '入党申请人', includeFinished: true }, ids: ['a1'] } },
      { key: 'a2', cells: { name: '钱涛', stage: '发展对象', step: '上级党委审批', dueDate: '2026-12-20', daysLeft: 12, member: null }, source: { ...PIPELINE, filter: { stage: '发展对象', includeFinished: true }, ids: ['a2'] } },
    ]);
    const items = sectionItems(steps, facts);
    expect(items.map((i) => [i.name, decodeURIComponent(i.href ?? ''), i.what, i.when, i.late])).toEqual([
      ['曾浩然', '#/pipeline?applicant=a1', '入党申请人 · 党组织派人谈话', '2026-10-29，已逾期 40 天', true],
      ['钱涛', '#/pipeline?applicant=a2', '发展对象 · 上级党委审批', '2026-12-20，还有 12 天', false],
    ]);
  });

  it('a meeting due this month, or missing (late), opens the meetings of its kind and period (and party group)', () => {
    const MEETINGS = { table: 'meetings', label: '三会一课', screen: 'meetings', count: 0 };
    const section = DUE_THIS_MONTH_SECTIONS.find((s) => s.key === 'meetings')!;
    const facts = tableFact(section.factKey, [
      {
        key: 'groupMeeting:g1:2026-12',
        cells: { kind: '党小组会', partyGroup: '钻井班党小组', period: '2026年12月', deadline: '2026-12-31', daysLeft: 23, state: '待开' },
        source: { ...MEETINGS, filter: { kind: 'groupMeeting', month: '2026-12', groupId: 'g1' } },
      },
      {
        key: 'committee::2026-03',
        cells: { kind: '支委会', partyGroup: null, period: '2026年3月', deadline: '2026-03-31', daysLeft: -252, state: '缺开' },
        source: { ...MEETINGS, filter: { kind: 'committee', month: '2026-03' } },
      },
    ]);
    expect(sectionItems(section, facts).map((i) => [i.name, i.href, i.what, i.when, i.late])).toEqual([
      ['党小组会', '#/meetings?kind=groupMeeting&month=2026-12&groupId=g1', '钻井班党小组 · 2026年12月 · 待开', '截止 2026-12-31，还有 23 天', false],
      ['支委会', '#/meetings?kind=committee&month=2026-03', '2026年3月 · 缺开', '截止 2026-03-31，已过 252 天', true],
    ]);
  });

  it('shows nothing for a fact that was not read', () => {
    expect(sectionItems(DUE_THIS_MONTH_SECTIONS[0]!, {})).toEqual([]);
  });
});
