/** The layout engine: heading numbers, the 公文 grid, tables across pages (header rows, whole rows, spans), page numbers. */
import { describe, expect, it } from 'vitest';
import { buildRosterDocument } from '../../../main/documents';
import { generateDemoMembers } from '../../../main/services/demo/members';
import { layoutAll } from '../../../shared/documents/layout';
import type { Block, LaidOutPage, PrintDocument, TableBlock } from '../../../shared/documents/model';
import { margins, OFFICIAL, pageSize, RECORD, textWidth } from '../../../shared/documents/presets';
import { rosterScopeParts } from '../../../shared/domain/rosterScope';

function doc(blocks: Block[], o: Partial<PrintDocument> = {}): PrintDocument {
  return { preset: 'official', orientation: 'portrait', title: '测试', fileStem: 'test', blocks, ...o };
}

const textsOf = (page: LaidOutPage) => page.texts.map((t) => t.text);
const IDEOGRAPHS = '党支部坚持以学习教育为抓手推动工作落实见到实效';

describe('headings', () => {
  it('numbers 一、（一）1.（1） and restarts the lower levels under a new higher one', () => {
    const levels = [1, 2, 3, 4, 4, 3, 2, 3, 1, 2, 4] as const;
    const pages = layoutAll(doc(levels.map((level, i) => ({ kind: 'heading', level, text: `标题${i}` }))));
    const lines = pages.flatMap(textsOf);
    expect(lines).toEqual([
      '一、标题0', '（一）标题1', '1.标题2', '（1）标题3', '（2）标题4', '2.标题5', '（二）标题6', '1.标题7', '二、标题8', '（一）标题9', '（1）标题10',
    ]);
  });

  it('sets each level in its own font, and run-in text after a heading in the body font', () => {
    const pages = layoutAll(doc([
      { kind: 'heading', level: 1, text: '主要工作' },
      { kind: 'heading', level: 2, text: '加强学习。', rest: '全年组织集中学习12次。' },
    ]));
    const [h1, h2] = pages[0]!.texts;
    expect(h1!.font).toBe('heiti');
    expect(h2!.font).toBe('kaiti');
    expect(h2!.runs).toEqual([
      { text: '（一）加强学习。', font: 'kaiti' },
      { text: '全年组织集中学习12次。', font: 'fangsong' },
    ]);
  });

  it('keeps a heading with the first line of what follows: at the foot of a page it moves to the next', () => {
    const filler: Block[] = Array.from({ length: 21 }, () => ({ kind: 'paragraph', text: '一行', indent: false }));
    const pages = layoutAll(doc([...filler, { kind: 'heading', level: 1, text: '下一部分' }, { kind: 'paragraph', text: '正文' }]));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.texts).toHaveLength(21);
    expect(textsOf(pages[1]!)).toEqual(['一、下一部分', '正文']);
  });
});

describe('the 公文 grid', () => {
  const pages = layoutAll(doc([{ kind: 'paragraph', text: IDEOGRAPHS.repeat(40) }]));

  it('puts 22 lines on a page, one grid line (579 twips) apart from the top margin', () => {
    expect(pages.length).toBeGreaterThan(1);
    const first = pages[0]!.texts;
    expect(first).toHaveLength(22);
    expect(first.map((t) => t.y)).toEqual(first.map((_, i) => OFFICIAL.margins.top + i * 579));
  });

  it('sets 28 characters a line, the first line two characters in', () => {
    const lines = pages.flatMap(textsOf);
    expect([...lines[0]!]).toHaveLength(26);
    for (const line of lines.slice(1, -1)) expect([...line]).toHaveLength(28);
    expect(pages[0]!.texts[0]!.x - pages[0]!.texts[1]!.x).toBe(630);
  });
});

function table(rows: TableBlock['rows'], o: Partial<TableBlock> = {}): TableBlock {
  const width = textWidth(RECORD, 'portrait');
  return { kind: 'table', columns: [{ width: 2000 }, { width: 3000 }, { width: width - 5000 }], header: [['项目', '分类', '人数']], rows, fontSize: 12, ...o };
}

