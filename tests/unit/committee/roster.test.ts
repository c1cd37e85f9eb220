/** A committee database holding several branches: the roster's 支部 column, adding a member to a chosen branch, exports across branches. */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { committee as committeeOf, committeeIdNumber, person } from '../../helpers/committee';
import { trackContexts, type TestContext } from '../../helpers/context';
import { docxToPdf, outputDir, pdfPageCount, pdfText, readDocx, releaseLibreOffice, renderPages, saveFile } from '../../helpers/documents';

const track = trackContexts();

const committee = () => committeeOf(track);

describe('the roster across branches', () => {
  it('names each row’s branch and sorts by branch, with and without search text', async () => {
    const { c, local, bing } = await committee();
    const all = await c.call('members.search', { branchId: 'all', sort: 'branch' });
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => r.branchName)).toEqual([
      '中共丙钻井队支部委员会', '中共丙钻井队支部委员会', '中共丙钻井队支部委员会',
      '中共乙钻井队支部委员会', '中共乙钻井队支部委员会', '中共甲钻井队支部委员会',
    ].sort((a, b) => (a < b ? -1 : 1)));
    expect(all.rows.find((r) => r.name === '王建国')).toMatchObject({ branchId: local, branchName: '中共甲钻井队支部委员会' });
    const desc = await c.call('members.search', { branchId: 'all', sort: 'branch', order: 'desc' });
    expect(desc.rows.map((r) => r.branchName)).toEqual(all.rows.map((r) => r.branchName).reverse());
    // Search text takes the scanning path: the same order.
    const text = await c.call('members.search', { branchId: 'all', sort: 'branch', query: '1980' });
    expect(text.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    const one = await c.call('members.search', { branchId: bing });
    expect(new Set(one.rows.map((r) => r.branchName))).toEqual(new Set(['中共丙钻井队支部委员会']));
  });
});

describe('adding a member to a chosen branch', () => {
  it('adds to the named branch, and to the local one when none is named', async () => {
    const { c, local, yi } = await committee();
    const m = await c.call('members.create', { ...person('孙红', 25), branchId: yi });
    expect(m.branchId).toBe(yi);
    expect((await c.call('members.search', { branchId: yi })).total).toBe(3);
    expect((await c.call('members.search', {})).total).toBe(1);
    const own = await c.call('members.create', person('周明', 26));
    expect(own.branchId).toBe(local);
  });

  it('checks ID numbers for duplicates within the branch the member joins', async () => {
    const { c, local, yi, bing } = await committee();
    // 张伟 (day 21) is in 乙: a second 张伟 there is refused …
    const dup = await c.call('members.create', { ...person('张伟', 21), branchId: yi }).catch((e) => e.payload);
    expect(dup).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'idNumber', message: '与已有党员“张伟”的身份证号重复' }] });
    expect((await c.call('members.search', { branchId: yi })).total).toBe(2);
    // … while the rule is per branch: the same person may be entered in another branch (as the hand-over merge assumes).
    await expect(c.call('members.create', { ...person('张伟', 21), branchId: bing })).resolves.toMatchObject({ branchId: bing });
    // And a number used in the local branch does not block the other branch.
    await expect(c.call('members.create', { ...person('王建国', 1), branchId: yi })).resolves.toMatchObject({ branchId: yi });
    expect((await c.call('members.search', { branchId: local })).total).toBe(1);
  });

  it('refuses a branch that does not exist, or is no id, naming the field', async () => {
    const { c } = await committee();
    const missing = await c.call('members.create', { ...person('孙红', 25), branchId: '00000000-0000-4000-8000-000000000000' }).catch((e) => e.payload);
    expect(missing).toMatchObject({ code: 'E_VALIDATION', message: '所属支部：所选支部不存在', issues: [{ field: 'branchId' }] });
    const bad = await c.call('members.create', { ...person('孙红', 25), branchId: 'abc' }).catch((e) => e.payload);
    expect(bad).toMatchObject({ code: 'E_VALIDATION', message: '所属支部：所选支部无效' });
    expect((await c.call('members.search', { branchId: 'all' })).total).toBe(6);
  });

  it('offers and accepts only the party groups of the branch the member joins', async () => {
    const { c, yi } = await committee();
    const localGroup = await c.call('groups.save', { name: '司钻组' });
    const yiGroups = await c.call('groups.list', { branchId: yi });
    expect(yiGroups).toEqual([]);
    expect((await c.call('groups.list', {})).map((g) => g.id)).toEqual([localGroup.id]);
    const wrong = await c.call('members.create', { ...person('孙红', 25), branchId: yi, partyGroupId: localGroup.id }).catch((e) => e.payload);
    expect(wrong).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'partyGroupId', message: '所选党小组不存在' }] });
    const none = await c.call('groups.list', { branchId: '00000000-0000-4000-8000-000000000000' }).catch((e) => e.payload);
    expect(none).toMatchObject({ code: 'E_VALIDATION', message: '支部：所选支部不存在' });
  });
});

