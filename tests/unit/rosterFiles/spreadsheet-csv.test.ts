/** CSV rosters: GBK as Chinese Excel saves them, UTF-8 with a BOM; rows numbered by line, a quoted line break counted. */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, previewImport, previewSummary, readSpreadsheet, readSpreadsheetFile, importSpreadsheetFile } from '../../../main/services/spreadsheet/index';
import { LOST_DIGITS_MESSAGE } from '../../../main/services/spreadsheet/values';
import type { TestContext } from '../../helpers/context';
import { branchWithOneMemberEach, idNumber } from '../../helpers/sheets';

const TODAY = '2026-11-25';
const NEW_ID = idNumber('1988-04-09', '女', 21);
const OTHER_ID = idNumber('1991-10-02', '男', 23);

/** Lines as Excel's “CSV” export writes them: dates as 2004/7/1, a long number as 1.10105E+17, a quoted line break. */
const LINES = [
  '第一钻井队党员花名册,,,,,,,,',
  '序号,姓名,性别,民族,出生日期,身份证号码,学历,入党时间,转正时间,党员类别,党小组,联系电话,备注',
  `1,张三,女,汉族,1949/12/31,11010519491231002X,大学本科毕业,1975/7/1,1976/7/1,正式党员,,,`,
  `2,刘洋,女,蒙古,1988/4/9,${NEW_ID},硕士,2012/7/1,2013/7/1,正式党员,第一党小组,13912345678,"调入
（原第三钻井队）"`,
  `3,陈刚,男,汉族,1991/10/2,1.10105E+17,大专,2015/6/1,2016/6/1,正式党员,,,`,
  `4,黄磊,男,汉族,1991/10/2,${OTHER_ID},其它,2015/6/1,2016/6/1,正式党员,,,`,
  ',,,,,,,,,,,,',
  '合计,3人,,,,,,,,,,,',
];

let t: TestContext;
branchWithOneMemberEach(TODAY, (fresh) => (t = fresh));

describe('csv', () => {
  it('decodes GBK (GB18030) when the bytes are not UTF-8, and UTF-8 with or without a BOM', () => {
    expect(decodeText(iconv.encode('党员花名册，籍贯：河北', 'gbk'))).toBe('党员花名册，籍贯：河北');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名', 'utf8')]))).toBe('姓名');
    expect(decodeText(Buffer.from('姓名', 'utf8'))).toBe('姓名');
  });

  it.each([
    ['GBK', (text: string) => iconv.encode(text, 'gbk')],
    ['UTF-8 with BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ])('previews a %s csv exactly, rows numbered by line', async (_name, encode) => {
    const file = path.join(t.dir, '花名册.csv');
    fs.writeFileSync(file, encode(LINES.join('\r\n') + '\r\n'));
    const p = previewImport(t.db, await readSpreadsheetFile(file), { today: TODAY });
    expect(p.headerRow).toBe(2);
    expect(p.rows.map((r) => [r.row, r.outcome])).toEqual([
      [3, 'unchanged'],
      [4, 'new'],
      [6, 'invalid'], // the quoted line break in line 4's remark makes the next record start on line 6
      [7, 'invalid'],
    ]);
    expect(previewSummary(p)).toMatchObject({
      new: 1,
      updated: 0,
      unchanged: 1,
      invalid: [
        { row: 6, column: 'F', field: 'idNumber', message: LOST_DIGITS_MESSAGE },
        { row: 7, column: 'G', field: 'education', message: '无法识别的学历“其它”，可写 研究生、本科、大专、中专、高中 等' },
      ],
    });
    expect(p.rows[1]!.fields).toMatchObject({ name: '刘洋', ethnicity: '蒙古族', education: '14', phone: '13912345678', remark: '调入\n（原第三钻井队）' });
    // Line 8 (only commas) is no row at all; line 9 is the total.
    expect(p.skipped).toEqual([{ row: 9, reason: 'footer', text: '合计 3人' }]);
  });

  it('imports a csv in one call: dry run writes nothing, then the valid rows are written when skipping the invalid', async () => {
    const file = path.join(t.dir, '花名册.csv');
    fs.writeFileSync(file, iconv.encode(LINES.join('\n'), 'gb18030'));
    const dry = await importSpreadsheetFile(t.db, t.databasePath, file, { dryRun: true, today: TODAY });
    expect(dry.applied).toBeNull();
    expect((await t.call('members.search', {})).total).toBe(1);
    const done = await importSpreadsheetFile(t.db, t.databasePath, file, { skipInvalid: true, today: TODAY });
    expect(done.applied).toMatchObject({ inserted: 1, updated: 0, unchanged: 1, skipped: 2 });
    expect((await t.call('members.search', { query: '刘洋' })).rows.map((r) => r.partyGroup)).toEqual(['第一党小组']);
  });

  it("reads Excel's “Unicode text” (UTF-16 with BOM, tab-separated)", async () => {
    const text = '姓名\t性别\r\n张三\t女\r\n';
    const grid = await readSpreadsheet(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), 'csv');
    expect(grid.rows.map((r) => r.cells.map((c) => (c.kind === 'text' ? c.text : c.kind)))).toEqual([['姓名', '性别'], ['张三', '女']]);
  });

  it('reads a csv grid as text cells with Excel column letters', async () => {
    const grid = await readSpreadsheet(Buffer.from('姓名,性别\n"张 三",女\n'), 'csv');
    expect(grid.rows).toEqual([
      { number: 1, cells: [{ kind: 'text', text: '姓名' }, { kind: 'text', text: '性别' }] },
      { number: 2, cells: [{ kind: 'text', text: '张 三' }, { kind: 'text', text: '女' }] },
    ]);
  });
});
