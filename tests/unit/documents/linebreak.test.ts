/** Line breaking as LibreOffice breaks Chinese text: numbers whole, kinsoku, hanging punctuation, hard breaks. */
import { describe, expect, it } from 'vitest';
import { breakLines, breakUnits, NO_LINE_END, NO_LINE_START, type BreakStyle } from '../../../shared/documents/linebreak';
import { AUTOSPACE_MILLI_EM, AUTOSPACE_UNCONDENSED_MILLI_EM, measureText } from '../../../shared/documents/metrics';

const style: BreakStyle = { font: 'fangsong', size: 12 };
/** Width of `n` ideographs at 12 pt. */
const chars = (n: number) => n * 240;

/** Every width from 4 to 24 ideographs, so breaks fall at every position of the text. */
const WIDTHS = Array.from({ length: 41 }, (_, i) => chars(4 + i / 2));

describe('values that never break', () => {
  const values = ['650102199001011234', '65010219900101123X', '2026-03-12', '2026.03.12', '13812345678', '0990-6881234', 'GB/T9704-2012'];

  it.each(values)('keeps %s on one line wherever the line would break', (value) => {
    const text = `该同志的登记信息为${value}，经核对无误后予以确认并存档。`;
    const roomy = WIDTHS.filter((w) => w >= measureText(value, 'fangsong', 12));
    expect(roomy.length).toBeGreaterThan(20);
    for (const width of roomy) {
      const lines = breakLines(text, width, style);
      expect(lines.join(''), `width ${width}`).toBe(text);
      expect(lines.some((l) => l.includes(value)), `width ${width}: ${lines.join(' | ')}`).toBe(true);
    }
  });

  it('breaks a value by characters only when it is wider than the line itself', () => {
    const lines = breakLines('650102199001011234', chars(4), style);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('650102199001011234');
  });

  it('may break after a hyphen before a letter (1-|H23), never before a digit', () => {
    expect(breakUnits('玛湖1-H23井克85-2井')).toEqual(['玛', '湖', '1-', 'H23', '井', '克', '85-2', '井']);
  });
});

describe('kinsoku', () => {
  const text = '党支部（第一党小组）召开会议，学习《党章》、“三会一课”制度。会议指出：要坚持标准！提高质量；严格程序？认真落实……';

  it('starts no line with closing punctuation and ends none with opening punctuation, at every width', () => {
    for (const width of WIDTHS) {
      const lines = breakLines(text, width, style);
      expect(lines.join(''), `width ${width}`).toBe(text);
      for (const line of lines.slice(1)) expect(NO_LINE_START.has(line[0]!), `width ${width}: “${line}”`).toBe(false);
      for (const line of lines.slice(0, -1)) expect(NO_LINE_END.has(line.at(-1)!), `width ${width}: “${line}”`).toBe(false);
    }
  });

  it('lets ，。、 hang past the margin rather than start a line', () => {
    expect(breakLines('一二三四五，六七', chars(5), style)).toEqual(['一二三四五，', '六七']);
    expect(breakLines('一二三四五）六七', chars(5), style)).toEqual(['一二三四', '五）六七']);
  });
});

describe('lines', () => {
  it('fills each line up to the width, the first one narrower by the indent', () => {
    const lines = breakLines('字'.repeat(30), chars(10), { ...style, firstIndent: chars(2) });
    expect(lines.map((l) => l.length)).toEqual([8, 10, 10, 2]);
  });

  it('breaks at \\n and keeps an empty line', () => {
    expect(breakLines('第一行\n\n第三行', chars(10), style)).toEqual(['第一行', '', '第三行']);
  });

  it('measures run-in body text in its own font', () => {
    // In 楷体 (the stand-in's Latin is narrower or wider than 仿宋's), the digits after the switch are measured in 仿宋.
    const text = '（一）加强学习。12345678901234567890';
    const switched = { font: 'kaiti' as const, size: 16, switchFont: { at: 8, font: 'fangsong' as const } };
    const width = measureText('（一）加强学习。', 'kaiti', 16) + measureText('12345678901234567890', 'fangsong', 16);
    expect(breakLines(text, Math.ceil(width), switched)).toEqual([text]);
    expect(breakLines(text, Math.floor(width) - 20, switched)).toHaveLength(2);
  });
});

describe('measuring', () => {
  it('adds LibreOffice’s autospace where an ideograph meets a letter or digit, not at punctuation', () => {
    const gap = (a: string, b: string, spacing = -5) =>
      measureText(a + b, 'fangsong', 16, false, spacing) - measureText(a, 'fangsong', 16, false, spacing) - measureText(b, 'fangsong', 16, false, spacing);
    const condensed = (AUTOSPACE_MILLI_EM * 16 * 20) / 1000;
    expect(gap('产', '365')).toBeCloseTo(condensed);
    expect(gap('365', '天')).toBeCloseTo(condensed);
    expect(gap('（', '2')).toBe(0);
    expect(gap('%', '。')).toBe(0);
    expect(gap('天', '地')).toBe(0);
    // Text that is not condensed (表册) gets less: 0.2 em, as LibreOffice sets it there.
    expect(gap('第', '3', 0)).toBeCloseTo((AUTOSPACE_UNCONDENSED_MILLI_EM * 16 * 20) / 1000);
    expect(AUTOSPACE_UNCONDENSED_MILLI_EM).toBe(200);
  });

  it('sets an ideograph at one em, condensed by the letter spacing', () => {
    expect(measureText('党支部', 'fangsong', 16, false, -5)).toBe(3 * (320 - 5));
  });
});
