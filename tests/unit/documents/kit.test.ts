/** The kit's page setup, styles and fonts, read back by python-docx, and the 公文 grid measured in LibreOffice's PDF. */
import { Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDocument,
  dataTable,
  fitColumns,
  fitWidths,
  formTitle,
  headingNumberer,
  mm,
  OFFICIAL,
  paragraph,
  RECORD,
  signatureBlock,
  textEm,
  textWidth,
  title,
  toBuffer,
} from '../../../main/documents/kit';
import { pdfFonts, pdfPageCount, pdfPages, printDocuments, releaseLibreOffice, pdfWords, readDocx, outputDir, saveFile, type PrintedDocument } from '../../helpers/documents';
import { measureTextSafe } from '../../../shared/documents/metrics';

const GRID_TEXT = '党支部工作台组织生活会议记录民主评议学习教育主题党日活动发展对象培养考察';

function officialNotice() {
  const p = OFFICIAL;
  const h = headingNumberer(p);
  const long = Array.from({ length: 400 }, (_, i) => GRID_TEXT[i % GRID_TEXT.length]).join('');
  return createDocument({
    preset: p,
    title: '通知',
    sections: [
      {
        children: [
          title(p, '关于开展2026年度民主评议党员工作的通知'),
          paragraph(p, '各党小组：'),
          h(1, '评议范围'),
          paragraph(p, '支部全体正式党员和预备党员。'),
          h(2, '时间安排'),
          h(3, '学习教育。', '12月1日至12月10日，集中学习党章。'),
          h(4, '个人自评。'),
          h(1, '工作要求'),
          paragraph(p, long),
          paragraph(p, long),
          ...signatureBlock(p, '中共某某钻井队党支部', '2026-11-25'),
        ],
      },
    ],
  });
}

/** A page and a half of body text without indents: the grid shows as full lines. */
function gridPage() {
  const text = Array.from({ length: 28 * 33 }, (_, i) => GRID_TEXT[i % GRID_TEXT.length]).join('');
  return createDocument({
    preset: OFFICIAL,
    sections: [{ children: [new Paragraph({ indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(text)] })] }],
  });
}

function recordForm() {
  const p = RECORD;
  const width = textWidth(p, 'landscape');
  const widths = fitWidths([1, 3, 2], width);
  return createDocument({
    preset: p,
    sections: [
      {
        orientation: 'landscape',
        children: [
          formTitle(p, '党员大会会议记录'),
          dataTable(p, { columns: ['序号', '议题', '表决情况'].map((header, i) => ({ header, width: widths[i]! })), rows: [['1', '接收预备党员', '同意 30 票']] }),
        ],
      },
    ],
  });
}

let dir: string;
let notice: PrintedDocument;
let grid: PrintedDocument;
let record: PrintedDocument;

beforeAll(async () => {
  dir = outputDir('kit');
  ({ notice, grid, record } = await printDocuments(dir, { notice: officialNotice(), grid: gridPage(), record: recordForm() }));
});

afterAll(releaseLibreOffice);

