/** The member form's values, their conversion to the contract's input, and validation with the shared rules. */
import dayjs, { type Dayjs } from 'dayjs';
import { JOB_CATEGORIES } from '../../../../shared/domain/codes';
import {
  memberFieldsSchema,
  memberRuleProblems,
  type FieldProblem,
  type Member,
  type MemberFieldsInput,
} from '../../../../shared/domain/member';
import { fromDayjs, MONTH_FORMAT, toDayjs } from '../../components/dates';
import { missingProblems, personInput, personValues, schemaFailureProblems, type PersonValues } from '../../components/person/personValues';

export interface MemberValues extends PersonValues {
  category?: '正式党员' | '预备党员';
  applicationDate: Dayjs | null;
  joinDate: Dayjs | null;
  fullDate: Dayjs | null;
  jobCategory: string;
  partyPost?: string;
  landline: string;
  address: string;
  status: string;
  lostContact: boolean;
  lostContactDate: Dayjs | null;
  mobileMember: boolean;
  mobileDestination: string;
  /** Asked only for a new member while the roster shows all branches (not part of the member's fields). */
  branchId?: string;
}

/** Field order on screen: the first field with a problem gets the focus. */
export const FIELD_ORDER = [
  'name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'education', 'nativePlace',
  'category', 'applicationDate', 'joinDate', 'fullDate', 'partyGroupId', 'partyPost', 'status',
  'jobCategory', 'workUnit', 'post', 'phone', 'landline', 'address',
  'lostContact', 'lostContactDate', 'mobileMember', 'mobileDestination', 'remark',
] as const;
export type MemberFieldName = (typeof FIELD_ORDER)[number];

export function emptyValues(): MemberValues {
  return {
    name: '', gender: undefined, ethnicity: '汉族', idNumber: '', birthDate: null, education: undefined, nativePlace: '',
    category: '正式党员', applicationDate: null, joinDate: null, fullDate: null, jobCategory: '', workUnit: '', post: '',
    partyPost: undefined, partyGroupId: '', phone: '', landline: '', address: '', status: '正常', lostContact: false,
    lostContactDate: null, mobileMember: false, mobileDestination: '', remark: '',
  };
}

export function valuesOf(m: Member): MemberValues {
  return {
    ...personValues(m),
    category: m.category, applicationDate: toDayjs(m.applicationDate), joinDate: toDayjs(m.joinDate), fullDate: toDayjs(m.fullDate),
    jobCategory: m.jobCategory, partyPost: m.partyPost || undefined, landline: m.landline, address: m.address, status: m.status,
    lostContact: m.lostContact, lostContactDate: toDayjs(m.lostContactDate, MONTH_FORMAT), mobileMember: m.mobileMember,
    mobileDestination: m.mobileDestination,
  };
}

export function toInput(v: MemberValues): MemberFieldsInput {
  return {
    ...personInput(v),
    category: v.category as MemberFieldsInput['category'],
    applicationDate: fromDayjs(v.applicationDate) || null,
    joinDate: fromDayjs(v.joinDate),
    fullDate: fromDayjs(v.fullDate) || null,
    jobCategory: v.jobCategory ?? '',
    partyPost: v.partyPost ?? '',
    landline: v.landline ?? '',
    address: v.address ?? '',
    status: (v.status || '正常') as MemberFieldsInput['status'],
    lostContact: !!v.lostContact,
    lostContactDate: v.lostContact ? fromDayjs(v.lostContactDate, MONTH_FORMAT) || null : null,
    mobileMember: !!v.mobileMember,
    mobileDestination: v.mobileMember ? (v.mobileDestination ?? '') : '',
  };
}

const REQUIRED_MESSAGES: Partial<Record<MemberFieldName, string>> = {
  idNumber: '请填写身份证号',
  birthDate: '请填写出生日期',
  education: '请选择学历',
  joinDate: '请填写入党日期',
  ethnicity: '请选择民族',
  category: '请选择人员类别',
};

/** The same checks main makes: the required fields, the shared schema, then the shared cross-field rules. */
export function memberProblems(v: MemberValues, today = dayjs().format('YYYY-MM-DD')): FieldProblem[] {
  const input = toInput(v);
  const missing = missingProblems(input, REQUIRED_MESSAGES);
  const parsed = memberFieldsSchema.safeParse(input);
  if (!parsed.success) return schemaFailureProblems(missing, parsed.error, input.idNumber);
  return [...missing, ...memberRuleProblems(parsed.data, today)];
}

function jobLevel(code: string): number {
  let level = 0;
  let item = JOB_CATEGORIES.find((j) => j.code === code);
  while (item?.group) {
    level++;
    const parent = item.group;
    item = JOB_CATEGORIES.find((j) => j.code === parent);
  }
  return level;
}

export const JOB_OPTIONS = [
  { value: '', label: '（未填写）' },
  ...JOB_CATEGORIES.map((j) => ({ value: j.code, label: `${'\u3000'.repeat(jobLevel(j.code))}${j.label}` })),
];
