/** Page-number footers: "— 1 —" (odd pages right, even pages left, as GB/T 9704 wants; or centred) or "第 1 页 共 3 页". */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { PageNumberStyle, Preset } from '../../../shared/documents/presets';
import { runStyle, STYLE } from './styles';

export interface PageFooters {
  footers: { default: Footer; even?: Footer };
  /** The document must switch on w:evenAndOddHeaders for `even` to be used. */
  evenAndOdd: boolean;
}

type Side = 'left' | 'right' | 'centre';

function numberRuns(preset: Preset, style: PageNumberStyle): TextRun[] {
  const run = runStyle(preset, preset.pageNumber);
  const plain = { ...run, characterSpacing: undefined };
  if (style === 'ofTotal') {
    return [
      new TextRun({ text: '第 ', ...plain }),
      new TextRun({ children: [PageNumber.CURRENT], ...plain }),
      new TextRun({ text: ' 页 共 ', ...plain }),
      new TextRun({ children: [PageNumber.TOTAL_PAGES], ...plain }),
      new TextRun({ text: ' 页', ...plain }),
    ];
  }
  return [
    new TextRun({ text: '— ', ...plain }),
    new TextRun({ children: [PageNumber.CURRENT], ...plain }),
    new TextRun({ text: ' —', ...plain }),
  ];
}

function footer(preset: Preset, style: PageNumberStyle, side: Side): Footer {
  const oneChar = preset.pageNumber.size * 20;
  const alignment = side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  const indent = { firstLine: 0, firstLineChars: 0, left: side === 'left' ? oneChar : 0, right: side === 'right' ? oneChar : 0 };
  return new Footer({
    children: [new Paragraph({ style: STYLE.pageNumber, alignment, indent, children: numberRuns(preset, style) })],
  });
}

/** Footers for the preset's page-number style (or the one given). */
export function pageNumberFooters(preset: Preset, style: PageNumberStyle = preset.pageNumber.style): PageFooters {
  if (style === 'dashOddEven') {
    return { footers: { default: footer(preset, style, 'right'), even: footer(preset, style, 'left') }, evenAndOdd: true };
  }
  // Even pages get the same footer, so it still shows if another section switches odd/even footers on.
  return { footers: { default: footer(preset, style, 'centre'), even: footer(preset, style, 'centre') }, evenAndOdd: false };
}
