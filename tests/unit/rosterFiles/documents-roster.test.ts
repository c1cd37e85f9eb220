/** The printed roster 党员花名册: LibreOffice opens it, its header repeats on every page, python-docx reads every name. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textWidth, RECORD, toBuffer } from '../../../main/documents/kit';
import { buildRosterDocument, DEFAULT_ROSTER_COLUMNS, registerDate, rosterLayout, ROSTER_COLUMNS, type RosterMember } from '../../../main/documents';
import type { Member } from '../../../shared/domain/member';
import { pdfPageCount, pdfPages, printDocuments, releaseLibreOffice, readDocx, sampleMembers, outputDir, saveFile, type PrintedDocument } from '../../helpers/documents';

const members = sampleMembers(120) as RosterMember[];
const base = { branchName: '中共西部钻探公司第一钻井队党支部', date: '2026-11-25', members };

let dir: string;
let full: PrintedDocument;
let masked: PrintedDocument;

beforeAll(async () => {
  dir = outputDir('roster');
  const probationaryMasked = buildRosterDocument({
    ...base,
    members: members.filter((m) => m.category === '预备党员'),
    columns: ['name', 'idNumber', 'joinDate', 'address'],
    filterLabel: '预备党员',
    maskIdNumbers: true,
  });
  ({ full, masked } = await printDocuments(dir, { full: buildRosterDocument(base), masked: probationaryMasked }));
});

afterAll(releaseLibreOffice);

describe('printed roster', () => {
  it('is A4 landscape in the 记录本/表格 preset with a title and the date line', () => {
    const s = full.docx.sections[0]!;
    expect([s.pageWidth, s.pageHeight, s.orientation]).toEqual([16838, 11906, 'landscape']);
    expect(full.docx.paragraphs[0]!.text).toBe('中共西部钻探公司第一钻井队党支部党员花名册');
    expect(full.docx.paragraphs[0]!.runs[0]!.fonts.eastAsia).toBe('方正小标宋简体');
    expect(full.docx.paragraphs[1]!.text).toBe('截至2026年11月25日　　共120人');
    expect(s.footer).toMatch(/^第 +页 共 +页$/);
    expect(s.footerAlignment).toBe('center');
  });

  it('has 序号 and the chosen columns, with widths adding up to the text width', () => {
    const table = full.docx.tables[0]!;
    expect(table.rows[0]).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '学历', '身份证号', '入党日期', '转正日期', '人员类别', '党小组', '岗位/职务', '联系电话']);
    expect(table.rows[0]).toHaveLength(DEFAULT_ROSTER_COLUMNS.length + 1);
    expect(table.columnWidths.reduce((a, b) => a + b, 0)).toBe(textWidth(RECORD, 'landscape'));
  });

  it('marks only the header row to repeat, and no row may split across pages', () => {
    const table = full.docx.tables[0]!;
    expect(table.headerRows[0]).toBe(true);
    expect(table.headerRows.slice(1).every((h) => !h)).toBe(true);
    expect(table.cantSplit.every(Boolean)).toBe(true);
  });

  it('lists every member, numbered, with full ID numbers and dates as 1962.01.01', () => {
    const rows = full.docx.tables[0]!.rows.slice(1);
    expect(rows.map((r) => r[1])).toEqual(members.map((m) => m.name));
    expect(rows.map((r) => r[0])).toEqual(members.map((_, i) => String(i + 1)));
    expect(rows[0]![6]).toBe(members[0]!.idNumber);
    expect(rows[0]![4]).toBe(registerDate(members[0]!.birthDate));
    expect(rows[0]![4]).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    const probationary = rows.find((r) => r[9] === '预备党员')!;
    expect(probationary[8]).toBe('');
  });

  it('names the table font on the cells\' runs as well as the style', () => {
    expect(full.docx.styles.TableText!.fonts.eastAsia).toBe('仿宋_GB2312');
    expect(full.docx.styles.TableHeader!.fonts.eastAsia).toBe('仿宋_GB2312');
  });

  it('opens in LibreOffice and runs to several pages, the header on every one', () => {
    const pages = pdfPages(full.pdf);
    expect(pdfPageCount(full.pdf)).toBeGreaterThan(1);
    expect(pages).toHaveLength(pdfPageCount(full.pdf));
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('身份证号');
      expect(page, `page ${i + 1}`).toContain('序号');
      expect(page.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
    });
    const text = pages.join('\n');
    for (const m of [members[0]!, members[59]!, members.at(-1)!]) expect(text).toContain(m.idNumber as string);
  });

  it('keeps every value on one line in the default columns', () => {
    const lines = pdfPages(full.pdf, { layout: true })[0]!.split('\n');
    const first = members[0]!;
    const row = lines.find((l) => l.includes(first.idNumber as string))!;
    for (const value of [first.name, registerDate(first.birthDate), first.education, first.phone]) expect(row).toContain(value as string);
  });

  it('masks ID numbers when asked, and prints the filter', () => {
    const rows = masked.docx.tables[0]!.rows;
    expect(rows[0]).toEqual(['序号', '姓名', '身份证号', '入党日期', '家庭住址']);
    const probationary = members.filter((m) => m.category === '预备党员');
    expect(rows.slice(1).map((r) => r[1])).toEqual(probationary.map((m) => m.name));
    for (const r of rows.slice(1)) expect(r[2]).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(masked.docx.paragraphs[1]!.text).toBe(`范围：预备党员　　截至2026年11月25日　　共${probationary.length}人`);
    expect(pdfPageCount(masked.pdf)).toBe(1);
    expect(pdfPages(masked.pdf)[0]).not.toContain(probationary[0]!.idNumber as string);
  });

  it('tells the export dialog when the chosen columns crowd the page', () => {
    expect(rosterLayout(base)).toEqual({ size: 9, wraps: false, crowded: false });
    expect(rosterLayout({ ...base, columns: ['name', 'gender', 'phone'] })).toMatchObject({ size: 14, crowded: false });
    expect(rosterLayout({ ...base, columns: ROSTER_COLUMNS.map((c) => c.key) }).crowded).toBe(true);
  });

  it('takes members as the store gives them, and prints an empty roster as a header alone', async () => {
    const fromStore: Member[] = [];
    const file = saveFile(dir, 'roster-empty.docx', await toBuffer(buildRosterDocument({ ...base, members: fromStore })));
    const empty = readDocx(file);
    expect(empty.tables[0]!.rows).toHaveLength(1);
    expect(empty.paragraphs[1]!.text).toBe('截至2026年11月25日　　共0人');
  });

  it('writes markup characters in the data as text', async () => {
    const odd = [{ ...members[0]!, name: '李<&>"\'', remark: '  前后有空格  ', address: '一行\n二行' }];
    const file = saveFile(dir, 'roster-odd.docx', await toBuffer(buildRosterDocument({ ...base, members: odd, columns: ['name', 'address', 'remark'] })));
    expect(readDocx(file).tables[0]!.rows[1]).toEqual(['1', '李<&>"\'', '一行二行', '前后有空格']);
  });

  it('refuses a column it does not know', () => {
    expect(() => buildRosterDocument({ ...base, columns: ['name', 'shoeSize'] })).toThrow('shoeSize');
  });

  it('builds a 1,000-member roster whose table python-docx reads whole', async () => {
    const many = sampleMembers(1000) as RosterMember[];
    const file = saveFile(dir, 'roster-1000.docx', await toBuffer(buildRosterDocument({ ...base, members: many })));
    const table = readDocx(file).tables[0]!;
    expect(table.rows).toHaveLength(1001);
    expect(table.rows[1000]![1]).toBe(many[999]!.name);
  });
});
