/** The applicant form's values and checks, and the rules' view of an applicant (shared/domain/pipeline). */
import dayjs, { type Dayjs } from 'dayjs';
import { probationEnd, type FieldProblem, type Member } from '../../../../shared/domain/member';
import {
  applicantFieldsSchema,
  applicantRuleProblems,
  type Applicant,
  type ApplicantFieldsInput,
  type PipelineState,
} from '../../../../shared/domain/pipeline';
import { fromDayjs, toDayjs } from '../../components/dates';
import { missingProblems, personInput, personValues, schemaFailureProblems, type PersonValues } from '../../components/person/personValues';

export interface ApplicantValues extends PersonValues {
  politicalStatus?: string;
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
  return { ...personValues(a), politicalStatus: a.politicalStatus, applicationDate: toDayjs(a.applicationDate), note: '' };
}

export function applicantInput(v: ApplicantValues): ApplicantFieldsInput {
  return { ...personInput(v), politicalStatus: v.politicalStatus ?? '' };
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
  const missing = missingProblems({ ...input, applicationDate }, REQUIRED);
  const parsed = applicantFieldsSchema.safeParse(input);
  if (!parsed.success) return schemaFailureProblems(missing, parsed.error, input.idNumber);
  const problems = [...missing, ...applicantRuleProblems(parsed.data, applicationDate || null, today)];
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
