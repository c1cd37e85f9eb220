/**
 * Line breaking as LibreOffice does it for Chinese text (measured against LibreOffice 7.4's PDFs): a break may fall between any two ideographs; a Latin word, digit run, date (2004.07.01), ID or phone number never
 * breaks; no line starts with closing punctuation and none ends with opening punctuation (kinsoku); ，。、 hang past
 * the margin at a line's end (LibreOffice ignores w:overflowPunct="0"); `\n` is a hard break.
 */
import { measureText } from './metrics';
import type { FontRole } from './model';

export interface BreakStyle {
  font: FontRole;
  /** Points. */
  size: number;
  bold?: boolean;
  /** Twips after every character (公文 body: −5). */
  letterSpacing?: number;
  /** First-line indent in twips (the first line is this much narrower). */
  firstIndent?: number;
  /** From this offset in the text on (UTF-16 units), another font: the body text run in after a heading. */
  switchFont?: { at: number; font: FontRole };
}

/** Never at the start of a line. */
export const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}%·・ー々〃～');
/** Never at the end of a line. */
export const NO_LINE_END = new Set('（《「『【〔〈“‘([{￥$');

/** Characters that glue together into an unbreakable run: Latin letters, digits and their in-word punctuation. */
const WORD_CHAR = /[A-Za-z0-9.\-_/:@#&+*=%'’·\u00c0-\u024f]/;

/** Splits text (no `\n`) into units no line break may fall inside: words and numbers, ideographs with punctuation glued. */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    let unit = chars[i]!;
    i++;
    if (WORD_CHAR.test(unit) && unit !== '·') {
      while (i < chars.length && WORD_CHAR.test(chars[i]!)) {
        unit += chars[i++]!;
        // A line may break after a hyphen before a letter (1-|H23), never before a digit (85-2, 2026-03-12, 0990-6881234).
        if (unit.endsWith('-') && unit.length > 1 && i < chars.length && /[A-Za-z]/.test(chars[i]!)) break;
      }
    }
    if (unit === ' ') {
      while (i < chars.length && chars[i] === ' ') unit += chars[i++]!;
    }
    units.push(unit);
  }
  // Glue: opening punctuation to what follows, closing punctuation (and trailing spaces) to what precedes.
  const glued: string[] = [];
  let pending = '';
  for (const unit of units) {
    const first = unit[0]!;
    if (glued.length > 0 && pending === '' && (NO_LINE_START.has(first) || /^ +$/.test(unit))) {
      glued[glued.length - 1] += unit;
      continue;
    }
    const last = unit[unit.length - 1]!;
    if (unit.length === 1 && NO_LINE_END.has(last)) {
      pending += unit;
      continue;
    }
    glued.push(pending + unit);
    pending = '';
  }
  if (pending) glued.push(pending);
  return glued;
}

/** Width of `text`, which starts at offset `start` of the paragraph (where a `switchFont` may fall inside it). */
function width(text: string, style: BreakStyle, start = 0): number {
  const spacing = style.letterSpacing ?? 0;
  const split = style.switchFont ? style.switchFont.at - start : Infinity;
  const head = text.slice(0, Math.max(0, split));
  const tail = text.slice(Math.max(0, split));
  return (
    (head ? measureText(head, style.font, style.size, style.bold, spacing) : 0) +
    (tail ? measureText(tail, style.switchFont!.font, style.size, false, spacing) : 0)
  );
}

/** Punctuation that hangs past the right margin at a line's end (LibreOffice and Word's default hanging punctuation). */
export const HANGING = new Set('，。、．,.');

/** Trailing spaces and one hanging punctuation mark may pass the margin, as in Word and LibreOffice. */
function fitWidth(text: string, style: BreakStyle, start = 0): number {
  const trimmed = text.replace(/ +$/, '');
  const last = trimmed.slice(-1);
  return width(HANGING.has(last) ? trimmed.slice(0, -1) : trimmed, style, start);
}

/** Breaks `text` into lines no wider than `width` twips (the first `style.firstIndent` narrower). */
export function breakLines(text: string, lineWidth: number, style: BreakStyle): string[] {
  const lines: string[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    breakParagraph(paragraph, offset, lineWidth, style, lines.length === 0 ? (style.firstIndent ?? 0) : 0, lines);
    offset += paragraph.length + 1;
  }
  return lines;
}

/** Breaks one paragraph starting at `offset` of the text; `start` tracks where the current line begins. */
function breakParagraph(text: string, offset: number, lineWidth: number, style: BreakStyle, indent: number, out: string[]): void {
  let line = '';
  let start = offset;
  let position = offset;
  let available = lineWidth - indent;
  const push = () => {
    out.push(line.replace(/ +$/, ''));
    line = '';
    available = lineWidth;
  };
  for (const unit of breakUnits(text)) {
    const at = position;
    position += unit.length;
    if (fitWidth(line + unit, style, start) <= available + 0.5) {
      line += unit;
      continue;
    }
    if (line !== '') push();
    const trimmed = unit.replace(/^ +/, '');
    if (fitWidth(trimmed, style, at + unit.length - trimmed.length) <= available + 0.5) {
      line = trimmed;
      start = at + unit.length - trimmed.length;
      continue;
    }
    // A unit wider than the line (a very long number in a narrow cell): break it by characters.
    start = at;
    for (const ch of unit) {
      if (line !== '' && fitWidth(line + ch, style, start) > available + 0.5) {
        start += line.length;
        push();
      }
      line += ch;
    }
  }
  if (line !== '' || out.length === 0 || text === '') push();
}

/** Width of the widest line of `text` (hard breaks only). */
export function longestLineWidth(text: string, style: BreakStyle): number {
  return Math.max(...text.split('\n').map((line) => fitWidth(line, style)));
}
