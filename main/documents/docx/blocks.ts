/** The model's text blocks as docx paragraphs, through the kit; tables become placeholders filled in by `splice`. */
import { AlignmentType, ImageRun, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { Align, Block, FigureBlock, ParagraphBlock, PrintDocument, TextRunStyle } from '../../../shared/documents/model';
import { FONT } from '../kit/fonts';
import { textWidth, type Preset, type TextStyle } from '../kit/presets';
import { runStyle, STYLE } from '../kit/styles';
import { blankLine, headingNumberer, note, signatureBlock, signatureLine, splitLine, subtitle, textRun, title } from '../kit/text';

/** The text of the paragraph that stands where table `index` goes; `splice` replaces the whole paragraph. */
export function tablePlaceholder(index: number): string {
  return `@@BRANCH-DESK-TABLE-${index}@@`;
}

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function alignment(align: Align | undefined) {
  return align ? ALIGNMENT[align] : undefined;
}

/** A block's own run style over the preset's body text. */
export function textStyle(preset: Preset, style: TextRunStyle | undefined, base: TextStyle = preset.body): TextStyle {
  if (!style) return base;
  return { font: style.font ? FONT[style.font] : base.font, size: style.size ?? base.size, bold: style.bold ?? base.bold };
}

function paragraphBlock(preset: Preset, block: ParagraphBlock): Paragraph {
  const unindented = block.indent === false ? { indent: { firstLine: 0, firstLineChars: 0 } } : {};
  return new Paragraph({
    style: STYLE.normal,
    alignment: alignment(block.align),
    ...unindented,
    children: [textRun(preset, block.text, textStyle(preset, block.style))],
  });
}

/** Twips to the pixels (at 96 dpi) docx's ImageRun takes. */
const pixels = (twips: number) => Math.round(twips / 15);

function figure(preset: Preset, block: FigureBlock): Paragraph[] {
  const image = new ImageRun({
    type: 'png',
    data: Buffer.from(block.png, 'base64'),
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
  const caption = new Paragraph({ style: STYLE.signature, alignment: AlignmentType.CENTER, children: [textRun(preset, block.caption)] });
  return [picture, caption];
}

function pageBreak(preset: Preset): Paragraph {
  // The break's paragraph ends on the new page; an exact 1-twip line keeps it from taking a line there.
  const run = runStyle(preset, preset.body);
  return new Paragraph({
    style: STYLE.signature,
    spacing: { line: 20, lineRule: 'exact', before: 0, after: 0 },
    children: [new TextRun({ ...run, children: [new PageBreak()] })],
  });
}

/** Every block of the document as docx paragraphs, tables as placeholder paragraphs (numbered by block index). */
export function blockChildren(preset: Preset, doc: PrintDocument): FileChild[] {
  const heading = headingNumberer(preset);
  const width = textWidth(preset, doc.orientation);
  const children: FileChild[] = [];
  doc.blocks.forEach((block: Block, index) => {
    switch (block.kind) {
      case 'title':
        return void children.push(title(preset, block.lines));
      case 'subtitle':
        return void children.push(subtitle(preset, block.text));
      case 'heading':
        return void children.push(heading(block.level, block.text, block.rest));
      case 'paragraph':
        return void children.push(paragraphBlock(preset, block));
      case 'blank':
        return void children.push(blankLine(preset));
      case 'table':
        return void children.push(new Paragraph({ children: [new TextRun(tablePlaceholder(index))] }));
      case 'signature':
        return void children.push(...signatureBlock(preset, block.signer, block.date));
      case 'fillLine':
        return void children.push(signatureLine(preset, block.labels, width, textStyle(preset, block.style)));
      case 'splitLine':
        return void children.push(splitLine(preset, block.left, block.right, width, textStyle(preset, block.style)));
      case 'note':
        return void children.push(note(preset, block.text, textStyle(preset, block.style)));
      case 'pageBreak':
        return void children.push(pageBreak(preset));
      case 'figure':
        return void children.push(...figure(preset, block));
    }
  });
  return children;
}
