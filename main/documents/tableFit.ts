/** Column fitting for the builders: shared/documents/fit.ts, plus the widths that name a table's widest columns. */
import { fitColumns, type FitColumn, type FitResult } from '../../shared/documents/fit';
import { measureTextSafe } from '../../shared/documents/metrics';

export type { FitColumn };
export type TableFit = FitResult;

export function fitTable(columns: FitColumn[], rows: string[][], width: number, sizes: number[]): TableFit {
  return fitColumns(columns, rows, width, sizes);
}

/** Each column's longest value (header included) in twips at 1 pt, to name the widest columns. */
export function naturalWidths(columns: FitColumn[], rows: string[][]): number[] {
  return columns.map((c, i) => rows.reduce((widest, row) => Math.max(widest, measureTextSafe(row[i] ?? '', 'fangsong', 1)), measureTextSafe(c.header, 'fangsong', 1)));
}
