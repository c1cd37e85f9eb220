/** meeting calendar: the JSON the issue asks for, the text, and the Word and Excel files, on the demo data (with its gaps). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext } from '../../../main/app/context';
import { branchCalendar } from '../../../main/services/meetings/calendarService';
import { requireBranchId } from '../../../main/services/branch/branch';
import { cliInProcess as cli, cliOk as ok } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

const root = tempDir('branch-desk-calendar-cli-');
const db = path.join(root, 'demo.sqlite');
const year = new Date().getFullYear() - 1;
let saved: string | undefined;

beforeAll(async () => {
  saved = process.env.BRANCH_DESK_DATA_DIR;
  process.env.BRANCH_DESK_DATA_DIR = path.join(root, 'data');
  await ok(['seed-demo', '--members', '40', '--seed', '5', '--db', db]);
}, 120_000);

afterAll(() => {
  if (saved === undefined) delete process.env.BRANCH_DESK_DATA_DIR;
  else process.env.BRANCH_DESK_DATA_DIR = saved;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('meeting calendar', () => {
  it('--json lists the gaps by type name, period and party group, as the service counts them', async () => {
    const out = JSON.parse((await ok(['meeting', 'calendar', '--year', String(year), '--json', '--db', db])).stdout) as {
      year: number;
      missing: { type: string; period: string; partyGroup: string | null }[];
      rows: { type: string; held: number; required: number }[];
    };
    expect(out.year).toBe(year);
    const ctx = await createContext({ db });
    const calendar = branchCalendar(ctx.db, requireBranchId(ctx.db), year);
    closeContext(ctx);
    expect(out.missing.map(({ type, period, partyGroup }) => ({ type, period, partyGroup }))).toEqual(
      calendar.missing.map((m) => ({ type: m.kindLabel, period: m.period, partyGroup: m.groupName })),
    );
    // The demo leaves some months out on purpose.
    expect(out.missing.length).toBeGreaterThan(0);
    for (const m of out.missing) {
      expect(['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '组织生活会']).toContain(m.type);
      expect(m.period).toMatch(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/);
      expect(m.partyGroup === null).toBe(m.type !== '党小组会');
    }
  });

  it('prints the rows and gaps as text, and writes Word and Excel to OUT (positional, or --out)', async () => {
    const text = (await ok(['meeting', 'calendar', '--year', String(year), '--db', db])).stdout;
    expect(text).toContain(`${year} 年三会一课台账`);
    expect(text).toMatch(/支委会：已开 \d+ \/ 应开 12/);
    const word = path.join(root, 'calendar.docx');
    const written = JSON.parse((await ok(['meeting', 'calendar', '--year', String(year), word, '--json', '--db', db])).stdout) as { file: string; year: number };
    expect(written).toMatchObject({ file: word, year });
    expect(fs.readFileSync(word).subarray(0, 2).toString('latin1')).toBe('PK');
    const excel = path.join(root, 'calendar.xlsx');
    await ok(['meeting', 'calendar', '--year', String(year), '--out', excel, '--db', db]);
    expect(fs.readFileSync(excel).subarray(0, 2).toString('latin1')).toBe('PK');
    const both = await cli(['meeting', 'calendar', '--year', String(year), path.join(root, 'a.docx'), '--out', path.join(root, 'b.docx'), '--db', db]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('输出文件只能给一个');
    const pdf = await cli(['meeting', 'calendar', '--year', String(year), path.join(root, 'calendar.pdf'), '--db', db]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('输出文件应以 .docx 或 .xlsx 结尾');
    const extra = await cli(['meeting', 'calendar', '--year', String(year), path.join(root, 'c.docx'), path.join(root, 'd.docx'), '--db', db]);
    expect(extra.code).toBe(2);
    // An existing file is kept unless --force.
    const again = await cli(['meeting', 'calendar', '--year', String(year), '--out', path.join(root, 'calendar.docx'), '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('文件已存在');
  });
});
