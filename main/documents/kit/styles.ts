/** Paragraph styles of a preset, each with its fonts named for every script (w:rFonts ascii/hAnsi/eastAsia/cs). */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { runFonts } from '../../../shared/documents/fonts';
import type { Preset, TextStyle } from '../../../shared/documents/presets';
import { cellLine, halfPoints } from '../../../shared/documents/units';

export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  formTitle: 'FormTitle',
  headings: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  signature: 'Signature',
  pageNumber: 'PageNumberLine',
} as const;

/** Run properties for a text style, with the preset's character spacing. */
export function runStyle(preset: Preset, style: TextStyle) {
  return {
    font: runFonts(style.font),
    size: halfPoints(style.size),
    sizeComplexScript: halfPoints(style.size),
    bold: style.bold ?? false,
    characterSpacing: preset.body.characterSpacing || undefined,
    color: '000000',
  };
}

function exact(line: number, before = 0, after = 0) {
  return { line: Math.round(line), lineRule: LineRuleType.EXACT, before, after };
}

function bodyStyle(preset: Preset): IParagraphStyleOptions {
  return {
    id: STYLE.normal,
    name: 'Normal',
    quickFormat: true,
    run: runStyle(preset, preset.body),
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exact(preset.body.line),
      indent: { firstLineChars: preset.body.firstLineChars, firstLine: firstLineTwips(preset) },
    },
  };
}

/** The body's first-line indent in twips (for readers that ignore w:firstLineChars). */
export function firstLineTwips(preset: Preset): number {
  const charWidth = preset.body.size * 20 + preset.body.characterSpacing;
  return Math.round((charWidth * preset.body.firstLineChars) / 100);
}

function headingStyle(preset: Preset, level: 0 | 1 | 2 | 3): IParagraphStyleOptions {
  return {
    id: STYLE.headings[level],
    name: `heading ${level + 1}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: runStyle(preset, preset.headings[level]),
    paragraph: {
      keepNext: true,
      outlineLevel: level,
      spacing: exact(preset.body.line),
      indent: { firstLineChars: preset.body.firstLineChars, firstLine: firstLineTwips(preset) },
    },
  };
}

function centredStyle(preset: Preset, id: string, name: string, style: TextStyle, line: number, after: number): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    run: runStyle(preset, style),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: exact(line, 0, after),
      indent: { firstLine: 0, firstLineChars: 0 },
      keepNext: true,
    },
  };
}

function tableStyles(preset: Preset): IParagraphStyleOptions[] {
  const line = cellLine(preset.table.size);
  const cell = (id: string, name: string, bold: boolean): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE.normal,
    run: runStyle(preset, { ...preset.table, bold }),
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: exact(line),
      indent: { firstLine: 0, firstLineChars: 0 },
    },
  });
  return [cell(STYLE.tableText, 'Table Text', false), cell(STYLE.tableHeader, 'Table Header', preset.table.headerBold)];
}

function plainStyle(preset: Preset, id: string, name: string, style: TextStyle): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: STYLE.normal,
    run: runStyle(preset, style),
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, indent: { firstLine: 0, firstLineChars: 0 } },
  };
}

/** All styles of a document built with `preset`. */
export function presetStyles(preset: Preset): IStylesOptions {
  const bodyRun = runStyle(preset, preset.body);
  return {
    default: { document: { run: bodyRun, paragraph: { spacing: exact(preset.body.line) } } },
    paragraphStyles: [
      bodyStyle(preset),
      centredStyle(preset, STYLE.title, 'Title', preset.title, preset.title.line, preset.title.after),
      centredStyle(preset, STYLE.subtitle, 'Subtitle', { font: preset.body.font, size: preset.table.size }, preset.body.line, 0),
      centredStyle(preset, STYLE.formTitle, 'Form Title', preset.formTitle, preset.body.line, 0),
      headingStyle(preset, 0),
      headingStyle(preset, 1),
      headingStyle(preset, 2),
      headingStyle(preset, 3),
      ...tableStyles(preset),
      { ...plainStyle(preset, STYLE.signature, 'Signature', preset.body), paragraph: { spacing: exact(preset.body.line), indent: { firstLine: 0, firstLineChars: 0 } } },
      plainStyle(preset, STYLE.pageNumber, 'Page Number Text', preset.pageNumber),
    ],
  };
}
