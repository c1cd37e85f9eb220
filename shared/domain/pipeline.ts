/**
 * Member development (发展党员, domain.md 1.6): the 25 steps in 5 stages, the applicant's fields,
 * and the time and quorum rules, as pure functions of the recorded steps and `today` (YYYY-MM-DD).
 */
import { z } from 'zod';
import { ETHNICITIES, POLITICAL_STATUS } from './codes';
import { educationCode, isoDate, phoneNumber, text } from './fieldSchemas';
import { addDays, addMonths, addYears, fullYearsBetween, localToday } from './dates';
import { checkIdNumber, ID_PROBLEM_MESSAGES, normalizeIdNumber } from './idNumber';
import { GENDERS, MEMBER_FIELD_LABELS, type FieldProblem, type MemberCategory, type MemberStatus } from './member';

/** Where a person stands in the procedure; 已终止 for those who stopped or were not approved. */
export const PIPELINE_STAGES = ['入党申请人', '入党积极分子', '发展对象', '预备党员', '正式党员'] as const;
export const APPLICANT_STAGES = [...PIPELINE_STAGES, '已终止'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type ApplicantStage = (typeof APPLICANT_STAGES)[number];

/** The five parts of the procedure (发展细则), each the stage its steps belong to. */
export const PIPELINE_PHASES = [
  { stage: '入党申请人', title: '入党申请' },
  { stage: '入党积极分子', title: '入党积极分子的确定和培养教育' },
  { stage: '发展对象', title: '发展对象的确定和考察' },
  { stage: '预备党员', title: '预备党员的接收' },
  { stage: '正式党员', title: '预备党员的教育考察和转正' },
] as const satisfies readonly { stage: PipelineStage; title: string }[];

export interface PipelineStep {
  step: number;
  title: string;
  stage: PipelineStage;
}

const STEP_TITLES: [PipelineStage, string[]][] = [
  ['入党申请人', ['递交入党申请书', '党组织派人谈话']],
  ['入党积极分子', ['推荐和确定入党积极分子', '报上级党委备案', '指定培养联系人', '培养教育考察']],
  ['发展对象', ['确定发展对象', '报上级党委备案', '确定入党介绍人', '进行政治审查', '开展集中培训']],
  ['预备党员', ['支部委员会审查', '上级党委预审', '填写入党志愿书', '支部大会讨论', '上级党委派人谈话', '上级党委审批', '再上一级党委组织部门备案']],
  ['正式党员', ['编入党支部和党小组', '入党宣誓', '继续教育考察', '提出转正申请', '支部大会讨论', '上级党委审批', '材料归档']],
];

export const PIPELINE_STEPS: readonly PipelineStep[] = STEP_TITLES.flatMap(([stage, titles]) => titles.map((title) => ({ title, stage }))).map(
  (s, i) => ({ step: i + 1, ...s }),
);
export const LAST_STEP = PIPELINE_STEPS.length;

/** Steps with their own rules or effects. */
export const STEP = {
  application: 1,
  talk: 2,
  activist: 3,
  cultivators: 5,
  target: 7,
  introducers: 9,
  training: 11,
  committeeReview: 12,
  admissionMeeting: 15,
  admissionApproval: 17,
  fullApplication: 22,
  fullMeeting: 23,
  fullApproval: 24,
} as const;

/** The step that enters each stage; the stage-entry date is its date. */
export const STAGE_ENTRY_STEP: Record<PipelineStage, number> = {
  入党申请人: STEP.application,
  入党积极分子: STEP.activist,
  发展对象: STEP.target,
  预备党员: STEP.admissionApproval,
  正式党员: STEP.fullApproval,
};

export function stepInfo(step: number): PipelineStep {
  const s = PIPELINE_STEPS[step - 1];
  if (!s) throw new RangeError(`no step ${step}`);
  return s;
}

/** “第 7 步“确定发展对象”” */
export function stepName(step: number): string {
  return `第 ${step} 步“${stepInfo(step).title}”`;
}

/** The stage reached once `lastStep` is done. */
export function stageAfter(lastStep: number): PipelineStage {
  let stage: PipelineStage = '入党申请人';
  for (const s of PIPELINE_STAGES) if (lastStep >= STAGE_ENTRY_STEP[s]) stage = s;
  return stage;
}

// ---- rules as numbers (domain.md 1.6) ----

export const MIN_AGE = 18;
export const TALK_WITHIN_MONTHS = 1;
export const ACTIVIST_MIN_YEARS = 1;
export const TRAINING_MIN_DAYS = 3;
export const TRAINING_MIN_HOURS = 24;
export const APPROVAL_DUE_MONTHS = 3;
export const APPROVAL_MAX_MONTHS = 6;
export const FULL_APPROVAL_DUE_MONTHS = 3;
export const MAX_CULTIVATORS = 2;
export const INTRODUCERS = 2;
/** Probationers whose probation ends within this many days are listed as due for 转正. */
export const PROBATION_REMINDER_DAYS = 30;

// ---- fields ----

/** Political status of someone applying: anything but already a Party member. */
export const APPLICANT_POLITICAL_STATUS = POLITICAL_STATUS.filter((s) => s !== '中共党员' && s !== '中共预备党员');

export const PIPELINE_FIELD_LABELS: Record<string, string> = {
  name: MEMBER_FIELD_LABELS.name!,
  gender: MEMBER_FIELD_LABELS.gender!,
  ethnicity: MEMBER_FIELD_LABELS.ethnicity!,
  idNumber: MEMBER_FIELD_LABELS.idNumber!,
  birthDate: MEMBER_FIELD_LABELS.birthDate!,
  education: MEMBER_FIELD_LABELS.education!,
  nativePlace: MEMBER_FIELD_LABELS.nativePlace!,
  politicalStatus: '政治面貌',
  phone: MEMBER_FIELD_LABELS.phone!,
  workUnit: MEMBER_FIELD_LABELS.workUnit!,
  post: MEMBER_FIELD_LABELS.post!,
  partyGroupId: MEMBER_FIELD_LABELS.partyGroupId!,
  remark: MEMBER_FIELD_LABELS.remark!,
  applicationDate: '递交入党申请书日期',
  id: '发展对象记录',
  step: '步骤',
  date: '日期',
  note: '说明',
  cultivatorIds: '培养联系人',
  'cultivatorIds.0': '培养联系人',
  'cultivatorIds.1': '培养联系人',
  introducerIds: '入党介绍人',
  'introducerIds.0': '入党介绍人',
  'introducerIds.1': '入党介绍人',
  trainingDays: '集中培训天数',
  trainingHours: '集中培训学时',
  reason: '终止原因',
};

/** The applicant's personal fields (入党申请人基本情况); cross-field rules are in applicantRuleProblems. */
export const applicantFieldsSchema = z.object({
  name: text(30).min(1, { error: '请填写姓名' }),
  gender: z.enum(GENDERS, { error: '请选择性别（男或女）' }),
  ethnicity: z.enum(ETHNICITIES, { error: '请从 56 个民族中选择' }),
  idNumber: z.string({ error: '请填写身份证号' }).transform(normalizeIdNumber),
  birthDate: isoDate,
  education: educationCode,
  nativePlace: text(60).default(''),
  politicalStatus: z.enum(APPLICANT_POLITICAL_STATUS as [string, ...string[]], { error: '请选择政治面貌（共青团员、群众等）' }),
  phone: phoneNumber,
  workUnit: text(100).default(''),
  post: text(60).default(''),
  partyGroupId: z.string().uuid({ error: '党小组无效' }).nullish().transform((v) => v ?? null),
  remark: text(500).default(''),
});
export type ApplicantFieldsInput = z.input<typeof applicantFieldsSchema>;
export type ApplicantFields = z.output<typeof applicantFieldsSchema>;

/** The ID number is valid and agrees with the birth date and gender, as for members. */
export function applicantRuleProblems(f: ApplicantFields, applicationDate: string | null, today: string = localToday()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const id = checkIdNumber(f.idNumber);
  if (!id.ok) add('idNumber', ID_PROBLEM_MESSAGES[id.problem]);
  else {
    if (id.info.birthDate !== f.birthDate) add('birthDate', `出生日期与身份证号不一致（身份证号中为 ${id.info.birthDate}）`);
    if (id.info.gender !== f.gender) add('gender', `性别与身份证号不一致（身份证号第 17 位表示“${id.info.gender}”）`);
  }
  if (f.birthDate > today) add('birthDate', '出生日期不能晚于今天');
  if (applicationDate && fullYearsBetween(f.birthDate, applicationDate) < MIN_AGE) {
    add('applicationDate', `递交入党申请书时应年满十八周岁（${addYears(f.birthDate, MIN_AGE)} 满十八周岁）`);
  }
  return problems;
}

// ---- recording a step ----

const uuid = z.string().uuid({ error: '所选人员无效' });

/** What recording one step takes: its date, a note, and the data of steps 5, 9 and 11. */
export const stepInputSchema = z.object({
  step: z
    .number({ error: '请选择步骤' })
    .int()
    .min(2, { error: '第 1 步“递交入党申请书”在登记申请人时记录' })
    .max(LAST_STEP, { error: `步骤应为 2 至 ${LAST_STEP}` }),
  date: isoDate,
  note: text(500).default(''),
  cultivatorIds: z.array(uuid).max(MAX_CULTIVATORS, { error: `培养联系人为 1 至 ${MAX_CULTIVATORS} 名正式党员` }).default([]),
  introducerIds: z.array(uuid).max(INTRODUCERS, { error: `入党介绍人应为 ${INTRODUCERS} 名正式党员` }).default([]),
  trainingDays: z.number().int({ error: '培训天数应为整数' }).min(0).max(365).nullish().transform((v) => v ?? null),
  trainingHours: z.number().int({ error: '培训学时应为整数' }).min(0).max(2000).nullish().transform((v) => v ?? null),
});
export type StepInputRaw = z.input<typeof stepInputSchema>;
export type StepInput = z.output<typeof stepInputSchema>;

export interface DoneStep {
  step: number;
  date: string;
}

/** The member created on admission, as the rules need it. */
export interface AdmittedMember {
  category: MemberCategory;
  status: MemberStatus;
  /** Including any extension; null once a full member. */
  probationEnd: string | null;
}

/** The applicant as the rules see it. */
export interface PipelineState {
  birthDate: string;
  politicalStatus: string;
  terminated: boolean;
  /** Recorded steps (live), any order. */
  steps: readonly DoneStep[];
  trainingDays: number | null;
  trainingHours: number | null;
  /** Set once admitted (step 17); null when not admitted, or when the member record is gone (`memberMissing`). */
  member: AdmittedMember | null;
  memberMissing?: boolean;
}

/** A member proposed as cultivator or introducer, as found in the roster (null name: not in this branch's roster). */
export interface ProposedPerson {
  id: string;
  name: string | null;
  category: MemberCategory | null;
  status: MemberStatus | null;
}

export function dateOf(s: Pick<PipelineState, 'steps'>, step: number): string | null {
  return s.steps.find((d) => d.step === step)?.date ?? null;
}

export function lastStep(s: Pick<PipelineState, 'steps'>): number {
  return s.steps.reduce((n, d) => Math.max(n, d.step), 0);
}

export function trainingEnough(days: number | null, hours: number | null): boolean {
  return (days ?? 0) >= TRAINING_MIN_DAYS || (hours ?? 0) >= TRAINING_MIN_HOURS;
}

/** The earliest day someone made an activist on `activistDate` may become a development target: more than one year later. */
export function earliestTargetDate(activistDate: string): string {
  return addDays(addYears(activistDate, ACTIVIST_MIN_YEARS), 1);
}

function peopleProblems(field: string, role: string, people: readonly ProposedPerson[], min: number, max: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = new Set(people.map((p) => p.id));
  const count = min === max ? `${min} 名` : `${min} 至 ${max} 名`;
  if (people.length < min || people.length > max) problems.push({ field, message: `${role}应为 ${count}正式党员（现为 ${people.length} 名）` });
  if (ids.size !== people.length) problems.push({ field, message: `${role}不能重复选择同一人` });
  for (const p of people) {
    if (p.name === null) problems.push({ field, message: `所选${role}不在本支部党员名册中` });
    else if (p.status !== '正常') problems.push({ field, message: `“${p.name}”当前状态为“${p.status}”，不能担任${role}` });
    else if (p.category !== '正式党员') problems.push({ field, message: `“${p.name}”是${p.category}，${role}应为正式党员` });
  }
  return problems;
}

/** Rules of the step itself (time rules, people, training). Checked first: their reasons are the ones people need to read. */
function specificProblems(s: PipelineState, input: StepInput, people: { cultivators: ProposedPerson[]; introducers: ProposedPerson[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const application = dateOf(s, STEP.application);
  const activist = dateOf(s, STEP.activist);
  const meeting = dateOf(s, STEP.admissionMeeting);
  switch (input.step) {
    case STEP.activist:
      if (application && input.date <= application) add('date', `确定为入党积极分子的日期应晚于递交入党申请书的日期（${application}）`);
      break;
    case STEP.cultivators:
      problems.push(...peopleProblems('cultivatorIds', '培养联系人', people.cultivators, 1, MAX_CULTIVATORS));
      break;
    case STEP.target:
      if (activist && input.date < earliestTargetDate(activist)) {
        add('date', `确定为入党积极分子（${activist}）未满一年，最早 ${earliestTargetDate(activist)} 才能确定为发展对象`);
      }
      break;
    case STEP.introducers:
      problems.push(...peopleProblems('introducerIds', '入党介绍人', people.introducers, INTRODUCERS, INTRODUCERS));
      break;
    case STEP.training:
      if (input.trainingDays === null && input.trainingHours === null) add('trainingHours', '请填写集中培训的天数或学时');
      break;
    case STEP.committeeReview:
      if (!trainingEnough(s.trainingDays, s.trainingHours)) {
        add('step', `集中培训不足 ${TRAINING_MIN_DAYS} 天或 ${TRAINING_MIN_HOURS} 学时（已记录 ${s.trainingDays ?? 0} 天、${s.trainingHours ?? 0} 学时），不能进行支部委员会审查`);
      }
      break;
    case STEP.admissionApproval:
      if (meeting && input.date > addMonths(meeting, APPROVAL_MAX_MONTHS)) {
        add('date', `上级党委审批距支部大会讨论（${meeting}）已超过 6 个月（最迟 ${addMonths(meeting, APPROVAL_MAX_MONTHS)}），不能再审批`);
      }
      break;
  }
  return problems;
}

/** Steps after admission need the member record, still on the roster; 转正 needs a probationer whose probation has ended. */
function memberProblems(s: PipelineState, input: StepInput): FieldProblem[] {
  if (input.step <= STEP.admissionApproval || lastStep(s) < STEP.admissionApproval) return [];
  if (s.memberMissing || !s.member) return [{ field: 'step', message: '接收的党员记录已被删除，请先从回收站恢复该党员' }];
  const m = s.member;
  if (m.status !== '正常') return [{ field: 'step', message: `该党员当前状态为“${m.status}”，不能继续记录发展步骤` }];
  // A member already made a full member in the roster: step 24 is recorded without a second 转正.
  if (input.step === STEP.fullApproval && m.category === '预备党员') {
    if (m.probationEnd && input.date < m.probationEnd) {
      return [{ field: 'date', message: `预备期到 ${m.probationEnd} 才满，上级党委审批转正应在预备期满之后` }];
    }
  }
  return [];
}

/** Order: steps one after another, dates never going backwards, none in the future. */
function orderProblems(s: PipelineState, input: StepInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const last = lastStep(s);
  if (input.step <= last) problems.push({ field: 'step', message: `${stepName(input.step)}已记录；如需更正，请先撤销` });
  else if (input.step > last + 1) {
    const entry = PIPELINE_STAGES.map((st) => STAGE_ENTRY_STEP[st]).find((e) => e > last && e < input.step);
    problems.push({
      field: 'step',
      message: entry
        ? `尚未完成${stepName(entry)}（进入“${stepInfo(entry).stage}”阶段），不能记录${stepName(input.step)}`
        : `请先记录${stepName(last + 1)}`,
    });
  }
  if (input.date > today) problems.push({ field: 'date', message: '日期不能晚于今天' });
  const previous = s.steps.filter((d) => d.step < input.step).sort((a, b) => b.step - a.step)[0];
  if (previous && input.date < previous.date) {
    problems.push({ field: 'date', message: `日期不能早于上一步“${stepInfo(previous.step).title}”的日期（${previous.date}）` });
  }
  return problems;
}

/** Everything that refuses recording `input` now. */
export function stepProblems(
  s: PipelineState,
  input: StepInput,
  people: { cultivators: ProposedPerson[]; introducers: ProposedPerson[] } = { cultivators: [], introducers: [] },
  today: string = localToday(),
): FieldProblem[] {
  if (s.terminated) return [{ field: 'id', message: '该申请人的发展已终止，不能再记录步骤' }];
  return [...specificProblems(s, input, people), ...memberProblems(s, input), ...orderProblems(s, input, today)];
}

// ---- what is due ----

export interface NextStep extends PipelineStep {
  /** The day by which the step should be done, when a rule gives one. */
  dueDate: string | null;
  /** The earliest day the step may be done, when a rule gives one (step 7). */
  earliestDate: string | null;
  /** The last day the step may be done (step 17: six months after the branch meeting). */
  latestDate: string | null;
  overdue: boolean;
}

function dueDates(s: PipelineState, step: number): Pick<NextStep, 'dueDate' | 'earliestDate' | 'latestDate'> {
  const none = { dueDate: null, earliestDate: null, latestDate: null };
  const at = (n: number) => dateOf(s, n);
  switch (step) {
    case STEP.talk: {
      const a = at(STEP.application);
      return { ...none, dueDate: a && addMonths(a, TALK_WITHIN_MONTHS) };
    }
    case STEP.target: {
      const a = at(STEP.activist);
      return { ...none, earliestDate: a && earliestTargetDate(a) };
    }
    case STEP.admissionApproval: {
      const m = at(STEP.admissionMeeting);
      return { ...none, dueDate: m && addMonths(m, APPROVAL_DUE_MONTHS), latestDate: m && addMonths(m, APPROVAL_MAX_MONTHS) };
    }
    case STEP.fullApplication:
    case STEP.fullMeeting:
      return { ...none, dueDate: s.member?.probationEnd ?? null };
    case STEP.fullApproval: {
      const m = at(STEP.fullMeeting);
      const end = s.member?.probationEnd ?? null;
      return { dueDate: m && addMonths(m, FULL_APPROVAL_DUE_MONTHS), earliestDate: end, latestDate: null };
    }
    default:
      return none;
  }
}

/** The step to do next, with its dates; null when the procedure is complete or stopped. */
export function nextStep(s: PipelineState, today: string = localToday()): NextStep | null {
  const n = lastStep(s) + 1;
  if (s.terminated || n > LAST_STEP) return null;
  const dates = dueDates(s, n);
  return { ...stepInfo(n), ...dates, overdue: dates.dueDate !== null && today > dates.dueDate };
}

/** Reminders about the applicant (late talk, short training, late approval, probation ended); never refusals. */
export function applicantWarnings(s: PipelineState, today: string = localToday()): string[] {
  if (s.terminated) return [];
  const warnings: string[] = [];
  const at = (n: number) => dateOf(s, n);
  const application = at(STEP.application);
  const talk = at(STEP.talk);
  const talkDue = application && addMonths(application, TALK_WITHIN_MONTHS);
  if (talkDue && !talk && today > talkDue) warnings.push(`递交入党申请书已超过一个月（应于 ${talkDue} 前谈话），尚未派人谈话`);
  if (talkDue && talk && talk > talkDue) warnings.push(`派人谈话（${talk}）晚于递交申请后一个月（${talkDue}）`);
  if (at(STEP.training) && !at(STEP.committeeReview) && !trainingEnough(s.trainingDays, s.trainingHours)) {
    warnings.push(`集中培训不足 ${TRAINING_MIN_DAYS} 天或 ${TRAINING_MIN_HOURS} 学时，支部委员会审查前应补足（撤销第 11 步后重新记录）`);
  }
  const meeting = at(STEP.admissionMeeting);
  const approval = at(STEP.admissionApproval);
  const approvalDue = meeting && addMonths(meeting, APPROVAL_DUE_MONTHS);
  if (approvalDue && !approval && today > approvalDue) {
    warnings.push(`支部大会讨论（${meeting}）已超过三个月，上级党委尚未审批（最迟不超过 ${addMonths(meeting!, APPROVAL_MAX_MONTHS)}）`);
  }
  if (approvalDue && approval && approval > approvalDue) warnings.push(`上级党委审批（${approval}）超过支部大会讨论后三个月`);
  const end = s.member?.probationEnd;
  if (end && !at(STEP.fullApproval) && today >= end) warnings.push(`预备期已于 ${end} 期满，应及时讨论转正`);
  if (s.memberMissing) warnings.push('接收的党员记录已被删除');
  if (s.member && s.member.status !== '正常' && lastStep(s) < LAST_STEP) warnings.push(`该党员当前状态为“${s.member.status}”，发展步骤无法继续`);
  return warnings;
}

/** The day the current stage was entered (the date of its entry step). */
export function stageSince(s: PipelineState): string | null {
  return dateOf(s, STAGE_ENTRY_STEP[stageAfter(lastStep(s))]);
}

/** Terminating: a date and a reason; not once admitted (the member is handled in the roster then). */
export const terminateSchema = z.object({
  date: isoDate,
  reason: text(500).min(1, { error: '请填写终止发展的原因' }),
});

export function terminateProblems(s: PipelineState, date: string, today: string = localToday()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.terminated) problems.push({ field: 'id', message: '该申请人的发展已经终止' });
  if (lastStep(s) >= STEP.admissionApproval) {
    problems.push({ field: 'id', message: '已接收为预备党员，不能终止发展；如需取消预备党员资格，请在党员名册中办理出党' });
  }
  if (date > today) problems.push({ field: 'date', message: '日期不能晚于今天' });
  const last = s.steps.filter((d) => d.step === lastStep(s))[0];
  if (last && date < last.date) problems.push({ field: 'date', message: `终止日期不能早于最后一步“${stepInfo(last.step).title}”的日期（${last.date}）` });
  return problems;
}

/** Probation ends within PROBATION_REMINDER_DAYS, or has already ended: due for 转正. */
export function probationReminder(probationEnd: string, today: string): 'due' | 'overdue' | null {
  if (probationEnd < today) return 'overdue';
  return probationEnd <= addDays(today, PROBATION_REMINDER_DAYS) ? 'due' : null;
}

// ---- inputs of the operations ----

/** A new applicant: the fields, and the date the written application was received (step 1). */
export const applicantCreateSchema = applicantFieldsSchema.extend({
  applicationDate: isoDate,
  note: text(500).default(''),
});

/** Editing an applicant's fields; the application date too, when it was entered wrongly. */
export const applicantUpdateSchema = z.object({
  id: z.string().uuid({ error: '记录编号无效' }),
  fields: applicantFieldsSchema,
  applicationDate: isoDate.nullish().transform((v) => v ?? null),
  expectedUpdatedAt: z.string().optional(),
});

// ---- what main returns ----

export interface PersonRef {
  id: string;
  /** The member's name; “（已不在名册中）” when the member was deleted. */
  name: string;
}

export interface ApplicantStepRecord {
  id: string;
  step: number;
  title: string;
  stage: PipelineStage;
  date: string;
  note: string;
  createdAt: string;
}

/** An applicant with the recorded steps, what is due next, and reminders. */
export interface Applicant extends ApplicantFields {
  id: string;
  branchId: string;
  partyGroup: string | null;
  stage: ApplicantStage;
  /** The date the current stage was entered (for 已终止: the termination date). */
  stageSince: string | null;
  applicationDate: string;
  /** 入党日期 once the branch meeting (step 15) has passed the applicant. */
  admissionDate: string | null;
  /** The member record created on admission (step 17). */
  memberId: string | null;
  cultivators: PersonRef[];
  introducers: PersonRef[];
  trainingDays: number | null;
  trainingHours: number | null;
  terminatedDate: string | null;
  terminationReason: string;
  steps: ApplicantStepRecord[];
  next: NextStep | null;
  warnings: string[];
  createdAt: string;
  updatedAt: string;
}

/** One applicant on the board. */
export interface BoardEntry {
  id: string;
  name: string;
  gender: string;
  stage: ApplicantStage;
  stageSince: string | null;
  applicationDate: string;
  partyGroup: string | null;
  memberId: string | null;
  next: NextStep | null;
  warnings: string[];
  /** What the board's search looks in: the name, its pinyin initials and full pinyin (lower case). */
  searchKey: string;
  /** The date of each step recorded, by step number (the board lists who did a step in a period). */
  stepDates: Record<string, string>;
}

/** A probationer (from the roster) whose probation ends soon or has ended without 转正. */
export interface ProbationEntry {
  memberId: string;
  name: string;
  joinDate: string;
  probationEnd: string;
  /** Days from today to the end of the probation; negative once it has passed. */
  daysLeft: number;
  partyGroup: string | null;
  /** The development record, when the member came through the pipeline. */
  applicantId: string | null;
  /** As BoardEntry.searchKey. */
  searchKey: string;
}

export interface PipelineBoard {
  today: string;
  /** The five stages and 已终止, in order; `total` counts everyone in the stage, `entries` those shown. */
  stages: { stage: ApplicantStage; total: number; entries: BoardEntry[] }[];
  /** Probation ends within PROBATION_REMINDER_DAYS days (soonest first), or has ended without 转正 (longest first). */
  probation: { dueSoon: ProbationEntry[]; overdue: ProbationEntry[] };
}
