/** The member record (党员基本信息): fields, the schema used on both sides, and the cross-field rules. */
import { z } from 'zod';
import { ETHNICITIES, EDUCATION, JOB_CATEGORIES } from './codes';
import { addMonths, addYears, fullYearsBetween, localToday } from './dates';
import { educationCode, isoDate, optionalText, phoneNumber, text } from './fieldSchemas';
import { checkIdNumber, ID_PROBLEM_MESSAGES, normalizeIdNumber } from './idNumber';

export const GENDERS = ['男', '女'] as const;
export const MEMBER_CATEGORIES = ['正式党员', '预备党员'] as const;
/** 正常/停止党籍 are on the active roster; the others left the branch but stay in the database. */
export const MEMBER_STATUSES = ['正常', '停止党籍', '转出', '出党', '去世'] as const;
export const ACTIVE_STATUSES: readonly MemberStatus[] = ['正常', '停止党籍'];

export type Gender = (typeof GENDERS)[number];
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Chinese names of the fields, used in every message that names a field. */
export const MEMBER_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  idNumber: '身份证号',
  birthDate: '出生日期',
  education: '学历',
  nativePlace: '籍贯',
  category: '人员类别',
  applicationDate: '申请入党日期',
  joinDate: '入党日期',
  fullDate: '转正日期',
  jobCategory: '工作岗位',
  workUnit: '工作单位',
  post: '岗位/职务',
  partyPost: '党内职务',
  partyGroupId: '党小组',
  partyGroup: '党小组',
  phone: '联系电话',
  landline: '固定电话',
  address: '家庭住址',
  status: '党籍状态',
  lostContact: '是否失联党员',
  lostContactDate: '失去联系日期',
  mobileMember: '是否流动党员',
  mobileDestination: '外出流向',
  remark: '备注',
  branchId: '所属支部',
};

const optionalDate = z.union([z.literal(''), isoDate]).nullish().transform((v) => v || null);

const jobCategoryCode = z
  .string()
  .trim()
  .refine((v) => v === '' || JOB_CATEGORIES.some((j) => j.code === v), { error: '工作岗位代码不在代码表中' })
  .default('');

/**
 * What names are written with: Chinese characters, the middle dot of minority and foreign names
 * (买买提·艾力), and Latin letters (with spaces between words). Anything else, such as U+FFFD
 * left by a broken file, digits or symbols, is refused.
 */
const NAME_PATTERN = /^[\p{Script=Han}A-Za-z\u00C0-\u024F]+(?:[· ][\p{Script=Han}A-Za-z\u00C0-\u024F]+)*$/u;

/** Fields of a member as entered; rules that join several fields are in memberRuleProblems. */
export const memberFieldsSchema = z.object({
  name: text(30)
    .min(1, { error: '请填写姓名' })
    .refine((v) => v === '' || NAME_PATTERN.test(v), { error: '姓名只能包含汉字、间隔号“·”和拉丁字母' }),
  gender: z.enum(GENDERS, { error: '请选择性别（男或女）' }),
  ethnicity: z.enum(ETHNICITIES, { error: '请从 56 个民族中选择' }),
  idNumber: z.string().transform(normalizeIdNumber),
  birthDate: isoDate,
  education: educationCode,
  nativePlace: optionalText(60),
  category: z.enum(MEMBER_CATEGORIES, { error: '人员类别应为正式党员或预备党员' }),
  applicationDate: optionalDate,
  joinDate: isoDate,
  fullDate: optionalDate,
  jobCategory: jobCategoryCode,
  workUnit: optionalText(100),
  post: optionalText(60),
  partyPost: optionalText(30),
  partyGroupId: z.string().uuid({ error: '党小组无效' }).nullish().transform((v) => v ?? null),
  phone: phoneNumber,
  landline: optionalText(30),
  address: optionalText(120),
  status: z.enum(MEMBER_STATUSES).default('正常'),
  lostContact: z.boolean().default(false),
  lostContactDate: z
    .string()
    .refine((v) => v === '' || /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { error: '失去联系日期应为 年-月' })
    .nullish()
    .transform((v) => v || null),
  mobileMember: z.boolean().default(false),
  mobileDestination: optionalText(100),
  remark: optionalText(500),
});

