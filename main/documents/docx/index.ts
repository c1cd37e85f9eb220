/**
 * The Word renderer of the document model: `renderDocx(doc)` gives the .docx bytes. Text blocks go through the kit's
 * docx objects; tables are written as XML strings and streamed into the package after docx has packed the rest, so a
 * 10,000-row register never becomes a docx object tree.
 */
import { layoutDocument } from '../../../shared/documents/layout';
import type { LaidOutPage, PrintDocument, TableBlock } from '../../../shared/documents/model';
import { createDocument, toBuffer } from '../kit/document';
import { PRESETS, withTableSize, type Preset } from '../../../shared/documents/presets';
import { blockChildren } from './blocks';
import { splice } from './splice';
import { tableXmlChunks } from './tableXml';

export interface RenderOptions {
  /**
   * Body row indexes that open a new page, per table block index, from the layout engine. Tables with
   * `repeatSpanLabels` end their merged cells there and print the label again.
   */
  pageStarts?: ReadonlyMap<number, ReadonlySet<number>>;
}

/** The preset, its table style at the first table's size (other tables name their size on their runs). */
export function documentPreset(doc: PrintDocument): Preset {
  const preset = PRESETS[doc.preset];
  const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table');
  return table?.fontSize ? withTableSize(preset, table.fontSize) : preset;
}

/** Body rows that open a new page, per table block, from laid-out pages (`LaidOutPage.tableRows`). */
export function tablePageStarts(pages: Iterable<LaidOutPage>): Map<number, Set<number>> {
  const starts = new Map<number, Set<number>>();
  for (const page of pages) {
    for (const { block, first } of page.tableRows) {
      if (first === 0) continue;
      let set = starts.get(block);
      if (!set) starts.set(block, (set = new Set()));
      set.add(first);
    }
  }
  return starts;
}

/** Whether a table repeats span labels and has a row-spanning body cell to repeat. */
function needsPageStarts(doc: PrintDocument): boolean {
  return doc.blocks.some((b) => b.kind === 'table' && b.repeatSpanLabels === true && b.rows.some((row) => row.some((c) => typeof c !== 'string' && (c.rowSpan ?? 1) > 1)));
}

/**
 * The .docx of `doc`. Where a table repeats its span labels, the layout engine's page breaks end each merged cell at
 * the page's last row and start it again, label and all, on the next page.
 */
export async function renderDocx(doc: PrintDocument, options: RenderOptions = {}): Promise<Buffer> {
  const preset = documentPreset(doc);
  options = { pageStarts: options.pageStarts ?? (needsPageStarts(doc) ? tablePageStarts(layoutDocument(doc)) : undefined) };
  const document = createDocument({
    preset,
    title: doc.title,
    sections: [{ orientation: doc.orientation, pageNumbers: doc.pageNumbers, children: blockChildren(preset, doc) }],
  });
  const packed = await toBuffer(document);
  return splice(packed, (index) => tableXmlChunks(preset, doc.blocks[index] as TableBlock, options.pageStarts?.get(index)), preset.body.font);
}
