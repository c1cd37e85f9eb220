/**
 * The layout engine: breaks every line and every page of a PrintDocument from measured font widths, as LibreOffice lays
 * out the .docx written from the same model (exact line spacing, the 公文 line grid, rows never split, header rows
 * repeated). Pure and lazy: pages are yielded one by one, so the preview of a 10,000-row register shows its first pages
 * at once.
 */
import { HeadingCounter } from '../domain/numerals';
import { formatChineseDate } from '../domain/dates';
import { CELL_PADDING } from './fit';
import { FONT } from './fonts';
import { breakLines, type BreakStyle } from './linebreak';
import { measureText } from './metrics';
import type { Align, Block, FontRole, LaidOutPage, PageBox, PageText, PrintDocument, TableBlock, TableCell, TextRunStyle } from './model';
import { margins, pageSize, PRESETS, type Preset, type TextStyle } from './presets';
import { cellLine } from './units';

const ROLE_OF_FONT: Record<string, FontRole> = Object.fromEntries(Object.entries(FONT).map(([role, name]) => [name, role as FontRole]));

export function fontRole(name: string): FontRole {
  return ROLE_OF_FONT[name] ?? 'fangsong';
}

/** Outer and inner table border widths in eighths of a point (the kit's borderedTable). */
const OUTER_BORDER = 8;
const INNER_BORDER = 4;

interface Frame {
  preset: Preset;
  width: number;
  height: number;
  left: number;
  top: number;
  textWidth: number;
  bottom: number;
}

class PageBuilder {
  page!: LaidOutPage;
  y = 0;
  private count = 0;
  constructor(
    private readonly frame: Frame,
    private readonly footer: ((n: number) => PageText) | null,
  ) {
    this.start();
  }
  private start(): void {
    this.count++;
    this.page = {
      number: this.count,
      width: this.frame.width,
      height: this.frame.height,
      texts: [],
      boxes: [],
      images: [],
      firstLine: '',
      tableRows: [],
      footer: this.footer?.(this.count),
    };
    this.y = this.frame.top;
  }
  /** Finishes the page and starts the next; returns the finished one. */
  next(): LaidOutPage {
    const done = this.page;
    this.start();
    return done;
  }
  room(): number {
    return this.frame.bottom - this.y;
  }
  empty(): boolean {
    return this.y === this.frame.top;
  }
  /** Marks `line` as the page's first line unless it has one: a line drawn as several texts (a split or fill line). */
  lineDrawn(line: string): void {
    if (this.page.firstLine === '' && line.trim() !== '') this.page.firstLine = line;
  }
  text(t: PageText, body = true): void {
    this.page.texts.push(t);
    if (body && this.page.firstLine === '' && t.text.trim() !== '') this.page.firstLine = t.text;
  }
}

/** Height of a line of `line` twips on the 公文 grid: whole grid rows. */
function snap(frame: Frame, line: number): number {
  const pitch = frame.preset.linePitch;
  return pitch ? Math.ceil(line / pitch - 0.01) * pitch : line;
}

function footerLine(frame: Frame, style: string, margin: { footer: number }): (n: number) => PageText {
  const size = frame.preset.pageNumber.size;
  const h = Math.round(size * 20 * 1.3);
  const text = style === 'ofTotal' ? '第 {page} 页 共 {total} 页' : '— {page} —';
  return (n) => {
    const align: Align = style === 'dashOddEven' ? (n % 2 === 1 ? 'right' : 'left') : 'center';
    // GB/T 9704: the number sits a quarter em in from the edge of the type area on either side.
    const inset = style === 'dashOddEven' ? size * 5 : 0;
    return {
      x: frame.left + (align === 'left' ? inset : 0),
      y: frame.height - margin.footer - h,
      w: frame.textWidth - inset,
      h,
      text,
      font: fontRole(frame.preset.pageNumber.font),
      size,
      align,
    };
  };
}

function styleOf(style: TextStyle, extra: Partial<BreakStyle> = {}): BreakStyle {
  return { font: fontRole(style.font), size: style.size, bold: style.bold, ...extra };
}

