/** Column fitting at its edges: exactly fits, one twip short, and nothing fits. */
import { describe, expect, it } from 'vitest';
import { fitColumns, fitWidths, type FitColumn } from '../../../shared/documents/fit';

const ID_ROWS = Array.from({ length: 20 }, (_, i) => [`6501021990010${String(10000 + i).slice(1)}1`, `1990.01.${String(10 + i)}`, `1381234${String(5000 + i)}`]);
const FIXED: FitColumn[] = [{ header: '身份证号' }, { header: '出生日期' }, { header: '联系电话' }];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('columns that never wrap', () => {
  const { need } = fitColumns(FIXED, ID_ROWS, 100_000, [12]);

  it('fits at exactly the width they need, each column as wide as its longest value', () => {
    const fit = fitColumns(FIXED, ID_ROWS, need, [12]);
    expect(fit).toMatchObject({ size: 12, fits: true, wraps: false, need, available: need });
    expect(sum(fit.widths)).toBe(need);
  });

  it('one twip short, takes the next smaller size', () => {
    const fit = fitColumns(FIXED, ID_ROWS, need - 1, [12, 10.5]);
    expect(fit).toMatchObject({ size: 10.5, fits: true, wraps: false, available: need - 1 });
    expect(fit.need).toBeLessThan(need);
    expect(sum(fit.widths)).toBe(need - 1);
  });

  it('one twip short at the smallest size, reports need > available and still adds up to the width', () => {
    const fit = fitColumns(FIXED, ID_ROWS, need - 1, [12]);
    expect(fit).toMatchObject({ size: 12, fits: false, need, available: need - 1 });
    expect(fit.need).toBeGreaterThan(fit.available);
    expect(sum(fit.widths)).toBe(need - 1);
  });
});

describe('a column that may wrap', () => {
  const columns: FitColumn[] = [{ header: '姓名', wrap: true }, ...FIXED];
  // 40 two- and three-character names and one of eight: the long one wraps rather than widening 姓名 for every row.
  const names = Array.from({ length: 40 }, (_, i) => (i % 2 ? '王伟' : '李秀英'));
  const rows = [...names.map((n, i) => [n, ...ID_ROWS[i % ID_ROWS.length]!]), ['阿卜杜热合曼江木', ...ID_ROWS[0]!]];
  const full = fitColumns(columns, rows, 100_000, [12]).need;

  it('gives every value its own line when the width allows exactly that', () => {
    expect(fitColumns(columns, rows, full, [12])).toMatchObject({ size: 12, fits: true, wraps: false });
  });

  it('one twip short, keeps the size and lets the rare long name wrap', () => {
    const fit = fitColumns(columns, rows, full - 1, [12, 10.5]);
    expect(fit).toMatchObject({ size: 12, fits: true, wraps: true });
    const nameWidth = fit.widths[0]!;
    expect(nameWidth).toBeLessThan(fitColumns(columns, rows, full, [12]).widths[0]!);
    expect(sum(fit.widths)).toBe(full - 1);
  });

  it('gives the spare width to the wrapping column, the others keeping their longest value', () => {
    const exact = fitColumns(columns, rows, full, [12]);
    const short = fitColumns(columns, rows, full - 1, [12]);
    expect(short.widths.slice(1)).toEqual(exact.widths.slice(1));
    expect(short.widths[0]).toBe(exact.widths[0]! - 1);
  });
});

describe('fitWidths', () => {
  it('scales weights to whole twips adding up to the total', () => {
    expect(fitWidths([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(() => fitWidths([0, 0], 100)).toThrow('列宽之和必须大于零');
  });
});
