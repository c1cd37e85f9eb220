/**
 * Importing a roster made by hand: title rows, header on row 3, variant and shuffled headers, every
 * date form, numeric and full-width ID numbers, blank, total and signature rows — as written by
 * ExcelJS, and as re-saved by LibreOffice (.xls and .xlsx, another writer).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../main/services/backup/backups';
import {
  applyImport,
  describeIssue,
  previewImport,
  previewSummary,
  readSpreadsheetFile,
  type Grid,
  type ImportPreview,
} from '../../../main/services/spreadsheet/index';
import { LOST_DIGITS_MESSAGE } from '../../../main/services/spreadsheet/values';
import { sampleMember, tempDir, type TestContext } from '../../helpers/context';
import { badChecksum, buildXlsx, convertWithLibreOffice, idNumber, rosterContext, type SheetCell } from '../../helpers/sheets';

const TODAY = '2026-11-25';
const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** An ID number ending in X. */
function idEndingInX(birthDate: string, gender: '男' | '女'): string {
  for (let seq = 1; ; seq++) {
    const id = idNumber(birthDate, gender, seq);
    if (id.endsWith('X')) return id;
  }
}

const LI_SI = idNumber('1980-05-20', '男', 3);
const WANG_WU = idNumber('1975-02-10', '男', 5);
const SUN_BA = idNumber('1990-01-01', '女', 7);
const NEW_A = idNumber('1985-03-17', '男', 11);
const NEW_B = idNumber('1995-08-08', '男', 13);
const NEW_C = idEndingInX('1979-11-30', '女');

const STORED = [
  sampleMember(), // 张三, 11010519491231002X
  sampleMember({ name: '李四', gender: '男', idNumber: LI_SI, birthDate: '1980-05-20', education: '31', joinDate: '2004-07-01', fullDate: '2005-07-01', partyGroup: '第一党小组', post: '井架工' }),
  sampleMember({ name: '王五', gender: '男', idNumber: WANG_WU, birthDate: '1975-02-10', education: '41', joinDate: '2000-06-01', fullDate: '2001-06-01', phone: '13900000001' }),
  sampleMember({ name: '孙八', idNumber: SUN_BA, birthDate: '1990-01-01', category: '预备党员', joinDate: '2026-03-01', fullDate: null }),
];

const HEADER = ['序号', '姓 名', '公民身份号码', '性别', '民族', '出生年月\n（年.月）', '文化程度', ' 入党日期 ', '转为正式党员日期', '人员类别', '所在党小组', '手机号码', '岗位职务', '备注', '申请入党时间（年月）'];

/** The hand-made roster: rows 4..18 as Excel numbers them. */
function handMadeRows(): SheetCell[][] {
  return [
    ['第一钻井队党支部党员花名册'],
    ['填报单位：第一钻井队党支部　　　　2024年1月'],
    HEADER,
    [1, '张三', '11010519491231002X', '女', '汉', utc('1949-12-31'), '大学本科毕业', '1975.07', '1976-07-01', '正式党员'],
    [2, '李 四', ` ${fullWidth(LI_SI)} `, '男', '汉族', '1980/5/20', '大专', '2004/7/1', '2005.7.1', '正式', '第一党小组', null, '司钻'],
    [3, '王五', null, '男', '汉族', utc('1975-02-10'), '中专', '2000年6月1日', '2001年6月', '正式党员', null, 13900000002],
    [4, '赵 六', NEW_A, '男', '汉族', '1985年3月', '本科', '2010年7月1日', '20110701', '正式', '第二党小组', 13800138000, '机械师', '新调入'],
    [5, '钱七', NEW_B, '男性', '回', 19950808, '大专', { value: 2025.03, numFmt: '0.00' }, null, '预备', '第二党小组', null, null, null, 202310],
    [null, ' '],
    [8],
    [9, '孙九', 110105199001011000, '女', '汉族', '1990.01', '高中', '2015.06', '2016.06', '正式'],
    [10, '周十', badChecksum(idNumber('1988-08-08', '男', 15)), '男', '汉族', utc('1988-08-08'), '本科', '2012-07-01', '2013-07-01', '正式党员'],
    [11, '吴十一', NEW_A, '男', '汉族', '1985-03-17', '本科', '2010-07-01', '2011-07-01', '正式党员'],
    [12, '郑十二', idNumber('1992-12-12', '女', 17), '女', '火星族', '1992-12-12', '本科', '2004.13', null, '预备党员'],
    [13, '冯十三', SUN_BA, '女', '汉族', '1990-01-01', '本科', '2026-03-01', null, '预备党员'],
    [14, '王小丽', ` ${NEW_C.toLowerCase()} `, '女', '满', utc('1979-11-30'), '研究生', '2004-07-01', '2005/7/1', '正式党员', '第一党小组', '0317-1234567', null, null, '2003.10'],
    ['合计', null, '共 14 人'],
    ['制表人：王芳　　审核人：李强　　日期：2024年1月'],
  ];
}

