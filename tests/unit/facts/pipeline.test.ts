/** Member development's facts against a hand count: stages on a date, steps in a period, probationers due. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../helpers/context';
import { fact, figure, figureIds, idNumberFor, pointValues, smallBranchContext, type SmallBranch } from './fixture';

let t: TestContext;
let s: SmallBranch;
let p1: string;
let p2: string;
let p3: string;

function applicant(name: string, birthDate: string, seq: number, applicationDate: string) {
  return {
    name,
    gender: '男',
    ethnicity: '汉族',
    idNumber: idNumberFor(birthDate, seq * 2 + 1),
    birthDate,
    education: '31',
    politicalStatus: '共青团员',
    applicationDate,
  } as const;
}

beforeEach(async () => {
  ({ t, s } = await smallBranchContext());
  p1 = (await t.call('pipeline.create', applicant('蒋涛', '1998-01-01', 1, '2024-03-01'))).id;
  await t.call('pipeline.recordStep', { id: p1, step: 2, date: '2024-03-20' });
  await t.call('pipeline.recordStep', { id: p1, step: 3, date: '2024-09-01' });
  p2 = (await t.call('pipeline.create', applicant('孔明', '1999-02-02', 2, '2025-02-01'))).id;
  p3 = (await t.call('pipeline.create', applicant('雷鸣', '1997-03-03', 3, '2024-05-01'))).id;
  await t.call('pipeline.terminate', { id: p3, date: '2024-08-01', reason: '本人撤回入党申请' });
});
afterEach(() => t.cleanup());

const stages = (at?: string) => pointValues(fact(t, { key: 'pipeline.applicants.byStage', at }).data);

describe('applicants by stage', () => {
  it('counts the stage each applicant had reached on the date', () => {
    expect(stages('2024-02-29')).toMatchObject({ 入党申请人: 0, 已终止: 0 });
    expect(stages('2024-06-01')).toMatchObject({ 入党申请人: 2, 入党积极分子: 0, 已终止: 0 });
    expect(stages('2024-10-01')).toMatchObject({ 入党申请人: 0, 入党积极分子: 1, 已终止: 1 });
    expect(stages()).toEqual({ 入党申请人: 1, 入党积极分子: 1, 发展对象: 0, 预备党员: 0, 正式党员: 0, 已终止: 1 });
  });

  it('names the applicants of each stage, with the board’s stage as the filter today', () => {
    const data = fact(t, { key: 'pipeline.applicants.byStage' }).data;
    if (data.kind !== 'series') throw new Error('series expected');
    const activists = data.points.find((p) => p.key === '入党积极分子')!.source;
    expect(activists).toMatchObject({ screen: 'pipeline', table: 'applicants', count: 1, ids: [p1], filter: { stage: '入党积极分子', includeFinished: true } });
    const past = fact(t, { key: 'pipeline.applicants.byStage', at: '2024-06-01' }).data;
    expect(past.kind === 'series' && past.points[0]!.source).toMatchObject({ filter: null, ids: expect.arrayContaining([p1, p3]) });
  });
});

describe('steps in a period', () => {
  it('counts applications received and activists determined within the period', () => {
    expect(figureIds(fact(t, { key: 'pipeline.applications.received', from: '2024-01-01', to: '2024-12-31' }).data)).toEqual([p1, p3].sort());
    expect(figureIds(fact(t, { key: 'pipeline.applications.received', from: '2025-01-01', to: '2025-12-31' }).data)).toEqual([p2]);
    expect(figure(fact(t, { key: 'pipeline.applications.received', from: '2024-03-02', to: '2024-04-30' }).data)).toBe(0);
    expect(figureIds(fact(t, { key: 'pipeline.activists.determined', from: '2024-01-01', to: '2024-12-31' }).data)).toEqual([p1]);
    expect(figure(fact(t, { key: 'pipeline.activists.determined', from: '2024-01-01', to: '2024-08-31' }).data)).toBe(0);
    expect(figure(fact(t, { key: 'pipeline.targets.determined', from: '2024-01-01', to: '2025-12-31' }).data)).toBe(0);
  });
});

describe('probationers due for 转正', () => {
  const rows = (key: string, at: string) => {
    const data = fact(t, { key, at }).data;
    if (data.kind !== 'table') throw new Error('table expected');
    return data.rows.map((r) => [r.key, r.cells.probationEnd, r.cells.daysLeft]);
  };

  it('lists probationers whose probation ends within 30 days, and those past it, as they stood on the date', () => {
    expect(rows('pipeline.probation.dueSoon', '2025-04-15')).toEqual([[s.b, '2025-05-01', 16]]);
    expect(rows('pipeline.probation.overdue', '2025-05-05')).toEqual([[s.b, '2025-05-01', -4]]);
    // 转正 on 2025-05-10: no longer listed from that day.
    expect(rows('pipeline.probation.overdue', '2025-05-10')).toEqual([]);
    expect(rows('pipeline.probation.dueSoon', '2026-09-15')).toEqual([[s.f, '2026-10-01', 16]]);
  });

  it('follows each row back to the member', () => {
    const data = fact(t, { key: 'pipeline.probation.dueSoon', at: '2026-09-15' }).data;
    expect(data.kind === 'table' && data.rows[0]!.source).toMatchObject({ screen: 'roster', table: 'members', count: 1, ids: [s.f] });
    expect(data.kind === 'table' && data.columns.map((c) => c.label)).toEqual(['姓名', '党小组', '入党日期', '预备期满', '距预备期满（天）']);
  });
});
