/**
 * Spreadsheets from other systems and offices, read as a person would: a category column under a
 * misleading header, a staffing-type column, merged blocks of filling-in instructions, and the
 * shapes of owip's member templates (校外人员, 校内人员), rebuilt here with ExcelJS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewImport, readSpreadsheet, type ImportPreview } from '../../../main/services/spreadsheet/index';
import { fieldForHint } from '../../../main/services/spreadsheet/matching';
import type { TestContext } from '../../helpers/context';
import { buildXlsx, idNumber, rosterContext, type SheetCell } from '../../helpers/sheets';

const TODAY = '2026-11-25';
const utc = (d: string) => new Date(`${d}T00:00:00Z`);

/** Three valid members: two full members and one probationer. */
const MEMBERS = [
  { name: '刘洋', gender: '男', birth: '1985-03-17', id: idNumber('1985-03-17', '男', 21), ethnicity: '汉族', education: '本科', category: '正式党员', apply: '2007-03-01', join: '2008-06-20', full: '2009-06-20', staff: '普通编制', phone: '13800138001' },
  { name: '陈静', gender: '女', birth: '1990-11-02', id: idNumber('1990-11-02', '女', 23), ethnicity: '回族', education: '研究生', category: '正式党员', apply: '2011-10-08', join: '2013-05-04', full: '2014-05-04', staff: '合同制', phone: '13800138002' },
  { name: '马强', gender: '男', birth: '1996-07-30', id: idNumber('1996-07-30', '男', 25), ethnicity: '满族', education: '大专', category: '预备党员', apply: '2024-03-15', join: '2026-03-01', full: null, staff: '校聘', phone: '13800138003' },
] as const;

const INSTRUCTIONS = {
  richText: [
    { text: '填写注意事项：\n\n' },
    { font: { bold: true, color: { argb: 'FFFF0000' } }, text: '1、本表供没有工作证号的人员使用。' },
    { text: '\n2、请按字段批注填写，字段及字段顺序请勿删除或调整。\n3、标红字段必须填写完整。\n4、导入前请删除此注意事项。' },
  ],
};

let t: TestContext;
beforeEach(async () => {
  t = await rosterContext([], TODAY);
});
afterEach(() => t.cleanup());

async function preview(rows: SheetCell[][], merges: string[] = [], mapping?: Record<string, string | null>): Promise<ImportPreview> {
  const grid = await readSpreadsheet(await buildXlsx(rows, { merges }), 'xlsx');
  return previewImport(t.db, grid, { today: TODAY, mapping: mapping as never });
}

/** Every valid row new, no problem anywhere, nothing required missing. */
function expectAllNew(p: ImportPreview) {
  expect(p.invalid).toEqual([]);
  expect(p.missingFields).toEqual([]);
  expect(p.rows.map((r) => [r.outcome, r.name])).toEqual(MEMBERS.map((m) => ['new', m.name]));
  expect(p.new).toBe(3);
  expect(p.rows.map((r) => r.fields?.category)).toEqual(MEMBERS.map((m) => m.category));
  expect(p.rows.every((r) => r.fields?.status === '正常')).toBe(true);
}

// ---- owip's 党员信息（校外人员）录入样表: 人员类别 holds staffing types, 党籍状态（…） the category, notes merged at C6:L19 ----

const OUTSIDE_HEADER = [
  '所在党支部', '姓名', '性别', '出生日期', '身份证号', '民族', '籍贯', '学历', '工作单位', '人员类别',
  '党籍状态（正式党员或预备党员）', '提交书面申请书时间', '入党时间', '转正时间', '联系电话',
];

function outsideRows(): SheetCell[][] {
  const members = MEMBERS.map((m) => [
    '教育学部党支部', m.name, m.gender, utc(m.birth), m.id, m.ethnicity, '河北保定', m.education, '北京某研究所', m.staff,
    m.category, utc(m.apply), utc(m.join), m.full ? utc(m.full) : null, m.phone,
  ]);
  return [OUTSIDE_HEADER, ...members, [], [null, null, INSTRUCTIONS]];
}

