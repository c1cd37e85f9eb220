// Calibration: lays out the fixtures, converts the stand-in docx with LibreOffice, prints page counts and first lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { layoutAll } from '../shared/documents/layout';
import { docxToPdfMany, pdfPages } from '../tests/helpers/documents';
import { officialFixture, rosterFixture, statisticsFixture } from '../tests/helpers/layoutFixtures';
import { modelToDocx } from '../tests/helpers/modelDocx';

const docs = { roster: rosterFixture(), statistics: statisticsFixture(), official: officialFixture() };
const dir = '/tmp/layout-agree';
mkdirSync(dir, { recursive: true });
const files = [];
for (const [name, doc] of Object.entries(docs)) {
  const file = `${dir}/${name}.docx`;
  writeFileSync(file, await modelToDocx(doc));
  files.push(file);
}
const pdfs = docxToPdfMany(files, dir);
Object.entries(docs).forEach(([name, doc], i) => {
  const pages = layoutAll(doc);
  const pdf = pdfPages(pdfs[i]!, { layout: true });
  console.log(`== ${name}: layout ${pages.length} pages, LibreOffice ${pdf.length}`);
  for (let p = 0; p < Math.max(pages.length, pdf.length); p++) {
    const lo = (pdf[p] ?? '').split('\n').filter((l) => l.trim()).slice(0, 3).map((l) => l.trim().replace(/\s+/g, ' '));
    console.log(`${p + 1}: L[${pages[p]?.firstLine ?? '-'}] | LO ${JSON.stringify(lo)}`);
  }
});
