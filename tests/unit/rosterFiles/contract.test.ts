import { describe, expect, it } from 'vitest';
import { badChecksum, buildXlsx, idNumber } from '../../helpers/sheets';
import { testContext, type TestContext, trackContexts } from '../../helpers/context';
import { seededContext } from '../../helpers/handover';

const track = trackContexts();

describe('roster files through the contract', () => {
  it('exports .xlsx that previews as unchanged for every row, and a Word roster', async () => {
    const t = track(await seededContext(30));
    const active = (await t.call('members.search', {})).total;
    const sheet = await t.call('roster.exportXlsx', {});
    expect(sheet.fileName).toMatch(/党员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.count).toBe(active);
    const preview = await t.call('roster.importPreview', { data: sheet.data, fileName: sheet.fileName });
    expect(preview.counts).toEqual({ new: 0, updated: 0, unchanged: active, invalid: 0 });
    expect(preview.rows.every((r) => !r.idNumberMasked || r.idNumberMasked.includes('*'))).toBe(true);
    const word = await t.call('roster.exportDocx', { filter: { category: '预备党员' }, maskIdNumbers: true });
    expect(Buffer.from(word.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(word.count).toBe((await t.call('members.search', { category: '预备党员' })).total);
  });

  it('previews a sheet with a corrected mapping, refuses invalid rows, then imports the valid ones', async () => {
    const t = track(await testContext());
    await t.call('branch.save', { name: '中共测试支部委员会' });
    const good = idNumber('1985-03-04', '男');
    const xlsx = await buildXlsx([
      ['姓名', '性别', '民族', '身份证号', '文化', '入党时间', '转正时间', '类别'],
      ['王刚', '男', '汉族', good, '本科', '2010.07', '2011.07', '正式党员'],
      ['李梅', '女', '汉族', badChecksum(idNumber('1990-01-02', '女')), '大专', '2015.7.1', '2016.7.1', '正式党员'],
    ]);
    const first = await t.call('roster.importPreview', { data: xlsx.toString('base64'), fileName: '花名册.xlsx' });
    // 文化 is not a header the importer knows: the user maps column E to education.
    expect(first.mapping.E ?? null).toBeNull();
    const corrected = await t.call('roster.importPreview', { stagingId: first.stagingId, fileName: '花名册.xlsx', mapping: { E: 'education' } });
    expect(corrected.counts).toMatchObject({ new: 1, invalid: 1 });
    const idIssue = corrected.invalid.find((i) => i.field === 'idNumber');
    expect(idIssue).toMatchObject({ row: 3, column: 'D' });
    expect(idIssue!.text).toMatch(/^第 3 行 D 列（身份证号）/);
    await expect(t.call('roster.importApply', { stagingId: first.stagingId, mapping: { E: 'education' } })).rejects.toMatchObject({
      payload: { code: 'E_VALIDATION' },
    });
    expect((await t.call('members.search', {})).total).toBe(0);
    const done = await t.call('roster.importApply', { stagingId: first.stagingId, mapping: { E: 'education' }, skipInvalid: true });
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(done.backup).toMatch(/before-import/);
    expect((await t.call('members.search', {})).rows.map((r) => [r.name, r.education])).toEqual([['王刚', '大学本科毕业']]);
  });

  it('gives the overview figures and prints the statistics table', async () => {
    const t = track(await seededContext(40));
    const overview = await t.call('overview.get');
    const active = (await t.call('members.search', {})).total;
    expect(overview.statistics.total).toBe(active);
    expect(overview.statistics.category.full + overview.statistics.category.probationary).toBe(active);
    expect(overview.pipeline.map((p) => p.stage)).toContain('入党积极分子');
    const doc = await t.call('overview.exportStatistics');
    expect(doc.fileName).toMatch(/党员队伍基本情况统计表/);
  });
});
