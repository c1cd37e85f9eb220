/**
 * Rewrites the package docx packed: each placeholder paragraph in word/document.xml (a table's, or a part's of a long
 * document) is replaced by its XML, streamed into the zip in chunks (yazl deflates as it goes), and styles.xml loses
 * every theme font.
 */
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** What a placeholder paragraph stands for: a table (by its block index) or a part of a long document (by its number). */
export interface Placeholder {
  kind: 'table' | 'part';
  index: number;
}

/** The XML of a placeholder, in chunks. */
export type PlaceholderSource = (placeholder: Placeholder) => Iterable<string> | AsyncIterable<string>;

const PLACEHOLDER = /@@BRANCH-DESK-(TABLE|PART)-(\d+)@@/g;
const FIXED_TIME = new Date(2000, 0, 1);

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => (err || !zip ? reject(err ?? new Error('无法读取 Word 文件')) : resolve(zip)));
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error(`无法读取 ${entry.fileName}`));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

async function readEntries(buffer: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await openZip(buffer);
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      readEntry(zip, entry)
        .then((data) => {
          entries.push({ name: entry.fileName, data });
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
  return entries;
}

/** The paragraph around each placeholder: document.xml split into text and placeholders. */
export function splitAtPlaceholders(xml: string): (string | Placeholder)[] {
  const parts: (string | Placeholder)[] = [];
  let from = 0;
  for (const m of xml.matchAll(PLACEHOLDER)) {
    const start = Math.max(xml.lastIndexOf('<w:p>', m.index), xml.lastIndexOf('<w:p ', m.index));
    const end = xml.indexOf('</w:p>', m.index) + '</w:p>'.length;
    parts.push(xml.slice(from, start), { kind: m[1] === 'PART' ? 'part' : 'table', index: Number(m[2]) });
    from = end;
  }
  parts.push(xml.slice(from));
  return parts;
}

async function* documentChunks(xml: string, source: PlaceholderSource): AsyncGenerator<Buffer> {
  for (const part of splitAtPlaceholders(xml)) {
    if (typeof part === 'string') yield Buffer.from(part, 'utf8');
    else for await (const chunk of source(part)) yield Buffer.from(chunk, 'utf8');
  }
}

/** The body of a packed document.xml, without its section properties: the paragraphs of a part. */
export async function packedBody(packed: Buffer): Promise<string> {
  const entry = (await readEntries(packed)).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('Word 文件缺少 word/document.xml');
  const xml = entry.data.toString('utf8');
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  return xml.slice(start, xml.lastIndexOf('<w:sectPr'));
}

/** docx's styles name theme fonts (w:asciiTheme …) in places; WPS then reports a missing theme font. */
export function withoutThemeFonts(xml: string): string {
  return xml.replace(/\s+w:(?:ascii|hAnsi|eastAsia|cs)Theme="[^"]*"/g, '');
}

/** The theme's font scheme names `font` (docx writes Calibri and 等线), so nothing falls back to a theme face. */
export function themeWithFont(xml: string, font: string): string {
  const name = font.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return xml
    .replace(/<a:latin typeface="[^"]*"( panose="[^"]*")?/g, `<a:latin typeface="${name}"`)
    .replace(/<a:ea typeface="[^"]*"/g, `<a:ea typeface="${name}"`)
    .replace(/<a:font script="Hans" typeface="[^"]*"/g, `<a:font script="Hans" typeface="${name}"`);
}

/**
 * Paragraph defaults the layout engine assumes: no widow and orphan control (公文 pages keep all 22 lines; Word leaves
 * it off when unsaid, LibreOffice turns it on), no hanging punctuation, and no extra space between Chinese and Latin
 * text or digits (Word's and LibreOffice's autospace), so lines break where the preview breaks them.
 */
export function withParagraphDefaults(styles: string): string {
  return styles.replace(
    '<w:pPrDefault><w:pPr>',
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>',
  );
}

/**
 * Table text keeps its exact line height on the 公文 line grid: LibreOffice would otherwise snap every cell line to a
 * whole grid line (579 twips), where Word and the layout engine set it at the table line (1.25 × the size).
 */
export function withTableTextOffGrid(styles: string): string {
  return styles.replace(/(<w:style [^>]*w:styleId="(?:TableText|TableHeader)"[^>]*>.*?<w:pPr>)(.*?)(<w:spacing )/gs, '$1$2<w:snapToGrid w:val="0"/>$3');
}

/** docx writes page breaks as bare runs; they name the body font like every other run. */
export function withFontOnBreaks(xml: string, font: string): string {
  const name = font.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const rPr = `<w:rPr><w:rFonts w:ascii="${name}" w:hAnsi="${name}" w:eastAsia="${name}" w:cs="${name}"/></w:rPr>`;
  return xml.replaceAll('<w:r><w:br w:type="page"/></w:r>', `<w:r>${rPr}<w:br w:type="page"/></w:r>`);
}

/** document.xml's text as it goes into the package: page breaks in the body font, no theme fonts. */
export function documentText(xml: string, font: string): string {
  return withFontOnBreaks(withoutThemeFonts(xml), font);
}

function rewritten(name: string, xml: string, font: string): string {
  if (name === 'word/styles.xml') return withTableTextOffGrid(withParagraphDefaults(withoutThemeFonts(xml)));
  if (name.startsWith('word/theme/')) return themeWithFont(xml, font);
  return withoutThemeFonts(xml);
}

/** The package with every placeholder replaced by its XML, and no theme fonts anywhere. */
export async function splice(packed: Buffer, source: PlaceholderSource, font: string): Promise<Buffer> {
  const entries = await readEntries(packed);
  const zip = new yazl.ZipFile();
  for (const { name, data } of entries) {
    const options = { mtime: FIXED_TIME, compress: true };
    if (name === 'word/document.xml') {
      zip.addReadStream(Readable.from(documentChunks(documentText(data.toString('utf8'), font), source), { objectMode: false }), name, options);
    } else if (name.endsWith('.xml') && name.startsWith('word/')) {
      zip.addBuffer(Buffer.from(rewritten(name, data.toString('utf8'), font), 'utf8'), name, options);
    } else {
      zip.addBuffer(data, name, options);
    }
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
