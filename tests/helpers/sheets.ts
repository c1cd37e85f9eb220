/** Spreadsheets and members for the spreadsheet tests: valid ID numbers, a varied roster, workbooks, LibreOffice conversion. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach } from 'vitest';
import { idCheckChar } from '../../shared/domain/idNumber';
import { addMembers, type MemberImportItem } from '../../main/services/roster/members';
import { sampleMember, testContext, type TestContext } from './context';

/** A valid 18-character ID number: address code, birth date, sequence (odd for men), check character. */
export function idNumber(birthDate: string, gender: '男' | '女', seq = 1, area = '110105'): string {
  const order = String(seq * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0').slice(-3);
  const first17 = area + birthDate.replace(/-/g, '') + order;
  return first17 + idCheckChar(first17);
}

/** An ID number with a wrong check character. */
export function badChecksum(id: string): string {
  const right = id[17]!;
  return id.slice(0, 17) + (right === '1' ? '2' : '1');
}

const pad = (n: number) => String(n).padStart(2, '0');

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];
const ETHNICITY = ['汉族', '汉族', '回族', '蒙古族', '满族', '壮族', '汉族', '土家族'] as const;
const EDUCATION = ['20', '21', '31', '41', '61', '14', '47', '90', '30', '11'] as const;
const GROUPS = ['第一党小组', '第二党小组', '机关党小组（后勤）', null] as const;
const JOBS = ['', '014', '015', '016', '0164', '4'] as const;
const STATUSES = ['正常', '正常', '正常', '停止党籍', '转出', '去世'] as const;

/** `count` members that differ in every exported field (categories, statuses, optional fields, groups, odd text). */
export function variedMembers(count: number): MemberImportItem[] {
  return Array.from({ length: count }, (_, i) => {
    const gender = i % 3 === 0 || i === 5 ? '女' : '男';
    const birthDate = `${1960 + (i % 40)}-${pad((i % 12) + 1)}-${pad((i % 27) + 1)}`;
    const joinYear = 1960 + (i % 40) + 20 + (i % 5);
    const probationary = i % 7 === 3 && joinYear < 2026;
    const joinDate = probationary ? `2026-0${(i % 9) + 1}-15` : `${Math.min(joinYear, 2024)}-${pad((i % 12) + 1)}-01`;
    const lost = i % 11 === 5;
    const mobile = i % 9 === 4;
    return {
      name: i === 5 ? '阿依古丽·买买提' : SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 2 ? GIVEN[i % GIVEN.length]! : ''),
      gender,
      ethnicity: i === 5 ? '维吾尔族' : ETHNICITY[i % ETHNICITY.length]!,
      idNumber: idNumber(birthDate, gender, i + 1, i % 2 ? '610402' : '130602'),
      birthDate,
      education: EDUCATION[i % EDUCATION.length]!,
      nativePlace: i % 4 === 0 ? '' : '河北省保定市',
      category: probationary ? '预备党员' : '正式党员',
      applicationDate: i % 3 === 0 ? null : `${Number(joinDate.slice(0, 4)) - 2}-03-0${(i % 9) + 1}`,
      joinDate,
      fullDate: probationary ? null : `${Number(joinDate.slice(0, 4)) + 1}-${joinDate.slice(5, 7)}-0${(i % 9) + 1}`,
      jobCategory: JOBS[i % JOBS.length]!,
      workUnit: i % 5 === 0 ? '' : '渤海钻探第一钻井队',
      post: ['司钻', '井架工', '机械师', '', '泥浆工'][i % 5]!,
      partyPost: i === 0 ? '书记' : i === 1 ? '组织委员' : '',
      partyGroup: GROUPS[i % GROUPS.length]!,
      phone: i % 6 === 0 ? '' : `13${pad(i % 100)}${String(1000000 + i * 7919).slice(-7)}`,
      landline: i % 8 === 0 ? '0317-2345678' : '',
      address: i % 4 === 1 ? '河北省任丘市会战道 12 号' : '',
      status: STATUSES[i % STATUSES.length]!,
      lostContact: lost,
      lostContactDate: lost ? '2025-06' : null,
      mobileMember: mobile,
      mobileDestination: mobile ? '新疆维吾尔自治区克拉玛依市' : '',
      remark: i % 10 === 2 ? '第一行\n第二行' : i % 10 === 6 ? '00123' : i % 10 === 8 ? '=1+1' : '',
    };
  });
}

export type SheetCell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

/** A workbook of one sheet: rows of values (a cell may carry its number format); merges as 'A1:N1'. */
export async function buildXlsx(rows: SheetCell[][], options: { merges?: string[]; date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('花名册');
  rows.forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (c === undefined) return;
      const cell = ws.getCell(r + 1, col + 1);
      if (c !== null && typeof c === 'object' && 'numFmt' in c && 'value' in c) {
        cell.value = c.value;
        cell.numFmt = c.numFmt;
      } else cell.value = c as ExcelJS.CellValue;
    });
  });
  for (const m of options.merges ?? []) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Converts with LibreOffice (`xls` or `xlsx`): a different writer with its own way of storing strings, numbers and dates. */
export function convertWithLibreOffice(file: string, to: 'xls' | 'xlsx', outDir: string): string {
  const profile = `file:///tmp/lo-profile-${process.pid}`;
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${to}`));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** A fresh context whose branch (中共第一钻井队支部委员会) holds `members`, stored as on `today`; the test cleans it up. */
export async function rosterContext(members: readonly MemberImportItem[], today: string): Promise<TestContext> {
  const t = await testContext();
  await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
  addMembers(t.db, members, { today });
  return t;
}

/** Each test of the file gets a fresh database with the branch 中共第一钻井队支部委员会 and one member (sampleMember), handed to `use`; closed after the test. */
export function branchWithOneMemberEach(today: string, use: (t: TestContext) => void): void {
  let t: TestContext | undefined;
  beforeEach(async () => {
    t = await testContext();
    await t.call('branch.save', { name: '中共第一钻井队支部委员会' });
    addMembers(t.db, [sampleMember()], { today });
    use(t);
  });
  afterEach(() => t?.cleanup());
}
