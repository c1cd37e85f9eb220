/**
 * A model table as WordprocessingML, written as strings in chunks: big registers (10,000 rows) never become docx objects
 * or one giant xml-js tree. The elements are the ones the kit's `borderedTable`/`tableRow`/`tableCell` write: fixed
 * layout, borders, repeated header rows, rows never split, an `atLeast` row height, fonts named on every run.
 */
import type { Align, TableBlock, TableCell } from '../../../shared/documents/model';
import { CELL_PADDING } from '../kit/tables';
import { STYLE } from '../kit/styles';
import { cellLine, halfPoints } from '../../../shared/documents/units';
import type { Preset } from '../../../shared/documents/presets';

/** One grid position of the table: where a cell starts, where a cell above continues (vMerge), or covered sideways. */
export type Slot =
  | { kind: 'cell'; cell: TableCell; rowSpan: number; colSpan: number; column: number }
  | { kind: 'below'; origin: TableCell; rowSpan: number; colSpan: number; column: number; /** rows left, this one included */ left: number }
  | { kind: 'covered' };

const CHUNK_ROWS = 200;

export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function asCell(value: string | TableCell): TableCell {
  return typeof value === 'string' ? { text: value } : value;
}

/**
 * The grid of header and body rows: each row's slots, one per column. Covered cells of a rowSpan are omitted from the
 * model's rows below; here they become `below` slots. `pageStarts` (body row indexes that open a new page) end a merge
 * there and start a new one with the label again, when the table repeats its span labels.
 */
export function tableGrid(block: TableBlock, pageStarts?: ReadonlySet<number>): Slot[][] {
  return [...gridRows(block, pageStarts)];
}

/** The grid row by row, so a big table's slots are never all held at once. */
export function* gridRows(block: TableBlock, pageStarts: ReadonlySet<number> = new Set()): Generator<Slot[]> {
  const width = block.columns.length;
  const count = block.header.length + block.rows.length;
  const pending: ({ origin: TableCell; left: number; colSpan: number } | null)[] = Array<null>(width).fill(null);
  for (let r = 0; r < count; r++) {
    const row = r < block.header.length ? block.header[r]! : block.rows[r - block.header.length]!;
    const slots: Slot[] = [];
    const bodyIndex = r - block.header.length;
    const restart = block.repeatSpanLabels === true && bodyIndex > 0 && pageStarts.has(bodyIndex);
    let next = 0;
    for (let column = 0; column < width; ) {
      const above = pending[column];
      if (above) {
        if (restart) slots.push({ kind: 'cell', cell: above.origin, rowSpan: above.left, colSpan: above.colSpan, column });
        else slots.push({ kind: 'below', origin: above.origin, rowSpan: above.left, colSpan: above.colSpan, column, left: above.left });
        for (let k = 1; k < above.colSpan; k++) slots.push({ kind: 'covered' });
        const left = above.left - 1;
        for (let k = 0; k < above.colSpan; k++) pending[column + k] = left > 0 ? { ...above, left } : null;
        column += above.colSpan;
        continue;
      }
      const value = row[next++];
      const cell = asCell(value ?? '');
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, width - column));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, count - r));
      slots.push({ kind: 'cell', cell, rowSpan, colSpan, column });
      for (let k = 1; k < colSpan; k++) slots.push({ kind: 'covered' });
      if (rowSpan > 1) for (let k = 0; k < colSpan; k++) pending[column + k] = { origin: cell, left: rowSpan - 1, colSpan };
      column += colSpan;
    }
    yield slots;
  }
}

interface TableParts {
  fonts: string;
  /** Run properties beyond the fonts when the table's size is not the style's. */
  size: string;
  /** Paragraph spacing when the table's size is not the style's. */
  spacing: string;
  widths: number[];
  /** Minimum row height (`atLeast`), or none: rows are then as tall as their lines, as the layout engine sets them. */
  height: number | undefined;
}

function tableParts(preset: Preset, block: TableBlock): TableParts {
  const font = escapeXml(preset.table.font);
  const size = block.fontSize ?? preset.table.size;
  const own = size !== preset.table.size;
  return {
    fonts: `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`,
    size: own ? `<w:sz w:val="${halfPoints(size)}"/><w:szCs w:val="${halfPoints(size)}"/>` : '',
    spacing: own ? `<w:spacing w:before="0" w:after="0" w:line="${cellLine(size)}" w:lineRule="exact"/>` : '',
    widths: block.columns.map((c) => c.width),
    height: block.rowHeight,
  };
}

