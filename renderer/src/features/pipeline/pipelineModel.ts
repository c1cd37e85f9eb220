/** The applicant form's values and checks, and the rules' view of an applicant (shared/domain/pipeline). */
import dayjs, { type Dayjs } from 'dayjs';
import { zodProblems } from '../../../../shared/contract/validate';
import { checkIdNumber, ID_PROBLEM_MESSAGES } from '../../../../shared/domain/idNumber';
import { probationEnd, type FieldProblem, type Member } from '../../../../shared/domain/member';
import {
  applicantFieldsSchema,
  applicantRuleProblems,
  type Applicant,
  type ApplicantFieldsInput,
  type PipelineState,
} from '../../../../shared/domain/pipeline';
import { fromDayjs, toDayjs } from '../../components/dates';

export interface ApplicantValues {
  name: string;
  idNumber: string;
  gender?: '男' | '女';
  birthDate: Dayjs | null;
  ethnicity?: string;
  education?: string;
  nativePlace: string;
  politicalStatus?: string;
  phone: string;
  workUnit: string;
  post: string;
  partyGroupId: string;
  remark: string;
  applicationDate: Dayjs | null;
  note: string;
}

export const APPLICANT_FIELD_ORDER = [
  'name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'education', 'nativePlace', 'politicalStatus',
  'applicationDate', 'note', 'partyGroupId', 'workUnit', 'post', 'phone', 'remark',
] as const;

export function emptyApplicant(): ApplicantValues {
  return {
    name: '', idNumber: '', gender: undefined, birthDate: null, ethnicity: '汉族', education: undefined, nativePlace: '',
    politicalStatus: undefined, phone: '', workUnit: '', post: '', partyGroupId: '', remark: '', applicationDate: null, note: '',
  };
}

export function applicantValues(a: Applicant): ApplicantValues {
  return {
    name: a.name, idNumber: a.idNumber, gender: a.gender, birthDate: toDayjs(a.birthDate), ethnicity: a.ethnicity,
    education: a.education, nativePlace: a.nativePlace, politicalStatus: a.politicalStatus, phone: a.phone,
    workUnit: a.workUnit, post: a.post, partyGroupId: a.partyGroupId ?? '', remark: a.remark,
    applicationDate: toDayjs(a.applicationDate), note: '',
  };
}

export function applicantInput(v: ApplicantValues): ApplicantFieldsInput {
  return {
    name: v.name ?? '',
    gender: v.gender as ApplicantFieldsInput['gender'],
    ethnicity: (v.ethnicity ?? '') as ApplicantFieldsInput['ethnicity'],
    idNumber: v.idNumber ?? '',
    birthDate: fromDayjs(v.birthDate),
    education: v.education ?? '',
    nativePlace: v.nativePlace ?? '',
    politicalStatus: v.politicalStatus ?? '',
    phone: v.phone ?? '',
    workUnit: v.workUnit ?? '',
    post: v.post ?? '',
    partyGroupId: v.partyGroupId || null,
    remark: v.remark ?? '',
  };
}

const REQUIRED: Partial<Record<(typeof APPLICANT_FIELD_ORDER)[number], string>> = {
  name: '请填写姓名',
  idNumber: '请填写身份证号',
  birthDate: '请填写出生日期',
  ethnicity: '请选择民族',
  education: '请选择学历',
  politicalStatus: '请选择政治面貌',
  applicationDate: '请填写递交入党申请书的日期',
};

/** The checks main makes on a new or edited applicant: required fields, the shared schema and rules. */
export function applicantProblems(v: ApplicantValues, today = dayjs().format('YYYY-MM-DD')): FieldProblem[] {
  const input = applicantInput(v);
  const applicationDate = fromDayjs(v.applicationDate);
  const all = { ...input, applicationDate } as Record<string, unknown>;
  const required: FieldProblem[] = [];
  for (const [field, message] of Object.entries(REQUIRED)) {
    const value = all[field];
    if (value === '' || value === undefined || value === null) required.push({ field, message });
  }
  const taken = new Set(required.map((p) => p.field));
  const parsed = applicantFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = [...required, ...zodProblems(parsed.error).filter((p) => !taken.has(p.field))];
    if (input.idNumber && !taken.has('idNumber')) {
      const id = checkIdNumber(input.idNumber);
      if (!id.ok) problems.push({ field: 'idNumber', message: ID_PROBLEM_MESSAGES[id.problem] });
    }
    return problems;
  }
  const problems = [...required, ...applicantRuleProblems(parsed.data, applicationDate || null, today)];
  if (applicationDate && applicationDate > today) problems.push({ field: 'applicationDate', message: '递交入党申请书日期不能晚于今天' });
  return problems;
}

/** The applicant as the shared rules see it; `member` is the record made on admission, when loaded. */
export function stateOf(a: Applicant, member: Member | null): PipelineState {
  return {
    birthDate: a.birthDate,
    politicalStatus: a.politicalStatus,
    terminated: a.stage === '已终止',
    steps: a.steps.map((s) => ({ step: s.step, date: s.date })),
    trainingDays: a.trainingDays,
    trainingHours: a.trainingHours,
    member: member ? { category: member.category, status: member.status, probationEnd: probationEnd(member) } : null,
    memberMissing: !!a.memberId && !member,
  };
}
