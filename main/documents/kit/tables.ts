/** Tables: fixed column widths that add up to the text width, a header row repeated on every page, rows kept whole. */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  FileChild,
  type IContext,
  type IXmlableObject,
} from 'docx';
import type { Preset, TextStyle } from '../../../shared/documents/presets';
import { runStyle, STYLE } from './styles';
import { cellLine } from '../../../shared/documents/units';

export type CellAlign = 'center' | 'left' | 'right';

export interface TableColumn {
  header: string;
  /** Twips. */
  width: number;
  align?: CellAlign;
}

export interface TableOptions {
  columns: TableColumn[];
  rows: string[][];
  repeatHeader?: boolean;
  /** Minimum row height in twips. */
  rowHeight?: number;
}

/** Cell padding left and right, in twips (0.1 cm). */
export const CELL_PADDING = 57;

// Functions, not constants: docx is then read when a table is made, not when the module loads
// (the command line's bundle loads docx only for a command that writes a Word file).
const alignment = (align: 'left' | 'right') => (align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT);
const border = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' }) as const;

/** Scales `weights` to whole twips that add up to exactly `total`. */
export function fitWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('列宽之和必须大于零');
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % widths.length, rest--) widths[i]! += 1;
  return widths;
}

/** A cell's paragraph. Text in the preset's table style names only its fonts on the run, keeping big tables small. */
export function cellParagraph(preset: Preset, text: string, align: CellAlign, o: { header?: boolean; style?: TextStyle } = {}): Paragraph {
  const own = o.style && (o.style.size !== preset.table.size || o.style.font !== preset.table.font || o.style.bold);
  const run = own ? runStyle(preset, o.style!) : { font: cellFonts(preset.table.font) };
  const lines = text.split('\n');
  return new Paragraph({
    style: o.header ? STYLE.tableHeader : STYLE.tableText,
    alignment: align === 'center' ? undefined : alignment(align),
    spacing: own ? { line: cellLine(o.style!.size), lineRule: LineRuleType.EXACT, before: 0, after: 0 } : undefined,
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...run })),
  });
}

function cellFonts(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name };
}

export interface CellOptions {
  width: number;
  align?: CellAlign;
  header?: boolean;
  columnSpan?: number;
  rowSpan?: number;
  /** Text style other than the preset's table text. */
  style?: TextStyle;
}

export function tableCell(preset: Preset, text: string, o: CellOptions): TableCell {
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    columnSpan: o.columnSpan,
    rowSpan: o.rowSpan,
    children: [cellParagraph(preset, text, o.align ?? 'center', { header: o.header, style: o.style })],
  });
}

/** A row that is never split across pages; `header` rows repeat at the top of every page. */
export function tableRow(cells: TableCell[], o: { header?: boolean; height?: number } = {}): TableRow {
  return new TableRow({
    children: cells,
    cantSplit: true,
    tableHeader: o.header || undefined,
    height: o.height ? { value: o.height, rule: HeightRule.ATLEAST } : undefined,
  });
}

/** A bordered table from prepared rows; column widths are used as given (they should add up to the text width). */
export function borderedTable(rows: TableRow[], columnWidths: number[]): Table {
  const width = columnWidths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    borders: { top: border(8), bottom: border(8), left: border(8), right: border(8), insideHorizontal: border(4), insideVertical: border(4) },
  });
}

/**
 * A data table in the preset's table text (use `withTableSize` for another size): one header row, repeated on every
 * page by default, and text rows. The header and the table's properties are docx's; the body rows are written straight
 * to XML (same elements as `tableRow`/`tableCell`), since docx takes about 20 s to pack a 10,000-row register.
 */
export function dataTable(preset: Preset, o: TableOptions): FileChild {
  const height = o.rowHeight ?? Math.round(preset.table.size * 20 * 1.9);
  const header = tableRow(
    o.columns.map((c) => tableCell(preset, c.header, { width: c.width, header: true })),
    { header: o.repeatHeader ?? true, height },
  );
  const table = borderedTable([header], o.columns.map((c) => c.width));
  const parts = columnParts(preset, o.columns);
  const trPr = { 'w:trPr': [{ 'w:cantSplit': {} }, { 'w:trHeight': attr({ 'w:val': height, 'w:hRule': 'atLeast' }) }] };
  return tableWithBody(table, () => o.rows.map((cells) => ({ 'w:tr': [trPr, ...parts.map((part, i) => cellXml(part, cells[i] ?? ''))] })));
}

type TableWithBody = FileChild;
let TableWithBodyClass: (new (table: Table, body: () => IXmlableObject[]) => TableWithBody) | undefined;

/** A docx Table followed by body rows given as XML objects. The class is made on first use, like `alignment` above. */
function tableWithBody(table: Table, body: () => IXmlableObject[]): TableWithBody {
  TableWithBodyClass ??= class extends FileChild {
    constructor(
      private readonly table: Table,
      private readonly body: () => IXmlableObject[],
    ) {
      super('w:tbl');
    }

    override prepForXml(context: IContext): IXmlableObject | undefined {
      const xml = this.table.prepForXml(context) as { 'w:tbl': IXmlableObject[] } | undefined;
      if (!xml) return xml;
      for (const row of this.body()) xml['w:tbl'].push(row);
      return xml;
    }
  };
  return new TableWithBodyClass(table, body);
}

/** <w:t>, keeping spaces at either end only where there are some. */
function textXml(text: string): IXmlableObject {
  return { 'w:t': /^\s|\s$/.test(text) ? [attr({ 'xml:space': 'preserve' }), text] : [text] };
}

const attr = (values: Record<string, string | number>) => ({ _attr: values });

interface ColumnParts {
  tcPr: IXmlableObject;
  pPr: IXmlableObject;
  rPr: IXmlableObject;
}

/** The XML every cell of a column shares (written once, referenced by each cell): width, alignment, fonts. */
function columnParts(preset: Preset, columns: TableColumn[]): ColumnParts[] {
  const fonts = attr({ 'w:ascii': preset.table.font, 'w:hAnsi': preset.table.font, 'w:eastAsia': preset.table.font });
  return columns.map((c) => {
    const pPr: IXmlableObject[] = [{ 'w:pStyle': attr({ 'w:val': STYLE.tableText }) }];
    if (c.align && c.align !== 'center') pPr.push({ 'w:jc': attr({ 'w:val': c.align }) });
    return {
      tcPr: { 'w:tcPr': [{ 'w:tcW': attr({ 'w:type': 'dxa', 'w:w': c.width }) }, { 'w:vAlign': attr({ 'w:val': 'center' }) }] },
      pPr: { 'w:pPr': pPr },
      rPr: { 'w:rPr': [{ 'w:rFonts': fonts }] },
    };
  });
}

/** <w:tc> as `tableCell` writes it: the text in the table style, its fonts named on the run. */
function cellXml(part: ColumnParts, text: string): IXmlableObject {
  const runs = text.split('\n').map((line, n) => ({ 'w:r': [part.rPr, ...(n > 0 ? [{ 'w:br': {} }] : []), textXml(line)] }));
  return { 'w:tc': [part.tcPr, { 'w:p': [part.pPr, ...runs] }] };
}
