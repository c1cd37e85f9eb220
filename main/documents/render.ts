/**
 * A PrintDocument to .docx bytes with the Word renderer (main/documents/docx). Tables whose row-spanning labels repeat
 * on a new page (the statistics' 党小组) are laid out first, so the renderer knows where their pages start.
 */
import type { PrintDocument } from '../../shared/documents/model';
import { layoutAll } from '../../shared/documents/layout';
import { renderDocx as renderWord } from './docx';

/** Body row indexes that open a page, per table block index, for the tables that repeat their span labels. */
function pageStarts(doc: PrintDocument): Map<number, Set<number>> | undefined {
  if (!doc.blocks.some((b) => b.kind === 'table' && b.repeatSpanLabels)) return undefined;
  const starts = new Map<number, Set<number>>();
  for (const page of layoutAll(doc)) {
    for (const rows of page.tableRows) {
      if (!starts.has(rows.block)) starts.set(rows.block, new Set());
      starts.get(rows.block)!.add(rows.first);
    }
  }
  return starts;
}

export function renderDocx(doc: PrintDocument): Promise<Buffer> {
  return renderWord(doc, { pageStarts: pageStarts(doc) });
}