describe('公文 (GB/T 9704) preset, read back by python-docx', () => {
  it('sets A4 portrait with margins 37/35/28/26 mm and a line grid of 579 twips', () => {
    const s = notice.docx.sections[0]!;
    expect([s.pageWidth, s.pageHeight, s.orientation]).toEqual([11906, 16838, 'portrait']);
    expect(s.margins).toMatchObject({ top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) });
    expect(s.grid).toEqual({ type: 'lines', linePitch: 579 });
  });

  it('names 仿宋_GB2312 for every script on the Normal style, 16 pt, exact 579, condensed 0.25 pt, indent 2 characters', () => {
    const normal = notice.docx.styles.Normal!;
    expect(normal.fonts).toEqual({ ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312', eastAsia: '仿宋_GB2312', cs: '仿宋_GB2312' });
    expect([normal.size, normal.lineSpacing, normal.lineRule, normal.spacing, normal.firstLineChars]).toEqual([16, 579, 'exact', -5, 200]);
  });

  it('gives the title and each heading level its own font', () => {
    const east = (id: string) => notice.docx.styles[id]?.fonts.eastAsia;
    expect([east('Title'), east('Heading1'), east('Heading2'), east('Heading3'), east('Heading4')]).toEqual([
      '方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312',
    ]);
    expect(notice.docx.styles.Title!.size).toBe(22);
  });

  it('numbers headings and names the fonts on the runs too', () => {
    const byText = (start: string) => notice.docx.paragraphs.find((p) => p.text.startsWith(start))!;
    expect(byText('一、评议范围').style).toBe('Heading1');
    expect(byText('一、评议范围').runs[0]!.fonts.eastAsia).toBe('黑体');
    expect(byText('（一）时间安排').runs[0]!.fonts.eastAsia).toBe('楷体_GB2312');
    expect(byText('1.学习教育。').runs.map((r) => r.fonts.eastAsia)).toEqual(['仿宋_GB2312', '仿宋_GB2312']);
    expect(byText('（1）个人自评。').style).toBe('Heading4');
    expect(byText('二、工作要求').style).toBe('Heading1');
    const title = notice.docx.paragraphs[0]!;
    expect(title.runs[0]!.fonts).toMatchObject({ ascii: '方正小标宋简体', eastAsia: '方正小标宋简体' });
    expect(title.runs[0]!.size).toBe(22);
  });

  it('dates the signature block 2026年11月25日', () => {
    expect(notice.docx.paragraphs.at(-1)!.text).toBe('2026年11月25日');
    expect(notice.docx.paragraphs.at(-2)!.text).toBe('中共某某钻井队党支部');
  });

  it('has odd and even footers "— N —", odd on the right and even on the left', () => {
    const s = notice.docx.sections[0]!;
    expect(notice.docx.evenAndOddHeaders).toBe(true);
    expect([s.footer, s.footerAlignment]).toEqual(['—  —', 'right']);
    expect([s.evenFooter, s.evenFooterAlignment]).toEqual(['—  —', 'left']);
  });
});

describe('公文 preset in LibreOffice', () => {
  it('lays out 28 characters a line and 22 lines a page', () => {
    const [first, second] = pdfPages(grid.pdf, { layout: true });
    const lines = first!.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.includes('—'));
    expect(lines).toHaveLength(22);
    for (const line of lines) expect([...line]).toHaveLength(28);
    // 33 lines of text: 22 on the first page, the other 11 on the second.
    const rest = second!.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.includes('—'));
    expect(rest).toHaveLength(11);
  });

  it('spaces the lines 28.95 pt apart inside the 225 mm type area', () => {
    const tops = pdfWords(grid.pdf).filter((w) => w.page === 1 && w.text.length === 28).map((w) => w.yMin);
    expect(tops).toHaveLength(22);
    const pitches = tops.slice(1).map((y, i) => y - tops[i]!);
    for (const pitch of pitches) expect(pitch).toBeCloseTo(579 / 20, 0);
    const topMargin = (37 / 25.4) * 72;
    expect(tops[0]).toBeGreaterThan(topMargin);
    expect(tops[0]).toBeLessThan(topMargin + 10);
  });

  it('reaches LibreOffice with a distinct face for title, 黑体, 楷体 and 仿宋 (through the test font mapping)', () => {
    const fonts = pdfFonts(notice.pdf).join(' ');
    expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/);
    expect(fonts).toMatch(/NotoSerifCJK\w*-Regular/);
    expect(fonts).toMatch(/NotoSansCJK/);
    expect(fonts).toMatch(/WenKai/);
  });

  it('indents body paragraphs and every heading level by two characters', () => {
    const left = (28 / 25.4) * 72;
    const starts = ['各党小组：', '一、评议范围', '（一）时间安排', '1.学习教育。', '（1）个人自评。'].map(
      (text) => pdfWords(notice.pdf).find((w) => w.page === 1 && w.text.startsWith(text.slice(0, 4)))!.xMin,
    );
    for (const x of starts) expect(x - left).toBeCloseTo(2 * 15.75, 0);
  });

  it('sets the date four characters in from the right, the signer centred over it', () => {
    const words = pdfWords(notice.pdf);
    const signer = words.find((w) => w.text === '中共某某钻井队党支部')!;
    const dateWords = words.filter((w) => w.page === signer.page && Math.abs(w.yMin - signer.yMin - 579 / 20) < 2);
    const dateLeft = Math.min(...dateWords.map((w) => w.xMin));
    const dateRight = Math.max(...dateWords.map((w) => w.xMax));
    const rightEdge = 595.3 - (26 / 25.4) * 72;
    expect(dateWords.map((w) => w.text).join('')).toBe('2026年11月25日');
    expect(rightEdge - dateRight).toBeCloseTo(4 * 15.75, -1);
    expect(Math.abs((signer.xMin + signer.xMax) / 2 - (dateLeft + dateRight) / 2)).toBeLessThan(10);
  });

  it('puts page numbers right on odd pages and left on even pages, one character in', () => {
    expect(pdfPageCount(notice.pdf)).toBeGreaterThanOrEqual(2);
    const numbers = pdfWords(notice.pdf).filter((w) => /^\d+$/.test(w.text) && w.yMin > 740);
    const one = numbers.find((w) => w.page === 1 && w.text === '1')!;
    const two = numbers.find((w) => w.page === 2 && w.text === '2')!;
    const dashes = pdfWords(notice.pdf).filter((w) => w.text === '—' && w.yMin > 740);
    const rightEdge = 595.3 - (26 / 25.4) * 72;
    const leftEdge = (28 / 25.4) * 72;
    const lastDash1 = Math.max(...dashes.filter((d) => d.page === 1).map((d) => d.xMax));
    const firstDash2 = Math.min(...dashes.filter((d) => d.page === 2).map((d) => d.xMin));
    expect(one.xMin).toBeGreaterThan(400);
    expect(rightEdge - lastDash1).toBeCloseTo(14, -1);
    expect(two.xMax).toBeLessThan(200);
    expect(firstDash2 - leftEdge).toBeCloseTo(14, -1);
  });
});

