/** Cell values as people type them, header texts as people write them, and the grid readers' date handling. */
import { describe, expect, it } from 'vitest';
import { fieldForHeader, findHeaderRow } from '../../../main/services/spreadsheet/headers';
import { matchColumns } from '../../../main/services/spreadsheet/matching';
import { columnIndex, columnLetter, serialToDate, isDateFormat, type Cell, type Grid } from '../../../main/services/spreadsheet/grid';
import { readSpreadsheet } from '../../../main/services/spreadsheet/readers';
import { LOST_DIGITS_MESSAGE, parseDateText, readCell } from '../../../main/services/spreadsheet/values';
import { buildXlsx } from '../../helpers/sheets';

const text = (t: string): Cell => ({ kind: 'text', text: t });
const num = (value: number, numFmt?: string): Cell => ({ kind: 'number', value, numFmt });

describe('dates', () => {
  it.each([
    ['2004.07', '2004-07-01', true],
    ['2004.7', '2004-07-01', true],
    ['2004.7.1', '2004-07-01', false],
    ['2004-07-01', '2004-07-01', false],
    ['2004/7/1', '2004-07-01', false],
    ['2004/7/1 0:00', '2004-07-01', false],
    ['2004年7月', '2004-07-01', true],
    ['2004年7月1日', '2004-07-01', false],
    ['２００４年７月１日', '2004-07-01', false],
    ['200407', '2004-07-01', true],
    ['20040701', '2004-07-01', false],
    [' 2004 . 07 ', '2004-07-01', true],
  ])('text %j is %s (month only: %s)', (input, date, monthOnly) => {
    expect(parseDateText(input)).toEqual({ date, monthOnly });
  });

  it.each(['2004.13', '2004-02-30', '1899-12-31', '04.07', '七月', '2004年'])('text %j is not a date', (input) => {
    expect(parseDateText(input)).toBeNull();
  });

  it('reads dates typed into number cells, and says when only the month is known', () => {
    expect(readCell('joinDate', num(2004.07), '入党日期')).toEqual({ ok: true, value: '2004-07-01', monthOnly: true, note: '入党日期只有年月，按 2004-07-01 记录' });
    expect(readCell('joinDate', num(2004.1, '0.00'), '入党日期')).toMatchObject({ value: '2004-10-01' });
    expect(readCell('joinDate', num(2004.1), '入党日期')).toMatchObject({
      value: '2004-01-01',
      note: '入党日期只有年月，按 2004-01-01 记录；如果是 2004 年 10 月，请把该列设为文本后写成 2004.10',
    });
    expect(readCell('joinDate', num(200407), '入党日期')).toMatchObject({ value: '2004-07-01', monthOnly: true });
    expect(readCell('joinDate', num(20040701), '入党日期')).toEqual({ ok: true, value: '2004-07-01' });
    expect(readCell('joinDate', num(38169), '入党日期')).toEqual({ ok: true, value: '2004-07-01' }); // a serial whose date format was lost
    expect(readCell('joinDate', { kind: 'date', date: '2004-07-01' }, '入党日期')).toEqual({ ok: true, value: '2004-07-01' });
    expect(readCell('lostContactDate', text('2025年6月'), '失去联系日期')).toEqual({ ok: true, value: '2025-06' });
    expect(readCell('fullDate', text(''), '转正日期')).toEqual({ ok: true, value: null });
    expect(readCell('joinDate', text('去年七月'), '入党日期')).toEqual({ ok: false, message: '无法识别的日期“去年七月”，请写成 2004-07-01、2004.07 或 2004年7月1日' });
  });

  it('converts serial numbers in both date systems, with the phantom 29 Feb 1900', () => {
    expect(serialToDate(38169)).toBe('2004-07-01');
    expect(serialToDate(38169 - 1462, true)).toBe('2004-07-01');
    expect(serialToDate(61)).toBe('1900-03-01');
    expect(serialToDate(59)).toBe('1900-02-28');
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('YYYY\\-MM\\-DD')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('[h]:mm:ss')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });

  it.each([false, true])('reads real Excel dates by their UTC calendar day (1904 system: %s)', async (date1904) => {
    const data = await buildXlsx([['出生日期'], [new Date(Date.UTC(1949, 11, 31))], [new Date(Date.UTC(2004, 6, 1, 23, 59, 59, 999))]], { date1904 });
    const grid = await readSpreadsheet(data, 'xlsx');
    expect(grid.rows.slice(1).map((r) => r.cells[0])).toEqual([
      { kind: 'date', date: '1949-12-31' },
      { kind: 'date', date: '2004-07-02' },
    ]);
  });
});

