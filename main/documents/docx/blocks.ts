/** The model's text blocks as docx paragraphs, through the kit; tables become placeholders filled in by `splice`. */
import { AlignmentType, ImageRun, LineRuleType, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import { cellLine } from '../../../shared/documents/units';
import type { Align, Block, FigureBlock, ParagraphBlock, PrintDocument, TextRunStyle } from '../../../shared/documents/model';
import { FONT } from '../../../shared/documents/fonts';
import { textWidth, type Preset, type TextStyle } from '../../../shared/documents/presets';
import { runStyle, STYLE } from '../kit/styles';
import { blankLine, headingNumberer, note, signatureBlock, signatureLine, splitLine, subtitle, textRun, title } from '../kit/text';

/** The text of the paragraph that stands where table `index` goes; `splice` replaces the whole paragraph. */
export function tablePlaceholder(index: number): string {
  return `@@BRANCH-DESK-TABLE-${index}@@`;
}

// A function, not a table built at load time: reading docx's enums at import would load docx for CLI help.
const ALIGNMENT = () =>
  ({
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
    justify: AlignmentType.JUSTIFIED,
  }) as const;

function alignment(align: Align | undefined) {
  return align ? ALIGNMENT()[align] : undefined;
}

/** A block's own run style over the preset's body text. */
export function textStyle(preset: Preset, style: TextRunStyle | undefined, base: TextStyle = preset.body): TextStyle {
  if (!style) return base;
  return { font: style.font ? FONT[style.font] : base.font, size: style.size ?? base.size, bold: style.bold ?? base.bold };
}

function paragraphBlock(preset: Preset, block: ParagraphBlock): Paragraph {
  const unindented = block.indent === false ? { indent: { firstLine: 0, firstLineChars: 0 } } : {};
  // A paragraph in its own size is set at the table line (1.25 × size), as the layout engine sets it.
  const spacing = block.style?.size ? { spacing: { line: cellLine(block.style.size), lineRule: LineRuleType.EXACT, before: 0, after: 0 } } : {};
  return new Paragraph({
    style: STYLE.normal,
    alignment: alignment(block.align),
    ...unindented,
    ...spacing,
    children: [textRun(preset, block.text, textStyle(preset, block.style))],
  });
}

/** Twips to the pixels (at 96 dpi) docx's ImageRun takes. */
const pixels = (twips: number) => Math.round(twips / 15);

/** JPEG bytes start FF D8 (a photo attached to a record); anything else is the PNG the model names. */
const isJpeg = (data: Buffer) => data[0] === 0xff && data[1] === 0xd8;

function figure(preset: Preset, block: FigureBlock): Paragraph[] {
  const data = Buffer.from(block.png, 'base64');
  const image = new ImageRun({
    type: isJpeg(data) ? 'jpg' : 'png',
    data,
    transformation: { width: pixels(block.width), height: pixels(block.height) },
  });
  const picture = new Paragraph({
    style: STYLE.signature,
    alignment: AlignmentType.CENTER,
    keepNext: block.caption !== undefined,
    spacing: { line: 240, lineRule: 'auto', before: 0, after: 0 },
    children: [image],
  });
  if (block.caption === undefined) return [picture];
  const captionStyle = { font: preset.body.font, size: preset.table.size };
  const caption = new Paragraph({ style: STYLE.signature, alignment: AlignmentType.CENTER, children: [textRun(preset, block.caption, captionStyle)] });
  return [picture, caption];
}

/** A page break run: put first in the next paragraph, it starts that paragraph on a new page (LibreOffice reads it as "break before"). */
function breakRun(_preset: Preset): PageBreak {
  // docx writes it without run properties; `splice` names the body font on it.
  return new PageBreak();
}

/** A page break right before a table: a paragraph of one exact twip holding the break. */
function breakParagraph(preset: Preset): Paragraph {
  return new Paragraph({ style: STYLE.signature, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [breakRun(preset)] });
}

type Numberer = ReturnType<typeof headingNumberer>;

/** One block's paragraphs (a table's placeholder paragraph; nothing for a page break, which `blockChildren` places). */
function blockParagraphs(preset: Preset, block: Block, index: number, heading: Numberer, width: number): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [title(preset, block.lines)];
    case 'subtitle':
      return [subtitle(preset, block.text)];
    case 'heading':
      return [heading(block.level, block.text, block.rest)];
    case 'paragraph':
      return [paragraphBlock(preset, block)];
    case 'blank':
      return [blankLine(preset)];
    case 'table':
      return [new Paragraph({ children: [new TextRun(tablePlaceholder(index))] })];
    case 'signature':
      // The model's signature is the signer and date lines; a blank line above is the builder's own block.
      return signatureBlock(preset, block.signer, block.date).slice(1);
    case 'fillLine':
      return [signatureLine(preset, block.labels, width, textStyle(preset, block.style))];
    case 'splitLine':
      return [splitLine(preset, block.left, block.right, width, textStyle(preset, block.style))];
    case 'note':
      return [note(preset, block.text, textStyle(preset, block.style))];
    case 'pageBreak':
      return [];
    case 'figure':
      return figure(preset, block);
  }
}

/** The text of the paragraph that stands where part `index` of a long document goes (see `BlockWriter`). */
export function partPlaceholder(index: number): string {
  return `@@BRANCH-DESK-PART-${index}@@`;
}

/**
 * Writes the blocks as docx paragraphs a range at a time, in order: the heading numbers and a pending page break carry
 * over from one range to the next, so the paragraphs are the same however the blocks are cut into ranges.
 */
export class BlockWriter {
  private readonly heading: Numberer;
  private readonly width: number;
  private breakPending = false;

  constructor(
    private readonly preset: Preset,
    private readonly doc: PrintDocument,
  ) {
    this.heading = headingNumberer(preset);
    this.width = textWidth(preset, doc.orientation);
  }

  /** The paragraphs of blocks [from, to); the last range ends with a page break still pending. */
  children(from: number, to: number): FileChild[] {
    const { preset, heading } = this;
    const children: FileChild[] = [];
    for (let index = from; index < to; index++) {
      const block = this.doc.blocks[index]!;
      if (block.kind === 'pageBreak') {
        this.breakPending = true;
        continue;
      }
      if (block.kind === 'title') heading.reset();
      const paragraphs = blockParagraphs(preset, block, index, heading, this.width);
      if (this.breakPending) {
        if (block.kind === 'table') children.push(breakParagraph(preset));
        else paragraphs[0]?.addRunToFront(breakRun(preset));
        this.breakPending = false;
      }
      children.push(...paragraphs);
    }
    if (to >= this.doc.blocks.length && this.breakPending) children.push(breakParagraph(preset));
    return children;
  }
}

/** Every block of the document as docx paragraphs, tables as placeholder paragraphs (numbered by block index). */
export function blockChildren(preset: Preset, doc: PrintDocument): FileChild[] {
  return new BlockWriter(preset, doc).children(0, doc.blocks.length);
}
