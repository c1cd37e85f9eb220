import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { badChecksum, buildXlsx, idNumber } from '../../helpers/sheets';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  expect(runCli(['init', '--branch', '中共测试钻井队支部委员会'], dir).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('roster import / export on the command line', () => {
  it('previews with rows and columns as Excel numbers them, writes nothing while a row is invalid, then writes with --skip-invalid', async () => {
    const file = path.join(dir, '花名册.xlsx');
    fs.writeFileSync(
      file,
      await buildXlsx(
        [
          ['第一钻井队党员花名册'],
          ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '学历', '入党时间', '转正时间', '党员类别', '党小组'],
          [1, '王刚', '男', '汉族', '1985.03', idNumber('1985-03-04', '男'), '本科', '2010.07.01', '2011.07.01', '正式', '钻井一班'],
          [2, '李梅', '女', '汉', '1990.01', badChecksum(idNumber('1990-01-02', '女')), '大专', '2015年7月', '2016年7月', '正式党员', '钻井一班'],
          ['合计', '2 人'],
        ],
        { merges: ['A1:K1'] },
      ),
    );
    const dry = runCli(['roster', 'import', file, '--dry-run', '--json'], dir);
    expect(dry.code).toBe(0);
    const preview = dry.json();
    expect(preview).toMatchObject({ new: 1, updated: 0, unchanged: 0, written: false });
    expect(preview.invalid).toEqual([expect.objectContaining({ row: 4, column: 'F', field: 'idNumber' })]);
    expect(preview.mapping).toMatchObject({ B: 'name', F: 'idNumber', K: 'partyGroup', A: null });

    const refused = runCli(['roster', 'import', file, '--json'], dir);
    expect(refused.code).toBe(1);
    expect(refused.json().written).toBe(false);
    expect(runCli(['member', 'list', '--json'], dir).json()).toEqual([]);

    const written = runCli(['roster', 'import', file, '--skip-invalid', '--json'], dir);
    expect(written.code).toBe(0);
    expect(written.json()).toMatchObject({ written: true, backup: expect.stringMatching(/before-import/) });
    expect(runCli(['member', 'list', '--json'], dir).json().map((m: { name: string; partyGroup: string }) => [m.name, m.partyGroup])).toEqual([
      ['王刚', '钻井一班'],
    ]);
  }, 120_000);

  it('exports .xlsx that imports back unchanged, and the Word roster', () => {
    const xlsx = path.join(dir, 'out.xlsx');
    expect(runCli(['roster', 'export', xlsx], dir).code).toBe(0);
    expect(runCli(['roster', 'import', xlsx, '--dry-run', '--json'], dir).json()).toMatchObject({ new: 0, updated: 0, unchanged: 1, invalid: [] });
    const docx = path.join(dir, 'out.docx');
    const r = runCli(['roster', 'export', docx, '--columns', 'name,gender,idNumber', '--json'], dir);
    expect(r.json()).toMatchObject({ count: 1 });
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(runCli(['roster', 'export', path.join(dir, 'out.pdf')], dir).code).toBe(2);
    expect(runCli(['roster', 'export', path.join(dir, 'p.xlsx'), '--filter', 'category=预备党员', '--json'], dir).json()).toMatchObject({ count: 0 });
    expect(runCli(['roster', 'export', path.join(dir, 'm.xlsx'), '--filter', '性别=男', '--json'], dir).json()).toMatchObject({ count: 1 });
    expect(runCli(['roster', 'export', path.join(dir, 'x.xlsx'), '--filter', 'salary=1'], dir).code).toBe(2);
  }, 120_000);

  it('prints the Word roster in portrait or landscape, and stops with the reasons and suggestions when the columns do not fit', () => {
    const portrait = path.join(dir, 'portrait.docx');
    const ok = runCli(['roster', 'export', portrait, '--portrait', '--columns', 'name,gender,idNumber', '--json'], dir);
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ written: true, plan: { orientation: 'portrait', fits: true } });

    const crowded = path.join(dir, 'crowded.docx');
    const refused = runCli(['roster', 'export', crowded, '--portrait'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^未生成文件。所选的 12 列在 A4 纵向纸上用五号字排不下/);
    expect(refused.stdout).toContain('1. 改为 A4 横向打印');
    expect(refused.stdout).toMatch(/2\. 减少列：去掉最宽的“身份证号”/);
    expect(fs.existsSync(crowded)).toBe(false);

    const smaller = runCli(['roster', 'export', crowded, '--columns', 'name,birthDate,idNumber,joinDate,fullDate,applicationDate,phone,landline,lostContactDate,address', '--min-size', '六号', '--json'], dir);
    expect(smaller.json()).toMatchObject({ plan: { minSize: 7.5 } });
    expect(runCli(['roster', 'export', path.join(dir, 'bad.docx'), '--min-size', '特号'], dir).code).toBe(2);
    expect(runCli(['roster', 'export', path.join(dir, 'bad.docx'), '--portrait', '--landscape'], dir).code).toBe(2);
  }, 120_000);
});