describe('other values', () => {
  it('ID numbers: text with full-width characters and spaces is normalised; a number cell has lost digits', () => {
    expect(readCell('idNumber', text(' １１０１０５１９４９１２３１００２ｘ '), '身份证号')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(readCell('idNumber', text("'11010519491231002X"), '身份证号')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(readCell('idNumber', num(110105194912310020), '身份证号')).toEqual({ ok: false, message: LOST_DIGITS_MESSAGE });
    expect(readCell('idNumber', text('1.10105E+17'), '身份证号')).toEqual({ ok: false, message: LOST_DIGITS_MESSAGE });
    expect(readCell('idNumber', num(110105491231002), '身份证号')).toEqual({ ok: true, value: '110105491231002' });
  });

  it('gender, ethnicity, education, category, status, yes/no, job category', () => {
    const value = (field: Parameters<typeof readCell>[0], t: string | number) => {
      const r = readCell(field, typeof t === 'number' ? num(t) : text(t), '');
      return r.ok ? r.value : r.message;
    };
    expect(['男', '女', '男性', ' 女性 ', '未知'].map((g) => value('gender', g))).toEqual(['男', '女', '男', '女', '性别应为男或女（表中为“未知”）']);
    expect(['汉', '汉族', '维吾尔', '毛难族', '火星族'].map((e) => value('ethnicity', e))).toEqual(['汉族', '汉族', '维吾尔族', '毛南族', '请填写 56 个民族之一（表中为“火星族”）']);
    expect(['本科', '大专', '中专', '高中', '研究生', '硕士', '大学本科', '大学本科毕业', '21', '本科学历'].map((e) => value('education', e))).toEqual([
      '21', '31', '41', '61', '10', '14', '20', '21', '21', '21',
    ]);
    expect(['正式', '预备', '正式党员', '预备党员', '中共预备党员'].map((c) => value('category', c))).toEqual(['正式党员', '预备党员', '正式党员', '预备党员', '预备党员']);
    expect(value('status', '转出')).toBe('转出');
    expect(['是', '否', 'Y'].map((v) => value('mobileMember', v))).toEqual([true, false, true]);
    expect([value('jobCategory', '企业专业技术人员'), value('jobCategory', 15), value('jobCategory', '0164'), value('jobCategory', '')]).toEqual(['015', '015', '0164', '']);
    expect(value('name', ' 张  三 ')).toBe('张三');
    expect(value('name', 'Anna  Li')).toBe('Anna Li');
    expect(value('phone', 13800138000)).toBe('13800138000');
    expect(value('partyGroup', '')).toBeNull();
  });
});

describe('headers', () => {
  it.each([
    ['姓 名', 'name'],
    ['出生年月\n（年.月）', 'birthDate'],
    ['出生时间', 'birthDate'],
    ['身份证号(18位)', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['*身份证号码', 'idNumber'],
    ['最高学历', 'education'],
    ['文化程度', 'education'],
    ['加入党组织日期', 'joinDate'],
    ['转为正式党员日期', 'fullDate'],
    ['党员类别', 'category'],
    ['类别', 'category'],
    ['所在党小组', 'partyGroup'],
    ['岗位／职务', 'post'],
    ['职务', 'post'],
    ['手机号', 'phone'],
    ['电话', 'phone'],
    ['现居住地', 'address'],
    ['申请入党时间', 'applicationDate'],
    ['序号', null],
    ['年龄', null],
    ['爱好', undefined],
  ])('%j -> %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('picks the row with the most header names among the first ten; a later duplicate column is not imported', () => {
    const row = (number: number, texts: string[]) => ({ number, cells: texts.map(text) });
    const grid: Grid = {
      format: 'csv',
      sheetName: '',
      rows: [row(1, ['党员花名册（姓名、性别）']), row(2, ['姓名', '备注']), row(4, ['序号', '姓名', '性别', '电话', '手机号码']), row(5, ['1', '张三', '女'])],
    };
    const header = findHeaderRow(grid)!;
    expect(header.number).toBe(4);
    expect(matchColumns(header, []).mapping).toEqual({ A: null, B: 'name', C: 'gender', D: 'phone', E: null });
  });

  it('column letters', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });
});

describe('unreadable files', () => {
  it('says what is wrong with a damaged file or an unknown extension, in Chinese', async () => {
    await expect(readSpreadsheet(Buffer.from('PK\u0003\u0004 not really a zip'), 'xlsx')).rejects.toMatchObject({
      code: 'E_VALIDATION',
      message: expect.stringContaining('无法读取表格文件（.xlsx）'),
    });
    const { formatOf } = await import('../../../main/services/spreadsheet/readers');
    expect(() => formatOf('花名册.numbers')).toThrow('不支持的文件类型“.numbers”');
  });

  it('reads a hyperlink and a formula by what the cell shows', async () => {
    const data = await buildXlsx([['姓名', '联系电话'], [{ text: '张三', hyperlink: 'mailto:a@b.c' }, { formula: '"139"&"00000001"', result: '13900000001' }]]);
    const grid = await readSpreadsheet(data, 'xlsx');
    expect(grid.rows[1]!.cells).toEqual([{ kind: 'text', text: '张三' }, { kind: 'text', text: '13900000001' }]);
  });
});