function runStyle(preset: Preset, own: TextRunStyle | undefined, fallback: TextStyle): BreakStyle {
  return {
    font: own?.font ?? fontRole(fallback.font),
    size: own?.size ?? fallback.size,
    bold: own?.bold ?? fallback.bold,
    letterSpacing: own ? 0 : preset.body.characterSpacing,
  };
}

/** Lays out `doc` page by page. */
export function* layoutDocument(doc: PrintDocument): Generator<LaidOutPage> {
  const preset = PRESETS[doc.preset];
  const size = pageSize(doc.orientation);
  const m = margins(preset, doc.orientation);
  const frame: Frame = {
    preset,
    width: size.width,
    height: size.height,
    left: m.left,
    top: m.top,
    textWidth: size.width - m.left - m.right,
    bottom: size.height - m.bottom,
  };
  const numbers = doc.pageNumbers === undefined ? preset.pageNumber.style : doc.pageNumbers;
  const pages = new PageBuilder(frame, numbers ? footerLine(frame, numbers, m) : null);
  const counter = new HeadingCounter();
  for (let index = 0; index < doc.blocks.length; index++) {
    yield* placeBlock(doc.blocks[index]!, index, doc.blocks[index + 1], frame, pages, counter);
  }
  yield pages.page;
}

export function layoutAll(doc: PrintDocument): LaidOutPage[] {
  return [...layoutDocument(doc)];
}

/** A line's runs where the style switches font inside the paragraph: the line starts at `start` of the text. */
function lineRuns(text: string, start: number, style: BreakStyle): Pick<PageText, 'font' | 'runs'> {
  const at = style.switchFont ? style.switchFont.at - start : Infinity;
  if (at >= text.length) return { font: style.font };
  if (at <= 0) return { font: style.switchFont!.font };
  return { font: style.font, runs: [{ text: text.slice(0, at), font: style.font }, { text: text.slice(at), font: style.switchFont!.font }] };
}

/** Places lines of one paragraph; a line that does not fit starts a new page. */
function* placeLines(
  lines: string[],
  style: BreakStyle,
  o: { frame: Frame; pages: PageBuilder; line: number; align: Align; indent?: number; x?: number; w?: number; keep?: number },
): Generator<LaidOutPage> {
  const { frame, pages } = o;
  const h = snap(frame, o.line);
  if (o.keep && !pages.empty() && pages.room() < h * o.keep) yield pages.next();
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (pages.room() < h && !pages.empty()) yield pages.next();
    const indent = i === 0 ? (o.indent ?? 0) : 0;
    const x = (o.x ?? frame.left) + indent;
    const w = (o.w ?? frame.textWidth) - indent;
    const align = o.align === 'justify' && i === lines.length - 1 ? 'left' : o.align;
    const text = lines[i]!;
    pages.text({ x, y: pages.y, w, h, text, ...lineRuns(text, start, style), size: style.size, bold: style.bold, align, letterSpacing: style.letterSpacing || undefined });
    start += text.length;
    pages.y += h;
  }
}

