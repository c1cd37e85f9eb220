/**
 * The Word renderer of the document model: `renderDocx(doc)` gives the .docx bytes. Text blocks go through the kit's
 * docx objects; tables are written as XML strings and streamed into the package after docx has packed the rest, so a
 * 10,000-row register never becomes a docx object tree.
 */
import type { PrintDocument, TableBlock } from '../../../shared/documents/model';
import { createDocument, toBuffer } from '../kit/document';
import { PRESETS, withTableSize, type Preset } from '../kit/presets';
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

export async function renderDocx(doc: PrintDocument, options: RenderOptions = {}): Promise<Buffer> {
  const preset = documentPreset(doc);
  const document = createDocument({
    preset,
    title: doc.title,
    sections: [{ orientation: doc.orientation, pageNumbers: doc.pageNumbers, children: blockChildren(preset, doc) }],
  });
  const packed = await toBuffer(document);
  return splice(packed, (index) => tableXmlChunks(preset, doc.blocks[index] as TableBlock, options.pageStarts?.get(index)), preset.body.font);
}
