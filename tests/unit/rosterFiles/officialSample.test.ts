/** The 公文 sample the preview-vs-LibreOffice agreement test uses: about 20 pages, every block kind it needs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents';
import { layoutAll } from '../../../shared/documents/layout';
import { docxToPdf, outputDir, pdfPageCount, releaseLibreOffice, renderPages, saveFile } from '../../helpers/documents';
import { officialSample } from '../../helpers/officialSample';

describe('the 公文 sample', () => {
  const doc = officialSample();
  let pdf: string;

  beforeAll(async () => {
    const dir = outputDir('official-sample');
    pdf = docxToPdf(saveFile(dir, 'report.docx', await renderDocx(doc)));
    renderPages(pdf, `${dir}/report`);
  }, 120_000);
  afterAll(releaseLibreOffice);

  it('is the same data on every call and uses four heading levels, a table, a signature and a page break', () => {
    expect(officialSample()).toEqual(doc);
    expect(doc.preset).toBe('official');
    const levels = new Set(doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])));
    expect([...levels].sort()).toEqual([1, 2, 3, 4]);
    for (const kind of ['title', 'paragraph', 'table', 'signature', 'pageBreak', 'note']) expect(doc.blocks.some((b) => b.kind === kind), kind).toBe(true);
  });

  it('runs to about 20 pages in the layout engine and in LibreOffice', () => {
    const laid = layoutAll(doc).length;
    expect(laid).toBeGreaterThanOrEqual(18);
    expect(laid).toBeLessThanOrEqual(23);
    // Agreement page by page is the layout branch's test; here only that LibreOffice opens it at about that length.
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(18);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(28);
  });
});
