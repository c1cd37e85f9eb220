/**
 * The printed roster 党员花名册 on the document model: its blocks, a scope line for every filter, the fit decision at
 * its edges, and a seeded 300-member roster through LibreOffice with every ID number and date on one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRosterDocument, DEFAULT_ROSTER_COLUMNS, registerDate, renderDocx, rosterPlanMessage, rosterPrint, rosterPrintPlan, ROSTER_COLUMNS, type RosterMember } from '../../../main/documents';
import { generateDemoMembers } from '../../../main/services/demo/members';
import type { TableBlock } from '../../../shared/documents/model';
import { RECORD, textWidth } from '../../../shared/documents/presets';
import { rosterScopeLine, rosterScopeParts } from '../../../shared/domain/rosterScope';
import { docxToPdfMany, outputDir, pdfPageCount, pdfPages, readDocx, releaseLibreOffice, renderPages, saveFile } from '../../helpers/documents';

const DATE = '2026-11-25';
const BRANCH = '中共西部钻探公司第一钻井队党支部';
const members = generateDemoMembers(300, 7, DATE) as unknown as RosterMember[];
const base = { branchName: BRANCH, date: DATE, members };

function tableOf(doc: ReturnType<typeof buildRosterDocument>): TableBlock {
  const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table');
  if (!table) throw new Error('no table');
  return table;
}

describe('the roster as a PrintDocument', () => {
  const doc = buildRosterDocument(base);
  const table = tableOf(doc);

  it('is a 表册 on A4 landscape with 第 1 页 共 N 页, the title, the date line and one table', () => {
    expect(doc).toMatchObject({ preset: 'record', orientation: 'landscape', pageNumbers: 'ofTotal', title: `${BRANCH}党员花名册` });
    expect(doc.fileStem).toBe(`${BRANCH}党员花名册-${DATE}`);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['title', 'subtitle', 'table']);
    expect(doc.blocks[0]).toEqual({ kind: 'title', lines: [`${BRANCH}党员花名册`] });
    expect(doc.blocks[1]).toEqual({ kind: 'subtitle', text: '截至2026年11月25日　　共300人' });
  });

  it('has 序号 and the default columns, widths adding up to the text width, at 五号 or larger', () => {
    expect(table.header).toEqual([['序号', '姓名', '性别', '民族', '出生日期', '学历', '身份证号', '入党日期', '转正日期', '人员类别', '党小组', '岗位/职务', '联系电话']]);
    expect(table.header[0]).toHaveLength(DEFAULT_ROSTER_COLUMNS.length + 1);
    expect(table.columns.reduce((a, c) => a + c.width, 0)).toBe(textWidth(RECORD, 'landscape'));
    expect(table.fontSize).toBeGreaterThanOrEqual(10.5);
    expect(table.rows.map((r) => r[1])).toEqual(members.map((m) => m.name));
    expect(table.rows[0]![6]).toBe(members[0]!.idNumber);
    expect(table.rows[0]![4]).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
  });

  it('keeps ID numbers, dates, phones, codes, gender and ethnicity whole; names, groups and posts may wrap', () => {
    const nowrap = Object.fromEntries(table.header[0]!.map((h, i) => [h as string, table.columns[i]!.nowrap]));
    for (const h of ['序号', '性别', '民族', '出生日期', '身份证号', '入党日期', '转正日期', '人员类别', '联系电话']) expect(nowrap[h], h).toBe(true);
    for (const h of ['姓名', '学历', '党小组', '岗位/职务']) expect(nowrap[h], h).toBe(false);
    const all = tableOf(buildRosterDocument({ ...base, columns: ROSTER_COLUMNS.map((c) => c.key) }));
    const allWrap = Object.fromEntries(all.header[0]!.map((h, i) => [h as string, !all.columns[i]!.nowrap]));
    expect(allWrap).toMatchObject({ 籍贯: true, 工作单位: true, 家庭住址: true, 备注: true, 年龄: false, 党龄: false, 固定电话: false, 失去联系日期: false });
  });

  it('goes portrait when asked, and breaks a title too wide for the page after the branch name', () => {
    const portrait = buildRosterDocument({ ...base, columns: ['name', 'gender', 'partyGroup'], orientation: 'portrait' });
    expect(portrait.orientation).toBe('portrait');
    expect(tableOf(portrait).columns.reduce((a, c) => a + c.width, 0)).toBe(textWidth(RECORD, 'portrait'));
    expect(portrait.blocks[0]).toEqual({ kind: 'title', lines: [BRANCH, '党员花名册'] });
  });

  it('prints an empty roster as its header alone, and refuses a column it does not know', () => {
    const empty = buildRosterDocument({ ...base, members: [] });
    expect(tableOf(empty).rows).toEqual([]);
    expect(empty.blocks[1]).toEqual({ kind: 'subtitle', text: '截至2026年11月25日　　共0人' });
    expect(() => buildRosterDocument({ ...base, columns: ['name', 'shoeSize'] })).toThrow('shoeSize');
  });

  it('masks ID numbers when asked', () => {
    const rows = tableOf(buildRosterDocument({ ...base, columns: ['name', 'idNumber'], maskIdNumbers: true })).rows;
    for (const r of rows) expect(r[2]).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  });
});

describe('the scope line', () => {
  const groups: Record<string, string> = { g20: '钻井二十班党小组' };
  const name = (id: string) => groups[id];

  it('names every filter', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ partyGroupId: 'g20' }, '钻井二十班党小组'],
      [{ partyGroupId: 'none' }, '未编入党小组'],
      [{ category: '预备党员' }, '预备党员'],
      [{ gender: '女' }, '女'],
      [{ status: '转出' }, '党籍状态：转出'],
      [{ status: 'all' }, '全部党籍状态'],
      [{ educationGroup: '20' }, '学历：大学本科'],
      [{ ageBand: 'under30' }, '年龄：30岁以下'],
      [{ query: ' 张 ' }, '含“张”'],
    ];
    for (const [filter, part] of cases) expect(rosterScopeParts(filter, name), JSON.stringify(filter)).toEqual([part]);
  });

  it('joins several into 范围：…；… and prints it under the title; none for the whole branch', () => {
    const parts = rosterScopeParts({ query: '', status: 'active', partyGroupId: 'g20', gender: '女' }, name);
    expect(rosterScopeLine(parts)).toBe('范围：钻井二十班党小组；女');
    expect(rosterScopeParts({ query: '', status: 'active', sort: 'name' } as never, name)).toEqual([]);
    const doc = buildRosterDocument({ ...base, scope: parts });
    expect(doc.blocks.slice(1, 3)).toEqual([
      { kind: 'subtitle', text: '范围：钻井二十班党小组；女' },
      { kind: 'subtitle', text: '截至2026年11月25日　　共300人' },
    ]);
  });
});

describe('the fit decision', () => {
  const allColumns = ROSTER_COLUMNS.map((c) => c.key);

  it('fits the default columns on A4 landscape at 五号', () => {
    const plan = rosterPrintPlan(base);
    expect(plan).toMatchObject({ orientation: 'landscape', size: 10.5, minSize: 10.5, fits: true, problem: null, suggestions: [] });
    expect(plan.need).toBeLessThanOrEqual(plan.available);
    expect(plan.available).toBe(textWidth(RECORD, 'landscape'));
  });

  it('takes the largest size that fits: few columns print at 四号', () => {
    expect(rosterPrintPlan({ ...base, columns: ['name', 'gender', 'phone'] })).toMatchObject({ size: 14, fits: true });
  });

  it('in portrait, says the default columns do not fit and offers landscape and fewer columns, naming the widest', () => {
    const plan = rosterPrintPlan({ ...base, orientation: 'portrait' });
    expect(plan.fits).toBe(false);
    expect(plan.need).toBeGreaterThan(plan.available);
    expect(plan.problem).toMatch(/^所选的 12 列在 A4 纵向纸上用五号字排不下/);
    expect(plan.suggestions[0]).toBe('改为 A4 横向打印');
    expect(plan.suggestions[1]).toMatch(/^减少列：去掉最宽的“身份证号”/);
  });

  it('offers a smaller size when the columns fit at 小五 but not at 五号, and takes it when the user allows it', () => {
    // 14 columns chosen so that only a smaller size makes them fit (checked: not at 五号, yes at 小五).
    const columns = [...DEFAULT_ROSTER_COLUMNS, 'applicationDate', 'age'];
    const at5 = rosterPrintPlan({ ...base, columns });
    expect(at5.fits).toBe(false);
    expect(at5.suggestions).toContain('把最小字号改为小五（9 磅）');
    const at9 = rosterPrintPlan({ ...base, columns, minSize: 9 });
    expect(at9).toMatchObject({ fits: true, size: 9, minSize: 9 });
    expect(tableOf(rosterPrint({ ...base, columns, minSize: 9 }).document).fontSize).toBe(9);
  });

  it('with every column chosen, suggests dropping the widest columns only (no size or orientation would do)', () => {
    const plan = rosterPrintPlan({ ...base, columns: allColumns });
    expect(plan.fits).toBe(false);
    expect(plan.suggestions).toHaveLength(1);
    const dropped = [...plan.suggestions[0]!.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
    const kept = allColumns.filter((k) => !dropped.includes(ROSTER_COLUMNS.find((c) => c.key === k)!.header));
    expect(rosterPrintPlan({ ...base, columns: kept }).fits).toBe(true);
    expect(rosterPlanMessage(plan)).toMatch(/排不下[\s\S]*可以：\n1\. 减少列/);
  });
});

/** The line of `pdftotext -layout` output holding the member's ID number, and the dates that must be on it. */
function checkRowsIntact(pages: string[], list: readonly RosterMember[]): string[] {
  const lines = pages.join('\n').split('\n');
  const problems: string[] = [];
  for (const m of list) {
    const id = m.idNumber as string;
    const line = lines.find((l) => l.includes(id));
    if (!line) {
      problems.push(`${m.name}: ID ${id} not whole on any line`);
      continue;
    }
    for (const date of [m.birthDate, m.joinDate, m.fullDate].map(registerDate).filter(Boolean)) {
      if (!line.includes(date)) problems.push(`${m.name}: ${date} not on the ID's line`);
    }
  }
  return problems;
}

