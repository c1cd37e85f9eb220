/** What the appraisal documents share: the title of a year's form, column widths in characters, grade order. */
import type { TableColumn } from '../../../../shared/documents/model';
import { CELL_PADDING } from '../../../../shared/documents/fit';
import { fitTitleLine } from '../../meetings/documents/common';

export { documentStem, fitTitleLine } from '../../meetings/documents/common';

/** The title of a form: the branch on its own line(s), then 2026年度民主评议党员测评表. */
export function formTitleLines(branchName: string, heading: string): string[] {
  return [...fitTitleLine(branchName), ...fitTitleLine(heading)];
}

/** Width of a column holding `chars` characters of `size` points, with the cell's padding and room for rounding. */
export function charsWidth(chars: number, size: number): number {
  return Math.ceil(chars * size * 20 + 2 * CELL_PADDING + size * 5);
}

/** Columns of the given character widths; the columns marked 0 share what is left of `total` equally. */
export function spreadColumns(total: number, size: number, chars: readonly number[], align: TableColumn['align'][] = []): TableColumn[] {
  const fixed = chars.map((c) => (c ? charsWidth(c, size) : 0));
  const flexible = chars.filter((c) => !c).length;
  const rest = total - fixed.reduce((a, b) => a + b, 0);
  const share = flexible ? Math.floor(rest / flexible) : 0;
  let left = rest - share * flexible;
  return fixed.map((w, i) => {
    let width = w;
    if (!w) {
      width = share + left;
      left = 0;
    }
    return { width, align: align[i] ?? 'center' };
  });
}

/** 0.8333… → 83.3%; no votes → —. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
