/** Heading numbers of Chinese official documents (GB/T 9704 结构层次序数): 一、 （一） 1. （1）. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五; whole numbers from 1 to 9999. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`中文序数只支持 1–9999：${n}`);
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + unit;
  });
  // 十一 rather than 一十一 when the number starts in the tens.
  return digits.length === 2 && out.startsWith('一十') ? out.slice(1) : out;
}

/** The value of a Chinese numeral up to 九千九百九十九 (十一 → 11, 一百零五 → 105); NaN when it is not one. */
export function chineseNumeralValue(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    const u = UNITS.indexOf(ch);
    if (d >= 0) digit = d;
    else if (u > 0) {
      total += (digit || 1) * 10 ** u;
      digit = 0;
    } else return Number.NaN;
  }
  return text === '' ? Number.NaN : total + digit;
}

export type HeadingDepth = 1 | 2 | 3 | 4;

/** The number that starts a heading of `level`, counted from 1: level 1 "一、", 2 "（一）", 3 "1.", 4 "（1）". */
export function headingNumber(level: HeadingDepth, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** Counts headings level by level; a heading restarts the counts of the levels below it. */
export class HeadingCounter {
  private counts = [0, 0, 0, 0];

  next(level: HeadingDepth): string {
    this.counts[level - 1]! += 1;
    for (let i = level; i < this.counts.length; i++) this.counts[i] = 0;
    return headingNumber(level, this.counts[level - 1]!);
  }

  /** Starts again at 一、: a title opens a new document within the document (letters printed together). */
  reset(): void {
    this.counts = [0, 0, 0, 0];
  }
}
