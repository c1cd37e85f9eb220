/** Chinese font sizes (字号) a table may be set in, largest first, with the names people choose them by. */
export const TABLE_FONT_SIZES = [
  { points: 14, name: '四号' },
  { points: 12, name: '小四' },
  { points: 10.5, name: '五号' },
  { points: 9, name: '小五' },
  { points: 7.5, name: '六号' },
] as const;

/** 五号 (10.5 pt): the smallest table text of a 表册 unless the user asks for smaller. */
export const RECORD_MIN_TABLE_SIZE = 10.5;

/** 五号 for 10.5; “9 磅” for a size without a name. */
export function fontSizeName(points: number): string {
  return TABLE_FONT_SIZES.find((s) => s.points === points)?.name ?? `${points} 磅`;
}

/** A size given as its name (五号, 小五) or in points (10.5, 9pt, 9磅); null when it is neither. */
export function parseFontSize(text: string): number | null {
  const t = text.trim();
  const named = TABLE_FONT_SIZES.find((s) => s.name === t);
  if (named) return named.points;
  const m = /^(\d+(?:\.\d+)?)\s*(?:pt|磅)?$/i.exec(t);
  return m ? Number(m[1]) : null;
}
