/**
 * Word-document test helpers: LibreOffice conversion to PDF (with test fonts mapped by fontconfig), poppler text and
 * page images, and an independent read-back with python-docx (Debian's, under /usr/bin/python3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from 'docx';
import { toBuffer } from '../../main/documents/kit';

const HERE = dirname(fileURLToPath(import.meta.url));
export const FONTCONFIG_FILE = join(HERE, 'fonts.conf');
const SYSTEM_PYTHON = '/usr/bin/python3';

let profileDir: string | null = null;

/** One LibreOffice profile per test file: created on first use, reused by later conversions. */
function loProfile(): string {
  profileDir ??= mkdtempSync(join(tmpdir(), `lo-profile-${process.pid}-`));
  return profileDir;
}

/** Removes the LibreOffice profile; call it in afterAll. */
export function releaseLibreOffice(): void {
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  profileDir = null;
}

/** tests/output/documents/NAME, emptied: the documents, their PDFs and page images stay there to be looked at. */
export function outputDir(name: string): string {
  const dir = join(HERE, '..', 'output', 'documents', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function saveFile(dir: string, name: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Converts a .docx file to PDF with LibreOffice (next to it unless `outDir` is given); returns the PDF's path. */
export function docxToPdf(file: string, outDir?: string): string {
  return docxToPdfMany([file], outDir)[0]!;
}

/** Converts several .docx files to PDF in one LibreOffice run (one start-up); returns the PDF paths in the same order. */
export function docxToPdfMany(files: string[], outDir?: string): string[] {
  const list = files.map((f) => resolve(f));
  const dir = outDir ?? dirname(list[0]!);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${loProfile()}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...list],
    { env: { ...process.env, FONTCONFIG_FILE }, stdio: 'pipe', timeout: 120_000 },
  );
  return list.map((f) => join(dir, basename(f).replace(/\.docx$/i, '.pdf')));
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** The text of the PDF, one string per page (pdftotext, optionally with -layout). */
export function pdfPages(pdf: string, o: { layout?: boolean } = {}): string[] {
  const args = [...(o.layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'];
  const text = execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export function pdfText(pdf: string, o: { layout?: boolean } = {}): string {
  return pdfPages(pdf, o).join('\f');
}

export interface PdfWord {
  page: number;
  text: string;
  /** Points from the page's top-left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word pdftotext finds, with its box (pdftotext -bbox). */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const words: PdfWord[] = [];
  html.split(/<page /).slice(1).forEach((pageHtml, i) => {
    const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const m of pageHtml.matchAll(re)) {
      words.push({ page: i + 1, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
    }
  });
  return words;
}

/** The fonts the PDF embeds (pdffonts), e.g. "NotoSerifCJKsc-Regular". */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return out.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

/** Renders every page to PNG at 60 dpi: PREFIX-1.png, PREFIX-2.png … (pdftoppm pads the numbers for long documents). */
export function renderPages(pdf: string, prefix: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
}

export interface DocxFonts {
  ascii: string | null;
  hAnsi: string | null;
  eastAsia: string | null;
  cs: string | null;
}

export interface DocxRun {
  text: string;
  fonts: DocxFonts;
  /** Points. */
  size: number | null;
  bold: boolean | null;
  /** Twips (w:spacing on the run). */
  spacing: number | null;
}

export interface DocxParagraph {
  text: string;
  style: string | null;
  alignment: string | null;
  runs: DocxRun[];
}

export interface DocxStyle {
  id: string;
  name: string;
  fonts: DocxFonts;
  size: number | null;
  bold: boolean | null;
  spacing: number | null;
  lineSpacing: number | null;
  lineRule: string | null;
  firstLineChars: number | null;
}

export interface DocxTable {
  rows: string[][];
  headerRows: boolean[];
  cantSplit: boolean[];
  /** Twips, from w:tblGrid. */
  columnWidths: number[];
}

export interface DocxSection {
  /** Twips. */
  pageWidth: number;
  pageHeight: number;
  orientation: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  grid: { type: string | null; linePitch: number | null };
  /** Footer text without field results, e.g. "—  —" around a PAGE field; null when it is the previous section's. */
  footer: string | null;
  /** w:jc of the footer's first paragraph: "left", "right", "center" … */
  footerAlignment: string | null;
  evenFooter: string | null;
  evenFooterAlignment: string | null;
}

export interface DocxContent {
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  sections: DocxSection[];
  styles: Record<string, DocxStyle>;
  evenAndOddHeaders: boolean;
}

const READ_DOCX = String.raw`
import json, sys
import docx
from docx.oxml.ns import qn
from docx.enum.section import WD_ORIENT

EMU_PER_TWIP = 635

def twips(v):
    return None if v is None else round(v / EMU_PER_TWIP)

def fonts(rpr):
    out = {'ascii': None, 'hAnsi': None, 'eastAsia': None, 'cs': None}
    if rpr is None: return out
    rf = rpr.find(qn('w:rFonts'))
    if rf is None: return out
    for k in out: out[k] = rf.get(qn('w:' + k))
    return out

def val(el, tag, attr='w:val'):
    if el is None: return None
    child = el.find(qn(tag))
    return None if child is None else child.get(qn(attr))

def num(v):
    return None if v is None else int(v)

def on_off(el, tag):
    if el is None: return None
    child = el.find(qn(tag))
    if child is None: return None
    v = child.get(qn('w:val'))
    return v not in ('0', 'false', 'off')

def run_info(r):
    rpr = r._r.rPr
    size = val(rpr, 'w:sz')
    return {'text': r.text, 'fonts': fonts(rpr), 'size': None if size is None else int(size) / 2,
            'bold': on_off(rpr, 'w:b'), 'spacing': num(val(rpr, 'w:spacing'))}

def para_info(p):
    return {'text': p.text, 'style': p.style.style_id if p.style is not None else None,
            'alignment': None if p.alignment is None else str(p.alignment), 'runs': [run_info(r) for r in p.runs]}

def style_info(s):
    rpr = s.element.rPr
    ppr = s.element.pPr
    size = val(rpr, 'w:sz')
    return {'id': s.style_id, 'name': s.name, 'fonts': fonts(rpr), 'size': None if size is None else int(size) / 2,
            'bold': on_off(rpr, 'w:b'), 'spacing': num(val(rpr, 'w:spacing')),
            'lineSpacing': num(val(ppr, 'w:spacing', 'w:line')), 'lineRule': val(ppr, 'w:spacing', 'w:lineRule'),
            'firstLineChars': num(val(ppr, 'w:ind', 'w:firstLineChars'))}

def table_info(t):
    rows, header, cant = [], [], []
    for tr in t._tbl.tr_lst:
        trpr = tr.trPr
        header.append(bool(on_off(trpr, 'w:tblHeader')))
        cant.append(bool(on_off(trpr, 'w:cantSplit')))
        rows.append([''.join(node.text or '' for node in tc.iter(qn('w:t'))) for tc in tr.tc_lst])
    grid = [int(g.get(qn('w:w'))) for g in t._tbl.tblGrid.iter(qn('w:gridCol'))]
    return {'rows': rows, 'headerRows': header, 'cantSplit': cant, 'columnWidths': grid}

def footer_text(f):
    return None if f is None or f.is_linked_to_previous else '\n'.join(p.text for p in f.paragraphs)

def footer_align(f):
    if f is None or f.is_linked_to_previous or not f.paragraphs: return None
    jc = f.paragraphs[0]._p.pPr.find(qn('w:jc')) if f.paragraphs[0]._p.pPr is not None else None
    return None if jc is None else jc.get(qn('w:val'))

def section_info(s):
    grid = s._sectPr.find(qn('w:docGrid'))
    return {'pageWidth': twips(s.page_width), 'pageHeight': twips(s.page_height),
            'orientation': 'landscape' if s.orientation == WD_ORIENT.LANDSCAPE else 'portrait',
            'margins': {'top': twips(s.top_margin), 'bottom': twips(s.bottom_margin), 'left': twips(s.left_margin),
                        'right': twips(s.right_margin), 'header': twips(s.header_distance), 'footer': twips(s.footer_distance)},
            'grid': {'type': None if grid is None else grid.get(qn('w:type')),
                     'linePitch': None if grid is None else num(grid.get(qn('w:linePitch')))},
            'footer': footer_text(s.footer), 'footerAlignment': footer_align(s.footer),
            'evenFooter': footer_text(s.even_page_footer) if s.even_page_footer._has_definition else None,
            'evenFooterAlignment': footer_align(s.even_page_footer) if s.even_page_footer._has_definition else None}

d = docx.Document(sys.argv[1])
print(json.dumps({
    'paragraphs': [para_info(p) for p in d.paragraphs],
    'tables': [table_info(t) for t in d.tables],
    'sections': [section_info(s) for s in d.sections],
    'styles': {s.style_id: style_info(s) for s in d.styles if s.type == 1},
    'evenAndOddHeaders': bool(d.settings.odd_and_even_pages_header_footer),
}, ensure_ascii=False))
`;

/** Reads a .docx back with python-docx: paragraphs, runs and their fonts, tables, sections and paragraph styles. */
export function readDocx(file: string): DocxContent {
  const out = execFileSync(SYSTEM_PYTHON, ['-c', READ_DOCX, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as DocxContent;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const POSTS = ['队长', '指导员', '司钻', '副司钻', '井架工', '内钳工', '外钳工', '泥浆工', '机械师', '电气师', '技术员', '安全监督'];
const EDUCATION_LABELS = ['大学本科毕业', '大学专科毕业', '中等专科毕业', '普通高中毕业', '硕士研究生毕业', '技工学校毕业'];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '回族', '维吾尔族', '蒙古族', '土家族'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function idNumberFor(birth: string, serial: number, male: boolean): string {
  const seq = pad((serial * 2 + (male ? 1 : 0)) % 1000, 3);
  const first17 = `650102${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = first17.split('').reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}


export interface PrintedDocument {
  file: string;
  pdf: string;
  docx: DocxContent;
}

/**
 * Saves each document as KEY.docx in `dir`, converts them all in one LibreOffice run and reads each back with python-docx;
 * the first one's pages are also rendered as images, to be looked at.
 */
export async function printDocuments<K extends string>(dir: string, documents: Record<K, Document>): Promise<Record<K, PrintedDocument>> {
  const keys = Object.keys(documents) as K[];
  const files = await Promise.all(keys.map(async (key) => saveFile(dir, `${key}.docx`, await toBuffer(documents[key]))));
  const pdfs = docxToPdfMany(files);
  renderPages(pdfs[0]!, join(dir, keys[0]!));
  return Object.fromEntries(keys.map((key, i) => [key, { file: files[i]!, pdf: pdfs[i]!, docx: readDocx(files[i]!) }])) as Record<K, PrintedDocument>;
}
/** Deterministic members shaped like `member list --json` rows, for document tests. */
export function sampleMembers(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const male = i % 5 !== 2;
    const birth = `${1962 + (i % 40)}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;
    const joinYear = 1962 + (i % 40) + 20 + (i % 7);
    const probationary = i % 11 === 4;
    const join = `${Math.min(joinYear, 2025)}-${pad(((i * 5) % 12) + 1)}-01`;
    return {
      id: `m-${i + 1}`,
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i >= SURNAMES.length * GIVEN.length ? String(i) : ''),
      gender: male ? '男' : '女',
      ethnicity: ETHNIC[i % ETHNIC.length],
      birthDate: birth,
      idNumber: idNumberFor(birth, i, male),
      education: EDUCATION_LABELS[i % EDUCATION_LABELS.length],
      nativePlace: i % 3 === 0 ? '新疆维吾尔自治区乌鲁木齐市' : '河南省南阳市',
      category: probationary ? '预备党员' : '正式党员',
      joinDate: probationary ? '2026-03-01' : join,
      fullDate: probationary ? null : `${Number(join.slice(0, 4)) + 1}${join.slice(4)}`,
      status: '正常',
      partyGroup: `第${'一二三四'[i % 4]}党小组`,
      post: POSTS[i % POSTS.length],
      partyPost: i === 0 ? '书记' : i === 1 ? '组织委员' : '',
      phone: `139${pad(i, 8)}`,
      workUnit: '西部钻探公司第一钻井队',
      address: i % 4 === 0 ? '新疆维吾尔自治区克拉玛依市白碱滩区中兴路街道幸福小区12栋3单元502室' : '克拉玛依市准噶尔路8号',
      remark: i % 9 === 0 ? '长期在外施工' : '',
    };
  });
}
