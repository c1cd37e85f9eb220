/** The columns a printed roster (党员花名册) can show: member keys as `member list --json` names them, plus derived ones. */
import { educationLabel, jobCategoryLabel } from '../../shared/domain/codes';
import { fullYearsBetween } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/idNumber';
import type { CellAlign } from './kit';

/** The member keys (as `member list --json` names them) that the roster and the statistics read. */
export const MEMBER_KEYS = [
  'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'nativePlace', 'category', 'status', 'applicationDate',
  'joinDate', 'fullDate', 'jobCategory', 'workUnit', 'post', 'partyPost', 'partyGroup', 'phone', 'landline', 'address',
  'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
] as const;
export type MemberKey = (typeof MEMBER_KEYS)[number];

/**
 * A member as `member list --json` gives it (the shared `Member` fits): only `name` is required; the other keys are
 * read when their column is chosen. Dates are YYYY-MM-DD; education may be a code or a label.
 */
export type RosterMember = { readonly name: string; readonly branch?: unknown } & { readonly [K in MemberKey]?: unknown };

export interface RosterContext {
  /** YYYY-MM-DD: the date the roster is as of (for age and Party standing). */
  date: string;
  maskIdNumbers: boolean;
}

export interface RosterColumn {
  key: string;
  header: string;
  align: CellAlign;
  /** Free text that may wrap in a narrow column. */
  wrap: boolean;
  value(m: RosterMember, ctx: RosterContext): string;
}

/** Dates print as 2004.07.01 (year.month.day, zero-padded so columns line up). */
export function registerDate(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('.') : value;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value).trim();
}

const field = (key: MemberKey | 'name', header: string, align: CellAlign = 'center', wrap = false): RosterColumn => ({
  key,
  header,
  align,
  wrap,
  value: (m) => text(m[key]),
});

const dateField = (key: MemberKey, header: string): RosterColumn => ({
  key,
  header,
  align: 'center',
  wrap: false,
  value: (m) => registerDate(m[key]),
});

function yearsSince(from: unknown, date: string): string {
  return typeof from === 'string' && from !== '' && from <= date ? String(fullYearsBetween(from, date)) : '';
}

/** Every column, in the order a register usually prints them. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  field('name', '姓名', 'center', true),
  field('gender', '性别'),
  field('ethnicity', '民族'),
  dateField('birthDate', '出生日期'),
  { key: 'age', header: '年龄', align: 'center', wrap: false, value: (m, ctx) => yearsSince(m.birthDate, ctx.date) },
  field('nativePlace', '籍贯', 'center', true),
  {
    key: 'idNumber',
    header: '身份证号',
    align: 'center',
    wrap: false,
    value: (m, ctx) => (ctx.maskIdNumbers ? maskIdNumber(text(m.idNumber)) : text(m.idNumber)),
  },
  { key: 'education', header: '学历', align: 'center', wrap: true, value: (m) => educationLabel(text(m.education)) },
  field('category', '人员类别'),
  field('status', '党籍状态'),
  dateField('applicationDate', '申请入党日期'),
  dateField('joinDate', '入党日期'),
  dateField('fullDate', '转正日期'),
  {
    key: 'partyStanding',
    header: '党龄',
    align: 'center',
    wrap: false,
    // Party standing counts from full membership (党章 Art. 7); probationary members have none yet.
    value: (m, ctx) => yearsSince(m.fullDate, ctx.date),
  },
  { key: 'jobCategory', header: '工作岗位', align: 'center', wrap: true, value: (m) => jobCategoryLabel(text(m.jobCategory)) },
  field('workUnit', '工作单位', 'left', true),
  field('post', '岗位/职务', 'center', true),
  field('partyPost', '党内职务', 'center', true),
  field('partyGroup', '党小组', 'center', true),
  field('phone', '联系电话'),
  field('landline', '固定电话'),
  field('address', '家庭住址', 'left', true),
  field('lostContact', '是否失联'),
  dateField('lostContactDate', '失联日期'),
  field('mobileMember', '是否流动'),
  field('mobileDestination', '外出流向', 'left', true),
  field('remark', '备注', 'left', true),
];

/** The member's branch: printed first (after 序号) when a roster spans several branches (committee roll-up). */
export const BRANCH_COLUMN: RosterColumn = { key: 'branch', header: '所在支部', align: 'left', wrap: true, value: (m) => text(m.branch) };

/** The columns a secretary usually prints (domain.md 1.2). */
export const DEFAULT_ROSTER_COLUMNS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'education', 'idNumber', 'joinDate', 'fullDate', 'category',
  'partyGroup', 'post', 'phone',
] as const;

export function rosterColumn(key: string): RosterColumn {
  const column = ROSTER_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`花名册没有“${key}”这一列`);
  return column;
}
