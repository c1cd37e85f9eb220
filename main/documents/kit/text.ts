/** Paragraph helpers: title, body paragraph, numbered headings, date lines, signature blocks. */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { formatChineseDate } from '../../../shared/domain/dates';
import { textEm } from './autofit';
import { HeadingCounter, type HeadingDepth } from './numerals';
import type { Preset, TextStyle } from './presets';
import { runStyle, STYLE } from './styles';

/** A run that names its fonts itself too, so the text keeps them when pasted into another document. */
export function textRun(preset: Preset, text: string, style: TextStyle = preset.body): TextRun {
  return new TextRun({ text, ...runStyle(preset, style) });
}

/** The document title: 2号方正小标宋简体, centred; `lines` breaks a long title where the caller chooses. */
export function title(preset: Preset, text: string | string[]): Paragraph {
  const lines = Array.isArray(text) ? text : [text];
  return new Paragraph({
    style: STYLE.title,
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...runStyle(preset, preset.title) })),
  });
}

/** A form's heading (黑体 3号, centred), as tables and record sheets use. */
export function formTitle(preset: Preset, text: string): Paragraph {
  return new Paragraph({ style: STYLE.formTitle, children: [textRun(preset, text, preset.formTitle)] });
}

/** A centred line under a title, such as "截至2026年11月25日". */
export function subtitle(preset: Preset, text: string): Paragraph {
  return new Paragraph({ style: STYLE.subtitle, children: [textRun(preset, text, { font: preset.body.font, size: preset.table.size })] });
}

/** A body paragraph: first line indented two characters. */
export function paragraph(preset: Preset, text: string): Paragraph {
  return new Paragraph({ style: STYLE.normal, children: [textRun(preset, text)] });
}

/** An empty body line (one grid row in the 公文 preset). */
export function blankLine(preset: Preset): Paragraph {
  return new Paragraph({ style: STYLE.normal, children: [textRun(preset, '')] });
}

/**
 * Numbered headings for one document (restarted by `reset()` at each title). `heading(1, '主要工作')` gives "一、主要工作" in 黑体; level 2 "（一）" in 楷体,
 * levels 3–4 "1." and "（1）" in 仿宋. `rest` continues the paragraph in body text after a run-in heading.
 */
export function headingNumberer(preset: Preset) {
  const counter = new HeadingCounter();
  const heading = (level: HeadingDepth, text: string, rest?: string): Paragraph => {
    const style = preset.headings[level - 1];
    const children = [textRun(preset, counter.next(level) + text, style)];
    if (!rest) return new Paragraph({ style: STYLE.headings[level - 1], children });
    // A run-in heading is a body paragraph: kept with the next one it would chain whole paragraphs across pages.
    children.push(textRun(preset, rest));
    return new Paragraph({ style: STYLE.headings[level - 1], keepNext: false, children });
  };
  // A title starts the numbering again (several letters in one document), as the layout engine does.
  return Object.assign(heading, { reset: () => counter.reset() });
}

/** A date written the official way: 2026年11月25日. */
export function chineseDate(date: string): string {
  return formatChineseDate(date);
}

/** Character width of the body font, in twips (condensed by the preset's character spacing). */
export function bodyCharWidth(preset: Preset): number {
  return preset.body.size * 20 + preset.body.characterSpacing;
}

/**
 * The signer and the date under the body (GB/T 9704 7.3.5.1): the date right-aligned four characters in from the
 * right margin, the signer centred over it. A blank line separates it from the text above.
 */
export function signatureBlock(preset: Preset, signer: string, date: string): Paragraph[] {
  const dateText = chineseDate(date);
  const char = bodyCharWidth(preset);
  const dateIndent = 4 * char;
  const signerIndent = Math.max(0, dateIndent + ((textEm(dateText) - textEm(signer)) * char) / 2);
  const right = (text: string, indent: number) =>
    new Paragraph({
      style: STYLE.signature,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indent), firstLine: 0, firstLineChars: 0 },
      children: [textRun(preset, text)],
    });
  return [blankLine(preset), right(signer, signerIndent), right(dateText, dateIndent)];
}

/**
 * A line of labels to sign or fill by hand, e.g. ["填表人：", "审核人（书记）：", "填报日期："], spread evenly
 * across the text width with left tab stops.
 */
export function signatureLine(preset: Preset, labels: string[], width: number, style: TextStyle = preset.body): Paragraph {
  const step = Math.floor(width / labels.length);
  const children: TextRun[] = [];
  labels.forEach((label, i) => {
    if (i > 0) children.push(new TextRun({ text: '\t', ...runStyle(preset, style) }));
    children.push(textRun(preset, label, style));
  });
  return new Paragraph({
    style: STYLE.signature,
    tabStops: labels.slice(1).map((_, i) => ({ type: 'left', position: step * (i + 1) })),
    children,
  });
}

/** One line with text at the left margin and text flush right (a right tab at `width`), e.g. 填报单位 … 截至日期. */
export function splitLine(preset: Preset, left: string, right: string, width: number, style: TextStyle = preset.body): Paragraph {
  return new Paragraph({
    style: STYLE.signature,
    tabStops: [{ type: 'right', position: width }],
    children: [textRun(preset, left, style), new TextRun({ text: '\t', ...runStyle(preset, style) }), textRun(preset, right, style)],
  });
}

/** A plain unindented line in the given style, e.g. a note under a table. */
export function note(preset: Preset, text: string, style: TextStyle = preset.body): Paragraph {
  return new Paragraph({ style: STYLE.signature, children: [textRun(preset, text, style)] });
}