function* placeBlock(
  block: Block,
  index: number,
  following: Block | undefined,
  frame: Frame,
  pages: PageBuilder,
  counter: HeadingCounter,
): Generator<LaidOutPage> {
  const { preset } = frame;
  const body = preset.body;
  const bodyStyle = styleOf(body, { letterSpacing: body.characterSpacing });
  const indent = Math.round(((body.size * 20 + body.characterSpacing) * body.firstLineChars) / 100);
  const common = { frame, pages };
  switch (block.kind) {
    case 'title': {
      counter.reset();
      const style = styleOf(preset.title, { letterSpacing: body.characterSpacing });
      const lines = block.lines.flatMap((line) => breakLines(line, frame.textWidth, style));
      yield* placeLines(lines, style, { ...common, line: preset.title.line, align: 'center', keep: lines.length + 1 });
      pages.y += preset.title.after;
      return;
    }
    case 'subtitle': {
      const style = styleOf({ font: body.font, size: preset.table.size }, { letterSpacing: body.characterSpacing });
      yield* placeLines(breakLines(block.text, frame.textWidth, style), style, { ...common, line: body.line, align: 'center' });
      return;
    }
    case 'heading': {
      const heading = counter.next(block.level) + block.text;
      // Body text run in after the heading is set in the body font, as renderDocx writes it.
      const switchFont = block.rest ? { at: heading.length, font: bodyStyle.font } : undefined;
      const style = styleOf(preset.headings[block.level - 1]!, { letterSpacing: body.characterSpacing, firstIndent: indent, switchFont });
      const lines = breakLines(heading + (block.rest ?? ''), frame.textWidth, style);
      yield* placeLines(lines, style, { ...common, line: body.line, align: 'justify', indent, keep: block.rest || !following ? undefined : lines.length + 1 });
      return;
    }
    case 'paragraph': {
      const style = runStyle(preset, block.style, body);
      const own = block.indent === false ? 0 : indent;
      const lines = breakLines(block.text, frame.textWidth, { ...style, firstIndent: own });
      yield* placeLines(lines, style, { ...common, line: block.style?.size ? cellLine(block.style.size) : body.line, align: block.align ?? 'justify', indent: own });
      return;
    }
    case 'blank':
      if (pages.room() < snap(frame, body.line)) yield pages.next();
      else pages.y += snap(frame, body.line);
      return;
    case 'note': {
      const style = runStyle(preset, block.style, body);
      yield* placeLines(breakLines(block.text, frame.textWidth, style), style, { ...common, line: body.line, align: 'left' });
      return;
    }
    case 'splitLine': {
      const style = runStyle(preset, block.style, body);
      if (pages.room() < snap(frame, body.line) && !pages.empty()) yield pages.next();
      const h = snap(frame, body.line);
      pages.text({ x: frame.left, y: pages.y, w: frame.textWidth, h, text: block.left, font: style.font, size: style.size, align: 'left', letterSpacing: style.letterSpacing || undefined }, false);
      pages.text({ x: frame.left, y: pages.y, w: frame.textWidth, h, text: block.right, font: style.font, size: style.size, align: 'right', letterSpacing: style.letterSpacing || undefined }, false);
      pages.lineDrawn(`${block.left} ${block.right}`);
      pages.y += h;
      return;
    }
    case 'fillLine': {
      const style = runStyle(preset, block.style, body);
      const h = snap(frame, body.line);
      if (pages.room() < h && !pages.empty()) yield pages.next();
      const share = frame.textWidth / Math.max(1, block.labels.length);
      block.labels.forEach((label, i) =>
        pages.text({ x: Math.round(frame.left + i * share), y: pages.y, w: Math.round(share), h, text: label, font: style.font, size: style.size, align: 'left', letterSpacing: style.letterSpacing || undefined }, false),
      );
      pages.lineDrawn(block.labels.join(' '));
      pages.y += h;
      return;
    }
    case 'signature': {
      const h = snap(frame, body.line);
      if (pages.room() < 2 * h && !pages.empty()) yield pages.next();
      const date = formatChineseDate(block.date);
      const char = body.size * 20 + body.characterSpacing;
      const dateWidth = measureText(date, bodyStyle.font, body.size, false, body.characterSpacing);
      const dateRight = frame.left + frame.textWidth - 4 * char;
      const signerWidth = measureText(block.signer, bodyStyle.font, body.size, false, body.characterSpacing);
      const signerX = Math.round(dateRight - dateWidth / 2 - signerWidth / 2);
      pages.text({ x: signerX, y: pages.y, w: Math.round(signerWidth), h, text: block.signer, font: bodyStyle.font, size: body.size, align: 'left', letterSpacing: body.characterSpacing || undefined });
      pages.y += h;
      pages.text({ x: Math.round(dateRight - dateWidth), y: pages.y, w: Math.round(dateWidth), h, text: date, font: bodyStyle.font, size: body.size, align: 'left', letterSpacing: body.characterSpacing || undefined });
      pages.y += h;
      return;
    }
    case 'pageBreak':
      yield pages.next();
      return;
    case 'figure': {
      const captionH = block.caption ? snap(frame, body.line) : 0;
      const h = snap(frame, block.height);
      if (pages.room() < h + captionH && !pages.empty()) yield pages.next();
      pages.page.images.push({ x: Math.round(frame.left + (frame.textWidth - block.width) / 2), y: pages.y, w: block.width, h: block.height, svg: block.svg });
      pages.y += h;
      if (block.caption) {
        const style = styleOf({ font: body.font, size: preset.table.size });
        yield* placeLines([block.caption], style, { ...common, line: body.line, align: 'center' });
      }
      return;
    }
    case 'table':
      yield* placeTable(block, index, frame, pages);
      return;
  }
}

