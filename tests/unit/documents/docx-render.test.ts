/** renderDocx: every block kind of the model, read back by python-docx, and two documents converted by LibreOffice. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents/docx';
import { mm } from '../../../main/documents/kit';
import type { PrintDocument, TableBlock } from '../../../shared/documents/model';
import { docxToPdfMany, outputDir, pdfPageCount, pdfPages, readDocx, releaseLibreOffice, renderPages, saveFile, type DocxContent } from '../../helpers/documents';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function notice(): PrintDocument {
  return {
    preset: 'official',
    orientation: 'portrait',
    title: '通知',
    fileStem: 'notice',
    blocks: [
      { kind: 'title', lines: ['关于开展2026年度', '民主评议党员工作的通知'] },
      { kind: 'paragraph', text: '各党小组：', indent: false },
      { kind: 'heading', level: 1, text: '评议范围' },
      { kind: 'paragraph', text: '支部全体正式党员和预备党员（含“流动党员”），共30名。' },
      { kind: 'heading', level: 2, text: '时间安排' },
      { kind: 'heading', level: 3, text: '学习教育。', rest: '12月1日至12月10日，集中学习党章。' },
      { kind: 'heading', level: 4, text: '个人自评。' },
      { kind: 'heading', level: 1, text: '工作要求' },
      { kind: 'figure', svg: '<svg/>', png: PNG_1PX, width: 2880, height: 1440, caption: '图1 党员年龄结构' },
      { kind: 'pageBreak' },
      { kind: 'paragraph', text: '附件：评议表' },
      { kind: 'signature', signer: '中共某某钻井队党支部', date: '2026-11-25' },
    ],
  };
}

function groupTable(groups: number): TableBlock {
  const rows: TableBlock['rows'] = [[{ text: '党员总数', colSpan: 2 }, '90', '100.0']];
  const label = { text: '党小组', rowSpan: groups, bold: true };
  for (let g = 0; g < groups; g++) {
    const cells = [`钻井第${g + 1}班党小组`, '3', '3.3'];
    rows.push(g === 0 ? [label, ...cells] : cells);
  }
  return {
    kind: 'table',
    columns: [{ width: 1800 }, { width: 3800, align: 'left' }, { width: 1600, nowrap: true }, { width: 1438, align: 'right' }],
    header: [['项目', '分类', '人数（名）', '占比（%）']],
    rows,
    fontSize: 14,
    rowHeight: 500,
    repeatSpanLabels: true,
  };
}

function statistics(groups: number): PrintDocument {
  return {
    preset: 'record',
    orientation: 'portrait',
    title: '党员队伍基本情况统计表',
    fileStem: 'statistics',
    blocks: [
      { kind: 'title', lines: ['党员队伍基本情况统计表'] },
      { kind: 'splitLine', left: '填报单位：第一钻井队党支部', right: '截至2026年11月25日', style: { size: 14 } },
      groupTable(groups),
      { kind: 'note', text: '注：党龄自转正之日起计算。', style: { size: 14 } },
      { kind: 'fillLine', labels: ['填表人：', '审核人（书记）：', '填报日期：'], style: { size: 14 } },
    ],
  };
}

function landscapeRecord(): PrintDocument {
  return { ...statistics(3), orientation: 'landscape', pageNumbers: 'ofTotal', fileStem: 'landscape' };
}

/** The XML of one part of the package. */
function part(file: string, name: string): string {
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function partNames(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

let dir: string;
const files: Record<string, string> = {};
const read: Record<string, DocxContent> = {};
const pdfs: Record<string, string> = {};

beforeAll(async () => {
  dir = outputDir('docx-render');
  const docs = { notice: notice(), statistics: statistics(10), long: statistics(60), landscape: landscapeRecord() };
  for (const [key, doc] of Object.entries(docs)) {
    files[key] = saveFile(dir, `${key}.docx`, await renderDocx(doc));
    read[key] = readDocx(files[key]);
  }
  const converted = docxToPdfMany([files.notice!, files.long!]);
  pdfs.notice = converted[0]!;
  pdfs.long = converted[1]!;
  renderPages(pdfs.notice, join(dir, 'notice'));
  renderPages(pdfs.long, join(dir, 'long'));
}, 120_000);

afterAll(releaseLibreOffice);

describe('renderDocx: text blocks', () => {
  it('numbers headings 一、（一）1.（1） and starts again at 二、', () => {
    const texts = read.notice!.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text);
    expect(texts).toEqual(['一、评议范围', '（一）时间安排', '1.学习教育。12月1日至12月10日，集中学习党章。', '（1）个人自评。', '二、工作要求']);
  });

  it('names the fonts for every script on every run, punctuation included', () => {
    const runs = read.notice!.paragraphs.flatMap((p) => p.runs).filter((r) => r.text !== '');
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) {
      expect(run.fonts.eastAsia, run.text).toBeTruthy();
      expect(run.fonts.ascii, run.text).toBe(run.fonts.eastAsia);
      expect(run.fonts.hAnsi, run.text).toBe(run.fonts.eastAsia);
    }
    const quoted = read.notice!.paragraphs.find((p) => p.text.includes('“流动党员”'))!;
    expect(quoted.runs.map((r) => r.fonts.eastAsia)).toEqual(['仿宋_GB2312']);
  });

  it('writes no theme font anywhere in the package, and the theme itself names the body font', () => {
    for (const file of Object.values(files)) {
      for (const name of partNames(file).filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) {
        expect(part(file, name), `${name}`).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
      }
      const theme = part(file, 'word/theme/theme1.xml');
      expect(theme).not.toMatch(/typeface="(Calibri|Cambria|等线)/);
    }
  });

  it('puts the signer and the date last, without a blank line of its own, and starts the page break on a new page', () => {
    const paragraphs = read.notice!.paragraphs;
    expect(paragraphs.at(-1)!.text).toBe('2026年11月25日');
    expect(paragraphs.at(-2)!.text).toBe('中共某某钻井队党支部');
    expect(part(files.notice!, 'word/document.xml')).toMatch(/<w:br w:type="page"\/><\/w:r><w:r>(?:(?!<\/w:p>).)*附件：评议表/);
    expect(pdfPageCount(pdfs.notice!)).toBe(2);
    expect(pdfPages(pdfs.notice!)[1]).toContain('附件：评议表');
  });

  it('embeds the figure as a PNG with its caption under it', () => {
    expect(partNames(files.notice!).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
    expect(read.notice!.paragraphs.some((p) => p.text === '图1 党员年龄结构')).toBe(true);
  });
});

describe('renderDocx: page setup', () => {
  it('sets the 公文 page: A4 portrait, 37/35/28/26 mm, the 579-twip line grid, "— N —" odd right and even left', () => {
    const s = read.notice!.sections[0]!;
    expect([s.pageWidth, s.pageHeight, s.orientation]).toEqual([11906, 16838, 'portrait']);
    expect(s.margins).toMatchObject({ top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) });
    expect(s.grid).toEqual({ type: 'lines', linePitch: 579 });
    expect([s.footer, s.footerAlignment, s.evenFooter, s.evenFooterAlignment]).toEqual(['—  —', 'right', '—  —', 'left']);
    expect(read.notice!.evenAndOddHeaders).toBe(true);
  });

  it('sets the 表册 page in portrait and landscape, with the page numbers asked for', () => {
    const portrait = read.statistics!.sections[0]!;
    expect([portrait.pageWidth, portrait.pageHeight, portrait.orientation, portrait.footer]).toEqual([11906, 16838, 'portrait', '—  —']);
    const landscape = read.landscape!.sections[0]!;
    expect([landscape.pageWidth, landscape.pageHeight, landscape.orientation]).toEqual([16838, 11906, 'landscape']);
    expect(landscape.margins).toMatchObject({ left: mm(20), right: mm(20) });
    expect(landscape.footer).toBe('第  页 共  页');
  });
});

describe('renderDocx: tables', () => {
  it('repeats the header row (w:tblHeader) and never splits a row (w:cantSplit)', () => {
    const table = read.statistics!.tables[0]!;
    expect(table.headerRows).toEqual([true, ...Array<boolean>(table.rows.length - 1).fill(false)]);
    expect(table.cantSplit.every(Boolean)).toBe(true);
    expect(table.columnWidths).toEqual([1800, 3800, 1600, 1438]);
  });

  it('merges cells across columns (gridSpan) and down rows (vMerge)', () => {
    const table = read.statistics!.tables[0]!;
    expect(table.rows[1]).toEqual(['党员总数', '90', '100.0']);
    expect(table.rows[2]).toEqual(['党小组', '钻井第1班党小组', '3', '3.3']);
    expect(table.rows[3]).toEqual(['', '钻井第2班党小组', '3', '3.3']);
    const xml = part(files.statistics!, 'word/document.xml');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:vMerge\/>/g)).toHaveLength(9);
  });

  it('writes per-cell bold and alignment, nowrap columns, and fonts with eastAsia on every table run', () => {
    const xml = part(files.statistics!, 'word/document.xml');
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(table).toMatch(/<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"\/><w:b\/><w:bCs\/><\/w:rPr><w:t>党小组/);
    expect(table).toContain('<w:jc w:val="right"/>');
    expect(table.match(/<w:noWrap\/>/g)).toHaveLength(12); // the header cell, 党员总数's and ten groups'
    const runs = table.match(/<w:r>.*?<\/w:r>/g)!;
    expect(runs.every((r) => r.includes('w:eastAsia="仿宋_GB2312"'))).toBe(true);
  });

  it('prints the 党小组 label again where the merged cell continues onto a new page', () => {
    const pages = pdfPages(pdfs.long!);
    expect(pages.length).toBe(3);
    for (const page of pages) expect(page).toMatch(/^\s*党小组\s*$/m);
    const xml = part(files.long!, 'word/document.xml');
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3);
    const table = read.long!.tables[0]!;
    expect(table.rows.filter((r) => r[0] === '党小组')).toHaveLength(3);
  });
});
