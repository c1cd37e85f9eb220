/**
 * The one list of roster column names: the roster table, both export dialogs (Excel, Word), the spreadsheet's
 * header row and the printed 花名册 all name a column from here, so a column reads the same everywhere. Member
 * fields use the member form's wording (MEMBER_FIELD_LABELS: 是否失联党员, 失去联系日期 as on the national
 * basic-information form); the derived columns are added here.
 */
import { MEMBER_FIELD_LABELS } from './member';

/** Columns worked out from a member's fields rather than stored. */
const DERIVED_COLUMN_LABELS = {
  age: '年龄',
  partyStanding: '党龄',
  probationEnd: '预备期满',
  branch: '所在支部',
} as const;

const MEMBER_COLUMN_KEYS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'nativePlace', 'category', 'applicationDate',
  'joinDate', 'fullDate', 'jobCategory', 'workUnit', 'post', 'partyPost', 'partyGroup', 'phone', 'landline', 'address',
  'status', 'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
] as const;

export type RosterColumnKey = (typeof MEMBER_COLUMN_KEYS)[number] | keyof typeof DERIVED_COLUMN_LABELS;

export const ROSTER_COLUMN_LABELS: Readonly<Record<RosterColumnKey, string>> = {
  ...(Object.fromEntries(MEMBER_COLUMN_KEYS.map((k) => [k, MEMBER_FIELD_LABELS[k]!])) as Record<(typeof MEMBER_COLUMN_KEYS)[number], string>),
  ...DERIVED_COLUMN_LABELS,
};

export function rosterColumnLabel(key: RosterColumnKey): string {
  return ROSTER_COLUMN_LABELS[key];
}

/** The spreadsheet export: every importable field, in the order of a typical 花名册, so the file reads back unchanged. */
export const XLSX_COLUMN_KEYS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'nativePlace', 'category', 'applicationDate',
  'joinDate', 'fullDate', 'partyGroup', 'workUnit', 'post', 'partyPost', 'jobCategory', 'phone', 'landline', 'address',
  'status', 'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
] as const satisfies readonly RosterColumnKey[];

/** The printed 党员花名册 (序号 always comes first), in the order a register usually prints them. */
export const DOCX_COLUMN_KEYS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'age', 'nativePlace', 'idNumber', 'education', 'category', 'status',
  'applicationDate', 'joinDate', 'fullDate', 'partyStanding', 'jobCategory', 'workUnit', 'post', 'partyPost', 'partyGroup',
  'phone', 'landline', 'address', 'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
] as const satisfies readonly RosterColumnKey[];

/** The columns a secretary usually prints (domain.md 1.2). */
export const DOCX_DEFAULT_COLUMN_KEYS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'education', 'idNumber', 'joinDate', 'fullDate', 'category',
  'partyGroup', 'post', 'phone',
] as const satisfies readonly RosterColumnKey[];
