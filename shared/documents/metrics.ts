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
 * Space LibreOffice puts where Asian text meets Latin text (its autospace; LibreOffice 7.4 applies it even with
 * w:autoSpaceDE/DN off), in 1/1000 em, calibrated on the 公文 sample's PDF.
 */
export const AUTOSPACE_MILLI_EM = 212;

type Script = 'asian' | 'latin' | 'weak';

/** LibreOffice's script of a character: weak ones (punctuation, spaces, “”) take the script of the text before them. */
function scriptOf(cp: number): Script {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f)) return 'latin';
  if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef)) return 'asian';
  return 'weak';
}

function measureWith(text: string, size: number, width: (cp: number) => number, letterSpacing: number): number {
  let milli = 0;
  let count = 0;
  let script: Script = 'weak';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    milli += width(cp);
    const own = scriptOf(cp);
    if (own !== 'weak') {
      if (script !== 'weak' && own !== script) milli += AUTOSPACE_MILLI_EM;
      script = own;
    }
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
