/**
 * The document model: every printed document of the app is built as this data, then rendered twice from it — to .docx
 * (main/documents/docx) and to laid-out pages (shared/documents/layout) that the preview draws and the printer prints.
 * Lengths are twips (1/20 pt), font sizes points. Builders (roster, statistics, minutes, letters, ballots, reports…)
 * return a PrintDocument and nothing else; see docs/documents.md.
 */
import type { Orientation, PageNumberStyle, PresetId } from './presets';

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Font roles, mapped to the official faces (FONT) in Word and to their stand-ins in the preview. */
export type FontRole = 'fangsong' | 'heiti' | 'kaiti' | 'xiaobiaosong' | 'songti';

export interface TextRunStyle {
  font?: FontRole;
  /** Points. */
  size?: number;
  bold?: boolean;
}

/** The document title: 2号方正小标宋简体, centred; several lines where the builder breaks it. */
export interface TitleBlock {
  kind: 'title';
  lines: string[];
}

/** A centred line under the title: the scope (范围：…), the date (截至…), a unit line. In the table text size. */
export interface SubtitleBlock {
  kind: 'subtitle';
  text: string;
}

/** A heading of level 1–4; its number (一、 （一） 1. （1）) is applied by the renderers, never typed by the builder. */
export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  text: string;
  /** Body text run in after the heading on the same paragraph (公文 style “（一）加强学习。全年……”). */
  rest?: string;
}

/** A body paragraph: first line indented two characters unless `indent` is false. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  indent?: boolean;
  align?: Align;
  style?: TextRunStyle;
}

/** One empty body line. */
export interface BlankBlock {
  kind: 'blank';
}

export interface TableColumn {
  /** Twips; the columns of a table add up to the text width. */
  width: number;
  align?: Align;
  /**
   * Values that must never break inside (ID numbers, dates, phone numbers, codes). The builder sizes such a column to
   * its longest value; the renderers keep the value on one line.
   */
  nowrap?: boolean;
}

export interface TableCell {
  text: string;
  colSpan?: number;
  /** Rows this cell spans downwards; the covered cells are omitted from the rows below. */
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
}

/** A row of a table: plain strings for big registers (one per column), cells where spans or alignment are needed. */
export type TableRowData = readonly (string | TableCell)[];

export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  /** Header rows, repeated at the top of every page the table runs onto. */
  header: TableRowData[];
  rows: TableRowData[];
  /** Table text size in points; the preset's table size when absent. 表册 tables stay at 五号 (10.5) or larger unless the user asks. */
  fontSize?: number;
  /** Minimum row height in twips. */
  rowHeight?: number;
  /** When a row-spanning cell (e.g. the 党小组 label) continues onto a new page, print its text again there. */
  repeatSpanLabels?: boolean;
}

/** GB/T 9704 signer and date under the body: date four characters in from the right, signer centred over it. */
export interface SignatureBlock {
  kind: 'signature';
  signer: string;
  /** YYYY-MM-DD; printed 2026年12月4日. */
  date: string;
}

/** Labels to fill by hand, spread across the width: 填表人：  审核人（书记）：  填报日期： */
export interface FillLineBlock {
  kind: 'fillLine';
  labels: string[];
  style?: TextRunStyle;
}

/** One line: text at the left margin and text flush right (填报单位：… / 截至…). */
export interface SplitLineBlock {
  kind: 'splitLine';
  left: string;
  right: string;
  style?: TextRunStyle;
}

/** An unindented note line, e.g. under a table (注：…). */
export interface NoteBlock {
  kind: 'note';
  text: string;
  style?: TextRunStyle;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** A figure: an SVG drawing of a chart or picture at a fixed size, with an optional caption under it. */
export interface FigureBlock {
  kind: 'figure';
  /** Self-contained SVG markup (no external references). */
  svg: string;
  /** PNG bytes in base64 of the same picture, for the Word file (JPEG bytes for a photo: the renderer tells them apart). */
  png: string;
  width: number;
  height: number;
  caption?: string;
}

export type Block =
  | TitleBlock
  | SubtitleBlock
  | HeadingBlock
  | ParagraphBlock
  | BlankBlock
  | TableBlock
  | SignatureBlock
  | FillLineBlock
  | SplitLineBlock
  | NoteBlock
  | PageBreakBlock
  | FigureBlock;

export interface PrintDocument {
  /** 公文 (GB/T 9704) or 表册 (registers and forms). */
  preset: PresetId;
  orientation: Orientation;
  /** The preset's page numbers when absent; false for none (a one-page form). */
  pageNumbers?: PageNumberStyle | false;
  /** Document title (Word's properties, the preview's heading). */
  title: string;
  /** Suggested file name without extension, e.g. 第一钻井队党支部党员花名册-2026-12-04. */
  fileStem: string;
  blocks: Block[];
}

// ---- Laid-out pages: what the layout engine produces and the preview draws (positions from the page's top left). ----

/** One line of text, already broken: drawn at (x, y) in a box `w` wide and `h` high, never wrapped again. */
export interface PageText {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  font: FontRole;
  /** Points. */
  size: number;
  bold?: boolean;
  /** `justify` spreads the line to the full width (all lines of a justified paragraph but its last). */
  align: Align;
  /** Extra space between characters in twips (公文 body: −5). */
  letterSpacing?: number;
  /** The line in runs of their own fonts, where it has several (a run-in heading and the body text after it). */
  runs?: { text: string; font: FontRole }[];
}

/** A rectangle with borders (a table cell); border widths in eighths of a point, 0 or absent for none. */
export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
  top?: number;
  right?: number;
  bottom?: number;
  left?: number;
}

export interface PageImage {
  x: number;
  y: number;
  w: number;
  h: number;
  svg: string;
}

export interface LaidOutPage {
  /** 1-based. */
  number: number;
  /** Page size in twips (A4 portrait or landscape). */
  width: number;
  height: number;
  texts: PageText[];
  boxes: PageBox[];
  images: PageImage[];
  /** The first line of body text on the page, leaving out repeated table headers (tests compare it with LibreOffice's). */
  firstLine: string;
  /** Body rows of tables placed on this page: block index in `blocks`, first and last row index (inclusive). */
  tableRows: { block: number; first: number; last: number }[];
  /** The page number line; its text may hold `{page}` and `{total}`, filled in when the page is drawn. */
  footer?: PageText;
}
