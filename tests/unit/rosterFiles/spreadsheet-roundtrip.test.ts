/** Export to .xlsx and import it back: every member unchanged, whatever the columns, filter or writer. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMembers } from '../../../main/services/roster/members';
import { seedDemo } from '../../../main/services/demo/seed';
import { generateDemoMembers } from '../../../main/services/demo/members';
import { exportRosterXlsx, previewImport, readSpreadsheetFile, applyImport } from '../../../main/services/spreadsheet/index';
import { testContext, type TestContext } from '../../helpers/context';
import { convertWithLibreOffice, rosterContext, variedMembers } from '../../helpers/sheets';

const TODAY = '2026-11-25';
const MEMBERS = variedMembers(40);

let t: TestContext;
beforeEach(async () => {
  t = await rosterContext(MEMBERS, TODAY);
});
afterEach(() => t.cleanup());

async function roundTrip(file: string) {
  const p = previewImport(t.db, await readSpreadsheetFile(file), { today: TODAY });
  return { p, outcomes: new Set(p.rows.map((r) => r.outcome)) };
}

describe('export -> import', () => {
  it('the varied roster has what the round trip must keep', () => {
    const has = (f: (m: (typeof MEMBERS)[number]) => boolean) => MEMBERS.some(f);
    expect(has((m) => m.category === '预备党员') && has((m) => m.status === '转出') && has((m) => m.status === '去世')).toBe(true);
    expect(has((m) => m.lostContact === true) && has((m) => m.mobileMember === true) && has((m) => m.partyGroup === null)).toBe(true);
    expect(has((m) => m.remark === '00123') && has((m) => m.remark === '=1+1') && has((m) => m.remark?.includes('\n') === true)).toBe(true);
    expect(new Set(MEMBERS.map((m) => m.education)).size).toBeGreaterThanOrEqual(8);
  });

  it('all members, every column, with the title rows: every row unchanged', async () => {
    const file = path.join(t.dir, 'roster.xlsx');
    const r = await exportRosterXlsx(t.db, file, { filter: { status: 'all' }, today: TODAY });
    expect(r.count).toBe(40);
    const { p, outcomes } = await roundTrip(file);
    expect(p.headerRow).toBe(3);
    expect(p.sheetName).toBe('党员花名册');
    expect(p.rows).toHaveLength(40);
    expect([...outcomes]).toEqual(['unchanged']);
    expect(p.invalid).toEqual([]);
    expect(Object.values(p.mapping).filter(Boolean)).toHaveLength(25);
  });

  it('a demo roster (seedDemo: groups, officers, probationers) round-trips unchanged too', async () => {
    const demo = await testContext();
    try {
      seedDemo(demo.db, { members: 60, seed: 11 }, { today: TODAY });
      const file = path.join(demo.dir, 'demo.xlsx');
      const r = await exportRosterXlsx(demo.db, file, { filter: { status: 'all' }, today: TODAY });
      expect(r.count).toBe(60);
      const p = previewImport(demo.db, await readSpreadsheetFile(file), { today: TODAY });
      expect(p.rows.filter((x) => x.outcome !== 'unchanged')).toEqual([]);
      expect(p.unchanged).toBe(60);
    } finally {
      demo.cleanup();
    }
  });

  it('a roster large enough to span many chunks of XML keeps every Chinese character (no U+FFFD)', async () => {
    const big = await testContext();
    try {
      await big.call('branch.save', { name: '中共第一钻井队支部委员会' });
      const members = generateDemoMembers(2000, 5, TODAY);
      addMembers(big.db, members, { today: TODAY });
      const file = path.join(big.dir, 'big.xlsx');
      await exportRosterXlsx(big.db, file, { filter: { status: 'all' }, today: TODAY });
      const grid = await readSpreadsheetFile(file);
      const texts = grid.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'text' ? [c.text] : [])));
      expect(texts.filter((x) => x.includes('\uFFFD'))).toEqual([]);
      const p = previewImport(big.db, grid, { today: TODAY });
      expect([p.unchanged, p.rows.length]).toEqual([2000, 2000]);
    } finally {
      big.cleanup();
    }
  });

  it('stores ID numbers and phones as text cells and dates as real dates shown as yyyy-mm-dd', async () => {
    const file = path.join(t.dir, 'roster.xlsx');
    await exportRosterXlsx(t.db, file, { filter: { status: 'all' }, columns: ['name', 'idNumber', 'phone', 'joinDate'], today: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('中共第一钻井队支部委员会党员花名册');
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '姓名', '身份证号', '联系电话', '入党日期']);
    const first = ws.getRow(4);
    expect(typeof first.getCell(3).value).toBe('string');
    expect(first.getCell(3).numFmt).toBe('@');
    expect(first.getCell(5).value).toBeInstanceOf(Date);
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(ws.autoFilter).toBeTruthy();
  });

  it('a filter (only 预备党员) and chosen columns, header only: the chosen rows unchanged, nothing else touched', async () => {
    const file = path.join(t.dir, 'probationers.xlsx');
    const probationers = MEMBERS.filter((m) => m.category === '预备党员' && ['正常', '停止党籍'].includes(m.status ?? '正常'));
    const r = await exportRosterXlsx(t.db, file, {
      filter: { category: '预备党员' },
      columns: ['idNumber', 'name', 'joinDate', 'category', 'partyGroup', 'education'],
      title: false,
      today: TODAY,
    });
    expect(r.count).toBe(probationers.length);
    const { p, outcomes } = await roundTrip(file);
    expect(p.headerRow).toBe(1);
    expect(p.rows.map((x) => x.name).sort()).toEqual(probationers.map((m) => m.name).sort());
    expect([...outcomes]).toEqual(['unchanged']);
  });

  it('re-saved by LibreOffice (another writer) the export still imports unchanged', async () => {
    const file = path.join(t.dir, 'roster.xlsx');
    await exportRosterXlsx(t.db, file, { filter: { status: 'all' }, today: TODAY });
    for (const to of ['xlsx', 'xls'] as const) {
      const { p, outcomes } = await roundTrip(convertWithLibreOffice(file, to, path.join(t.dir, `lo-${to}`)));
      expect(p.rows).toHaveLength(40);
      expect([...outcomes]).toEqual(['unchanged']);
    }
  });

  it('an edited export updates exactly the edited member and field; applying it twice leaves all unchanged', async () => {
    const file = path.join(t.dir, 'roster.xlsx');
    await exportRosterXlsx(t.db, file, { filter: { status: 'all' }, today: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const postColumn = (ws.getRow(3).values as unknown[]).indexOf('岗位/职务');
    ws.getRow(4).getCell(postColumn).value = '平台经理';
    await wb.xlsx.writeFile(file);
    const { p } = await roundTrip(file);
    expect(p.rows.filter((r) => r.outcome !== 'unchanged').map((r) => [r.row, r.outcome, r.changes.map((c) => [c.field, c.after])])).toEqual([
      [4, 'update', [['post', '平台经理']]],
    ]);
    await applyImport(t.db, t.databasePath, p);
    expect((await t.call('members.get', { id: p.rows[0]!.memberId! })).post).toBe('平台经理');
    const again = await roundTrip(file);
    expect([...again.outcomes]).toEqual(['unchanged']);
  });
});
