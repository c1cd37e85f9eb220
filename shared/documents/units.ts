/** Word measures: twips (1/20 pt) for lengths, half-points for font sizes. */

export const TWIPS_PER_POINT = 20;
export const TWIPS_PER_MM = 1440 / 25.4;

export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

export function cm(value: number): number {
  return mm(value * 10);
}

export function pt(value: number): number {
  return Math.round(value * TWIPS_PER_POINT);
}

/** docx's `size` is in half-points. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Chinese font sizes by name (字号), in points. */
export const FONT_SIZE = {
  er: 22, // 二号
  san: 16, // 三号
  xiaoSan: 15, // 小三
  si: 14, // 四号
  xiaoSi: 12, // 小四
  wu: 10.5, // 五号
  xiaoWu: 9, // 小五
} as const;

/** A4 in portrait, in twips. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Exact line spacing of table-cell text: 1.25 times the font size, in twips. */
export function cellLine(size: number): number {
  return Math.round(size * 20 * 1.25);
}