describe('记录本/表格 preset', () => {
  it('sets A4 landscape with its own margins, no line grid, and a repeated table header', () => {
    const s = record.docx.sections[0]!;
    expect([s.pageWidth, s.pageHeight, s.orientation]).toEqual([16838, 11906, 'landscape']);
    expect(s.grid.type).not.toBe('lines');
    expect(s.pageWidth - s.margins.left - s.margins.right).toBe(textWidth(RECORD, 'landscape'));
    expect(record.docx.styles.Normal).toMatchObject({ size: 16, lineSpacing: 620, lineRule: 'exact' });
    expect(record.docx.styles.FormTitle!.fonts.eastAsia).toBe('黑体');
    const table = record.docx.tables[0]!;
    expect(table.headerRows).toEqual([true, false]);
    expect(table.cantSplit).toEqual([true, true]);
    expect(table.columnWidths.reduce((a, b) => a + b, 0)).toBe(textWidth(RECORD, 'landscape'));
    expect(table.rows[1]).toEqual(['1', '接收预备党员', '同意 30 票']);
    expect(RECORD.margins.left).toBe(mm(31.7));
  });
});

describe('sections', () => {
  it('mixes portrait and landscape sections, each with page numbers on odd and even pages', async () => {
    const doc = createDocument({
      preset: OFFICIAL,
      sections: [
        { children: [paragraph(OFFICIAL, '正文。')] },
        { orientation: 'landscape', pageNumbers: 'ofTotal', children: [paragraph(OFFICIAL, '附表。')] },
        { pageNumbers: false, children: [paragraph(OFFICIAL, '版记。')] },
      ],
    });
    const read = readDocx(saveFile(dir, 'sections.docx', await toBuffer(doc)));
    expect(read.evenAndOddHeaders).toBe(true);
    expect(read.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape', 'portrait']);
    expect(read.sections[1]!.footer).toMatch(/^第 +页 共 +页$/);
    expect(read.sections[1]!.evenFooter).toMatch(/^第 +页 共 +页$/);
    expect([read.sections[1]!.footerAlignment, read.sections[1]!.evenFooterAlignment]).toEqual(['center', 'center']);
    expect(read.sections[2]!.footer).toBe('');
  });
});

describe('column widths', () => {
  const idCell = (size: number) => Math.ceil(measureTextSafe('650102196201010018', 'fangsong', 1) * size + 134);

  it('adds up to the width asked for', () => {
    expect(fitWidths([1, 1, 1], 1000).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(fitWidths([3, 1], 13244)).toEqual([9933, 3311]);
    expect(() => fitWidths([0, 0], 100)).toThrow();
  });

  it('measures Chinese as one em and digits as about half', () => {
    expect(textEm('身份证号')).toBe(4);
    expect(textEm('2004.07.01')).toBeCloseTo(5.5);
  });

  it('picks the largest size at which nothing wraps, and keeps the total width', () => {
    const columns = [{ header: '姓名' }, { header: '身份证号' }];
    const rows = [['欧阳秀英', '650102196201010018']];
    const wide = fitColumns(columns, rows, 8000, [14, 12, 10.5]);
    expect(wide.size).toBe(14);
    expect(wide.wraps).toBe(false);
    const narrow = fitColumns(columns, rows, 3600, [14, 12, 10.5]);
    expect(narrow.size).toBeLessThan(14);
    expect(narrow.widths.reduce((a, b) => a + b, 0)).toBe(3600);
  });

  it('narrows where it adds the fewest lines: names keep their line, the rare long group names wrap', () => {
    const columns = [{ header: '姓名', wrap: true }, { header: '党小组', wrap: true }, { header: '身份证号' }];
    const rows = Array.from({ length: 50 }, (_, i) => ['张三丰', i % 5 === 0 ? '钻井二十四班党小组' : '机关党小组', '650102196201010018']);
    const em = 20 * 10.5;
    const cellOf = (chars: number) => chars * em + 134;
    const id = idCell(10.5);
    // Room for the names and five characters of group name, not nine.
    const fit = fitColumns(columns, rows, id + cellOf(3) + cellOf(6), [10.5]);
    expect(fit).toMatchObject({ fits: true, size: 10.5, wraps: true });
    expect(fit.widths[0]).toBeGreaterThanOrEqual(cellOf(3));
    expect(fit.widths[1]).toBeGreaterThanOrEqual(cellOf(5));
    expect(fit.widths[1]).toBeLessThan(cellOf(9));
  });

  it('lets a wrapping column’s header take two lines rather than widen the column', () => {
    const columns = [{ header: '岗位/职务', wrap: true }, { header: '身份证号' }];
    const rows = [['司钻', '650102196201010018']];
    const id = idCell(10.5);
    const fit = fitColumns(columns, rows, id + 3 * 210 + 134, [10.5]);
    expect(fit.fits).toBe(true);
    expect(fit.widths[0]).toBe(3 * 210 + 134);
  });

  it('takes a smaller size rather than wrap most rows at a larger one', () => {
    const columns = [{ header: '姓名', wrap: true }, { header: '身份证号' }];
    const rows = Array.from({ length: 20 }, () => ['欧阳秀英', '650102196201010018']);
    const id12 = idCell(12);
    // At 12 pt the names would need two lines each; at 10.5 pt they keep one.
    const fit = fitColumns(columns, rows, id12 + 3 * 240 + 134, [12, 10.5]);
    expect(fit.size).toBe(10.5);
    expect(fit.wraps).toBe(false);
  });

  it('wraps free-text columns before shrinking below the smallest size', () => {
    const columns = [{ header: '姓名' }, { header: '家庭住址', wrap: true }];
    const rows = [['王伟', '新疆维吾尔自治区克拉玛依市白碱滩区中兴路街道幸福小区12栋3单元502室']];
    const fit = fitColumns(columns, rows, 3000, [12, 10.5]);
    expect(fit.wraps).toBe(true);
    expect(fit.widths[0]).toBeGreaterThanOrEqual(Math.ceil(2 * 12 * 20));
  });
});
