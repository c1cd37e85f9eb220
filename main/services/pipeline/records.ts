/** Reading development records: rows -> the rules' state -> the Applicant that main returns. */
import { AppError } from '../../../shared/contract/errors';
import { localToday } from '../../../shared/domain/dates';
import { probationEnd, type MemberCategory, type MemberStatus } from '../../../shared/domain/member';
import {
  applicantWarnings,
  dateOf,
  lastStep,
  nextStep,
  stageAfter,
  stageSince,
  STEP,
  stepInfo,
  type Applicant,
  type ApplicantFields,
  type ApplicantStepRecord,
  type PersonRef,
  type PipelineState,
} from '../../../shared/domain/pipeline';
import { all, first, qb, type Sqlite } from '../../db/query';
import { getRow } from '../../db/rows';
import type { MembersTable } from '../roster/tables';
import type { ApplicantStepsTable, ApplicantsTable } from './tables';

export function parseIds(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function requireApplicant(db: Sqlite, id: string): ApplicantsTable {
  const row = getRow(db, 'applicants', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这名入党申请人（可能已被删除）');
  return row;
}

/** Live steps, one per step number (a merge of two copies may bring two: the later record counts). */
export function liveSteps(db: Sqlite, applicantId: string): ApplicantStepsTable[] {
  const rows = all(
    db,
    qb.selectFrom('applicant_steps').selectAll().where('applicant_id', '=', applicantId).where('deleted_at', 'is', null).orderBy('step').orderBy('created_at'),
  );
  const byStep = new Map<number, ApplicantStepsTable>();
  for (const r of rows) byStep.set(r.step, r);
  return [...byStep.values()];
}

export function applicantFields(r: ApplicantsTable): ApplicantFields {
  return {
    name: r.name,
    gender: r.gender as ApplicantFields['gender'],
    ethnicity: r.ethnicity as ApplicantFields['ethnicity'],
    idNumber: r.id_number,
    birthDate: r.birth_date,
    education: r.education,
    nativePlace: r.native_place,
    politicalStatus: r.political_status,
    phone: r.phone,
    workUnit: r.work_unit,
    post: r.post,
    partyGroupId: r.party_group_id,
    remark: r.remark,
  };
}

/** The columns the applicant form sets. */
export type ApplicantPersonalColumns = Pick<
  ApplicantsTable,
  'name' | 'gender' | 'ethnicity' | 'id_number' | 'birth_date' | 'education' | 'native_place' | 'political_status' | 'phone' | 'work_unit' | 'post' | 'party_group_id' | 'remark'
>;

export function applicantColumns(f: ApplicantFields): ApplicantPersonalColumns {
  return {
    name: f.name,
    gender: f.gender,
    ethnicity: f.ethnicity,
    id_number: f.idNumber,
    birth_date: f.birthDate,
    education: f.education,
    native_place: f.nativePlace,
    political_status: f.politicalStatus,
    phone: f.phone,
    work_unit: f.workUnit,
    post: f.post,
    party_group_id: f.partyGroupId,
    remark: f.remark,
  };
}

/** The rules' view of an applicant, given its live steps. */
export function pipelineState(db: Sqlite, row: ApplicantsTable, steps: readonly ApplicantStepsTable[]): PipelineState {
  const member = row.member_id ? getRow(db, 'members', row.member_id) : undefined;
  const live = member && !member.deleted_at ? member : undefined;
  return {
    birthDate: row.birth_date,
    politicalStatus: row.political_status,
    terminated: row.stage === '已终止',
    steps: steps.map((s) => ({ step: s.step, date: s.done_date })),
    trainingDays: row.training_days,
    trainingHours: row.training_hours,
    member: live ? memberState(live) : null,
    memberMissing: !!row.member_id && !live,
  };
}

function memberState(m: MembersTable): PipelineState['member'] {
  const category = m.category as MemberCategory;
  return {
    category,
    status: m.status as MemberStatus,
    probationEnd: probationEnd({ category, joinDate: m.join_date, probationExtensionMonths: m.probation_extension_months }),
  };
}

export function memberNames(db: Sqlite, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = all(db, qb.selectFrom('members').select(['id', 'name']).where('id', 'in', ids).where('deleted_at', 'is', null));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function people(ids: readonly string[], names: Map<string, string>): PersonRef[] {
  return ids.map((id) => ({ id, name: names.get(id) ?? '（已不在名册中）' }));
}

export function groupName(db: Sqlite, groupId: string | null): string | null {
  if (!groupId) return null;
  return first(db, qb.selectFrom('party_groups').select('name').where('id', '=', groupId))?.name ?? null;
}

function stepRecord(s: ApplicantStepsTable): ApplicantStepRecord {
  const info = stepInfo(s.step);
  return { id: s.id, step: s.step, title: info.title, stage: info.stage, date: s.done_date, note: s.note, createdAt: s.created_at };
}

export function toApplicant(db: Sqlite, row: ApplicantsTable, today: string): Applicant {
  const steps = liveSteps(db, row.id);
  const state = pipelineState(db, row, steps);
  const cultivatorIds = parseIds(row.cultivator_ids);
  const introducerIds = parseIds(row.introducer_ids);
  const names = memberNames(db, [...cultivatorIds, ...introducerIds]);
  return {
    ...applicantFields(row),
    id: row.id,
    branchId: row.branch_id,
    partyGroup: groupName(db, row.party_group_id),
    // From the steps (the stored column is kept in step for queries; a step restored from the trash moves it).
    stage: state.terminated ? '已终止' : stageAfter(lastStep(state)),
    stageSince: state.terminated ? row.terminated_date : stageSince(state),
    applicationDate: dateOf(state, STEP.application) ?? '',
    admissionDate: dateOf(state, STEP.admissionMeeting),
    memberId: row.member_id,
    cultivators: people(cultivatorIds, names),
    introducers: people(introducerIds, names),
    trainingDays: row.training_days,
    trainingHours: row.training_hours,
    terminatedDate: row.terminated_date,
    terminationReason: row.termination_reason,
    steps: steps.map(stepRecord),
    next: nextStep(state, today),
    warnings: applicantWarnings(state, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getApplicant(db: Sqlite, id: string, today: string = localToday()): Applicant {
  return toApplicant(db, requireApplicant(db, id), today);
}
