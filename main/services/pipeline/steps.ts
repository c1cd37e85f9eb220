/**
 * Recording and undoing steps of the development procedure, each in one transaction with its
 * effects: cultivators (5), introducers (9), training (11), admission as a probationer creating the
 * member record (17), and 转正 of that member through the roster's status changes (24).
 */
import { AppError, validationError } from '../../../shared/contract/errors';
import { localToday } from '../../../shared/domain/dates';
import { MEMBER_STATUSES, type MemberCategory, type MemberFields, type MemberStatus } from '../../../shared/domain/member';
import {
  dateOf,
  lastStep,
  PIPELINE_FIELD_LABELS,
  stageAfter,
  STEP,
  stepName,
  stepProblems,
  type Applicant,
  type ProposedPerson,
  type StepInput,
} from '../../../shared/domain/pipeline';
import { all, first, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, trashRow, updateRow } from '../../db/rows';
import type { MemberEventsTable } from '../roster/tables';
import type { ApplicantStepsTable, ApplicantsTable } from './tables';
import { createMember } from '../roster/members';
import { recordMemberEvent } from '../roster/status';
import { newStepRow, stageOfSteps } from './applicants';
import { applicantFields, getApplicant, liveSteps, pipelineState, requireApplicant } from './records';

/** Members proposed as cultivators or introducers, as the branch's roster has them. */
function proposedPeople(db: Sqlite, branchId: string, ids: readonly string[]): ProposedPerson[] {
  return ids.map((id) => {
    const m = first(
      db,
      qb.selectFrom('members').select(['name', 'category', 'status']).where('id', '=', id).where('branch_id', '=', branchId).where('deleted_at', 'is', null),
    );
    return m ? { id, name: m.name, category: m.category as MemberCategory, status: m.status as MemberStatus } : { id, name: null, category: null, status: null };
  });
}

/** The member record made from the applicant on admission: nothing typed again. */
function admittedMemberFields(db: Sqlite, row: ApplicantsTable, applicationDate: string, joinDate: string): MemberFields {
  const f = applicantFields(row);
  const groupLive = f.partyGroupId && first(db, qb.selectFrom('party_groups').select('id').where('id', '=', f.partyGroupId).where('deleted_at', 'is', null));
  return {
    name: f.name,
    gender: f.gender,
    ethnicity: f.ethnicity,
    idNumber: f.idNumber,
    birthDate: f.birthDate,
    education: f.education,
    nativePlace: f.nativePlace,
    category: '预备党员',
    applicationDate,
    joinDate,
    fullDate: null,
    jobCategory: '',
    workUnit: f.workUnit,
    post: f.post,
    partyPost: '',
    partyGroupId: groupLive ? f.partyGroupId : null,
    phone: f.phone,
    landline: '',
    address: '',
    status: MEMBER_STATUSES[0],
    lostContact: false,
    lostContactDate: null,
    mobileMember: false,
    mobileDestination: '',
    remark: '',
  };
}

/**
 * Admission (step 17): the member record is made from the applicant. A member already on the roster
 * with the same ID number (entered before the app was used for development) is linked instead,
 * when the dates agree.
 */
function admit(db: Sqlite, row: ApplicantsTable, applicationDate: string, joinDate: string, today: string): string {
  const existing = first(
    db,
    qb
      .selectFrom('members')
      .select(['id', 'name', 'join_date'])
      .where('branch_id', '=', row.branch_id)
      .where('id_number', '=', row.id_number)
      .where('deleted_at', 'is', null),
  );
  if (!existing) return createMember(db, admittedMemberFields(db, row, applicationDate, joinDate), today).id;
  if (existing.join_date !== joinDate) {
    const message = `名册中已有身份证号相同的党员“${existing.name}”，其入党日期（${existing.join_date}）与支部大会讨论日期（${joinDate}）不一致，请先核对`;
    throw validationError([{ field: 'step', message }], PIPELINE_FIELD_LABELS);
  }
  return existing.id;
}

/** What recording the step changes on the applicant (and, for 17 and 24, on the roster). */
function applyStep(db: Sqlite, row: ApplicantsTable, input: StepInput, today: string): Partial<ApplicantsTable> {
  const steps = liveSteps(db, row.id);
  const at = (n: number) => dateOf({ steps: steps.map((s) => ({ step: s.step, date: s.done_date })) }, n)!;
  switch (input.step) {
    case STEP.cultivators:
      return { cultivator_ids: JSON.stringify(input.cultivatorIds) };
    case STEP.introducers:
      return { introducer_ids: JSON.stringify(input.introducerIds) };
    case STEP.training:
      return { training_days: input.trainingDays, training_hours: input.trainingHours };
    case STEP.admissionApproval:
      return { member_id: admit(db, row, at(STEP.application), at(STEP.admissionMeeting), today) };
    case STEP.fullApproval: {
      // 党龄 counts from the day the probation ended (Party Constitution Art. 7); the meeting is step 23.
      const member = pipelineState(db, row, steps).member!;
      if (member.category !== '预备党员') return {};
      const event = { kind: '转正', date: member.probationEnd!, meetingDate: at(STEP.fullMeeting), docNumber: '', reason: input.note || '上级党委审批同意转为正式党员' } as const;
      recordMemberEvent(db, row.member_id!, event, today);
      return {};
    }
    default:
      return {};
  }
}

