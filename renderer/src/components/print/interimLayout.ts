/**
 * INTERIM stand-in for shared/documents/layout.ts (branch `layout`) so the preview can be built and tested before it
 * lands: same signature, rough metrics (CJK 1 em, ASCII ½ em). layoutSource.ts switches to the real engine on merge.
 */
import type { Block, FontRole, LaidOutPage, PageText, PrintDocument, TableCell, TableRowData } from '../../../../shared/documents/model';
import { margins, pageSize, PRESETS } from '../../../../shared/documents/presets';

const width = (text: string, size: number) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 10 : 20) * size, 0);

function breakText(text: string, max: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && width(line + ch, size) > max) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  lines.push(line);
  return lines;
}

const cellOf = (c: string | TableCell): TableCell => (typeof c === 'string' ? { text: c } : c);

export function* layoutDocument(doc: PrintDocument): Generator<LaidOutPage> {
  const preset = PRESETS[doc.preset];
  const size = pageSize(doc.orientation);
  const m = margins(preset, doc.orientation);
  const textW = size.width - m.left - m.right;
  const bottom = size.height - m.bottom;
  let page = newPage(1);
  let y = m.top;
  const footerStyle = doc.pageNumbers === false ? null : (doc.pageNumbers ?? preset.pageNumber.style);

  function newPage(n: number): LaidOutPage {
    const footerText = footerStyle === 'ofTotal' ? '第 {page} 页 共 {total} 页' : '— {page} —';
    return {
      number: n, width: size.width, height: size.height, texts: [], boxes: [], images: [], firstLine: '', tableRows: [],
      footer: footerStyle ? { x: m.left, y: size.height - m.footer, w: textW, h: 280, text: footerText, font: 'songti', size: 14, align: 'center' } : undefined,
    };
  }
  function* room(h: number): Generator<LaidOutPage> {
    if (y + h <= bottom || y === m.top) return;
    yield page;
    page = newPage(page.number + 1);
    y = m.top;
  }
  function* lines(text: string, font: FontRole, pt: number, align: PageText['align'], bold = false, indent = 0): Generator<LaidOutPage> {
    const h = Math.round(pt * 20 * 1.5);
    for (const [i, l] of breakText(text, textW - indent, pt).entries()) {
      yield* room(h);
      const x = i === 0 ? m.left + indent : m.left;
      page.texts.push({ x, y, w: m.left + textW - x, h, text: l, font, size: pt, bold, align });
      if (!page.firstLine) page.firstLine = l;
      y += h;
    }
  }
  function* table(b: Extract<Block, { kind: 'table' }>, index: number): Generator<LaidOutPage> {
    const pt = b.fontSize ?? preset.table.size;
    const lineH = Math.round(pt * 20 * 1.3);
    const drawRow = (row: TableRowData) => {
      let x = m.left;
      let col = 0;
      const cells = row.map(cellOf).map((c) => {
        const w = b.columns.slice(col, col + (c.colSpan ?? 1)).reduce((s, cc) => s + cc.width, 0);
        const cellLines = breakText(c.text, w - 216, pt);
        const out = { c, x, w, cellLines, align: c.align ?? b.columns[col]?.align ?? 'left' };
        x += w;
        col += c.colSpan ?? 1;
        return out;
      });
      const h = Math.max(b.rowHeight ?? 0, Math.max(...cells.map((c) => c.cellLines.length)) * lineH + 120);
      return { cells, h };
    };
    const header = b.header.map(drawRow);
    const headerH = header.reduce((s, r) => s + r.h, 0);
    const place = (r: ReturnType<typeof drawRow>, bold: boolean) => {
      for (const cell of r.cells) {
        page.boxes.push({ x: cell.x, y, w: cell.w, h: r.h, top: 4, right: 4, bottom: 4, left: 4 });
        cell.cellLines.forEach((l, i) =>
          page.texts.push({ x: cell.x + 108, y: y + 60 + i * lineH, w: cell.w - 216, h: lineH, text: l, font: 'fangsong', size: pt, bold: bold || cell.c.bold, align: cell.align }),
        );
      }
      y += r.h;
    };
    const placeHeader = () => header.forEach((r) => place(r, preset.table.headerBold));
    yield* room(headerH + (b.rows[0] ? drawRow(b.rows[0]).h : 0));
    placeHeader();
    for (const [i, row] of b.rows.entries()) {
      const r = drawRow(row);
      if (y + r.h > bottom) {
        yield page;
        page = newPage(page.number + 1);
        y = m.top;
        placeHeader();
      }
      const last = page.tableRows.at(-1);
      if (last && last.block === index) last.last = i;
      else page.tableRows.push({ block: index, first: i, last: i });
      if (!page.firstLine) page.firstLine = r.cells.map((c) => c.cellLines[0]).join(' ');
      place(r, false);
    }
  }

  for (const [index, b] of doc.blocks.entries()) {
    switch (b.kind) {
      case 'title':
        for (const l of b.lines) yield* lines(l, 'xiaobiaosong', preset.title.size, 'center');
        y += preset.title.after;
        break;
      case 'subtitle':
        yield* lines(b.text, 'fangsong', preset.table.size, 'center');
        break;
      case 'heading':
        yield* lines(b.text + (b.rest ?? ''), b.level === 1 ? 'heiti' : b.level === 2 ? 'kaiti' : 'fangsong', 16, 'justify', false, 640);
        break;
      case 'paragraph':
        yield* lines(b.text, b.style?.font ?? 'fangsong', b.style?.size ?? preset.body.size, b.align ?? 'justify', b.style?.bold, b.indent === false ? 0 : 640);
        break;
      case 'note':
        yield* lines(b.text, b.style?.font ?? 'fangsong', b.style?.size ?? preset.table.size, 'left');
        break;
      case 'splitLine':
        yield* lines(b.left, b.style?.font ?? 'fangsong', b.style?.size ?? preset.table.size, 'left');
        page.texts.push({ ...page.texts.at(-1)!, text: b.right, align: 'right' });
        break;
      case 'fillLine':
        yield* lines(b.labels.join('            '), b.style?.font ?? 'fangsong', b.style?.size ?? preset.table.size, 'left');
        break;
      case 'signature':
        yield* lines(b.signer, 'fangsong', preset.body.size, 'right');
        yield* lines(b.date, 'fangsong', preset.body.size, 'right');
        break;
      case 'blank':
        y += preset.body.line;
        break;
      case 'figure':
        yield* room(b.height);
        page.images.push({ x: m.left + (textW - b.width) / 2, y, w: b.width, h: b.height, svg: b.svg });
        y += b.height;
        if (b.caption) yield* lines(b.caption, 'fangsong', 12, 'center');
        break;
      case 'table':
        yield* table(b, index);
        break;
      case 'pageBreak':
        yield page;
        page = newPage(page.number + 1);
        y = m.top;
        break;
    }
  }
  yield page;
}
