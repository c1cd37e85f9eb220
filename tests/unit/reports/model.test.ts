import { describe, expect, it } from 'vitest';
import { blockRuns, blockText, factRefKey, reportContentSchema, runText } from '../../../shared/domain/reports/model';
import { fig, h, p, report, YEAR } from './build';

describe('the report schema', () => {
  it('accepts a report with every kind of block', () => {
    const r = report([
      h('h', 1, '基本情况'),
      p('p', '全年召开', fig('f', 4), '次'),
      { id: 'l', kind: 'list', items: [{ id: 'i1', runs: [{ kind: 'text', text: '要点' }] }] },
      { id: 't', kind: 'table', caption: '表1', link: null, columns: [{ key: 'a', label: 'A' }], rows: [['1']] },
      { id: 'c', kind: 'chart', caption: '图1', chart: { type: 'pie', link: fig('x', 0).link, unit: '人', points: [{ key: 'a', label: '男', value: 3 }] } },
      { id: 'ph', kind: 'placeholder', prompt: '写问题', factKeys: ['meetings.calendar.missing'] },
    ]);
    expect(reportContentSchema.parse(r)).toEqual(r);
  });

  it('rejects a heading level 5, duplicate ids, an empty title and a bad period, in Chinese', () => {
    const bad = (r: unknown) => reportContentSchema.safeParse(r).error?.issues.map((i) => i.message);
    expect(bad(report([{ ...h('h', 1), level: 5 } as never]))).toEqual(['标题级别应为 1–4']);
    expect(bad(report([h('x', 1), p('x')]))).toEqual(['块编号重复：x']);
    expect(bad(report([p('x', fig('x', 1))]))).toEqual(['块编号重复：x']);
    expect(bad(report([], ' '))).toEqual(['请填写标题']);
    expect(bad({ ...report([]), period: { from: '2026-12-31', to: '2026-01-01' } })).toEqual(['起始日期不能晚于截止日期']);
    expect(bad(report([p('p', { ...fig('f', 1), link: { ...fig('f', 1).link, factKey: 'no key' } })]))).toEqual(['数据项编号无效']);
  });
});

describe('block text', () => {
  it('shows figures with their unit and slots as 待补充, and gives each run its offset', () => {
    const block = p('p', '全年召开', fig('f', 12), '，', { kind: 'slot', id: 's', prompt: '', factKey: null });
    expect(blockText(block)).toBe('全年召开12次，待补充');
    expect(blockRuns(block).map((r) => r.offset)).toEqual([0, 4, 7, 8]);
    expect(runText({ ...fig('f', 98.456), unit: '%' })).toBe('98.46%');
  });

  it('joins list items by line breaks, offsets counting them', () => {
    const list = { id: 'l', kind: 'list' as const, items: [{ id: 'a', runs: [{ kind: 'text' as const, text: '甲乙' }] }, { id: 'b', runs: [fig('f', 3)] }] };
    expect(blockText(list)).toBe('甲乙\n3次');
    expect(blockRuns(list).map((r) => r.offset)).toEqual([0, 3]);
  });

  it('keys a fact by its period', () => {
    expect(factRefKey('a.b', YEAR)).toBe('a.b@2026-01-01..2026-12-04');
    expect(factRefKey('a.b', { kind: 'at', at: '2026-12-04' })).toBe('a.b@2026-12-04');
  });
});
