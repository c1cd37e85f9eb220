/** The two page presets: 公文 (GB/T 9704-2012) and 表册 (registers and forms: rosters, statistics, sign-in sheets, ballots, minutes forms, letters). */
import { FONT } from './fonts';
import { A4, cm, mm, pt } from './units';

export type PresetId = 'official' | 'record';
export type PageNumberStyle = 'dashOddEven' | 'dashCentred' | 'ofTotal';

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

export interface TextStyle {
  font: string;
  /** Points. */
  size: number;
  bold?: boolean;
}

export interface Preset {
  id: PresetId;
  label: string;
  /** Portrait margins in twips. */
  margins: Margins;
  /** Landscape margins (wide tables); the portrait ones when absent. */
  landscapeMargins?: Margins;
  /** `w:docGrid type="lines"` pitch in twips, or null for no grid. */
  linePitch: number | null;
  body: TextStyle & {
    /** Exact line spacing in twips. */
    line: number;
    /** Run character spacing in twips (w:spacing), negative to condense. */
    characterSpacing: number;
    /** First-line indent in hundredths of a character. */
    firstLineChars: number;
  };
  title: TextStyle & { line: number; /** Space after the title, twips. */ after: number };
  /** 一、 （一） 1. （1） */
  headings: [TextStyle, TextStyle, TextStyle, TextStyle];
  formTitle: TextStyle;
  table: TextStyle & { headerBold: boolean };
  pageNumber: TextStyle & { style: PageNumberStyle };
}

/** What both presets set alike: the four heading levels of 公文 (黑体, 楷体, 仿宋, 仿宋), a form's title and table text. */
const GB_TEXT_LEVELS = {
  headings: [
    { font: FONT.heiti, size: 16 },
    { font: FONT.kaiti, size: 16 },
    { font: FONT.fangsong, size: 16 },
    { font: FONT.fangsong, size: 16 },
  ],
  formTitle: { font: FONT.heiti, size: 16 },
  table: { font: FONT.fangsong, size: 14, headerBold: false },
} satisfies Pick<Preset, 'headings' | 'formTitle' | 'table'>;

/** GB/T 9704-2012: 版心 156 × 225 mm, 22 lines × 28 characters of 3号仿宋. */
export const OFFICIAL: Preset = {
  id: 'official',
  label: '公文 (GB/T 9704)',
  margins: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
  linePitch: 579,
  body: { font: FONT.fangsong, size: 16, line: 579, characterSpacing: -5, firstLineChars: 200 },
  title: { font: FONT.xiaobiaosong, size: 22, line: pt(35), after: 579 },
  ...GB_TEXT_LEVELS,
  pageNumber: { font: FONT.songti, size: 14, style: 'dashOddEven' },
};

/** Record books and forms as branches print them: margins 2.54/3.17 cm, 仿宋_GB2312 16 pt at a fixed 31 pt. */
export const RECORD: Preset = {
  id: 'record',
  label: '表册',
  margins: { top: cm(2.54), bottom: cm(2.54), left: cm(3.17), right: cm(3.17), header: cm(1.5), footer: cm(1.5) },
  landscapeMargins: { top: cm(2.54), bottom: cm(2.2), left: cm(2), right: cm(2), header: cm(1.2), footer: cm(1.2) },
  linePitch: null,
  body: { font: FONT.fangsong, size: 16, line: pt(31), characterSpacing: 0, firstLineChars: 200 },
  title: { font: FONT.xiaobiaosong, size: 22, line: pt(36), after: pt(6) },
  ...GB_TEXT_LEVELS,
  pageNumber: { font: FONT.songti, size: 14, style: 'dashCentred' },
};

export const PRESETS: Record<PresetId, Preset> = { official: OFFICIAL, record: RECORD };

export type Orientation = 'portrait' | 'landscape';

export function pageSize(orientation: Orientation): { width: number; height: number } {
  return orientation === 'portrait' ? { ...A4 } : { width: A4.height, height: A4.width };
}

export function margins(preset: Preset, orientation: Orientation = 'portrait'): Margins {
  return orientation === 'landscape' ? (preset.landscapeMargins ?? preset.margins) : preset.margins;
}

/** Width between the margins, in twips. */
export function textWidth(preset: Preset, orientation: Orientation = 'portrait'): number {
  const m = margins(preset, orientation);
  return pageSize(orientation).width - m.left - m.right;
}

/** Height between the margins, in twips. */
export function textHeight(preset: Preset, orientation: Orientation = 'portrait'): number {
  const m = margins(preset, orientation);
  return pageSize(orientation).height - m.top - m.bottom;
}

/** The preset with table text of another size (points), e.g. the size that fits a wide table. */
export function withTableSize(preset: Preset, size: number): Preset {
  return { ...preset, table: { ...preset.table, size } };
}