/** Records one step with its data, enforcing the rules of domain.md 1.6. */
export function recordStep(db: Sqlite, id: string, input: StepInput, today: string = localToday()): Applicant {
  return db.transaction(() => {
    const row = requireApplicant(db, id);
    const state = pipelineState(db, row, liveSteps(db, id));
    const people = {
      cultivators: input.step === STEP.cultivators ? proposedPeople(db, row.branch_id, input.cultivatorIds) : [],
      introducers: input.step === STEP.introducers ? proposedPeople(db, row.branch_id, input.introducerIds) : [],
    };
    const problems = stepProblems(state, input, people, today);
    if (problems.length) throw validationError(problems, PIPELINE_FIELD_LABELS);
    insertRow(db, 'applicant_steps', newStepRow(row.branch_id, id, input.step, input.date, input.note));
    const patch = applyStep(db, row, input, today);
    updateRow(db, 'applicants', id, { ...patch, stage: stageAfter(input.step) });
    return getApplicant(db, id, today);
  })();
}

function liveEvents(db: Sqlite, memberId: string): MemberEventsTable[] {
  return all(db, qb.selectFrom('member_events').selectAll().where('member_id', '=', memberId).where('deleted_at', 'is', null).orderBy('created_at'));
}

/**
 * Undoing the approval (17): the member record made by it goes to the trash, if nothing has happened
 * to it since; a member who was on the roster before (linked, not made) stays.
 */
function undoAdmission(db: Sqlite, row: ApplicantsTable, recordedAt: string): Partial<ApplicantsTable> {
  const member = row.member_id ? getRow(db, 'members', row.member_id) : undefined;
  if (member && !member.deleted_at && member.created_at >= recordedAt) {
    const events = liveEvents(db, member.id);
    if (events.length) throw new AppError('E_CONFLICT', `该党员已有党员变动记录（${events.map((e) => e.kind).join('、')}），不能撤销上级党委审批`);
    trashRow(db, 'members', member.id);
  }
  return { member_id: null };
}

/** Undoing the 转正 approval (24): the 转正 event it made to the trash, the member a probationer again. */
function undoFullMembership(db: Sqlite, row: ApplicantsTable, recordedAt: string): void {
  const member = row.member_id ? getRow(db, 'members', row.member_id) : undefined;
  if (!member || member.deleted_at || member.category !== '正式党员') return;
  const events = liveEvents(db, member.id);
  const full = events.filter((e) => e.kind === '转正').pop();
  if (!full || full.created_at < recordedAt) return;
  if (events.indexOf(full) !== events.length - 1) throw new AppError('E_CONFLICT', '该党员转正后已有其他变动记录，不能撤销转正审批');
  trashRow(db, 'member_events', full.id);
  updateRow(db, 'members', member.id, { category: '预备党员', full_date: null });
}

function undoEffects(db: Sqlite, row: ApplicantsTable, step: ApplicantStepsTable): Partial<ApplicantsTable> {
  switch (step.step) {
    case STEP.cultivators:
      return { cultivator_ids: '[]' };
    case STEP.introducers:
      return { introducer_ids: '[]' };
    case STEP.training:
      return { training_days: null, training_hours: null };
    case STEP.admissionApproval:
      return undoAdmission(db, row, step.created_at);
    case STEP.fullApproval:
      undoFullMembership(db, row, step.created_at);
      return {};
    default:
      return {};
  }
}

/**
 * Undoes the last action on the record: a termination, else the last recorded step (to the trash,
 * kept in the change log) with its effects. The application itself (step 1) is not undone: delete the record instead.
 */
export function undoStep(db: Sqlite, id: string, today: string = localToday()): Applicant {
  return db.transaction(() => {
    const row = requireApplicant(db, id);
    const steps = liveSteps(db, id);
    const last = lastStep({ steps: steps.map((s) => ({ step: s.step, date: s.done_date })) });
    if (row.stage === '已终止') {
      updateRow(db, 'applicants', id, { stage: stageAfter(last), terminated_date: null, termination_reason: '' });
      return getApplicant(db, id, today);
    }
    if (last <= STEP.application) {
      throw new AppError('E_VALIDATION', `只记录了${stepName(STEP.application)}，没有可撤销的步骤；如需删除这条记录，请使用删除`, [
        { field: 'id', message: '没有可撤销的步骤' },
      ]);
    }
    const patch = undoEffects(db, row, steps.find((s) => s.step === last)!);
    const rows = all(
      db,
      qb.selectFrom('applicant_steps').select('id').where('applicant_id', '=', id).where('step', '=', last).where('deleted_at', 'is', null),
    );
    for (const r of rows) trashRow(db, 'applicant_steps', r.id);
    updateRow(db, 'applicants', id, { ...patch, stage: stageOfSteps(steps.filter((s) => s.step !== last)) });
    return getApplicant(db, id, today);
  })();
}