// ---- Tables ----

interface GridCell {
  column: number;
  span: number;
  rowSpan: number;
  text: string;
  align: Align;
  bold: boolean;
}

/** Cells of each row with their column index, the columns covered by cells spanning down from above skipped. */
export function gridRows(rows: readonly (readonly (string | TableCell)[])[], columnCount: number): GridCell[][] {
  const covered = new Array<number>(columnCount).fill(0);
  return rows.map((row) => {
    const cells: GridCell[] = [];
    let column = 0;
    const skip = () => {
      while (column < columnCount && covered[column]! > 0) column++;
    };
    for (const data of row) {
      skip();
      const cell = typeof data === 'string' ? { text: data } : data;
      const span = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      cells.push({ column, span, rowSpan, text: cell.text, align: cell.align ?? 'center', bold: cell.bold ?? false });
      for (let c = column; c < column + span && c < columnCount; c++) covered[c] = rowSpan;
      column += span;
    }
    for (let c = 0; c < columnCount; c++) if (covered[c]! > 0) covered[c]!--;
    return cells;
  });
}

interface RowLayout {
  cells: GridCell[];
  lines: string[][];
  /** Height of the row's lines. */
  content: number;
  /** The table's minimum row height (w:trHeight atLeast), which LibreOffice counts the row's top border into. */
  minHeight: number;
}

/** Height of `row` with a top border `border` twips wide. */
function rowHeight(row: RowLayout, border: number): number {
  return Math.max(row.minHeight, row.content + border);
}

function layoutRow(cells: GridCell[], x: number[], style: BreakStyle, line: number, minHeight: number): RowLayout {
  let most = 1;
  const lines = cells.map((cell) => {
    const w = x[cell.column + cell.span]! - x[cell.column]! - 2 * CELL_PADDING;
    const broken = breakLines(cell.text, w, { ...style, bold: cell.bold || style.bold });
    if (cell.rowSpan === 1) most = Math.max(most, broken.length);
    return broken;
  });
  return { cells, lines, content: most * line, minHeight };
}

/** Twips of a border `eighths` of a point wide. */
const borderTwips = (eighths: number) => (eighths * 20) / 8;

/**
 * Lays out a table as LibreOffice does: each row takes its lines (or its minimum height) plus the width of its top
 * border (the table's outer border for the first row on a page, the inner one below), and the table's bottom border
 * follows its last row. Header rows open every page; a row that does not fit moves whole to the next page.
 */
