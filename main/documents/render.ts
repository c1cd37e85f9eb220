/**
 * A PrintDocument to .docx bytes. Stand-in until branch `docx` brings renderDocx (main/documents/docx): it renders the
 * blocks the roster and statistics builders use with the kit, and throws on the others.
 */
import type { FileChild } from 'docx';
import type { Block, PrintDocument, TableBlock, TableCell as ModelCell, TextRunStyle } from '../../shared/documents/model';
import { FONT } from '../../shared/documents/fonts';
import {
  borderedTable,
  createDocument,
  dataTable,
  note,
  PRESETS,
  signatureLine,
  splitLine,
  subtitle,
  tableCell,
  tableRow,
  textWidth,
  title,
  toBuffer,
  withTableSize,
  type Preset,
  type TextStyle,
} from './kit';

function styleOf(preset: Preset, style?: TextRunStyle): TextStyle {
  return { font: FONT[style?.font ?? 'fangsong'], size: style?.size ?? preset.table.size, bold: style?.bold };
}

function tableOf(preset: Preset, block: TableBlock): FileChild {
  const widths = block.columns.map((c) => c.width);
  const simple = block.rows.every((r) => r.every((c) => typeof c === 'string')) && block.header.length === 1;
  const header = block.header[0]!.map((c) => (typeof c === 'string' ? c : c.text));
  if (simple) {
    return dataTable(preset, {
      columns: block.columns.map((c, i) => ({ header: header[i]!, width: c.width, align: c.align === 'justify' ? 'left' : c.align })),
      rows: block.rows as string[][],
      rowHeight: block.rowHeight,
    });
  }
  const rowOf = (cells: readonly (string | ModelCell)[], isHeader: boolean) => {
    let column = 0;
    return tableRow(
      cells.map((c) => {
        const cell = typeof c === 'string' ? { text: c } : c;
        const span = cell.colSpan ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        return tableCell(preset, cell.text, { width, header: isHeader, columnSpan: span > 1 ? span : undefined, rowSpan: cell.rowSpan });
      }),
      { header: isHeader, height: block.rowHeight },
    );
  };
  return borderedTable([...block.header.map((r) => rowOf(r, true)), ...block.rows.map((r) => rowOf(r, false))], widths);
}

function childrenOf(preset: Preset, doc: PrintDocument, block: Block): FileChild[] {
  const width = textWidth(preset, doc.orientation);
  switch (block.kind) {
    case 'title':
      return [title(preset, block.lines)];
    case 'subtitle':
      return [subtitle(preset, block.text)];
    case 'table':
      return [tableOf(preset, block)];
    case 'splitLine':
      return [splitLine(preset, block.left, block.right, width, styleOf(preset, block.style))];
    case 'note':
      return [note(preset, block.text, styleOf(preset, block.style))];
    case 'fillLine':
      return [signatureLine(preset, block.labels, width, styleOf(preset, block.style))];
    default:
      throw new Error(`stand-in renderer: no ${block.kind} blocks`);
  }
}

export async function renderDocx(doc: PrintDocument): Promise<Buffer> {
  const size = doc.blocks.find((b): b is TableBlock => b.kind === 'table')?.fontSize;
  const preset = size ? withTableSize(PRESETS[doc.preset], size) : PRESETS[doc.preset];
  return toBuffer(
    createDocument({
      preset,
      title: doc.title,
      sections: [{ orientation: doc.orientation, pageNumbers: doc.pageNumbers, children: doc.blocks.flatMap((b) => childrenOf(preset, doc, b)) }],
    }),
  );
}
