/**
 * A stand-in renderer of PrintDocument to .docx through the kit, for the preview-agreement test until main/documents/docx
 * (branch `docx`) lands: title, subtitle, headings, paragraphs, blank lines, notes, page breaks and tables.
 */
import { Paragraph, type FileChild } from 'docx';
import JSZip from 'jszip';
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
  const firstTable = doc.blocks.find((b) => b.kind === 'table');
  const documentPreset = firstTable?.kind === 'table' && firstTable.fontSize ? withTableSize(preset, firstTable.fontSize) : preset;
  return agreeingStyles(await toBuffer(createDocument({ preset: documentPreset, title: doc.title, sections: [{ children, orientation: doc.orientation, pageNumbers: doc.pageNumbers }] })));
}

/**
 * What the layout engine assumes of every paragraph (docx cannot write these): no automatic space between Chinese and Latin or digits (w:autoSpaceDE/DN 0), no widow control.
 */
export const AGREEING_PPR = '<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

async function agreeingStyles(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const styles = await zip.file('word/styles.xml')!.async('string');
  const patched = styles.replace(/(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>.*?<w:pPr>)/, `$1${AGREEING_PPR}`);
  if (patched === styles) throw new Error('Normal style without pPr');
  zip.file('word/styles.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer' });
}
