import { describe, expect, it } from 'vitest';
import { countWords, reportWordCount } from '../../../shared/domain/reports/wordCount';
import { fig, h, p, report } from './build';

const words = (text: string) => countWords(text).words;

describe('字数 (Word convention)', () => {
  it('counts each Chinese character one', () => {
    expect(words('中国共产党')).toBe(5);
    expect(words('〇')).toBe(1);
  });

  it('counts each full-width punctuation mark one', () => {
    expect(words('党支部，召开会议。')).toBe(9);
    expect(words('“三会一课”')).toBe(6);
    expect(words('《中国共产党支部工作条例（试行）》')).toBe(17);
    expect(words('全年……')).toBe(4);
    expect(words('——')).toBe(2);
    expect(words('【】、；：？！')).toBe(7);
  });

  it('counts a run of Latin letters, digits and half-width punctuation as one word', () => {
    expect(words('共有党员36名')).toBe(6);
    expect(words('GB/T 9704')).toBe(2);
    expect(words('2026-03-12')).toBe(1);
    expect(words('Hello, world')).toBe(2);
    expect(words('完成率98.5%，')).toBe(5);
  });

  it('counts no spaces or line breaks, half- or full-width', () => {
    expect(words('  中国\u3000共产党 \n')).toBe(5);
    expect(words('')).toBe(0);
    expect(countWords('ab 中 c\u3000d')).toEqual({ words: 4, cjk: 1, latinWords: 3, charsNoSpaces: 5 });
  });

  it('separates Latin words at Chinese characters', () => {
    expect(countWords('用WPS和Word编辑')).toEqual({ words: 6, cjk: 4, latinWords: 2, charsNoSpaces: 11 });
  });
});

describe('字数 of a report', () => {
  it('counts title, numbered headings, paragraphs with figures, and the 落款; not placeholders or slots', () => {
    const r = report(
      [
        h('h1', 1, '基本情况'), // 一、基本情况: 6
        p('p1', '召开支部党员大会', fig('f', 12), '。'), // 8 + "12" 1 + 次 1 + 。1 = 11
        p('p2', '全年', { kind: 'slot', id: 's', prompt: '主题党日次数', factKey: null }, '次'), // 3
        { id: 'ph', kind: 'placeholder', prompt: '写存在的问题', factKeys: [] },
      ],
      '2026年工作总结', // 2026 1 + 年工作总结 5 = 6
    );
    // 落款: 中共某钻井队党支部 9; 2026年12月20日: 2026 年 12 月 20 日 = 6
    expect(reportWordCount(r).words).toBe(6 + 6 + 11 + 3 + 9 + 6);
  });

  it('counts table captions, headers and cells', () => {
    const r = report([
      { id: 't', kind: 'table', caption: '表1 攻关项目', link: null, columns: [{ key: 'n', label: '项目' }], rows: [['降本增效'], ['ROP提速']] },
    ]);
    expect(reportWordCount(r).words - reportWordCount(report([])).words).toBe(6 + 2 + 4 + 3);
  });

  it('counts list items apart: a Latin word never runs across two items', () => {
    const list = { id: 'l', kind: 'list' as const, items: [{ id: 'a', runs: [{ kind: 'text' as const, text: 'ABC' }] }, { id: 'b', runs: [{ kind: 'text' as const, text: 'DEF' }] }] };
    expect(reportWordCount(report([list])).words - reportWordCount(report([])).words).toBe(2);
  });
});
