import { describe, expect, it } from 'vitest';
import type { FactData, FactValue } from '../../../shared/domain/facts';
import { blockText, factRefKey, type ReportBlock } from '../../../shared/domain/reports/model';
import { proofread } from '../../../shared/domain/reports/proofread';
import { refreshReport, tableFromFact } from '../../../shared/domain/reports/refresh';
import { fig, p, report, YEAR } from './build';

const source = { table: 'meetings', label: '会议', screen: 'meetings', filter: null, count: 0 };
const KEY = 'meetings.calendar.heldVsRequired';
const fact = (data: FactData, fingerprint: string): FactValue => ({ key: KEY, title: '三会一课召开情况', unit: '次', period: YEAR, branchId: 'b', computedAt: '2026-12-05T00:00:00.000Z', data, fingerprint });
const facts = (f: FactValue) => new Map([[factRefKey(KEY, YEAR), f]]);
const NOW = '2026-12-05T09:00:00.000Z';

describe('refreshing figures', () => {
  const written = () => report([p('p', '全年召开党员大会', fig('f', 4, 'old'), '，较去年有所增加。'), p('q', '另有', fig('g', 4, 'old'), '。')]);
  const five = fact({ kind: 'figure', value: 5, source }, 'new');

  it('takes the new value and fingerprint; the typed text is unchanged and the flag goes', () => {
    const before = written();
    expect(proofread(before, { current: facts(five) }).filter((f) => f.rule === 'staleFigure')).toHaveLength(2);
    const after = refreshReport(before, { facts: facts(five), now: NOW });
    expect(blockText(after.blocks[0]!)).toBe('全年召开党员大会5次，较去年有所增加。');
    const runs = after.blocks[0]!.kind === 'paragraph' ? after.blocks[0]!.runs : [];
    expect(runs[0]).toBe(before.blocks[0]!.kind === 'paragraph' ? before.blocks[0]!.runs[0] : null);
    expect(runs[1]).toMatchObject({ value: 5, link: { fingerprint: 'new', insertedAt: NOW } });
    expect(proofread(after, { current: facts(five) }).filter((f) => f.rule === 'staleFigure')).toEqual([]);
  });

  it('refreshes only the figure asked for', () => {
    const after = refreshReport(written(), { facts: facts(five), now: NOW, only: 'g' });
    expect(after.blocks.map(blockText)).toEqual(['全年召开党员大会4次，较去年有所增加。', '另有5次。']);
  });

  it('takes a series point, and leaves a figure whose point is gone', () => {
    const series = fact({ kind: 'series', total: 9, points: [{ key: 'a', label: '甲', value: 7, source }] }, 'new');
    const blocks: ReportBlock[] = [p('p', { ...fig('f', 1, 'old'), pointKey: 'a' }, { ...fig('g', 1, 'old'), pointKey: 'gone' }, fig('h', 1, 'old'))];
    expect(blockText(refreshReport(report(blocks), { facts: facts(series), now: NOW }).blocks[0]!)).toBe('7次1次9次');
  });

  it('refreshes a linked table and chart from the fact', () => {
    const table = fact({ kind: 'table', columns: [{ key: 'n', label: '项目' }, { key: 'y', label: '节约（元）' }], rows: [{ key: 'r', cells: { n: '提速', y: 1200.5 }, source }] }, 'new');
    const blocks: ReportBlock[] = [{ id: 't', kind: 'table', caption: '表1', link: fig('x', 0, 'old').link, columns: [{ key: 'n', label: '项目' }], rows: [] }];
    const after = refreshReport(report(blocks), { facts: facts(table), now: NOW }).blocks[0]!;
    expect(after).toMatchObject({ caption: '表1', rows: [['提速', '1200.5']], link: { fingerprint: 'new' } });
    expect(tableFromFact({ kind: 'series', total: 3, points: [{ key: 'a', label: '男', value: 3, source }] }).rows).toEqual([['男', '3']]);
  });

  it('redraws a linked chart from the series and leaves a current one alone', () => {
    const series = fact({ kind: 'series', total: 5, points: [{ key: 'm', label: '男', value: 3, source }, { key: 'f', label: '女', value: 2, source }] }, 'new');
    const chart = (fingerprint: string): ReportBlock => ({ id: 'c', kind: 'chart', caption: '图1 性别', chart: { type: 'pie', link: fig('x', 0, fingerprint).link, unit: '人', points: [] } });
    const after = refreshReport(report([chart('old')]), { facts: facts(series), now: NOW }).blocks[0]!;
    expect(after).toMatchObject({ caption: '图1 性别', chart: { points: [{ key: 'm', value: 3 }, { key: 'f', value: 2 }], link: { fingerprint: 'new' } } });
    const current = report([chart('new')]);
    expect(refreshReport(current, { facts: facts(series), now: NOW }).blocks[0]).toBe(current.blocks[0]);
  });
});
