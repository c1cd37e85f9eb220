// Calibration: lays out the three agreement documents, converts their renderDocx .docx with LibreOffice, and prints
// page counts and first lines side by side (L = layout engine, LO = LibreOffice, * = first lines differ).
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderDocx } from '../main/documents';
import { layoutAll } from '../shared/documents/layout';
import { agreementDocuments, headerCells, layoutFirstLines, pdfFirstLines } from '../tests/helpers/agreementDocuments';
import { docxToPdfMany, pdfPages, releaseLibreOffice } from '../tests/helpers/documents';

const docs = agreementDocuments();
const dir = process.argv[2] ?? '/tmp/layout-agree';
mkdirSync(dir, { recursive: true });
const files: string[] = [];
for (const [name, doc] of Object.entries(docs)) {
  const file = `${dir}/${name}.docx`;
  writeFileSync(file, await renderDocx(doc));
  files.push(file);
}
const pdfs = docxToPdfMany(files, dir);
releaseLibreOffice();
Object.entries(docs).forEach(([name, doc], i) => {
  const laid = layoutFirstLines(layoutAll(doc));
  const lo = pdfFirstLines(pdfPages(pdfs[i]!, { layout: true }), headerCells(doc));
  const mismatches = laid.filter((l, p) => l !== lo[p]).length;
  console.log(`== ${name}: layout ${laid.length} pages, LibreOffice ${lo.length}; first-line mismatches ${mismatches}`);
  for (let p = 0; p < Math.max(laid.length, lo.length); p++) {
    const mark = laid[p] === lo[p] ? ' ' : '*';
    console.log(`${mark}${p + 1}: L[${laid[p] ?? '-'}]\n     LO[${lo[p] ?? '-'}]`);
  }
});
