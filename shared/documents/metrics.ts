/**
 * Text widths in twips from the measured advance widths of the preview's stand-in fonts (shared/documents/fontMetrics.ts,
 * the same designs the test fontconfig gives LibreOffice), and of the official Word fonts' behaviour (GB2312 faces:
 * half-width ASCII, every other character one em).
 */
import { FACE_WIDTHS, type MetricFace } from './fontMetrics';
import type { FontRole } from './model';

const FACE: Record<FontRole, [MetricFace, MetricFace]> = {
  fangsong: ['serif', 'serifBold'],
  songti: ['serif', 'serifBold'],
  xiaobiaosong: ['serifBold', 'serifBold'],
  heiti: ['sans', 'sansBold'],
  kaiti: ['kai', 'kaiBold'],
};

/** Advance of one character in 1/1000 em in the stand-in face; characters not in the table (CJK, full-width) are 1 em. */
export function charMilliEm(cp: number, font: FontRole, bold = false): number {
  const table = FACE_WIDTHS[FACE[font][bold ? 1 : 0]];
  return table[cp] ?? (cp < 0x2e80 && cp >= 0x80 && cp < 0x2000 ? 500 : 1000);
}

/** Advance of one character in the official Word fonts (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体). */
export function wordCharMilliEm(cp: number): number {
  return cp < 0x80 ? 500 : 1000;
}

/**
 * Space LibreOffice puts between an ideograph and a Latin letter or digit right next to it (its autospace; LibreOffice
 * 7.4 applies it even with w:autoSpaceDE/DN off), in 1/1000 em, in text condensed as the 公文 body is (−0.25 pt a
 * character). Calibrated on the 公文 sample (scripts/layout-agreement.ts): 221–222 break every body line where
 * LibreOffice breaks it; 212 or 225 do not. Punctuation, full-width or not, takes no such space (（2）, 4.7%。).
 */
export const AUTOSPACE_MILLI_EM = 222;

/**
 * The same space in text that is not condensed (the 表册 preset, table cells): 200. Measured in LibreOffice's PDF of
 * the meeting minutes: 3.2 pt at 16 pt, 2.8 pt at 14 pt, 4.4 pt at 22 pt; with 222 a body line of the minutes that
 * LibreOffice keeps whole (…作表率。（第3位发言）) was broken.
 */
export const AUTOSPACE_UNCONDENSED_MILLI_EM = 200;

const isIdeograph = (cp: number) => (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff);
const isLatin = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);

function measureWith(text: string, size: number, width: (cp: number) => number, letterSpacing: number): number {
  const autospace = letterSpacing < 0 ? AUTOSPACE_MILLI_EM : AUTOSPACE_UNCONDENSED_MILLI_EM;
  let milli = 0;
  let count = 0;
  let previous = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    milli += width(cp);
    if ((isIdeograph(previous) && isLatin(cp)) || (isLatin(previous) && isIdeograph(cp))) milli += autospace;
    previous = cp;
    count++;
  }
  return (milli * size * 20) / 1000 + count * letterSpacing;
}

/** Width of `text` in twips in the stand-in font of `font` at `size` points, with `letterSpacing` twips after each character. */
export function measureText(text: string, font: FontRole, size: number, bold = false, letterSpacing = 0): number {
  return measureWith(text, size, (cp) => charMilliEm(cp, font, bold), letterSpacing);
}

/** Width of `text` in the official Word font: GB2312 faces set ASCII at half an em. */
export function measureWordText(text: string, size: number, letterSpacing = 0): number {
  return measureWith(text, size, wordCharMilliEm, letterSpacing);
}

/** The wider of the stand-in and the Word font, so a column sized by it fits in both. */
export function measureTextSafe(text: string, font: FontRole, size: number, bold = false, letterSpacing = 0): number {
  return Math.max(measureText(text, font, size, bold, letterSpacing), measureWordText(text, size, letterSpacing));
}
