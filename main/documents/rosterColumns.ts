/** The columns a printed roster (党员花名册) can show: member keys as `member list --json` names them, plus derived ones. */
import { educationLabel, jobCategoryLabel } from '../../shared/domain/codes';
import { fullYearsBetween } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/idNumber';
import { DOCX_COLUMN_KEYS, DOCX_DEFAULT_COLUMN_KEYS, rosterColumnLabel } from '../../shared/domain/rosterColumns';
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

type ColumnSpec = Omit<RosterColumn, 'key' | 'header'>;

const field = (key: MemberKey | 'name', align: CellAlign = 'center', wrap = false): ColumnSpec => ({
  align,
  wrap,
  value: (m) => text(m[key]),
});

const dateField = (key: MemberKey): ColumnSpec => ({ align: 'center', wrap: false, value: (m) => registerDate(m[key]) });

function yearsSince(from: unknown, date: string): string {
  return typeof from === 'string' && from !== '' && from <= date ? String(fullYearsBetween(from, date)) : '';
}

/** How each printable column lays out and reads its value; headers come from the shared list. */
const COLUMN_SPECS: Record<(typeof DOCX_COLUMN_KEYS)[number], ColumnSpec> = {
  name: field('name', 'center', true),
  gender: field('gender'),
  ethnicity: field('ethnicity'),
  birthDate: dateField('birthDate'),
  age: { align: 'center', wrap: false, value: (m, ctx) => yearsSince(m.birthDate, ctx.date) },
  nativePlace: field('nativePlace', 'center', true),
  idNumber: { align: 'center', wrap: false, value: (m, ctx) => (ctx.maskIdNumbers ? maskIdNumber(text(m.idNumber)) : text(m.idNumber)) },
  education: { align: 'center', wrap: true, value: (m) => educationLabel(text(m.education)) },
  category: field('category'),
  status: field('status'),
  applicationDate: dateField('applicationDate'),
  joinDate: dateField('joinDate'),
  fullDate: dateField('fullDate'),
  // Party standing counts from full membership (党章 Art. 7); probationary members have none yet.
  partyStanding: { align: 'center', wrap: false, value: (m, ctx) => yearsSince(m.fullDate, ctx.date) },
  jobCategory: { align: 'center', wrap: true, value: (m) => jobCategoryLabel(text(m.jobCategory)) },
  workUnit: field('workUnit', 'left', true),
  post: field('post', 'center', true),
  partyPost: field('partyPost', 'center', true),
  partyGroup: field('partyGroup', 'center', true),
  phone: field('phone'),
  landline: field('landline'),
  address: field('address', 'left', true),
  lostContact: field('lostContact'),
  lostContactDate: dateField('lostContactDate'),
  mobileMember: field('mobileMember'),
  mobileDestination: field('mobileDestination', 'left', true),
  remark: field('remark', 'left', true),
};

/** Every column, in the order a register usually prints them. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = DOCX_COLUMN_KEYS.map((key) => ({ key, header: rosterColumnLabel(key), ...COLUMN_SPECS[key] }));

/** The member's branch: printed first (after 序号) when a roster spans several branches (committee roll-up). */
export const BRANCH_COLUMN: RosterColumn = { key: 'branch', header: rosterColumnLabel('branch'), align: 'left', wrap: true, value: (m) => text(m.branch) };

/** The columns a secretary usually prints (domain.md 1.2). */
export const DEFAULT_ROSTER_COLUMNS = DOCX_DEFAULT_COLUMN_KEYS;

export function rosterColumn(key: string): RosterColumn {
  const column = ROSTER_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`花名册没有“${key}”这一列`);
  return column;
}
