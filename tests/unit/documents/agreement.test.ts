/**
 * Preview against LibreOffice (issue 9): the layout engine's pages and LibreOffice's pages of the .docx renderDocx writes
 * from the same document have the same count and the same first line on every page (whitespace and page numbers left
 * out; repeated table headers left out on both sides). The three documents: the default roster of a seeded
 * 300-member branch, the statistics table of 30 party groups and the ~20-page 公文 sample, from their real builders;
 * and the statistics table of 60 groups, which runs onto a second page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents';
import { layoutAll } from '../../../shared/documents/layout';
import type { PrintDocument } from '../../../shared/documents/model';
import { agreementDocuments, headerCells, layoutFirstLines, pdfFirstLines } from '../../helpers/agreementDocuments';
import { docxToPdfMany, outputDir, pdfPages, releaseLibreOffice, renderPages, saveFile } from '../../helpers/documents';

const docs = agreementDocuments();
const names = Object.keys(docs) as (keyof typeof docs)[];
const lo = new Map<string, string[]>();

beforeAll(async () => {
  const dir = outputDir('agreement');
  const files = [];
  for (const name of names) files.push(saveFile(dir, `${name}.docx`, await renderDocx(docs[name])));
  const pdfs = docxToPdfMany(files);
  names.forEach((name, i) => {
    lo.set(name, pdfFirstLines(pdfPages(pdfs[i]!, { layout: true }), headerCells(docs[name])));
    renderPages(pdfs[i]!, `${dir}/${name}`);
  });
}, 180_000);
afterAll(releaseLibreOffice);

function compare(doc: PrintDocument, libreOffice: string[]) {
  const preview = layoutFirstLines(layoutAll(doc));
  const differing = preview.flatMap((line, i) => (line === libreOffice[i] ? [] : [`page ${i + 1}: preview “${line}”, LibreOffice “${libreOffice[i] ?? '(none)'}”`]));
  return { pages: [preview.length, libreOffice.length], differing };
}

describe('the preview paginates as LibreOffice does', () => {
  it.each([
    ['roster', 'the default roster of 300 members', 15],
    ['statistics', 'the statistics table of 30 party groups', 1],
    ['official', 'the 公文 sample', 18],
    ['statistics60', 'the statistics table of 60 party groups, run onto a second page', 2],
  ] as const)('%s: %s, same page count and first line on every page', (name, _what, atLeast) => {
    const { pages, differing } = compare(docs[name], lo.get(name)!);
    expect(pages[0]).toBe(pages[1]);
    expect(pages[0]).toBeGreaterThanOrEqual(atLeast);
    expect(differing).toEqual([]);
  });

  it('compares lines with text in them: no page of either side reads as empty', () => {
    for (const name of names) {
      for (const line of lo.get(name)!) expect(line, name).not.toBe('');
      for (const line of layoutFirstLines(layoutAll(docs[name]))) expect(line, name).not.toBe('');
    }
  });

  it('leaves the repeated header out on the roster’s later pages, on both sides', () => {
    const header = headerCells(docs.roster).join('');
    const later = lo.get('roster')!.slice(1);
    expect(later.length).toBeGreaterThan(0);
    for (const line of later) expect(line).not.toBe(header);
    for (const line of layoutFirstLines(layoutAll(docs.roster)).slice(1)) expect(line).not.toBe(header);
  });
});