function* placeTable(table: TableBlock, index: number, frame: Frame, pages: PageBuilder): Generator<LaidOutPage> {
  const { preset } = frame;
  const size = table.fontSize ?? preset.table.size;
  const style: BreakStyle = { font: fontRole(preset.table.font), size };
  const headerStyle: BreakStyle = { ...style, bold: preset.table.headerBold };
  const line = cellLine(size);
  const widths = table.columns.map((c) => c.width);
  const total = widths.reduce((a, b) => a + b, 0);
  const left = Math.round(frame.left + (frame.textWidth - total) / 2);
  const x = [left];
  for (const w of widths) x.push(x.at(-1)! + w);
  const minHeight = table.rowHeight ?? 0;
  const header = gridRows(table.header, widths.length).map((cells) => layoutRow(cells, x, headerStyle, line, minHeight));
  const rows = gridRows(table.rows, widths.length);
  const outer = borderTwips(OUTER_BORDER);
  const inner = borderTwips(INNER_BORDER);
  const headerHeight = header.reduce((a, r, i) => a + rowHeight(r, i === 0 ? outer : inner), 0);
  /** Whether the next row placed is the first of the table on this page (it carries the outer border). */
  let pageTop = true;
  const border = () => (pageTop ? outer : inner);

  type Span = { first: number; last: number };
  let rowsOnPage = null as Span | null;
  /** Row-spanning cells still open: the row they end before, and where on this page they started (border included). */
  let open: { cell: GridCell; endRow: number; startY: number; lines: string[]; shown: boolean }[] = [];
  // Cell lines never set the page's first line: `topLine` of the first body row does.
  const drawCellText = (lines: string[], cell: GridCell, cx: number, cy: number, cw: number, ch: number) => {
    const top = cy + Math.round((ch - lines.length * line) / 2);
    lines.forEach((text, k) =>
      pages.text({ x: cx + CELL_PADDING, y: top + k * line, w: cw - 2 * CELL_PADDING, h: line, text, font: style.font, size, bold: cell.bold || undefined, align: cell.align }, false),
    );
  };
  /** Draws `row` below its top border and moves past it. */
  const placeRow = (row: RowLayout, body: boolean, rowIndex = -1) => {
    const top = pages.y;
    const height = rowHeight(row, border());
    pages.y += height - row.content;
    pageTop = false;
    row.cells.forEach((cell, i) => {
      const cx = x[cell.column]!;
      const cw = x[cell.column + cell.span]! - cx;
      if (cell.rowSpan > 1) {
        open.push({ cell, endRow: rowIndex + cell.rowSpan, startY: top, lines: row.lines[i]!, shown: true });
        return;
      }
      pages.page.boxes.push(cellBox(cx, top, cw, height, cell.column === 0, cell.column + cell.span === widths.length));
      drawCellText(row.lines[i]!, cell, cx, pages.y, cw, row.content);
    });
    if (body && pages.page.firstLine === '') pages.page.firstLine = topLine(row);
    pages.y += row.content;
  };
  /** Draws the spans that end before row `rowIndex`; at a page's end also the part of those that go on (kept open). */
  const closeSpans = (rowIndex: number, pageEnd: boolean) => {
    const keep: typeof open = [];
    for (const span of open) {
      if (span.endRow > rowIndex && !pageEnd) {
        keep.push(span);
        continue;
      }
      const cx = x[span.cell.column]!;
      const cw = x[span.cell.column + span.cell.span]! - cx;
      const h = pages.y - span.startY;
      pages.page.boxes.push(cellBox(cx, span.startY, cw, h, span.cell.column === 0, span.cell.column + span.cell.span === widths.length));
      if (span.shown) drawCellText(span.lines, span.cell, cx, span.startY + inner, cw, h - inner);
      if (span.endRow > rowIndex) keep.push({ ...span, shown: table.repeatSpanLabels ?? false });
    }
    open = keep;
  };
  /** Ends the table's part on this page; `nextRow` is the row the next page starts with. */
  const finishPage = (nextRow: number) => {
    closeSpans(nextRow, true);
    pages.y += outer;
    const placed = rowsOnPage as Span | null;
    if (placed) pages.page.tableRows.push({ block: index, first: placed.first, last: placed.last });
    rowsOnPage = null;
  };
  const placeHeader = (first: boolean) => {
    pageTop = true;
    for (const row of header) placeRow(row, first);
  };

  if (!pages.empty() && pages.room() < headerHeight + (rows.length ? line + inner : 0) + outer) yield pages.next();
  placeHeader(true);
  for (let r = 0; r < rows.length; r++) {
    const row = layoutRow(rows[r]!, x, style, line, minHeight);
    if (pages.room() < rowHeight(row, border()) + outer && (rowsOnPage || !pages.empty())) {
      finishPage(r);
      yield pages.next();
      placeHeader(false);
      for (const span of open) span.startY = pages.y;
    }
    placeRow(row, true, r);
    rowsOnPage = rowsOnPage ? { ...rowsOnPage, last: r } : { first: r, last: r };
    closeSpans(r + 1, false);
  }
  finishPage(rows.length);
}

/** The row's topmost printed line: the first lines of its tallest cells (cells are centred vertically), left to right. */
function topLine(row: RowLayout): string {
  const most = Math.max(...row.lines.map((l) => l.length));
  return row.lines.filter((l) => l.length === most).map((l) => l[0] ?? '').filter((t) => t !== '').join(' ');
}

function cellBox(x: number, y: number, w: number, h: number, first: boolean, last: boolean): PageBox {
  return { x, y, w, h, top: INNER_BORDER, bottom: INNER_BORDER, left: first ? OUTER_BORDER : INNER_BORDER, right: last ? OUTER_BORDER : INNER_BORDER };
}
