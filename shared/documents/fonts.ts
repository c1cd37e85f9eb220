/** Chinese font names as Word and WPS know them. Never embedded: the user's installed fonts (or their fallbacks) are used. */

export const FONT = {
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

export interface RunFonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
}

/** Every script slot names the same font, so Word and WPS use it for Chinese text, digits and Latin letters alike. */
export function runFonts(name: string): RunFonts {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}
