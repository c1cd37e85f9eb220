/** Broken bytes in a CSV (GBK or UTF-8): the affected rows are refused by row and column, U+FFFD is never stored, the other rows read right. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { previewImport, readSpreadsheet } from '../../../main/services/spreadsheet/index';
import { memberFieldsSchema } from '../../../shared/domain/member';
import type { TestContext } from '../../helpers/context';
import { branchWithOneMemberEach, idNumber } from '../../helpers/sheets';

const TODAY = '2026-11-25';
const HEADER = '序号,姓名,性别,民族,出生日期,身份证号码,学历,入党时间,转正时间,党员类别';
const row = (n: number, name: string, id: string) => `${n},${name},女,汉族,1988/4/9,${id},大学本科毕业,2012/7/1,2013/7/1,正式党员`;
const ID_A = idNumber('1988-04-09', '女', 21);
const ID_B = idNumber('1988-04-09', '女', 23);
const ID_C = idNumber('1988-04-09', '女', 25);
const BROKEN = Buffer.from('@@BROKEN@@');

/** The CSV in `encoding`, with the marker in the second data row's name replaced by a byte no encoding accepts there. */
function csv(encode: (text: string) => Buffer): Buffer {
  const text = [HEADER, row(1, '张晓红', ID_C), row(2, `李${BROKEN}四`, ID_A), row(3, '王芳', ID_B)].join('\r\n');
  const bytes = encode(text);
  const at = bytes.indexOf(BROKEN);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at + BROKEN.length)]);
}

let t: TestContext;
branchWithOneMemberEach(TODAY, (fresh) => (t = fresh));

describe.each([
  ['GBK', (text: string) => iconv.encode(text, 'gbk')],
  ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
])('a %s csv with a broken byte', (_name, encode) => {
  it('refuses that row naming row and column; the other rows read right', async () => {
    const p = previewImport(t.db, await readSpreadsheet(csv(encode), 'csv'), { today: TODAY });
    expect(p.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'invalid'],
      [4, 'new'],
    ]);
    expect(p.rows[1]!.problems).toEqual([expect.objectContaining({ row: 3, column: 'B', field: 'name', message: expect.stringContaining('无法识别的字符') })]);
    expect(p.rows[0]!.fields).toMatchObject({ name: '张晓红' });
    expect(p.rows[2]!.fields).toMatchObject({ name: '王芳' });
    expect(JSON.stringify(p.rows.filter((r) => r.outcome !== 'invalid').map((r) => r.fields))).not.toContain('\uFFFD');
  });
});

describe('the name rule', () => {
  const nameOk = (name: string) => memberFieldsSchema.shape.name.safeParse(name).success;
  it('allows Chinese characters, the middle dot and Latin letters only', () => {
    for (const name of ['张三', '买买提·艾力', '阿依古丽·买买提', 'Anna Müller', '〇小明']) expect(nameOk(name), name).toBe(true);
    for (const name of ['李\uFFFD四', '李\uFFFD€四', '张三1', 'A<b>', '·张三', '张三·', '😀']) expect(nameOk(name), name).toBe(false);
  });
});
