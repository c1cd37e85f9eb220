/**
 * The Word renderer of the document model: `renderDocx(doc)` gives the .docx bytes. Text blocks go through the kit's
 * docx objects; tables are written as XML strings and streamed into the package after docx has packed the rest, so a
 * 10,000-row register never becomes a docx object tree. A long document (1,000 letters) is packed a part at a time and
 * each part's paragraphs streamed in the same way, so its docx objects and XML are never all held at once.
 */
import { layoutDocument } from '../../../shared/documents/layout';
import type { LaidOutPage, PrintDocument, TableBlock } from '../../../shared/documents/model';
import { Document, Paragraph, TextRun, type FileChild } from 'docx';
import { createDocument, toBuffer } from '../kit/document';
import { PRESETS, withTableSize, type Preset } from '../../../shared/documents/presets';
import { BlockWriter, partPlaceholder } from './blocks';
import { documentText, packedBody, splice, splitAtPlaceholders, type Placeholder } from './splice';
import { tableXmlChunks } from './tableXml';

export interface RenderOptions {
  /**
   * Body row indexes that open a new page, per table block index, from the layout engine. Tables with
   * `repeatSpanLabels` end their merged cells there and print the label again.
   */
  pageStarts?: ReadonlyMap<number, ReadonlySet<number>>;
  /** Blocks per part of a long document (PART_BLOCKS); tests cut a short one into many parts. */
  partBlocks?: number;
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

/** Blocks per part of a long document: about 40 letters, a few MB of docx objects at a time. */
export const PART_BLOCKS = 600;

/** Block ranges [from, to) of the parts: one part (the whole document) unless it is long. */
export function partRanges(blockCount: number, size = PART_BLOCKS): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < blockCount || ranges.length === 0; from += size) ranges.push([from, Math.min(blockCount, from + size)]);
  return ranges;
}

/**
 * The .docx of `doc`. Where a table repeats its span labels, the layout engine's page breaks end each merged cell at
 * the page's last row and start it again, label and all, on the next page.
 */
export async function renderDocx(doc: PrintDocument, options: RenderOptions = {}): Promise<Buffer> {
  const preset = documentPreset(doc);
  const pageStarts = options.pageStarts ?? (needsPageStarts(doc) ? tablePageStarts(layoutDocument(doc)) : undefined);
  const writer = new BlockWriter(preset, doc);
  const ranges = partRanges(doc.blocks.length, options.partBlocks);
  const children: FileChild[] = ranges.length === 1 ? writer.children(0, doc.blocks.length) : ranges.map((_, i) => placeholderParagraph(partPlaceholder(i)));
  const document = createDocument({ preset, title: doc.title, sections: [{ orientation: doc.orientation, pageNumbers: doc.pageNumbers, children }] });
  const packed = await toBuffer(document);
  const table = (index: number) => tableXmlChunks(preset, doc.blocks[index] as TableBlock, pageStarts?.get(index));
  /** A part's paragraphs, packed on their own (their XML does not depend on the rest), its tables spliced in. */
  async function* part(index: number): AsyncGenerator<string> {
    const [from, to] = ranges[index]!;
    const body = documentText(await packedBody(await toBuffer(new Document({ sections: [{ children: writer.children(from, to) }] }))), preset.body.font);
    for (const piece of splitAtPlaceholders(body)) {
      if (typeof piece === 'string') yield piece;
      else yield* table(piece.index);
    }
  }
  return splice(packed, (p: Placeholder) => (p.kind === 'table' ? table(p.index) : part(p.index)), preset.body.font);
}

function placeholderParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}
