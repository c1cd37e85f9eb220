/**
 * `appraisal start`, `appraisal ballots`, `appraisal enter` and `appraisal results` (issue 14, item 6): a campaign over
 * the active members, the ballots as Word, sheets entered from JSON with the keyboard entry's checks (all or none),
 * and the results as JSON in exactly the shape, checked against an independent count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRADES, type Grade } from '../../../shared/domain/appraisal';
import { cliInProcess as cli, cliOk as ok } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { readDocx } from '../../helpers/documents';

const root = tempDir('branch-desk-cli-appraisal-');
const db = path.join(root, 'data', 'x.sqlite');
const out = (name: string) => path.join(root, 'out', name);
const YEAR = '2019';

interface ResultsJson {
  ballots: { issued: number; collected: number; valid: number; spoilt: number };
  members: { memberId: string; name: string; counts: Record<Grade, number>; proposed: Grade | null; final: Grade | null }[];
}

interface SheetJson {
  serial: string;
  voterType: '党员' | '群众';
  spoilt: boolean;
  grades: Record<string, Grade>;
}

async function resultsJson(): Promise<ResultsJson> {
  return JSON.parse((await ok(['appraisal', 'results', '--year', YEAR, '--json', '--db', db])).stdout) as ResultsJson;
}

function sheetsFile(name: string, sheets: SheetJson[]): string {
  const file = out(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(sheets));
  return file;
}

async function refusal(args: string[]): Promise<string> {
  const r = await cli([...args, '--db', db, '--json']);
  expect(r.code, r.stdout).not.toBe(0);
  return (JSON.parse(r.stderr) as { error: { message: string } }).error.message;
}

let members: ResultsJson['members'];

beforeAll(async () => {
  await ok(['seed-demo', '--members', '30', '--seed', '6', '--db', db]);
  const started = JSON.parse((await ok(['appraisal', 'start', '--year', YEAR, '--issued', '3', '--masses', '1', '--db', db, '--json'])).stdout);
  expect(started).toMatchObject({ year: 2019, issued: 4 });
  expect(started.graded).toBeGreaterThan(10);
  members = (await resultsJson()).members;
  expect(members).toHaveLength(started.graded);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('appraisal start', () => {
  it('refuses a second campaign for the same year', async () => {
    expect(await refusal(['appraisal', 'start', '--year', YEAR, '--issued', '3'])).toBe('2019年度已有民主评议，请打开它继续');
  });
});

describe('appraisal ballots', () => {
  it('writes one sheet per ballot issued, one row per graded member with the four grade columns', async () => {
    const r = JSON.parse((await ok(['appraisal', 'ballots', '--year', YEAR, out('ballots.docx'), '--db', db, '--json'])).stdout);
    expect(r.sheets).toBe(4);
    const docx = readDocx(out('ballots.docx'));
    expect(docx.tables).toHaveLength(4);
    for (const table of docx.tables) {
      const header = table.headerRows.filter(Boolean).length;
      expect(table.rows[header - 1]).toEqual(['序号', '姓名', ...GRADES]);
      expect(table.rows.slice(header).map((row) => row[1])).toEqual(members.map((m) => m.name));
    }
    expect(docx.paragraphs.filter((p) => /编号：00[1-4]$/.test(p.text.replace(/\s+/g, '')))).toHaveLength(4);
  });

  it('says which year has no campaign', async () => {
    expect(await refusal(['appraisal', 'ballots', '--year', '2018', out('none.docx')])).toBe('2018年度还没有民主评议（先用 appraisal start --year 2018 开始）');
    expect(fs.existsSync(out('none.docx'))).toBe(false);
  });
});

describe('appraisal enter and appraisal results', () => {
  const grades = (pick: (i: number) => Grade | null) =>
    Object.fromEntries(members.flatMap((m, i) => (pick(i) ? [[m.memberId, pick(i)!]] : [])));
  let sheets: SheetJson[] = [];
  beforeAll(() => {
    sheets = [
      { serial: '001', voterType: '党员', spoilt: false, grades: grades((i) => (i % 4 === 0 ? '优秀' : '合格')) },
      { serial: '2', voterType: '党员', spoilt: false, grades: grades((i) => (i === 1 ? null : i % 5 === 0 ? '基本合格' : '合格')) },
      { serial: '003', voterType: '党员', spoilt: true, grades: {} },
      { serial: '004', voterType: '群众', spoilt: false, grades: grades((i) => (i === 2 ? '不合格' : '优秀')) },
    ];
  });

  it('refuses a file whose sheets break the entry checks, naming the sheet and serial, and saves none of it', async () => {
    const beyond = sheetsFile('beyond.json', [sheets[0]!, { ...sheets[1]!, serial: '005' }]);
    expect(await refusal(['appraisal', 'enter', '--year', YEAR, '--file', beyond])).toMatch(/^第 2 张：编号 005 超出已发放的测评表（共 4 张，编号 001 至 004）/);
    const tooMany = sheetsFile('too-many.json', [sheets[0]!, sheets[1]!, sheets[2]!, { ...sheets[3]!, voterType: '党员' }]);
    expect(await refusal(['appraisal', 'enter', '--year', YEAR, '--file', tooMany])).toContain('第 4 张：编号 004：党员测评表已录入 3 张，已达发放数 3 张，收回的不能多于发放的');
    expect((await resultsJson()).ballots).toEqual({ issued: 4, collected: 0, valid: 0, spoilt: 0 });
  });

  it('enters the sheets, and the results JSON has the issue\'s shape and an independent count', async () => {
    const file = sheetsFile('sheets.json', sheets);
    const r = JSON.parse((await ok(['appraisal', 'enter', '--year', YEAR, '--file', file, '--db', db, '--json'])).stdout);
    expect(r).toEqual({ entered: 4, issued: 4, collected: 4 });
    const results = await resultsJson();
    expect(Object.keys(results)).toEqual(['ballots', 'members']);
    expect(results.ballots).toEqual({ issued: 4, collected: 4, valid: 3, spoilt: 1 });
    for (const m of results.members) {
      expect(Object.keys(m)).toEqual(['memberId', 'name', 'counts', 'proposed', 'final']);
      const expected = Object.fromEntries(GRADES.map((g) => [g, sheets.filter((s) => !s.spoilt && s.grades[m.memberId] === g).length]));
      expect(m.counts).toEqual(expected);
      expect(m.final).toBeNull();
    }
    expect(results.members[2]!.counts).toEqual({ 优秀: 0, 合格: 2, 基本合格: 0, 不合格: 1 });
  });

  it('refuses the same sheets a second time', async () => {
    expect(await refusal(['appraisal', 'enter', '--year', YEAR, '--file', out('sheets.json')])).toMatch(/^第 1 张：编号 001 的测评表已第一遍录入，不能再录入一次/);
    expect((await resultsJson()).ballots.collected).toBe(4);
  });

  it('writes the results table as Word, and needs OUT.docx or --json', async () => {
    await ok(['appraisal', 'results', '--year', YEAR, out('results.docx'), '--db', db]);
    const table = readDocx(out('results.docx')).tables[0]!;
    expect(table.rows.slice(2).map((row) => row[1])).toEqual(members.map((m) => m.name));
    const bare = await cli(['appraisal', 'results', '--year', YEAR, '--db', db]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('请给出要导出的 OUT.docx，或加 --json 输出结果');
  });
});