const record = (blocks: Block[], o: Partial<PrintDocument> = {}) => doc(blocks, { preset: 'record', pageNumbers: 'ofTotal', ...o });

describe('tables across pages', () => {
  const rows = Array.from({ length: 120 }, (_, i) => ['组', `第${i + 1}行`, String(i + 1)]);
  const pages = layoutAll(record([{ kind: 'title', lines: ['名册'] }, table(rows)]));

  it('repeats the header rows at the top of every page the table runs onto', () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) {
      const top = page.texts.filter((t) => t.y === Math.min(...page.texts.map((x) => x.y))).map((t) => t.text);
      expect(top).toEqual(['项目', '分类', '人数']);
      expect(page.texts[0]!.y).toBeGreaterThan(RECORD.margins.top);
    }
  });

  it('places every row once, in order, and records the rows of each page', () => {
    const placed = pages.flatMap((p) => p.tableRows.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k)));
    expect(placed).toEqual(rows.map((_, i) => i));
    const shown = pages.flatMap((p) => p.texts.filter((t) => t.text.startsWith('第')).map((t) => t.text));
    expect(shown).toEqual(rows.map((r) => r[1]));
  });

  it('takes the first body row as the first line of a continued page, never the repeated header', () => {
    pages.slice(1).forEach((page) => expect(page.firstLine).toBe(`组 第${page.tableRows[0]!.first + 1}行 ${page.tableRows[0]!.first + 1}`));
  });

  it('keeps every row inside the page: no cell crosses the bottom margin', () => {
    const bottom = pageSize('portrait').height - margins(RECORD).bottom;
    for (const page of pages) for (const box of page.boxes) expect(box.y + box.h).toBeLessThanOrEqual(bottom);
  });

  it('never splits a row: a tall row that does not fit moves whole to the next page', () => {
    const tall = '很长的内容'.repeat(12);
    const many = Array.from({ length: 200 }, (_, i) => ['组', `第${i + 1}行`, String(i)]);
    const first = layoutAll(record([table(many)]));
    const lastOnPage1 = first[0]!.tableRows[0]!.last;
    // The same table with row lastOnPage1 made tall: it cannot fit where it stood, so it opens page 2 whole.
    many[lastOnPage1] = ['组', tall, 'x'];
    const pages2 = layoutAll(record([table(many)]));
    expect(pages2[0]!.tableRows[0]!.last).toBe(lastOnPage1 - 1);
    expect(pages2[1]!.tableRows[0]!.first).toBe(lastOnPage1);
    const pieces = pages2.map((p) => p.texts.filter((t) => t.text.startsWith('很长') || t.text.startsWith('容') || t.text.includes('内容')).length);
    expect(pieces[0]).toBe(0);
    expect(pieces[1]).toBeGreaterThan(2);
  });
});

describe('rows taller than their text', () => {
  it('centre a cell’s lines in the row below its top border, as Word and LibreOffice do', () => {
    const [page] = layoutAll(record([table([['组', '一行', '1'], ['组', '两行\n文字', '2']], { rowHeight: 1200 })]));
    const box = (text: string) => page!.boxes.find((b) => page!.texts.some((t) => t.text === text && t.y >= b.y && t.y < b.y + b.h && t.x >= b.x && t.x < b.x + b.w))!;
    for (const text of ['一行', '两行']) {
      const cell = box(text);
      const lines = page!.texts.filter((t) => t.y >= cell.y && t.y < cell.y + cell.h && t.x >= cell.x && t.x < cell.x + cell.w);
      const above = lines[0]!.y - cell.y;
      const below = cell.y + cell.h - (lines.at(-1)!.y + lines.at(-1)!.h);
      expect(cell.h, text).toBe(1200);
      // Equal room above and below, the top border (at most an outer one, 20 twips) counted above.
      expect(Math.abs(above - below), text).toBeLessThanOrEqual(21);
    }
  });
});

