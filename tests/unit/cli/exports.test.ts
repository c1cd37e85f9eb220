/** `roster export` and `handover export`: --group by the name the user sees, and the files the exports write. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheetFile } from '../../../main/services/spreadsheet';
import { cliInProcess as cli, cliOk as ok, snapshot } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { idNumber } from '../../helpers/sheets';

interface Listed {
  name: string;
  idNumber: string;
  partyGroup: string | null;
  [key: string]: unknown;
}

const root = tempDir('branch-desk-cli-exports-');
const dataDir = path.join(root, 'data');
const db = path.join(dataDir, 'x.sqlite');
const out = (name: string) => path.join(root, 'out', name);
let everyone: Listed[];

/** The ID numbers in an exported sheet. */
async function idNumbersIn(file: string): Promise<string[]> {
  const grid = await readSpreadsheetFile(file);
  return grid.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'text' && /^\d{17}[\dX]$/.test(c.text) ? [c.text] : []))).sort();
}

beforeAll(async () => {
  await ok(['seed-demo', '--members', '40', '--seed', '4', '--db', db]);
  // One member without a party group (未分组): a copy of a seeded one with another ID number.
  const one = JSON.parse((await ok(['member', 'list', '--db', db, '--json'])).stdout)[0] as Listed;
  const { id, ...fields } = one;
  const ungrouped = { ...fields, name: '未分组的人', idNumber: idNumber(String(one.birthDate), one.gender as '男' | '女', 977, '110108'), partyGroup: null };
  fs.writeFileSync(path.join(root, 'ungrouped.json'), JSON.stringify([ungrouped]));
  await ok(['member', 'add', '--file', path.join(root, 'ungrouped.json'), '--db', db]);
  everyone = JSON.parse((await ok(['member', 'list', '--all', '--db', db, '--json'])).stdout);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('roster export --group', () => {
  it('exports the members of the group named as the 党小组 screen names it', async () => {
    const groups = [...new Set(everyone.map((m) => m.partyGroup).filter((g): g is string => !!g))];
    expect(groups.length).toBeGreaterThan(1);
    const group = groups[1]!;
    const file = out('group.xlsx');
    const r = await ok(['roster', 'export', file, '--group', group, '--all', '--columns', 'name,idNumber', '--db', db, '--json']);
    const want = everyone.filter((m) => m.partyGroup === group).map((m) => m.idNumber).sort();
    expect(JSON.parse(r.stdout).count).toBe(want.length);
    expect(await idNumbersIn(file)).toEqual(want);
  });

  it('takes 未分组 for the members without a group', async () => {
    const file = out('ungrouped.xlsx');
    const r = await ok(['roster', 'export', file, '--group', '未分组', '--all', '--db', db, '--json']);
    const want = everyone.filter((m) => m.partyGroup === null).map((m) => m.idNumber);
    expect(want.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(r.stdout).count).toBe(want.length);
    expect(await idNumbersIn(file)).toEqual(want.sort());
  });

  it('refuses an unknown name before anything is written, listing the groups and 未分组', async () => {
    const before = snapshot(dataDir);
    const file = out('unknown.xlsx');
    const r = await cli(['roster', 'export', file, '--group', '不存在的小组', '--db', db, '--json']);
    expect(r.code).toBe(2);
    const message = JSON.parse(r.stderr).error.message as string;
    expect(message).toContain('选项 --group：没有名为“不存在的小组”的党小组');
    for (const g of new Set(everyone.map((m) => m.partyGroup).filter(Boolean))) expect(message).toContain(g);
    expect(message).toMatch(/、未分组$/);
    expect(fs.existsSync(file)).toBe(false);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('lists --group in the help', async () => {
    const help = await ok(['help', 'roster', 'export']);
    expect(help.stdout).toContain('--group 党小组名称');
    expect(help.stdout).toContain('未分组');
  });
});

describe('the files exports write', () => {
  const EXPORTS = [
    ['roster export', 'xlsx', (file: string) => ['roster', 'export', file]],
    ['roster export', 'docx', (file: string) => ['roster', 'export', file]],
    ['handover export', 'zbk', (file: string) => ['handover', 'export', file, '--no-password']],
  ] as const;

  it.each(EXPORTS)('%s .%s creates a missing folder, refuses an existing file without --force, and replaces it with --force', async (_, ext, args) => {
    const file = path.join(root, 'new', ext, 'deeper', `export.${ext}`);
    await ok([...args(file), '--db', db]);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    const kept = fs.readFileSync(file);
    const before = snapshot(dataDir);
    const refused = await cli([...args(file), '--db', db, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(JSON.parse(refused.stderr).error).toEqual({ code: 'E_VALIDATION', message: `文件已存在：${file}（加 --force 覆盖，或换一个文件名）` });
    expect(fs.readFileSync(file).equals(kept)).toBe(true);
    expect(snapshot(dataDir)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([`export.${ext}`]);

    // A narrower export over it: the file is replaced, not kept.
    const narrower = ext === 'zbk' ? ['--tables', 'branches'] : ['--category', '预备党员'];
    await ok([...args(file), ...narrower, '--force', '--db', db]);
    expect(fs.readFileSync(file).equals(kept)).toBe(false);
    expect(fs.readdirSync(path.dirname(file))).toEqual([`export.${ext}`]);
  });

  it.each(EXPORTS)('%s .%s refuses a folder in place of the file, even with --force', async (_, ext, args) => {
    const folder = path.join(root, `folder.${ext}`);
    fs.mkdirSync(folder);
    const r = await cli([...args(folder), '--force', '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toBe(`“${folder}”是文件夹，请写出要导出的文件名`);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('names --force in the help of both', async () => {
    for (const command of [['roster', 'export'], ['handover', 'export']]) {
      expect((await ok(['help', ...command])).stdout).toContain('--force');
    }
  });
});
