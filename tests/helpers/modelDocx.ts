/**
 * A stand-in renderer of PrintDocument to .docx through the kit, for the preview-agreement test until main/documents/docx
 * (branch `docx`) lands: title, subtitle, headings, paragraphs, blank lines, notes, page breaks and tables.
 */
import { Paragraph, type FileChild } from 'docx';
import { blankLine, borderedTable, createDocument, headingNumberer, note, paragraph, subtitle, tableCell, tableRow, title, toBuffer } from '../../main/documents/kit';
import type { PrintDocument, TableBlock } from '../../shared/documents/model';
import { PRESETS, withTableSize, type Preset } from '../../shared/documents/presets';
import { cellLine } from '../../shared/documents/units';

function table(preset: Preset, block: TableBlock): FileChild {
  const p = withTableSize(preset, block.fontSize ?? preset.table.size);
  const widths = block.columns.map((c) => c.width);
  const row = (data: TableBlock['rows'][number], header: boolean) => {
    let column = 0;
    return tableRow(
      data.map((d) => {
        const cell = typeof d === 'string' ? { text: d } : d;
        const span = cell.colSpan ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return tableCell(p, cell.text, { width, align: cell.align === 'justify' ? 'left' : cell.align, header, columnSpan: cell.colSpan, rowSpan: cell.rowSpan });
      }),
      { header, height: block.rowHeight ?? cellLine(p.table.size) },
    );
  };
  return borderedTable([...block.header.map((r) => row(r, true)), ...block.rows.map((r) => row(r, false))], widths);
}

export async function modelToDocx(doc: PrintDocument): Promise<Buffer> {
  const preset = PRESETS[doc.preset];
  const heading = headingNumberer(preset);
  const children: FileChild[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'title') children.push(title(preset, block.lines));
    else if (block.kind === 'subtitle') children.push(subtitle(preset, block.text));
    else if (block.kind === 'heading') children.push(heading(block.level, block.text, block.rest));
    else if (block.kind === 'paragraph') children.push(paragraph(preset, block.text));
    else if (block.kind === 'blank') children.push(blankLine(preset));
    else if (block.kind === 'note') children.push(note(preset, block.text));
    else if (block.kind === 'pageBreak') children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    else if (block.kind === 'table') children.push(table(preset, block));
  }
  return toBuffer(createDocument({ preset, title: doc.title, sections: [{ children, orientation: doc.orientation, pageNumbers: doc.pageNumbers }] }));
}
