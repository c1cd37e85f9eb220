/** A committee database: 组织关系转入 and 导入名册 into a chosen branch, matched and checked within that branch. */
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../main/services/backup/backups';
import { applyImport, previewImport } from '../../../main/services/spreadsheet/index';
import { committee as committeeOf, committeeIdNumber, person } from '../../helpers/committee';
import { trackContexts, type TestContext } from '../../helpers/context';
import { buildXlsx } from '../../helpers/sheets';

const track = trackContexts();
const committee = () => committeeOf(track);

const MISSING = '00000000-0000-4000-8000-000000000000';
const TRANSFER = { date: '2026-02-01', counterpart: '中共机关第一支部委员会', docNumber: '组转字〔2026〕3号', reason: '工作调动' };

describe('组织关系转入 into a chosen branch', () => {
  it('records the member and the 转入 event in the named branch, and in the local one when none is named', async () => {
    const { c, local, yi } = await committee();
    const m = await c.call('members.transferIn', { fields: person('孙红', 25), transfer: TRANSFER, branchId: yi });
    expect(m.branchId).toBe(yi);
    const events = await c.call('members.events', { id: m.id });
    expect(events).toMatchObject([{ kind: '转入', counterpart: '中共机关第一支部委员会' }]);
    const event = c.db.prepare('SELECT branch_id FROM member_events WHERE member_id = ?').get(m.id) as { branch_id: string };
    expect(event.branch_id).toBe(yi);
    expect((await c.call('members.search', { branchId: yi })).total).toBe(3);
    expect((await c.call('members.search', {})).total).toBe(1);
    const own = await c.call('members.transferIn', { fields: person('周明', 26), transfer: TRANSFER });
    expect(own.branchId).toBe(local);
  });

  it('checks the ID number for duplicates, and the party group, within the branch the member joins', async () => {
    const { c, yi, bing } = await committee();
    const dup = await c.call('members.transferIn', { fields: person('张伟', 21), transfer: TRANSFER, branchId: yi }).catch((e) => e.payload);
    expect(dup).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'idNumber', message: '与已有党员“张伟”的身份证号重复' }] });
    await expect(c.call('members.transferIn', { fields: person('张伟', 21), transfer: TRANSFER, branchId: bing })).resolves.toMatchObject({ branchId: bing });
    const localGroup = await c.call('groups.save', { name: '司钻组' });
    const wrong = await c
      .call('members.transferIn', { fields: { ...person('孙红', 25), partyGroupId: localGroup.id }, transfer: TRANSFER, branchId: yi })
      .catch((e) => e.payload);
    expect(wrong).toMatchObject({ code: 'E_VALIDATION', issues: [{ field: 'partyGroupId', message: '所选党小组不存在' }] });
    expect((await c.call('members.search', { branchId: yi })).total).toBe(2);
  });

  it('refuses a branch that does not exist, or is no id, naming the field, and writes nothing', async () => {
    const { c } = await committee();
    const missing = await c.call('members.transferIn', { fields: person('孙红', 25), transfer: TRANSFER, branchId: MISSING }).catch((e) => e.payload);
    expect(missing).toMatchObject({ code: 'E_VALIDATION', message: '所属支部：所选支部不存在', issues: [{ field: 'branchId' }] });
    const bad = await c.call('members.transferIn', { fields: person('孙红', 25), transfer: TRANSFER, branchId: 'abc' }).catch((e) => e.payload);
    expect(bad).toMatchObject({ code: 'E_VALIDATION', message: '所属支部：所选支部无效' });
    expect((await c.call('members.search', { branchId: 'all' })).total).toBe(6);
    expect(c.db.prepare("SELECT count(*) AS n FROM member_events WHERE kind = '转入'").get()).toEqual({ n: 0 });
  });
});

/** A roster sheet: 张伟 (in 乙) with a new phone, 王建国 (in 甲) unchanged, and 孙红 (in neither). */
async function sheet(): Promise<string> {
  const header = ['姓名', '身份证号', '性别', '民族', '出生日期', '学历', '人员类别', '入党日期', '转正日期', '联系电话'];
  const row = (name: string, day: number, phone: string) => {
    const p = person(name, day);
    return [name, committeeIdNumber(day), p.gender, p.ethnicity, p.birthDate, '大学本科毕业', '正式党员', p.joinDate, p.fullDate, phone];
  };
  const rows = [header, row('张伟', 21, '13900000021'), row('王建国', 1, ''), row('孙红', 25, '')];
  return (await buildXlsx(rows)).toString('base64');
}