const EXPECTED_INVALID = [
  { row: 11, column: 'C', field: 'idNumber', message: LOST_DIGITS_MESSAGE },
  { row: 12, column: 'C', field: 'idNumber', message: '身份证号校验位不正确，请核对是否录入有误' },
  { row: 13, column: 'C', field: 'idNumber', message: '与第 7 行的身份证号重复' },
  { row: 14, column: 'E', field: 'ethnicity', message: '请填写 56 个民族之一（表中为“火星族”）' },
  { row: 14, column: 'H', field: 'joinDate', message: '无法识别的日期“2004.13”，请写成 2004-07-01、2004.07 或 2004年7月1日' },
  { row: 15, column: 'C', field: 'idNumber', message: '与已有党员“孙八”的身份证号相同，但姓名不同（表中为“冯十三”），请核对身份证号' },
];

const EXPECTED_MAPPING = {
  A: null, B: 'name', C: 'idNumber', D: 'gender', E: 'ethnicity', F: 'birthDate', G: 'education', H: 'joinDate', I: 'fullDate',
  J: 'category', K: 'partyGroup', L: 'phone', M: 'post', N: 'remark', O: 'applicationDate',
};

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDir('branch-desk-sheets-');
  files.xlsx = path.join(dir, '党员花名册.xlsx');
  fs.writeFileSync(files.xlsx, await buildXlsx(handMadeRows(), { merges: ['A1:O1', 'A2:O2'] }));
  files['xls (LibreOffice)'] = convertWithLibreOffice(files.xlsx, 'xls', path.join(dir, 'lo-xls'));
  files['xlsx (LibreOffice)'] = convertWithLibreOffice(files.xlsx, 'xlsx', path.join(dir, 'lo-xlsx'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let t: TestContext;
beforeEach(async () => {
  t = await rosterContext(STORED, TODAY);
});
afterEach(() => t.cleanup());

const outcomes = (p: ImportPreview) => Object.fromEntries(p.rows.map((r) => [r.row, r.outcome]));
const rowOf = (p: ImportPreview, n: number) => p.rows.find((r) => r.row === n)!;

describe.each(['xlsx', 'xls (LibreOffice)', 'xlsx (LibreOffice)'])('the hand-made roster as %s', (kind) => {
  let grid: Grid;
  beforeAll(async () => {
    grid = await readSpreadsheetFile(files[kind]!);
  });

  it('finds the header on row 3 under the merged title rows and guesses every column', () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    expect(p.headerRow).toBe(3);
    expect(p.mapping).toEqual(EXPECTED_MAPPING);
    expect(p.headers.F).toBe('出生年月\n（年.月）');
    expect(p.missingFields).toEqual([]);
  });

  it('previews each row exactly: new, update, unchanged, invalid with row and column, blank and footer rows skipped', () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    expect(outcomes(p)).toEqual({
      4: 'unchanged', 5: 'update', 6: 'update', 7: 'new', 8: 'new',
      11: 'invalid', 12: 'invalid', 13: 'invalid', 14: 'invalid', 15: 'invalid', 16: 'new',
    });
    expect(previewSummary(p)).toEqual({ new: 3, updated: 2, unchanged: 1, invalid: EXPECTED_INVALID, mapping: EXPECTED_MAPPING });
    expect(p.skipped).toEqual([
      { row: 9, reason: 'blank', text: '' },
      { row: 10, reason: 'blank', text: '' },
      { row: 17, reason: 'footer', text: '合计 共 14 人' },
      { row: 18, reason: 'footer', text: '制表人：王芳  审核人：李强  日期：2024年1月' },
    ]);
    expect(describeIssue(p.invalid[1]!)).toBe('第 12 行 C 列（身份证号）：身份证号校验位不正确，请核对是否录入有误');
  });

  it('updates only what changed, matching by ID number (full-width, spaced) or else by name and birth date', () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    expect(rowOf(p, 5)).toMatchObject({ matchedBy: 'idNumber', name: '李四', changes: [{ field: 'post', before: '井架工', after: '司钻' }] });
    expect(rowOf(p, 6)).toMatchObject({ matchedBy: 'nameBirthDate', changes: [{ field: 'phone', before: '13900000001', after: '13900000002' }] });
    expect(rowOf(p, 6).notes).toEqual([{ row: 6, column: 'C', field: 'idNumber', message: '表中未填，保留原有内容' }]);
    expect(rowOf(p, 4).memberId).not.toBeNull();
    expect(rowOf(p, 4).notes).toEqual([]); // “1975.07” for a member stored as 1975-07-01 is no change and needs no note
  });

  it('reads every value form into the member fields', () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    expect(rowOf(p, 7).fields).toMatchObject({ name: '赵六', birthDate: '1985-03-17', joinDate: '2010-07-01', fullDate: '2011-07-01', education: '21', phone: '13800138000', post: '机械师', remark: '新调入' });
    expect(rowOf(p, 7).partyGroup).toBe('第二党小组');
    expect(rowOf(p, 7).notes).toEqual([{ row: 7, column: 'F', field: 'birthDate', message: '只有年月，按身份证号取 1985-03-17' }]);
    expect(rowOf(p, 8).fields).toMatchObject({ gender: '男', ethnicity: '回族', birthDate: '1995-08-08', education: '31', category: '预备党员', joinDate: '2025-03-01', applicationDate: '2023-10-01', fullDate: null });
    expect(rowOf(p, 8).notes.map((n) => `${n.column}:${n.message}`)).toEqual(['H:入党日期只有年月，按 2025-03-01 记录', 'O:申请入党日期只有年月，按 2023-10-01 记录']);
    expect(rowOf(p, 16).fields).toMatchObject({ idNumber: NEW_C, ethnicity: '满族', birthDate: '1979-11-30', education: '10', joinDate: '2004-07-01', fullDate: '2005-07-01', applicationDate: '2003-10-01', phone: '0317-1234567' });
    expect(rowOf(p, 11).fields).toBeNull();
  });

  it('takes a corrected mapping: a column left out keeps the stored values of an update', () => {
    const p = previewImport(t.db, grid, { today: TODAY, mapping: { M: null } });
    expect(p.mapping.M).toBeNull();
    expect(rowOf(p, 5).outcome).toBe('unchanged');
    expect(rowOf(p, 7).fields?.post).toBe('');
  });
});

