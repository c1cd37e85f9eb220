/** Sections and the document: page setup of a preset, styles, footers, and packing to bytes. */
import { Document, DocumentGridType, Footer, Paragraph, Packer, PageOrientation, type FileChild, type ISectionOptions } from 'docx';
import { pageNumberFooters } from './footers';
import { margins, type Orientation, type PageNumberStyle, type Preset } from '../../../shared/documents/presets';
import { presetStyles, STYLE } from './styles';
import { A4 } from '../../../shared/documents/units';

export interface SectionInput {
  children: FileChild[];
  orientation?: Orientation;
  /** Page-number style; the preset's by default, `false` for no page numbers. */
  pageNumbers?: PageNumberStyle | false;
}

export interface DocumentInput {
  preset: Preset;
  sections: SectionInput[];
  /** Document properties (shown by Word under File > Info). */
  title?: string;
}

/** Page size, orientation, margins and document grid of a section. */
export function sectionProperties(preset: Preset, orientation: Orientation = 'portrait'): ISectionOptions['properties'] {
  return {
    page: {
      size: {
        width: A4.width,
        height: A4.height,
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { ...margins(preset, orientation), gutter: 0 },
    },
    grid: preset.linePitch
      ? { type: DocumentGridType.LINES, linePitch: preset.linePitch }
      : { type: DocumentGridType.DEFAULT, linePitch: 312 },
  };
}

function section(preset: Preset, input: SectionInput): { options: ISectionOptions; evenAndOdd: boolean } {
  const numbers = input.pageNumbers === false ? null : pageNumberFooters(preset, input.pageNumbers);
  return {
    options: {
      properties: sectionProperties(preset, input.orientation),
      // Without footers of its own a section would show the previous section's page numbers.
      footers: numbers?.footers ?? { default: emptyFooter(), even: emptyFooter() },
      children: input.children,
    },
    evenAndOdd: numbers?.evenAndOdd ?? false,
  };
}

/**
 * A footer with nothing in it (Word wants one paragraph in every footer), in the small page-number style: a body-style
 * paragraph (31 pt exact in 表册) is taller than the footer's room, and LibreOffice would shrink the page body for it.
 */
function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: STYLE.pageNumber })] });
}

/** A Word document in `preset`: its styles, and each section's page setup and page numbers. */
export function createDocument(input: DocumentInput): Document {
  const sections = input.sections.map((s) => section(input.preset, s));
  return new Document({
    title: input.title,
    creator: '支部工作台',
    styles: presetStyles(input.preset),
    evenAndOddHeaderAndFooters: sections.some((s) => s.evenAndOdd),
    sections: sections.map((s) => s.options),
  });
}

export function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