export type MemberFieldsInput = z.input<typeof memberFieldsSchema>;
export type MemberFields = z.output<typeof memberFieldsSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Rules across fields (ID checksum and agreement, date order, category). `today` is YYYY-MM-DD. */
export function memberRuleProblems(m: MemberFields, today: string = localToday()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  const id = checkIdNumber(m.idNumber);
  if (!id.ok) {
    add('idNumber', ID_PROBLEM_MESSAGES[id.problem]);
  } else {
    if (id.info.birthDate !== m.birthDate)
      add('birthDate', `出生日期与身份证号不一致（身份证号中为 ${id.info.birthDate}）`);
    if (id.info.gender !== m.gender) add('gender', `性别与身份证号不一致（身份证号第 17 位表示“${id.info.gender}”）`);
  }

  const order: [keyof MemberFields, string | null][] = [
    ['birthDate', m.birthDate],
    ['applicationDate', m.applicationDate],
    ['joinDate', m.joinDate],
    ['fullDate', m.fullDate],
  ];
  for (const [field, value] of order) {
    if (value && value > today) add(field, `${MEMBER_FIELD_LABELS[field]}不能晚于今天`);
  }
  let previous: [string, string] | null = null;
  for (const [field, value] of order) {
    if (!value) continue;
    if (previous && value <= previous[1]) {
      add(field, `${MEMBER_FIELD_LABELS[field]}应晚于${MEMBER_FIELD_LABELS[previous[0]]}（${previous[1]}）`);
    }
    previous = [field, value];
  }
  if (m.joinDate > m.birthDate && fullYearsBetween(m.birthDate, m.joinDate) < 18) {
    add('joinDate', '入党时应年满十八岁');
  }
  if (m.category === '正式党员' && !m.fullDate) add('fullDate', '正式党员应填写转正日期');
  if (m.category === '预备党员' && m.fullDate) add('fullDate', '预备党员尚未转正，不应填写转正日期');
  if (m.fullDate && m.fullDate > m.joinDate && m.fullDate < addYears(m.joinDate, 1)) {
    add('fullDate', '预备期为一年，转正日期应在入党日期满一年之后');
  }
  if (m.lostContact && !m.lostContactDate) add('lostContactDate', '失联党员应填写失去联系日期');
  if (m.mobileMember && !m.mobileDestination) add('mobileDestination', '流动党员应填写外出流向');
  return problems;
}

/** Probation ends one year after admission, later by an extension (延长预备期, 6–12 months). */
export function probationEnd(m: { category: MemberCategory; joinDate: string; probationExtensionMonths?: number }): string | null {
  return m.category === '预备党员' ? addMonths(addYears(m.joinDate, 1), m.probationExtensionMonths ?? 0) : null;
}

/** The member as main returns it. */
export interface Member extends MemberFields {
  id: string;
  branchId: string;
  partyGroup: string | null;
  /** Set by 延长预备期; the probation ends this many months after the first year. */
  probationExtensionMonths: number;
  createdAt: string;
  updatedAt: string;
}

/** The light row shown in the roster table (ID number masked). */
export interface MemberRow {
  id: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  age: number;
  idNumberMasked: string;
  education: string;
  category: MemberCategory;
  status: MemberStatus;
  joinDate: string;
  fullDate: string | null;
  probationEnd: string | null;
  partyGroupId: string | null;
  partyGroup: string | null;
  post: string;
  phone: string;
  branchId: string;
  /** The branch's name, for the committee roll-up where one list holds several branches. */
  branchName: string;
}

export const AGE_BANDS = [
  { key: 'under30', label: '30 岁以下', min: 0, max: 29 },
  { key: '30to39', label: '30–39 岁', min: 30, max: 39 },
  { key: '40to49', label: '40–49 岁', min: 40, max: 49 },
  { key: '50to59', label: '50–59 岁', min: 50, max: 59 },
  { key: '60plus', label: '60 岁及以上', min: 60, max: 200 },
] as const;
export type AgeBandKey = (typeof AGE_BANDS)[number]['key'];

/** The roster's 民族 filter takes one of the 56, or this: everyone but 汉族 (as 党员队伍基本情况统计表 counts them). */
export const MINORITIES = '少数民族';

/**
 * What the roster can list by a change in a period (the home page's 本年度 figures, counted as the roster's facts
 * count them): admitted here (入党日期, not transferred in), 转正 while in the branch, transferred in or out (by record).
 */
export const MEMBER_CHANGES = [
  { key: 'admitted', label: '入党' },
  { key: 'turnedFull', label: '转正' },
  { key: 'transferredIn', label: '转入' },
  { key: 'transferredOut', label: '转出' },
] as const;
export type MemberChangeKey = (typeof MEMBER_CHANGES)[number]['key'];

export { EDUCATION };
