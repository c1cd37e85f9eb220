/**
 * Development records (发展党员): creating, editing, terminating and deleting
 * an applicant. Recording steps is in steps.ts. One user action = one transaction.
 */
import { validationError } from '../../../shared/contract/errors';
import { localToday } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import {
  applicantRuleProblems,
  lastStep,
  PIPELINE_FIELD_LABELS,
  stageAfter,
  stepInfo,
  STEP,
  terminateProblems,
  type Applicant,
  type ApplicantFields,
} from '../../../shared/domain/pipeline';
import { first, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import type { ApplicantStepsTable, ApplicantsTable } from './tables';
import { requireBranchId } from '../branch/branch';
import { applicantColumns, getApplicant, liveSteps, pipelineState, requireApplicant } from './records';

export function newStepRow(branchId: string, applicantId: string, step: number, date: string, note: string): ApplicantStepsTable {
  return { ...newCommon(branchId), applicant_id: applicantId, step, done_date: date, note };
}

/** Problems of the fields against the stored data: the party group, and people already applying or already members. */
function storedProblems(db: Sqlite, branchId: string, f: ApplicantFields, applicationDate: string | null, selfId?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const group =
    f.partyGroupId &&
    first(db, qb.selectFrom('party_groups').select('id').where('id', '=', f.partyGroupId).where('branch_id', '=', branchId).where('deleted_at', 'is', null));
  if (f.partyGroupId && !group) {
    problems.push({ field: 'partyGroupId', message: '所选党小组不存在' });
  }
  const other = first(
    db,
    qb
      .selectFrom('applicants')
      .select(['id', 'name'])
      .where('branch_id', '=', branchId)
      .where('id_number', '=', f.idNumber)
      .where('deleted_at', 'is', null)
      .where('stage', '<>', '已终止')
      .where('id', '<>', selfId ?? ''),
  );
  if (other) problems.push({ field: 'idNumber', message: `与正在发展的“${other.name}”的身份证号重复` });
  if (applicationDate) problems.push(...rosterProblems(db, branchId, f, applicationDate));
  return problems;
}

/**
 * Someone already on the roster is not a new applicant; the development record of a member may be
 * filled in afterwards, when its application date is the one the roster has.
 */
function rosterProblems(db: Sqlite, branchId: string, f: ApplicantFields, applicationDate: string): FieldProblem[] {
  const member = first(
    db,
    qb
      .selectFrom('members')
      .select(['name', 'application_date'])
      .where('branch_id', '=', branchId)
      .where('id_number', '=', f.idNumber)
      .where('deleted_at', 'is', null),
  );
  if (!member || member.application_date === applicationDate) return [];
  const recorded = member.application_date ? `名册中为 ${member.application_date}` : '名册中未填写';
  return [{ field: 'idNumber', message: `“${member.name}”已在本支部党员名册中；如为补录其发展过程，递交入党申请书日期应与名册一致（${recorded}）` }];
}

function requireNoProblems(problems: FieldProblem[]): void {
  if (problems.length) throw validationError(problems, PIPELINE_FIELD_LABELS);
}

export interface NewApplicant extends ApplicantFields {
  applicationDate: string;
  note: string;
}

/** Registers an applicant with the written application received on `applicationDate` (step 1). */
export function createApplicant(db: Sqlite, input: NewApplicant, today: string = localToday()): Applicant {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const { applicationDate, note, ...fields } = input;
    const problems = applicantRuleProblems(fields, applicationDate, today);
    if (applicationDate > today) problems.push({ field: 'applicationDate', message: '递交入党申请书日期不能晚于今天' });
    requireNoProblems([...problems, ...storedProblems(db, branchId, fields, applicationDate)]);
    const row = insertRow(db, 'applicants', {
      ...newCommon(branchId),
      ...applicantColumns(fields),
      stage: stageAfter(STEP.application),
      member_id: null,
      cultivator_ids: '[]',
      introducer_ids: '[]',
      training_days: null,
      training_hours: null,
      terminated_date: null,
      termination_reason: '',
    });
    insertRow(db, 'applicant_steps', newStepRow(branchId, row.id, STEP.application, applicationDate, note));
    return getApplicant(db, row.id, today);
  })();
}

/** The application date may be corrected while it stays before the steps after it. */
function applicationDateProblems(steps: readonly ApplicantStepsTable[], date: string, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (message: string) => problems.push({ field: 'applicationDate', message });
  if (date > today) add('递交入党申请书日期不能晚于今天');
  const next = steps.filter((s) => s.step > STEP.application).sort((a, b) => a.step - b.step)[0];
  if (next && date > next.done_date) add(`不能晚于第 ${next.step} 步“${stepInfo(next.step).title}”的日期（${next.done_date}）`);
  const activist = steps.find((s) => s.step === STEP.activist);
  if (activist && date >= activist.done_date) add(`应早于确定为入党积极分子的日期（${activist.done_date}）`);
  return problems;
}

export function updateApplicant(
  db: Sqlite,
  id: string,
  fields: ApplicantFields,
  options: { applicationDate?: string | null; expectedUpdatedAt?: string } = {},
  today: string = localToday(),
): Applicant {
  return db.transaction(() => {
    const row = requireApplicant(db, id);
    const steps = liveSteps(db, id);
    const first = steps.find((s) => s.step === STEP.application);
    const applicationDate = options.applicationDate ?? first?.done_date ?? null;
    const problems = [...applicantRuleProblems(fields, applicationDate, today), ...storedProblems(db, row.branch_id, fields, row.member_id ? null : applicationDate, id)];
    if (options.applicationDate && first) problems.push(...applicationDateProblems(steps, options.applicationDate, today));
    requireNoProblems(problems);
    updateRow(db, 'applicants', id, applicantColumns(fields), options.expectedUpdatedAt);
    if (first && applicationDate && applicationDate !== first.done_date) updateRow(db, 'applicant_steps', first.id, { done_date: applicationDate });
    return getApplicant(db, id, today);
  })();
}

/** Stops the development (not approved, withdrawn, left the unit…): stage 已终止, the steps kept. */
export function terminateApplicant(db: Sqlite, id: string, input: { date: string; reason: string }, today: string = localToday()): Applicant {
  return db.transaction(() => {
    const row = requireApplicant(db, id);
    const state = pipelineState(db, row, liveSteps(db, id));
    requireNoProblems(terminateProblems(state, input.date, today));
    updateRow(db, 'applicants', id, { stage: '已终止', terminated_date: input.date, termination_reason: input.reason });
    return getApplicant(db, id, today);
  })();
}

/** To the trash; its steps stay with it and come back when it is restored. */
export function deleteApplicant(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireApplicant(db, id);
    trashRow(db, 'applicants', id);
  })();
}

/** The stage the recorded steps give (used after recording or undoing). */
export function stageOfSteps(steps: readonly { step: number; done_date: string }[]): ReturnType<typeof stageAfter> {
  return stageAfter(lastStep({ steps: steps.map((s) => ({ step: s.step, date: s.done_date })) }));
}

