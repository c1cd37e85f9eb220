/** The development records' tables (applicants and their steps): row types and registry entries. */
import { z } from 'zod';
import { zodProblems } from '../../../shared/contract/validate';
import { isIsoDate } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import { APPLICANT_STAGES, applicantFieldsSchema, applicantRuleProblems, LAST_STEP, stepInfo } from '../../../shared/domain/pipeline';
import type { TableSpec } from '../../db/registry';
import type { CommonColumns } from '../../db/schema';
import { PERSON_COLUMN_LABELS, type PersonColumns } from '../roster/tables';
import { applicantFields } from './records';

export interface ApplicantsTable extends CommonColumns, PersonColumns {
  political_status: string;
  /** 入党申请人 … 正式党员, or 已终止; follows the recorded steps. */
  stage: string;
  /** The member record created on admission (step 17). */
  member_id: string | null;
  /** JSON arrays of member ids: 培养联系人 (step 5), 入党介绍人 (step 9). */
  cultivator_ids: string;
  introducer_ids: string;
  /** Centralised training (step 11). */
  training_days: number | null;
  training_hours: number | null;
  terminated_date: string | null;
  termination_reason: string;
}

export interface ApplicantStepsTable extends CommonColumns {
  applicant_id: string;
  /** 1..25 (domain.md 1.6). */
  step: number;
  done_date: string;
  note: string;
}

declare module '../../db/schema' {
  interface UserTables {
    applicants: ApplicantsTable;
    applicant_steps: ApplicantStepsTable;
  }
}

export const APPLICANT_COLUMN_LABELS: Record<string, string> = {
  ...PERSON_COLUMN_LABELS,
  political_status: '政治面貌', stage: '发展阶段', member_id: '党员记录', cultivator_ids: '培养联系人', introducer_ids: '入党介绍人',
  training_days: '集中培训天数', training_hours: '集中培训学时', terminated_date: '终止日期', termination_reason: '终止原因',
};

const idList = (max: number) => z.array(z.string().uuid()).max(max);

function jsonIds(value: unknown, max: number): boolean {
  try {
    return idList(max).safeParse(JSON.parse(String(value))).success;
  } catch {
    return false;
  }
}

/** Domain checks of an applicant row arriving in a hand-over package. */
function validateApplicantRow(r: Record<string, unknown>): FieldProblem[] {
  const parsed = applicantFieldsSchema.safeParse(applicantFields(r as unknown as ApplicantsTable));
  if (!parsed.success) return zodProblems(parsed.error);
  const problems = applicantRuleProblems(parsed.data, null);
  if (!(APPLICANT_STAGES as readonly string[]).includes(String(r.stage))) problems.push({ field: 'stage', message: '发展阶段无效' });
  if (!jsonIds(r.cultivator_ids, 2)) problems.push({ field: 'cultivator_ids', message: '培养联系人数据无效' });
  if (!jsonIds(r.introducer_ids, 2)) problems.push({ field: 'introducer_ids', message: '入党介绍人数据无效' });
  for (const c of ['training_days', 'training_hours']) if (r[c] !== null && Number(r[c]) < 0) problems.push({ field: c, message: '不能为负数' });
  if (r.terminated_date !== null && !isIsoDate(String(r.terminated_date))) problems.push({ field: 'terminated_date', message: '日期无效' });
  return problems;
}

const applicantsTable: TableSpec = {
  name: 'applicants',
  label: '发展党员',
  describe: (r) => `${String(r.name)}（${String(r.stage)}）`,
  dependsOn: ['branches', 'party_groups', 'members'],
  maskedColumns: ['id_number'],
  columnLabels: APPLICANT_COLUMN_LABELS,
  references: [
    { column: 'party_group_id', table: 'party_groups' },
    { column: 'member_id', table: 'members' },
  ],
  validateRow: validateApplicantRow,
};

const applicantStepsTable: TableSpec = {
  name: 'applicant_steps',
  label: '发展步骤',
  describe: (r) => {
    const step = Number(r.step);
    return step >= 1 && step <= LAST_STEP ? `第 ${step} 步 ${stepInfo(step).title} ${String(r.done_date)}` : `步骤 ${step}`;
  },
  dependsOn: ['applicants'],
  columnLabels: { applicant_id: '发展党员', step: '步骤', done_date: '日期', note: '说明', deleted_at: '删除时间' },
  references: [{ column: 'applicant_id', table: 'applicants' }],
  periodColumn: 'done_date',
  validateRow: (r) => {
    const problems: FieldProblem[] = [];
    if (!Number.isInteger(r.step) || Number(r.step) < 1 || Number(r.step) > LAST_STEP) problems.push({ field: 'step', message: `步骤应为 1 至 ${LAST_STEP}` });
    if (!isIsoDate(String(r.done_date))) problems.push({ field: 'done_date', message: '日期无效' });
    return problems;
  },
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const pipelineTables: readonly TableSpec[] = [applicantsTable, applicantStepsTable];
