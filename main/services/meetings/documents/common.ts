/**
 * What the meeting documents share: dates and times as branches write them, the title broken to fit, the
 * label | value form table of a record's header block, and file names.
 */
import { layoutAll } from '../../../../shared/documents/layout';
import type { Block, PrintDocument, TableBlock, TableCell, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { CELL_PADDING } from '../../../../shared/documents/fit';
import { measureTextSafe } from '../../../../shared/documents/metrics';
import { formatChineseDate } from '../../../../shared/domain/dates';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026-03-12 → 星期四. */
export function weekday(date: string): string {
  return `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

/** 09:05 → 9:05 (times are written without a leading zero in the hour). */
export function clock(time: string | null | undefined): string {
  return (time ?? '').trim().replace(/^0(\d:)/, '$1');
}

/** 2026年3月12日（星期四）9:00—10:30; the end time left out when unknown. */
export function meetingTime(date: string, start?: string | null, end?: string | null): string {
  return `${formatChineseDate(date)}（${weekday(date)}）${timeSpan(start, end)}`;
}

/** 9:00—10:30, or the start alone when the end is unknown. */
export function timeSpan(start?: string | null, end?: string | null): string {
  const from = clock(start);
  const to = clock(end);
  return from && to ? `${from}—${to}` : from;
}

/**
 * Breaks a title line into pieces that fit the text width in the title face (二号小标宋), as even as can be, so a long
 * line never leaves one or two characters alone on the next.
 */
export function fitTitleLine(text: string, width = textWidth(RECORD)): string[] {
  const size = RECORD.title.size;
  const measure = (t: string) => measureTextSafe(t, 'xiaobiaosong', size);
  const total = measure(text);
  if (total <= width) return [text];
  const target = Math.min(width, total / Math.ceil(total / width) + size * 20);
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && measure(line + ch) > target) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return line ? [...lines, line] : lines;
}

/** A file name without characters Windows refuses: <what>-<date>. */
export function documentStem(what: string, date: string): string {
  return `${what}-${date}`.replace(/[\\/:*?"<>|\s]/g, '');
}

/** One row of a form table: a label, its value; or two label | value pairs side by side. */
export type FormRow = [label: string, value: string] | [label: string, value: string, label2: string, value2: string];

/** Table text of the forms: 四号. */
export const FORM_SIZE = 14;

/** Width of a label column: four characters of 四号 and the cell's padding, with room for rounding. */
export function labelWidth(chars = 4, size = FORM_SIZE): number {
  return Math.ceil(chars * size * 20 + 2 * CELL_PADDING + size * 5);
}

/**
 * The header block of a record as a 4-column form: label | value | label | value; a row with one pair spans its value
 * over the other three columns. Labels are centred, values start at the left (they may run to several lines).
 */
export function formTable(rows: FormRow[], width = textWidth(RECORD)): TableBlock {
  const label = labelWidth();
  const value = Math.floor((width - 2 * label) / 2);
  const columns = [
    { width: label, align: 'center' as const },
    { width: value, align: 'left' as const },
    { width: label, align: 'center' as const },
    { width: width - 2 * label - value, align: 'left' as const },
  ];
  const labelCell = (text: string): TableCell => ({ text, align: 'center' });
  const valueCell = (text: string, colSpan?: number): TableCell => ({ text: text || '无', align: 'left', ...(colSpan ? { colSpan } : {}) });
  const body: TableRowData[] = rows.map((r) =>
    r.length === 2 ? [labelCell(r[0]), valueCell(r[1], 3)] : [labelCell(r[0]), valueCell(r[1]), labelCell(r[2]), valueCell(r[3])],
  );
  return { kind: 'table', columns, header: [], rows: body, fontSize: FORM_SIZE, rowHeight: Math.round(FORM_SIZE * 20 * 2.2) };
}

/** Text with line breaks as body paragraphs (empty lines dropped). */
export function paragraphs(text: string | null | undefined, prefix = ''): Block[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.map((line, i) => ({ kind: 'paragraph', text: i === 0 ? prefix + line : line }));
}

/** 1. 第一项\n2. 第二项 for a list in one cell; the one item alone when there is one. */
export function numberedLines(items: readonly string[]): string {
  const kept = items.map((t) => t.trim()).filter(Boolean);
  return kept.length === 1 ? kept[0]! : kept.map((t, i) => `${i + 1}. ${t}`).join('\n');
}

/**
 * Keeps the signature line (主持人（签字）：…) with the text above it: when it would open a page on its own, the blank
 * line before it goes; when even that leaves it alone, the paragraph before it (散会。) moves over with it. The layout
 * engine paginates as LibreOffice does, so the Word file keeps them together too.
 */
export function keepSignatureWithBody(doc: PrintDocument): PrintDocument {
  const at = doc.blocks.findIndex((b) => b.kind === 'fillLine');
  const fill = doc.blocks[at];
  if (!fill || fill.kind !== 'fillLine' || doc.blocks[at - 1]?.kind !== 'blank') return doc;
  const line = fill.labels.join(' ');
  const alone = (d: PrintDocument) => layoutAll(d).some((page, i) => i > 0 && page.firstLine === line);
  if (!alone(doc)) return doc;
  const tight = { ...doc, blocks: [...doc.blocks.slice(0, at - 1), ...doc.blocks.slice(at)] };
  if (!alone(tight)) return tight;
  return { ...doc, blocks: [...doc.blocks.slice(0, at - 2), { kind: 'pageBreak' }, ...doc.blocks.slice(at - 2)] };
}