describe('writing the import', () => {
  let grid: Grid;
  beforeAll(async () => {
    grid = await readSpreadsheetFile(files.xlsx!);
  });
  const memberCount = () => (t.db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  const logCount = () => (t.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

  it('refuses to write while rows are invalid, unless told to skip them; writes nothing and makes no backup', async () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    const before = [memberCount(), logCount()];
    await expect(applyImport(t.db, t.databasePath, p)).rejects.toMatchObject({ code: 'E_VALIDATION', message: expect.stringContaining('有 5 行不能导入') });
    expect([memberCount(), logCount()]).toEqual(before);
    expect(listBackups(t.databasePath).filter((b) => b.reason === 'before-import')).toEqual([]);
  });

  it('writes new and updated rows after a before-import backup, through the change log; the second time all is unchanged', async () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    const logBefore = logCount();
    const r = await applyImport(t.db, t.databasePath, p, { skipInvalid: true });
    expect(r).toMatchObject({ inserted: 3, updated: 2, unchanged: 1, skipped: 5 });
    expect(r.backup?.reason).toBe('before-import');
    expect(fs.existsSync(r.backup!.path)).toBe(true);
    expect(memberCount()).toBe(STORED.length + 3);
    // 3 inserts + 2 updates + the new party group 第二党小组
    expect(logCount() - logBefore).toBe(6);
    const li = await t.call('members.history', { id: rowOf(p, 5).memberId! });
    expect(li[0]!.changes).toEqual([{ field: 'post', label: '岗位/职务', before: '井架工', after: '司钻' }]);
    const groups = await t.call('groups.list');
    expect(groups.map((g) => g.name).sort()).toEqual(['第一党小组', '第二党小组']);

    const again = previewImport(t.db, grid, { today: TODAY });
    expect(outcomes(again)).toMatchObject({ 4: 'unchanged', 5: 'unchanged', 6: 'unchanged', 7: 'unchanged', 8: 'unchanged', 16: 'unchanged' });
    expect(again.new + again.updated).toBe(0);
    const second = await applyImport(t.db, t.databasePath, again, { skipInvalid: true });
    expect(second.backup).toBeNull();
    expect(logCount() - logBefore).toBe(6);
  });

  it('writes in one transaction: a failure part-way leaves nothing written (not even the new group)', async () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    const before = [memberCount(), logCount()];
    const failing = applyImport(t.db, t.databasePath, p, {
      skipInvalid: true,
      onProgress: (done) => {
        if (done === 4) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect([memberCount(), logCount()]).toEqual(before);
    expect((await t.call('groups.list')).map((g) => g.name)).toEqual(['第一党小组']);
    expect(listBackups(t.databasePath).some((b) => b.reason === 'before-import')).toBe(true);
  });

  it('refuses a stale preview: a member edited after the preview is not overwritten', async () => {
    const p = previewImport(t.db, grid, { today: TODAY });
    const id = rowOf(p, 5).memberId!;
    const m = await t.call('members.get', { id });
    const { id: _id, branchId, partyGroup, createdAt, updatedAt, probationExtensionMonths, ...fields } = m;
    await t.call('members.update', { id, fields: { ...fields, remark: '已在别处修改' } });
    await expect(applyImport(t.db, t.databasePath, p, { skipInvalid: true })).rejects.toMatchObject({ code: 'E_CONFLICT' });
    expect((await t.call('members.get', { id })).post).toBe('井架工');
  });
});


describe('other shapes', () => {
  it('finds the roster on a later sheet when the first one is an instructions page', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRow(['请按要求填写，日期写成 2004.07']);
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '身份证号', '性别', '民族', '出生日期', '学历', '人员类别', '入党时间', '转正时间']);
    ws.addRow(['张三', '11010519491231002X', '女', '汉族', '1949-12-31', '大学本科毕业', '正式党员', '1975-07-01', '1976-07-01']);
    const file = path.join(t.dir, 'two-sheets.xlsx');
    await wb.xlsx.writeFile(file);
    const p = previewImport(t.db, await readSpreadsheetFile(file), { today: TODAY });
    expect([p.sheetName, p.headerRow, p.unchanged]).toEqual(['花名册', 1, 1]);
  });

  it('reads a file by its content, not its name: an .xls renamed to .xlsx; a total row after a running number', async () => {
    const xlsx = path.join(t.dir, 'renamed-src.xlsx');
    fs.writeFileSync(xlsx, await buildXlsx([
      ['序号', '姓名', '身份证号', '性别', '民族', '出生日期', '学历', '人员类别', '入党时间', '转正时间'],
      [1, '张三', '11010519491231002X', '女', '汉族', utc('1949-12-31'), '大学本科毕业', '正式党员', '1975-07-01', '1976-07-01'],
      [2, '合计：1 人'],
    ]));
    const xls = convertWithLibreOffice(xlsx, 'xls', path.join(t.dir, 'lo'));
    const renamed = path.join(t.dir, 'renamed.xlsx');
    fs.renameSync(xls, renamed);
    const grid = await readSpreadsheetFile(renamed);
    expect(grid.format).toBe('xls');
    const p = previewImport(t.db, grid, { today: TODAY });
    expect([p.unchanged, p.invalid.length]).toEqual([1, 0]);
    expect(p.skipped).toEqual([{ row: 3, reason: 'footer', text: '2 合计：1 人' }]);
  });

  it('without a recognisable header the preview is refused; the caller may name the header row instead', async () => {
    const file = path.join(t.dir, 'no-header.xlsx');
    fs.writeFileSync(file, await buildXlsx([['说明：本表为 2023 年底数据'], ['张三', '11010519491231002X']]));
    const grid = await readSpreadsheetFile(file);
    expect(() => previewImport(t.db, grid, { today: TODAY })).toThrow('没有找到表头');
    const p = previewImport(t.db, grid, { today: TODAY, headerRow: 1, mapping: { A: 'name', B: 'idNumber' } });
    expect(p.mapping).toEqual({ A: 'name', B: 'idNumber' });
    expect(p.rows).toMatchObject([{ row: 2, outcome: 'unchanged', matchedBy: 'idNumber' }]);
  });

  it('a status changed through the sheet is an update with a note to record the event', async () => {
    const data = await buildXlsx([
      ['姓名', '身份证号', '党籍状态'],
      ['张三', '11010519491231002X', '转出'],
    ]);
    const file = path.join(t.dir, 'status.xlsx');
    fs.writeFileSync(file, data);
    const p = previewImport(t.db, await readSpreadsheetFile(file), { today: TODAY });
    expect(p.rows[0]).toMatchObject({ outcome: 'update', changes: [{ field: 'status', before: '正常', after: '转出' }] });
    expect(p.rows[0]!.notes.map((n) => n.column)).toEqual(['C']);
    expect(p.missingFields).toEqual(['ethnicity', 'education', 'category', 'joinDate']);
  });

  it('a new member without a required column is invalid, naming the missing column; a bad mapping is refused', async () => {
    const file = path.join(t.dir, 'short.xlsx');
    fs.writeFileSync(file, await buildXlsx([['姓名', '身份证号', '性别', '民族', '学历', '人员类别', '爱好'], ['刘洋', idNumber('1988-04-09', '女', 21), '女', '汉族', '本科', '正式', '入党日期 2012.07']]));
    const grid = await readSpreadsheetFile(file);
    const p = previewImport(t.db, grid, { today: TODAY });
    expect(p.mapping.G).toBeNull();
    expect(p.invalid).toEqual([{ row: 2, column: null, field: 'joinDate', message: '表中没有“入党日期”这一列，新党员必须填写' }]);
    expect(describeIssue(p.invalid[0]!)).toBe('第 2 行（入党日期）：表中没有“入党日期”这一列，新党员必须填写');
    expect(() => previewImport(t.db, grid, { today: TODAY, mapping: { G: 'hobby' as never } })).toThrow('G 列：未知的字段“hobby”');
  });
});