describe('owip 党员信息（校外人员）录入样表, filled with three members', () => {
  it('previews three new members and no false problems', async () => {
    const p = await preview(outsideRows(), ['C6:L19']);
    expectAllNew(p);
    expect(p.mapping.K).toBe('category');
    expect(p.mapping.J).toBeNull();
    expect(Object.values(p.mapping).filter((f) => f === 'status')).toEqual([]);
  });

  it('says why: the category by its values, the staffing column unmatched by its values', async () => {
    const p = await preview(outsideRows(), ['C6:L19']);
    expect(p.reasons.K).toEqual({ by: 'values', text: '按内容：都是“正式党员”“预备党员”' });
    expect(p.reasons.J).toEqual({ by: null, text: '内容（如“普通编制”）不像“人员类别”，未导入' });
    expect(p.reasons.B).toEqual({ by: 'header', text: '按列名“姓名”' });
    expect(p.reasons.A).toEqual({ by: null, text: '不需要导入的列' });
  });

  it('skips the merged block of 填写注意事项 as instructions, naming it', async () => {
    const p = await preview(outsideRows(), ['C6:L19']);
    const notes = p.skipped.filter((s) => s.reason === 'instructions');
    expect(notes).toEqual([{ row: 6, reason: 'instructions', text: expect.stringMatching(/^填写注意事项：/) }]);
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('a user correction wins and its reason says so', async () => {
    const p = await preview(outsideRows(), ['C6:L19'], { K: null });
    expect(p.mapping.K).toBeNull();
    expect(p.reasons.K).toEqual({ by: null, text: '您选择不导入' });
    expect(p.missingFields).toEqual(['category']);
  });
});

// ---- owip's 党员信息（校内人员）录入样表: keyed by staff number, notes merged at C7:I21 ----

const INSIDE_HEADER = [
  '学工号', '姓名', '所在分党委编码', '所在分党委', '所在党支部编码', '所在党支部', '党籍状态（正式党员或预备党员）', '组织关系转入时间',
  '提交书面申请书时间', '确定为入党积极分子时间', '确定为发展对象时间', '入党介绍人', '入党时间', '入党时所在党支部', '转正时间',
  '转正时所在党支部', '党内职务', '党内奖励', '其他奖励',
];

/** The template's columns; with `extra`, the secretary added the columns the roster needs (身份证号, 民族, 学历) at the end. */
function insideRows(extra: boolean): SheetCell[][] {
  const members = MEMBERS.map((m, i) => {
    const row: SheetCell[] = [
      11312018275 + i, m.name, { value: '020100', numFmt: '@' }, '中共xxxx大学教育学部委员会', { value: '020100080', numFmt: '@' }, '教育学部高精尖党支部',
      m.category, null, utc(m.apply), null, null, '王老师、李老师', utc(m.join), '教育学部高精尖党支部', m.full ? utc(m.full) : null,
      m.full ? '教育学部高精尖党支部' : null, null, null, null,
    ];
    return extra ? [...row, m.id, m.ethnicity, m.education] : row;
  });
  const header = extra ? [...INSIDE_HEADER, '身份证号', '民族', '学历'] : INSIDE_HEADER;
  return [header, ...members, [], [], [null, null, INSTRUCTIONS]];
}

describe('owip 党员信息（校内人员）录入样表', () => {
  it('with the roster’s required columns added, previews three new members and no false problems', async () => {
    const p = await preview(insideRows(true), ['C7:I21']);
    expectAllNew(p);
    expect(p.mapping).toMatchObject({ A: null, B: 'name', G: 'category', I: 'applicationDate', M: 'joinDate', O: 'fullDate', Q: 'partyPost' });
    expect(p.reasons.G?.by).toBe('values');
    expect(p.skipped.find((s) => s.row === 7)?.reason).toBe('instructions');
  });

  it('as the template stands, the only problems are the columns it lacks', async () => {
    const p = await preview(insideRows(false), ['C7:I21']);
    expect(p.mapping.G).toBe('category');
    expect(p.missingFields).toEqual(['idNumber', 'gender', 'ethnicity', 'birthDate', 'education']);
    expect(p.invalid.length).toBeGreaterThan(0);
    expect(p.invalid.every((i) => i.message.startsWith('表中没有“'))).toBe(true);
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('the empty template: its category column is known by the hint in parentheses', async () => {
    const p = await preview([INSIDE_HEADER]);
    expect(p.mapping.G).toBe('category');
    expect(p.reasons.G).toEqual({ by: 'hint', text: '按列名括号中的“正式党员或预备党员”' });
  });
});

// ---- offices' own rosters ----

describe('a category column under a misleading header', () => {
  const header = ['序号', '姓名', '性别', '出生日期', '民族', '学历', '身份证号码', '联系电话', '入党时间', '转正时间', '党籍状态'];
  const rows = (): SheetCell[][] => [
    ['党员信息导出'],
    header,
    ...MEMBERS.map((m, i) => [i + 1, m.name, m.gender, m.birth, m.ethnicity, m.education, m.id, m.phone, m.join, m.full, m.category]),
  ];

  it('党籍状态 holding 正式党员/预备党员 is the category, not the 党籍状态 of the national form', async () => {
    const p = await preview(rows(), ['A1:K1']);
    expectAllNew(p);
    expect(p.mapping.K).toBe('category');
    expect(p.reasons.K?.by).toBe('values');
  });

  it('a column named otherwise (党员身份, 备注) holding only 正式党员/预备党员 is the category too', async () => {
    for (const name of ['党员身份', '备注']) {
      const r = rows();
      r[1] = [...header.slice(0, 10), name];
      const p = await preview(r);
      expect(p.mapping.K).toBe('category');
      expectAllNew(p);
    }
  });
});

describe('a staffing-type column', () => {
  it('人员类别 holding 普通编制, 合同制 is not imported; 政治面貌 gives the category', async () => {
    const header = ['姓名', '性别', '民族', '公民身份号码', '文化程度', '政治面貌', '人员类别', '入党日期', '转正日期', '手机号码'];
    const rows: SheetCell[][] = [
      header,
      ...MEMBERS.map((m) => [m.name, m.gender, m.ethnicity, m.id, m.education, m.category === '正式党员' ? '中共党员' : '中共预备党员', m.staff, m.join, m.full, m.phone]),
    ];
    const p = await preview(rows);
    expectAllNew(p);
    expect(p.mapping).toMatchObject({ F: 'category', G: null });
    expect(p.reasons.F).toEqual({ by: 'header', text: '按列名“政治面貌”' });
    expect(p.reasons.G?.text).toContain('未导入');
  });

  it('with no other category column, the preview says the staffing column was left out and the category is missing', async () => {
    const header = ['姓名', '性别', '民族', '身份证号', '学历', '人员类别', '入党时间'];
    const rows: SheetCell[][] = [header, ...MEMBERS.map((m) => [m.name, m.gender, m.ethnicity, m.id, m.education, m.staff, m.join])];
    const p = await preview(rows);
    expect(p.mapping.F).toBeNull();
    expect(p.reasons.F).toEqual({ by: null, text: '内容（如“普通编制”）不像“人员类别”，未导入' });
    expect(p.missingFields).toEqual(['category']);
    expect(p.invalid.every((i) => i.field === 'category' && i.column === null)).toBe(true);
  });
});

describe('merged instruction blocks', () => {
  const header = ['序号', '姓名', '性别', '民族', '出生年月', '身份证号', '学历', '人员类别', '入党时间', '转正时间'];
  const member = (m: (typeof MEMBERS)[number], i: number): SheetCell[] => [i + 1, m.name, m.gender, m.ethnicity, m.birth.slice(0, 7).replace('-', '.'), m.id, m.education, m.category, m.join, m.full];

  it('below the header, between the members and at the end, over mapped columns: skipped, with why', async () => {
    const rows: SheetCell[][] = [
      ['第一党支部党员名册'],
      header,
      ['填表说明：出生年月写成 1980.05；身份证号请设为文本格式，以免末几位丢失；人员类别填正式党员或预备党员。'],
      member(MEMBERS[0], 0),
      member(MEMBERS[1], 1),
      [null, '说明：以下为今年新接收的预备党员'],
      member(MEMBERS[2], 2),
      [],
      ['注：1. 本表一式两份，一份报上级党委组织部门。\n2. 党员情况如有变化，请及时更新。'],
    ];
    const p = await preview(rows, ['A1:J1', 'A3:J3', 'A9:J12']);
    expectAllNew(p);
    expect(p.skipped.filter((s) => s.reason === 'instructions').map((s) => s.row)).toEqual([3, 6, 9]);
    expect(p.skipped.find((s) => s.row === 3)?.text).toMatch(/^填表说明：/);
  });

  it('a long note with no keyword, alone in its merged block, is skipped too; a member row is never taken for one', async () => {
    const note = '本表根据各党小组上报材料汇总，如与档案记载不一致，以档案为准，请各党小组组长在月底前核对后签字交回支部。';
    const rows: SheetCell[][] = [header, ...MEMBERS.map(member), [], [null, null, note]];
    const p = await preview(rows, ['C6:J10']);
    expectAllNew(p);
    expect(p.skipped.find((s) => s.row === 6)).toMatchObject({ reason: 'instructions' });
  });
});

describe('hints in parentheses', () => {
  it('name the field whose values they list; other notes in parentheses are not hints', () => {
    expect(fieldForHint('党籍状态（正式党员或预备党员）')).toBe('category');
    expect(fieldForHint('性别(男/女)')).toBe('gender');
    expect(fieldForHint('是否失联（是、否）')).toBe('lostContact');
    expect(fieldForHint('出生年月（年.月）')).toBeNull();
    expect(fieldForHint('身份证号(18位)')).toBeNull();
  });
});