describe('cells spanning rows', () => {
  const spanned = (repeat: boolean) => {
    const rows: TableBlock['rows'] = Array.from({ length: 80 }, (_, i) => [...(i === 0 ? [{ text: '党小组', rowSpan: 80 }] : []), `第${i + 1}党小组`, String(i)]);
    return layoutAll(record([table(rows, { repeatSpanLabels: repeat })]));
  };

  it('prints the label once where the span starts, and skips the covered column in the rows below', () => {
    const pages = spanned(false);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap(textsOf).filter((t) => t === '党小组')).toHaveLength(1);
    const second = pages[0]!.texts.find((t) => t.text === '第2党小组')!;
    expect(second.x).toBeGreaterThan(2000);
  });

  it('prints the label again at the top of every page it continues on when asked', () => {
    const pages = spanned(true);
    pages.forEach((page, i) => expect(textsOf(page).filter((t) => t === '党小组'), `page ${i + 1}`).toHaveLength(1));
    // On a continued page the label sits in the first column, among that page's rows, in one box covering them all.
    const page = pages[1]!;
    const rowYs = page.texts.filter((t) => t.text.startsWith('第')).map((t) => t.y);
    const label = page.texts.find((t) => t.text === '党小组')!;
    const left = Math.min(...page.boxes.map((b) => b.x));
    expect(label.x).toBeLessThan(left + 2000);
    expect(label.y).toBeGreaterThan(Math.min(...rowYs));
    expect(label.y).toBeLessThan(Math.max(...rowYs));
    const column = page.boxes.filter((b) => b.x === left && b.y > page.texts[0]!.y);
    expect(column).toHaveLength(1);
    expect(column[0]!.y + column[0]!.h).toBeGreaterThan(Math.max(...rowYs));
  });
});

describe('page numbers', () => {
  const long = [{ kind: 'paragraph', text: IDEOGRAPHS.repeat(30) }] as Block[];

  it('公文: “— n —” in 宋体 四号, odd pages right and even pages left', () => {
    const pages = layoutAll(doc(long));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.footer?.text)).toEqual(pages.map(() => '— {page} —'));
    expect(pages[0]!.footer).toMatchObject({ font: 'songti', size: 14, align: 'right' });
    expect(pages[1]!.footer).toMatchObject({ align: 'left' });
  });

  it('表册: “第 n 页 共 N 页” centred, or none when the document says so', () => {
    const pages = layoutAll(record(long));
    expect(pages[0]!.footer).toMatchObject({ text: '第 {page} 页 共 {total} 页', align: 'center' });
    expect(layoutAll(record(long, { pageNumbers: false }))[0]!.footer).toBeUndefined();
    expect(layoutAll(record(long, { pageNumbers: 'dashCentred' }))[1]!.footer).toMatchObject({ text: '— {page} —', align: 'center' });
  });

  it('keeps the number out of the first line of the page', () => {
    for (const page of layoutAll(doc(long))) expect(page.firstLine).not.toContain('—');
  });
});

describe('page breaks', () => {
  it('starts the block after a page break on a new page', () => {
    const pages = layoutAll(doc([{ kind: 'paragraph', text: '第一页' }, { kind: 'pageBreak' }, { kind: 'paragraph', text: '附件' }]));
    expect(pages.map((p) => p.firstLine)).toEqual(['第一页', '附件']);
  });
});

describe('a filtered roster', () => {
  it('prints its scope line under the title, on the first laid-out page, above the table', () => {
    const members = generateDemoMembers(40, 7, '2026-11-25') as never;
    const scope = rosterScopeParts({ query: '', status: 'active', partyGroupId: 'g20', gender: '女' }, (id) => (id === 'g20' ? '钻井二十班党小组' : undefined));
    const pages = layoutAll(buildRosterDocument({ branchName: '第一钻井队党支部', date: '2026-11-25', members, scope }));
    const first = pages[0]!;
    const line = first.texts.find((t) => t.text === '范围：钻井二十班党小组；女');
    expect(line).toBeDefined();
    const header = first.texts.find((t) => t.text === '序号')!;
    expect(line!.y).toBeGreaterThan(first.texts[0]!.y);
    expect(line!.y).toBeLessThan(header.y);
    expect(line!.align).toBe('center');
    expect(layoutAll(buildRosterDocument({ branchName: '第一钻井队党支部', date: '2026-11-25', members })).flatMap(textsOf).some((t) => t.startsWith('范围：'))).toBe(false);
  });
});
