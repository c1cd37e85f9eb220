import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, chineseNumeralValue, HeadingCounter, headingNumber } from '../../../main/documents/kit/numerals';
import { compareGroupNames } from '../../../main/documents/statisticsData';

describe('Chinese numerals for headings', () => {
  it('writes the numbers the way official documents do', () => {
    const cases: [number, string][] = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'],
      [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [1001, '一千零一'], [1010, '一千零一十'],
      [2026, '二千零二十六'], [9999, '九千九百九十九'],
    ];
    for (const [n, text] of cases) expect(chineseNumeral(n), String(n)).toBe(text);
  });

  it('refuses what it cannot write', () => {
    for (const n of [0, -1, 1.5, 10000, Number.NaN]) expect(() => chineseNumeral(n)).toThrow(RangeError);
  });

  it('reads back every numeral it writes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => chineseNumeralValue(chineseNumeral(n)) === n));
    expect(chineseNumeralValue('党')).toBeNaN();
    expect(chineseNumeralValue('')).toBeNaN();
  });

  it('numbers the four heading levels 一、 （一） 1. （1）', () => {
    expect(headingNumber(1, 11)).toBe('十一、');
    expect(headingNumber(2, 3)).toBe('（三）');
    expect(headingNumber(3, 12)).toBe('12.');
    expect(headingNumber(4, 2)).toBe('（2）');
  });

  it('restarts the lower levels under each new heading', () => {
    const c = new HeadingCounter();
    const seen = [c.next(1), c.next(2), c.next(3), c.next(3), c.next(4), c.next(2), c.next(3), c.next(1), c.next(2)];
    expect(seen).toEqual(['一、', '（一）', '1.', '2.', '（1）', '（二）', '1.', '二、', '（一）']);
  });

  it('orders party groups by the value of their numerals', () => {
    const names = ['第十党小组', '第二党小组', '第一党小组', '第十一党小组', '机关党小组'];
    expect([...names].sort(compareGroupNames).slice(0, 4)).toEqual(['第一党小组', '第二党小组', '第十党小组', '第十一党小组']);
  });
});