describe('a seeded 300-member roster through LibreOffice', () => {
  const longNames = ['阿卜杜热合曼江木', '买买提艾力克木江', '欧阳司马诸葛上官'];
  const withLong = members.map((m, i) => (i === 10 || i === 150 || i === 290 ? { ...m, name: longNames[[10, 150, 290].indexOf(i)]! } : m));
  let pages: string[];
  let longPages: string[];
  let pageCount: number;
  let longPageCount: number;
  let docxFile: string;

  beforeAll(async () => {
    const dir = outputDir('roster-300');
    docxFile = saveFile(dir, 'roster.docx', await renderDocx(buildRosterDocument(base)));
    const longFile = saveFile(dir, 'roster-long-names.docx', await renderDocx(buildRosterDocument({ ...base, members: withLong })));
    const [pdf, longPdf] = docxToPdfMany([docxFile, longFile]);
    renderPages(pdf!, `${dir}/roster`);
    renderPages(longPdf!, `${dir}/long`);
    pages = pdfPages(pdf!, { layout: true });
    longPages = pdfPages(longPdf!, { layout: true });
    pageCount = pdfPageCount(pdf!);
    longPageCount = pdfPageCount(longPdf!);
  }, 180_000);
  afterAll(releaseLibreOffice);

  it('shows every 18-digit ID number and every date intact on its row’s line', () => {
    expect(checkRowsIntact(pages, members)).toEqual([]);
  });

  it('does so again with three 8-character names, which wrap instead of widening 姓名', () => {
    expect(checkRowsIntact(longPages, withLong)).toEqual([]);
    expect(longPageCount).toBeLessThanOrEqual(pageCount + 1);
  });

  it('numbers its pages 第 n 页 共 N 页 and repeats the header on every page', () => {
    expect(pageCount).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('身份证号');
      expect(page.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`第${i + 1}页共${pageCount}页`);
    });
  });

  it('writes every member in one table at the fitted widths', () => {
    const cells = readDocx(docxFile).tables[0]!;
    expect(cells.rows).toHaveLength(301);
    expect(cells.columnWidths.reduce((a, b) => a + b, 0)).toBe(textWidth(RECORD, 'landscape'));
  });
});