describe('导入名册 into a chosen branch', () => {
  it('matches and writes within the chosen branch, after a backup; the local branch is the default', async () => {
    const { c, local, yi } = await committee();
    const data = await sheet();
    // Into 乙: 张伟 is found there and updated; 王建国 (of 甲) and 孙红 are new to 乙.
    const p = await c.call('roster.importPreview', { data, fileName: 'roster.xlsx', branchId: yi });
    expect(p).toMatchObject({ branchId: yi, branchName: '中共乙钻井队支部委员会', counts: { new: 2, updated: 1, unchanged: 0, invalid: 0 } });
    expect(p.rows.find((r) => r.name === '张伟')).toMatchObject({ outcome: 'update', changes: [{ label: '联系电话', after: '13900000021' }] });
    const before = listBackups(c.databasePath).length;
    const r = await c.call('roster.importApply', { stagingId: p.stagingId, branchId: yi });
    expect(r).toMatchObject({ inserted: 2, updated: 1, branchId: yi, branchName: '中共乙钻井队支部委员会' });
    expect(r.backup).toBeTruthy();
    expect(listBackups(c.databasePath).length).toBe(before + 1);
    const yiRows = (await c.call('members.search', { branchId: yi })).rows;
    expect(yiRows.map((m) => m.name).sort()).toEqual(['刘芳', '孙红', '张伟', '王建国'].sort());
    expect(yiRows.find((m) => m.name === '张伟')!.phone).toBe('13900000021');
    expect((await c.call('members.search', {})).rows.map((m) => m.name)).toEqual(['王建国']);

    // Without a branch: the local one, where only 王建国 is known (and unchanged).
    const own = await c.call('roster.importPreview', { data, fileName: 'roster.xlsx' });
    expect(own).toMatchObject({ branchId: local, counts: { new: 2, updated: 0, unchanged: 1 } });
  });

  it('refuses a branch that does not exist, or is no id, naming the field, in the preview and in the apply', async () => {
    const { c, yi } = await committee();
    const data = await sheet();
    const missing = await c.call('roster.importPreview', { data, fileName: 'roster.xlsx', branchId: MISSING }).catch((e) => e.payload);
    expect(missing).toMatchObject({ code: 'E_VALIDATION', message: '导入到支部：所选支部不存在', issues: [{ field: 'branchId' }] });
    const bad = await c.call('roster.importPreview', { data, fileName: 'roster.xlsx', branchId: 'abc' }).catch((e) => e.payload);
    expect(bad).toMatchObject({ code: 'E_VALIDATION', message: '导入到支部：所选支部无效' });
    const p = await c.call('roster.importPreview', { data, fileName: 'roster.xlsx', branchId: yi });
    const before = listBackups(c.databasePath).length;
    const applied = await c.call('roster.importApply', { stagingId: p.stagingId, branchId: MISSING }).catch((e) => e.payload);
    expect(applied).toMatchObject({ code: 'E_VALIDATION', message: '导入到支部：所选支部不存在' });
    expect(listBackups(c.databasePath).length).toBe(before);
    expect((await c.call('members.search', { branchId: 'all' })).total).toBe(6);
  });

  it('writes into the branch the preview was matched against, checking it again inside the write', async () => {
    const { c, yi } = await committee();
    const { readSpreadsheet } = await import('../../../main/services/spreadsheet/index');
    const grid = await readSpreadsheet(Buffer.from(await sheet(), 'base64'), 'xlsx');
    const p = previewImport(c.db, grid, { branchId: yi, today: '2026-11-25' });
    expect(p.branchId).toBe(yi);
    // A preview whose branch has gone meanwhile writes nothing.
    await expect(applyImport(c.db, c.databasePath, { ...p, branchId: MISSING })).rejects.toMatchObject({ message: '导入到支部：所选支部不存在' });
    expect((await c.call('members.search', { branchId: 'all' })).total).toBe(6);
    const r = await applyImport(c.db, c.databasePath, p);
    expect(r).toMatchObject({ inserted: 2, updated: 1 });
    expect((await c.call('members.search', { branchId: yi })).total).toBe(4);
  });
});
