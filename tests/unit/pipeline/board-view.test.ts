/** The 发展党员 page's search and filters over the board (renderer/src/features/pipeline/boardView.ts). */
import { describe, expect, it } from 'vitest';
import { nameSearchKey } from '../../../shared/domain/pinyin';
import type { BoardEntry, NextStep, PipelineBoard, ProbationEntry } from '../../../shared/domain/pipeline';
import { boardView, monthEnd, normalizeQuery } from '../../../renderer/src/features/pipeline/boardView';

const next = (overdue: boolean) => ({ step: 2, title: '党组织派人谈话', dueDate: '2026-01-01', earliestDate: null, latestDate: null, overdue }) as unknown as NextStep;

function entry(name: string, stage: BoardEntry['stage'], n: NextStep | null): BoardEntry {
  return { id: name, name, gender: '男', stage, stageSince: null, applicationDate: '2025-01-01', partyGroup: null, memberId: null, next: n, warnings: [], searchKey: nameSearchKey(name), stepDates: {} };
}

function probationer(name: string, daysLeft: number): ProbationEntry {
  return { memberId: name, name, joinDate: '2025-01-01', probationEnd: '2026-01-01', daysLeft, partyGroup: null, applicantId: null, searchKey: nameSearchKey(name) };
}

const board: PipelineBoard = {
  today: '2026-12-07',
  stages: [
    { stage: '入党申请人', total: 2, entries: [entry('张三', '入党申请人', next(true)), entry('李四', '入党申请人', next(false))] },
    { stage: '入党积极分子', total: 1, entries: [entry('王五', '入党积极分子', next(false))] },
    { stage: '发展对象', total: 0, entries: [] },
    { stage: '预备党员', total: 0, entries: [] },
    { stage: '正式党员', total: 2, entries: [entry('赵六', '正式党员', null), entry('钱七', '正式党员', next(false))] },
    { stage: '已终止', total: 1, entries: [entry('孙八', '已终止', null)] },
  ],
  probation: { dueSoon: [probationer('周九', 10)], overdue: [probationer('吴十', -5)] },
};

const all = { query: '', stage: null, overdueOnly: false };
const names = (es: { name: string }[]) => es.map((e) => e.name);

describe('the development board as the page shows it', () => {
  it('sorts people into columns and tabs: 待归档 is a column, 已完成 and 已终止 are lists', () => {
    const v = boardView(board, all);
    expect(v.columns.map((c) => [c.key, names(c.entries)])).toEqual([
      ['入党申请人', ['张三', '李四']],
      ['入党积极分子', ['王五']],
      ['发展对象', []],
      ['预备党员', []],
      ['toFile', ['钱七']],
    ]);
    expect(names(v.done)).toEqual(['赵六']);
    expect(names(v.stopped)).toEqual(['孙八']);
    expect(v.overdueTotal).toBe(1);
  });

  it('finds a name by its characters, pinyin initials or full pinyin, typed in any case or width', () => {
    expect(normalizeQuery(' ＺＳ ')).toBe('zs');
    for (const query of ['张', 'ZS', 'zhang san', 'ｚｓ']) {
      const v = boardView(board, { ...all, query });
      expect(v.columns.flatMap((c) => names(c.entries)), query).toEqual(['张三']);
      expect(v.columns.find((c) => c.key === '入党申请人')!.total).toBe(2);
    }
    expect(names(boardView(board, { ...all, query: 'sb' }).stopped)).toEqual(['孙八']);
    expect(names(boardView(board, { ...all, query: 'zj' }).probation.dueSoon)).toEqual(['周九']);
  });

  it('a stage shows its column alone; 只看逾期 keeps the overdue steps and the probations already ended', () => {
    expect(boardView(board, { ...all, stage: '入党积极分子' }).columns.map((c) => c.key)).toEqual(['入党积极分子']);
    const late = boardView(board, { ...all, overdueOnly: true });
    expect(late.columns.flatMap((c) => names(c.entries))).toEqual(['张三']);
    expect(names(late.probation.overdue)).toEqual(['吴十']);
    expect(late.probation.dueSoon).toEqual([]);
  });

  it('本月到期 (due=month on 首页) keeps those whose next step is due by the month’s end, overdue ones included; no probationer', () => {
    expect(monthEnd('2026-12-07')).toBe('2026-12-31');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    const dueOn = (e: BoardEntry, date: string) => ({ ...e, next: { ...e.next!, dueDate: date } });
    const dates: Record<string, string> = { 张三: '2026-11-20', 李四: '2026-12-31', 王五: '2027-01-01', 钱七: '2026-12-15' };
    const withDue: PipelineBoard = { ...board, stages: board.stages.map((s) => ({ ...s, entries: s.entries.map((e) => (e.next ? dueOn(e, dates[e.name]!) : e)) })) };
    const v = boardView(withDue, { ...all, dueBy: monthEnd(board.today) });
    expect(v.columns.flatMap((c) => names(c.entries))).toEqual(['张三', '李四', '钱七']);
    expect(v.columns.reduce((n, c) => n + c.total, 0)).toBe(3);
    expect(v.done.length + v.stopped.length + v.probation.overdue.length + v.probation.dueSoon.length).toBe(0);
  });

  it('30 天内预备期满 (soon=1 on 首页) lists those whose probation ends soon, not those past it', () => {
    const v = boardView(board, { ...all, soonOnly: true });
    expect(names(v.probation.dueSoon)).toEqual(['周九']);
    expect(v.probation.overdue).toEqual([]);
  });

  it('a step in a period (本年度申请入党 on 首页) keeps, in every tab, those who did it then', () => {
    const dated = (e: BoardEntry, dates: Record<string, string>) => ({ ...e, stepDates: dates });
    const withDates: PipelineBoard = {
      ...board,
      stages: board.stages.map((s) => ({
        ...s,
        entries: s.entries.map((e) => dated(e, { 张三: { '1': '2026-02-01' }, 王五: { '1': '2025-12-31', '3': '2026-03-01' }, 赵六: { '1': '2026-01-01' }, 孙八: { '1': '2026-12-07' } }[e.name] ?? {})),
      })),
    };
    const v = boardView(withDates, { ...all, stepDone: { step: 1, from: '2026-01-01', to: '2026-12-07' } });
    expect(v.columns.flatMap((c) => names(c.entries))).toEqual(['张三']);
    expect(names(v.done)).toEqual(['赵六']);
    expect(names(v.stopped)).toEqual(['孙八']);
    expect(v.probation.overdue.length + v.probation.dueSoon.length).toBe(0);
    expect(v.stepDoneTotal).toBe(3);
    expect(boardView(withDates, { ...all, stepDone: { step: 3, from: '2026-01-01', to: '2026-12-07' } }).stepDoneTotal).toBe(1);
    expect(boardView(withDates, all).stepDoneTotal).toBeNull();
  });

  it('已完成 opened from 首页’s 正式党员 count lists every 正式党员, those waiting for 材料归档 too', () => {
    expect(names(boardView(board, all).done)).toEqual(['赵六']);
    expect(names(boardView(board, { ...all, allFull: true }).done)).toEqual(['赵六', '钱七']);
  });

  it('the 待归档 column shows only when someone is in it', () => {
    const none = { ...board, stages: board.stages.map((s) => (s.stage === '正式党员' ? { ...s, entries: s.entries.filter((e) => !e.next) } : s)) };
    expect(boardView(none, all).columns.map((c) => c.key)).not.toContain('toFile');
  });
});