const border = (side: string, size: number) => `<w:${side} w:val="single" w:color="000000" w:sz="${size}"/>`;

function tableStart(parts: TableParts): string {
  const width = parts.widths.reduce((a, b) => a + b, 0);
  const margin = (side: string, w: number) => `<w:${side} w:type="dxa" w:w="${w}"/>`;
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:type="dxa" w:w="${width}"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${border('top', 8)}${border('left', 8)}${border('bottom', 8)}${border('right', 8)}${border('insideH', 4)}${border('insideV', 4)}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar>${margin('top', 0)}${margin('left', CELL_PADDING)}${margin('bottom', 0)}${margin('right', CELL_PADDING)}</w:tblCellMar>` +
    '</w:tblPr><w:tblGrid>' +
    parts.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    '</w:tblGrid>'
  );
}

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

function runsXml(parts: TableParts, text: string, bold: boolean): string {
  const rPr = `<w:rPr>${parts.fonts}${bold ? '<w:b/><w:bCs/>' : ''}${parts.size}</w:rPr>`;
  return text
    .split('\n')
    .map((line, n) => `<w:r>${rPr}${n > 0 ? '<w:br/>' : ''}${textXml(line)}</w:r>`)
    .join('');
}

function textXml(text: string): string {
  if (text === '') return '';
  return /^\s|\s$/.test(text) ? `<w:t xml:space="preserve">${escapeXml(text)}</w:t>` : `<w:t>${escapeXml(text)}</w:t>`;
}

function cellWidth(parts: TableParts, column: number, colSpan: number): number {
  let w = 0;
  for (let k = 0; k < colSpan; k++) w += parts.widths[column + k] ?? 0;
  return w;
}

function slotXml(parts: TableParts, block: TableBlock, slot: Slot, header: boolean): string {
  if (slot.kind === 'covered') return '';
  const column = block.columns[slot.column]!;
  const span = slot.colSpan > 1 ? `<w:gridSpan w:val="${slot.colSpan}"/>` : '';
  const tcW = `<w:tcW w:type="dxa" w:w="${cellWidth(parts, slot.column, slot.colSpan)}"/>`;
  const style = header ? STYLE.tableHeader : STYLE.tableText;
  if (slot.kind === 'below') {
    return `<w:tc><w:tcPr>${tcW}${span}<w:vMerge/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/>${parts.spacing}</w:pPr></w:p></w:tc>`;
  }
  const cell = slot.cell;
  const merge = slot.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
  const nowrap = column.nowrap && slot.colSpan === 1 ? '<w:noWrap/>' : '';
  const align = cell.align ?? column.align ?? 'center';
  const jc = align === 'center' ? '' : `<w:jc w:val="${JC[align]}"/>`;
  return (
    `<w:tc><w:tcPr>${tcW}${span}${merge}${nowrap}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${style}"/>${parts.spacing}${jc}</w:pPr>${runsXml(parts, cell.text, cell.bold ?? false)}</w:p></w:tc>`
  );
}

function rowXml(parts: TableParts, block: TableBlock, slots: Slot[], header: boolean): string {
  const height = parts.height ? `<w:trHeight w:val="${parts.height}" w:hRule="atLeast"/>` : '';
  const trPr = `<w:trPr><w:cantSplit/>${height}${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
  let xml = `<w:tr>${trPr}`;
  for (const slot of slots) xml += slotXml(parts, block, slot, header);
  return `${xml}</w:tr>`;
}

/** The table's XML in chunks of a few hundred rows. */
export function* tableXmlChunks(preset: Preset, block: TableBlock, pageStarts?: ReadonlySet<number>): Generator<string> {
  const parts = tableParts(preset, block);
  let chunk = tableStart(parts);
  let r = 0;
  for (const slots of gridRows(block, pageStarts)) {
    chunk += rowXml(parts, block, slots, r < block.header.length);
    if (++r % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}</w:tbl>`;
}