describe('roster exports across branches', () => {
  async function sheet(data: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data, 'base64') as never);
    const ws = wb.worksheets[0]!;
    return [1, 2, 3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  }

  it('adds a 所在支部 column and names the scope when exporting every branch; one branch keeps its own name and no column', async () => {
    const { c, yi } = await committee();
    const all = await c.call('roster.exportXlsx', { filter: { branchId: 'all', sort: 'branch' }, columns: ['name', 'idNumber'] });
    expect(all.count).toBe(6);
    expect(all.fileName).toMatch(/^各支部党员名册-/);
    const [title, , header, first] = await sheet(all.data);
    expect(title![0]).toBe('各支部党员花名册');
    expect(header).toEqual(['序号', '所在支部', '姓名', '身份证号']);
    expect(first).toEqual([1, '中共丙钻井队支部委员会', '陈强', committeeIdNumber(11)]);

    const one = await c.call('roster.exportXlsx', { filter: { branchId: yi }, columns: ['name'] });
    expect(one.fileName).toMatch(/^中共乙钻井队支部委员会党员名册-/);
    const [title1, , header1] = await sheet(one.data);
    expect(title1![0]).toBe('中共乙钻井队支部委员会党员花名册');
    expect(header1).toEqual(['序号', '姓名']);

    const word = await c.call('roster.exportDocx', { filter: { branchId: 'all' }, columns: ['name'] });
    expect(word.count).toBe(6);
    expect(word.fileName).toMatch(/^各支部党员花名册-/);
  });

  it('a file exported across branches reads back: the 所在支部 column is skipped by the importer', async () => {
    const { c } = await committee();
    const all = await c.call('roster.exportXlsx', { filter: { branchId: 'all' } });
    const preview = await c.call('roster.importPreview', { data: all.data, fileName: 'all.xlsx' });
    const column = Object.entries(preview.headers).find(([, text]) => text === '所在支部')?.[0];
    expect(column).toBe('B');
    expect(preview.mapping[column!]).toBeNull();
    expect(preview.mapping.C).toBe('name');
    // Read into the local branch: its own member is unchanged, the others' rows are new to it; none invalid.
    expect(preview.counts).toEqual({ new: 5, updated: 0, unchanged: 1, invalid: 0 });
  });
});

describe('the printed roster across branches', () => {
  afterAll(releaseLibreOffice);

  it('prints 所在支部 right after 序号, read back with python-docx, and fits its landscape page', async () => {
    const { c } = await committee();
    const word = await c.call('roster.exportDocx', { filter: { branchId: 'all', sort: 'branch' } });
    const dir = outputDir('committee-roster');
    const file = saveFile(dir, 'all-branches.docx', Buffer.from(word.data, 'base64'));
    const doc = readDocx(file);
    expect(doc.paragraphs.map((p) => p.text)).toContain('各支部党员花名册');
    const table = doc.tables[0]!;
    expect(table.rows[0]!.slice(0, 3)).toEqual(['序号', '所在支部', '姓名']);
    expect(table.rows.slice(1).map((r) => r[1])).toEqual([
      '中共丙钻井队支部委员会', '中共丙钻井队支部委员会', '中共丙钻井队支部委员会',
      '中共乙钻井队支部委员会', '中共乙钻井队支部委员会', '中共甲钻井队支部委员会',
    ]);
    expect(doc.sections[0]!.orientation).toBe('landscape');
    const pdf = docxToPdf(file);
    expect(pdfPageCount(pdf)).toBe(1);
    // At 五号 with the default columns the branch name (free text) may wrap; it is printed whole.
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain('中共丙钻井队支部委员会');
    renderPages(pdf, join(dir, 'page'));
  }, 120_000);
});
