import { describe, expect, it } from 'vitest';
import type { FactData } from '../../../shared/domain/facts';
import { factRefKey, type ReportBlock } from '../../../shared/domain/reports/model';
import { TITLE_BLOCK_ID, type ProofRule } from '../../../shared/domain/reports/proofFlags';
import { proofread } from '../../../shared/domain/reports/proofread';
import type { CurrentFact } from '../../../shared/domain/reports/proofStructure';
import { fig, h, p, report, YEAR } from './build';

const flagsOf = (rule: ProofRule, blocks: ReportBlock[], options = {}) => proofread(report(blocks), options).filter((f) => f.rule === rule);
const para = (rule: ProofRule, text: string) => flagsOf(rule, [p('p', text)]);
const flagged = (rule: ProofRule, text: string) => para(rule, text).map((f) => text.slice(f.offset, f.offset + f.length));

describe('half-width punctuation inside Chinese text', () => {
  it('flags , . ; : ? ! ( ) " next to Chinese, with the full-width mark', () => {
    expect(flagged('halfWidthPunctuation', '支部召开会议,学习文件.')).toEqual([',', '.']);
    expect(flagged('halfWidthPunctuation', '主题:学习;讨论?好!')).toEqual([':', ';', '?', '!']);
    expect(para('halfWidthPunctuation', '条例(试行)')).toMatchObject([{ suggestion: '（', offset: 2 }, { suggestion: '）', offset: 5 }]);
    expect(para('halfWidthPunctuation', '他说"好"')).toMatchObject([{ suggestion: '“' }, { suggestion: '”' }]);
    expect(para('halfWidthPunctuation', '会议 , 学习')[0]).toMatchObject({ message: '中文中用了半角标点“,”，应为全角“，”', offset: 3 });
  });

  it('leaves numbers, times and Latin text alone', () => {
    expect(flagged('halfWidthPunctuation', '完成率98.5%，时间9:30，共1,000元')).toEqual([]);
    expect(flagged('halfWidthPunctuation', '按GB/T 9704-2012排版（见Word, PDF说明）')).toEqual([]);
    expect(flagged('halfWidthPunctuation', '支部召开会议，学习文件。')).toEqual([]);
    expect(flagged('halfWidthPunctuation', '2026.3.12召开')).toEqual([]);
  });

  it('checks the title and headings too', () => {
    const flags = proofread(report([h('h', 1, '基本情况:概述')], '工作总结,2026年')).filter((f) => f.rule === 'halfWidthPunctuation');
    expect(flags.map((f) => f.blockId)).toEqual([TITLE_BLOCK_ID, 'h']);
  });
});

describe('unbalanced quotes and brackets', () => {
  it('flags an opener without a closer and a closer without an opener', () => {
    expect(flagged('unbalancedPairs', '学习“三会一课制度')).toEqual(['“']);
    expect(flagged('unbalancedPairs', '学习三会一课”制度')).toEqual(['”']);
    expect(flagged('unbalancedPairs', '《条例（试行》')).toEqual(['（']);
    expect(flagged('unbalancedPairs', '【重点】工作）')).toEqual(['）']);
    expect(para('unbalancedPairs', '学习《条例')[0]!.message).toBe('“《”没有对应的“》”');
  });

  it('accepts balanced and nested pairs, and apostrophes in English', () => {
    expect(flagged('unbalancedPairs', '“学习‘两学一做’”（《条例》【要点】〔2026〕1号）')).toEqual([]);
    expect(flagged('unbalancedPairs', '口号“don’t give up”')).toEqual([]);
  });
});

