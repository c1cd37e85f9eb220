/**
 * One list of column names (shared/domain/rosterColumns): the Excel header row, the printed 花名册's header and both
 * export dialogs name every column from it, so 是否失联党员 never reads 是否失联 in another place.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRosterDocument, ROSTER_COLUMNS } from '../../../main/documents';
import { generateDemoMembers } from '../../../main/services/demo/members';
import { EXPORT_COLUMNS, exportRosterXlsx } from '../../../main/services/spreadsheet/index';
import type { TableBlock } from '../../../shared/documents/model';
import { MEMBER_FIELD_LABELS } from '../../../shared/domain/member';
import { DOCX_COLUMN_KEYS, ROSTER_COLUMN_LABELS, rosterColumnLabel, XLSX_COLUMN_KEYS } from '../../../shared/domain/rosterColumns';
import { DOCX_COLUMNS, XLSX_COLUMNS } from '../../../renderer/src/features/rosterFiles/exportColumns';
import type { TestContext } from '../../helpers/context';
import { rosterContext, variedMembers } from '../../helpers/sheets';

const TODAY = '2026-11-25';
const labels = (keys: readonly string[]) => keys.map((k) => ROSTER_COLUMN_LABELS[k as keyof typeof ROSTER_COLUMN_LABELS]);

describe('the one list of roster column names', () => {
  it('uses the national form wording for lost contact and mobile members, as the member form does', () => {
    expect(rosterColumnLabel('lostContact')).toBe('是否失联党员');
    expect(rosterColumnLabel('lostContactDate')).toBe('失去联系日期');
    expect(rosterColumnLabel('mobileMember')).toBe('是否流动党员');
    for (const [key, label] of Object.entries(ROSTER_COLUMN_LABELS)) if (key in MEMBER_FIELD_LABELS) expect(label).toBe(MEMBER_FIELD_LABELS[key]);
    // No two columns share a name.
    expect(new Set(Object.values(ROSTER_COLUMN_LABELS)).size).toBe(Object.keys(ROSTER_COLUMN_LABELS).length);
  });

  it('the Word roster: its columns and the printed header row', () => {
    expect(ROSTER_COLUMNS.map((c) => c.header)).toEqual(labels(DOCX_COLUMN_KEYS));
    const members = generateDemoMembers(3, 7, TODAY) as never;
    const doc = buildRosterDocument({ branchName: '第一支部', date: TODAY, members, columns: [...DOCX_COLUMN_KEYS] });
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.header[0]).toEqual(['序号', ...labels(DOCX_COLUMN_KEYS)]);
  });

  it('both export dialogs offer the exporters\' columns under the same names', () => {
    expect(XLSX_COLUMNS.map((c) => c.key)).toEqual([...EXPORT_COLUMNS]);
    expect(XLSX_COLUMNS.map((c) => c.label)).toEqual(labels(XLSX_COLUMN_KEYS));
    expect(DOCX_COLUMNS.map((c) => c.key)).toEqual(ROSTER_COLUMNS.map((c) => c.key));
    expect(DOCX_COLUMNS.map((c) => c.label)).toEqual(ROSTER_COLUMNS.map((c) => c.header));
    // A column both files offer is named alike in both dialogs.
    for (const x of XLSX_COLUMNS) {
      const d = DOCX_COLUMNS.find((c) => c.key === x.key);
      if (d) expect(d.label).toBe(x.label);
    }
  });
});

describe('the Excel header row', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await rosterContext(variedMembers(3), TODAY);
  });
  afterEach(() => t.cleanup());

  it('names every column from the list', async () => {
    const file = path.join(t.dir, 'roster.xlsx');
    await exportRosterXlsx(t.db, file, { today: TODAY });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const header = (book.worksheets[0]!.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', ...labels(XLSX_COLUMN_KEYS)]);
  });
});