describe('mixed date forms', () => {
  it('flags the dates not in the form used most, with the rewriting', () => {
    const flags = flagsOf('mixedDateForms', [p('a', '2026年3月12日召开，2026年4月1日再开'), p('b', '于2026-03-12和2026.5.6召开')]);
    expect(flags.map((f) => [f.blockId, f.suggestion])).toEqual([
      ['b', '2026年3月12日'],
      ['b', '2026年5月6日'],
    ]);
  });

  it('lets a form used more often than 年月日 win, counting the 落款 as one 年月日 date', () => {
    const flags = flagsOf('mixedDateForms', [p('a', '2026-03-12、2026-04-01、2026-04-02、2026年5月6日')]);
    expect(flags.map((f) => f.suggestion)).toEqual(['2026-05-06']);
  });

  it('does not flag one form, nor a single dash date against the 落款 alone… only when forms differ', () => {
    expect(flagsOf('mixedDateForms', [p('a', '2026年3月12日和2026年4月1日')])).toEqual([]);
    expect(flagsOf('mixedDateForms', [p('a', '全年无日期，版本1.2.3，编号2026-123')])).toEqual([]);
    expect(flagsOf('mixedDateForms', [p('a', '2026-03-12')])).toHaveLength(1);
  });
});

describe('heading levels', () => {
  it('flags a skipped level and a first heading below level 1', () => {
    expect(flagsOf('headingLevelSkipped', [h('a', 1), h('b', 3)]).map((f) => f.blockId)).toEqual(['b']);
    expect(flagsOf('headingLevelSkipped', [h('a', 2)])[0]!.message).toBe('第一个标题应为一级标题，此处为2级标题');
  });

  it('accepts stepping down one level and back up any number', () => {
    expect(flagsOf('headingLevelSkipped', [h('a', 1), h('b', 2), h('c', 3), h('d', 4), h('e', 1), h('f', 2)])).toEqual([]);
  });

  it('flags heading numbers typed by hand', () => {
    const blocks = [h('a', 1, '一、基本情况'), h('b', 2, '（二）做法'), h('c', 3, '3.成效'), h('d', 4, '(1) 问题'), h('e', 1, '1、打算')];
    expect(flagsOf('typedHeadingNumber', blocks).map((f) => f.blockId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(flagsOf('typedHeadingNumber', [h('a', 1, '一岗双责落实情况'), h('b', 1, '2026年工作打算'), h('c', 1, '三会一课')])).toEqual([]);
  });
});

describe('Arabic and Chinese numerals mixed in headings', () => {
  it('flags the style used less', () => {
    const flags = flagsOf('mixedHeadingNumerals', [h('a', 1, '落实三项措施'), h('b', 1, '开展五次活动'), h('c', 1, '完成3个项目')]);
    expect(flags.map((f) => [f.blockId, f.offset, f.length])).toEqual([['c', 2, 2]]);
    expect(flagsOf('mixedHeadingNumerals', [h('a', 1, '第1阶段和第二阶段')]).map((f) => f.offset)).toEqual([5]);
  });

  it('does not count years or fixed expressions, nor numerals in body text', () => {
    expect(flagsOf('mixedHeadingNumerals', [h('a', 1, '2026年三会一课落实情况'), h('b', 1, '增强四个意识，做到两个维护，开展3次活动')])).toEqual([]);
    expect(flagsOf('mixedHeadingNumerals', [h('a', 1, '落实三项措施'), p('b', '完成3个项目')])).toEqual([]);
  });
});

describe('repeated characters', () => {
  it('flags a doubled character or mark', () => {
    expect(flagged('repeatedCharacters', '支部的的工作')).toEqual(['的的']);
    expect(para('repeatedCharacters', '完成了了任务。。')).toMatchObject([{ suggestion: '了' }, { suggestion: '。' }]);
  });

  it('leaves words of the allow-list, AABB reduplication and …… —— alone', () => {
    expect(flagged('repeatedCharacters', '谢谢大家，常常学习，人人参与，认认真真、扎扎实实地干，的的确确……——')).toEqual([]);
  });
});

describe('待补充 left in', () => {
  it('flags placeholder blocks, open slots and typed 待补充', () => {
    const flags = flagsOf('placeholderLeft', [
      { id: 'ph', kind: 'placeholder', prompt: '写存在的问题', factKeys: [] },
      p('s', '全年召开', { kind: 'slot', id: 'slot', prompt: '支部党员大会次数', factKey: 'meetings.calendar.heldVsRequired' }, '次'),
      p('t', '人数待补充'),
      h('hd', 1, '待补充'),
    ]);
    expect(flags.map((f) => [f.blockId, f.offset])).toEqual([
      ['ph', 0],
      ['s', 4],
      ['t', 2],
      ['hd', 0],
    ]);
    expect(flags[0]!.message).toBe('此处待补充：写存在的问题');
  });

  it('does not flag a filled report', () => {
    expect(flagsOf('placeholderLeft', [h('h', 1, '基本情况'), p('p', '全年召开', fig('f', 4), '。')])).toEqual([]);
  });
});

describe('figures out of date', () => {
  const data: FactData = { kind: 'figure', value: 5, source: { table: 'meetings', label: '会议', screen: 'meetings', filter: null, count: 5 } };
  const now = (fingerprint: string): Map<string, CurrentFact> =>
    new Map([[factRefKey('meetings.calendar.heldVsRequired', YEAR), { fingerprint, title: '三会一课召开情况', unit: '次', data }]]);

  it('flags a figure whose fingerprint changed, suggesting the new value', () => {
    const flags = flagsOf('staleFigure', [p('p', '全年召开', fig('f', 4, 'old'), '。')], { current: now('new') });
    expect(flags).toMatchObject([{ blockId: 'p', offset: 4, length: 2, suggestion: '5次' }]);
    expect(flags[0]!.message).toBe('“三会一课召开情况”的数据已变化：插入时为4次，现为5次');
  });

  it('flags a linked table or chart', () => {
    const link = fig('x', 0, 'old').link;
    const blocks: ReportBlock[] = [
      { id: 't', kind: 'table', caption: '表', link, columns: [{ key: 'a', label: 'A' }], rows: [] },
      { id: 'c', kind: 'chart', caption: '图', chart: { type: 'bar', link, unit: '次', points: [] } },
    ];
    expect(flagsOf('staleFigure', blocks, { current: now('new') }).map((f) => f.blockId)).toEqual(['t', 'c']);
  });

  it('does not flag a figure up to date, or one whose fact was not given', () => {
    expect(flagsOf('staleFigure', [p('p', fig('f', 4, 'same'))], { current: now('same') })).toEqual([]);
    expect(flagsOf('staleFigure', [p('p', fig('f', 4, 'old'))])).toEqual([]);
  });
});

describe('dismissal', () => {
  const blocks = (text: string) => [p('a', text), p('b', '另一段,文字')];

  it('keeps a dismissed flag dismissed while its text is unchanged, and lets it return when edited', () => {
    const first = proofread(report(blocks('支部的的工作做得很好，大家都很满意,是吧')));
    const repeat = first.find((f) => f.rule === 'repeatedCharacters')!;
    const dismissed = new Set([repeat.key]);
    const again = proofread(report(blocks('支部的的工作做得很好，大家都很满意,是吧')), { dismissed });
    expect(again.some((f) => f.rule === 'repeatedCharacters')).toBe(false);
    expect(again).toHaveLength(first.length - 1);
    // An edit elsewhere in the paragraph keeps it dismissed; an edit at the spot brings it back.
    expect(proofread(report(blocks('支部的的工作做得很好，大家都很满意,是吧。今年又有新进展')), { dismissed }).some((f) => f.rule === 'repeatedCharacters')).toBe(false);
    expect(proofread(report(blocks('党支部的的工作做得很好，大家都很满意,是吧')), { dismissed }).some((f) => f.rule === 'repeatedCharacters')).toBe(true);
  });

  it('gives equal flags in one block different keys', () => {
    const keys = proofread(report([p('a', '甲的的乙丙丁戊己庚辛甲的的乙')])).map((f) => f.key);
    expect(new Set(keys).size).toBe(2);
  });

  it('keys a stale figure by the new fingerprint: a later change flags it again', () => {
    const data: FactData = { kind: 'figure', value: 5, source: { table: 'meetings', label: '会议', screen: 'meetings', filter: null, count: 5 } };
    const at = (fingerprint: string) => new Map([[factRefKey('meetings.calendar.heldVsRequired', YEAR), { fingerprint, title: 'T', unit: '次', data }]]);
    const r = report([p('p', fig('f', 4, 'old'))]);
    const dismissed = new Set(proofread(r, { current: at('v2') }).map((f) => f.key));
    expect(proofread(r, { current: at('v2'), dismissed })).toEqual([]);
    expect(proofread(r, { current: at('v3'), dismissed })).toHaveLength(1);
  });
});
