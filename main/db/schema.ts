/** Row types of every table, as stored (snake_case columns). Kysely types queries with them. */
import type { Generated } from 'kysely';
import type { CodeListsTables } from '../services/codeLists/tables';

/** Columns every user table has: a UUID key, its owning branch, times, and the trash marker. */
export interface CommonColumns {
  id: string;
  branch_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Revision: a new random id on every write, also in the change log; hand-over compares revision histories. */
  rev: string;
}

export interface BranchesTable extends CommonColumns {
  name: string;
  parent_committee: string;
  founded_date: string | null;
  address: string;
  officers_json: string;
}

export interface PartyGroupsTable extends CommonColumns {
  name: string;
  leader_member_id: string | null;
  sort_order: number;
}

export interface MembersTable extends CommonColumns {
  name: string;
  gender: string;
  ethnicity: string;
  id_number: string;
  birth_date: string;
  education: string;
  native_place: string;
  category: string;
  application_date: string | null;
  join_date: string;
  full_date: string | null;
  job_category: string;
  work_unit: string;
  post: string;
  party_post: string;
  party_group_id: string | null;
  phone: string;
  landline: string;
  address: string;
  status: string;
  lost_contact: number;
  lost_contact_date: string | null;
  mobile_member: number;
  mobile_destination: string;
  remark: string;
  /** Months the probation was extended by (延长预备期), set by a status change. */
  probation_extension_months: number;
  /** Full pinyin of the name, for sorting by name as people expect. */
  name_pinyin: string;
  /** Lower-case name, pinyin initials, full pinyin and ID number, for the roster search. */
  search_text: string;
}

export interface MemberEventsTable extends CommonColumns {
  member_id: string;
  kind: string;
  subtype: string;
  event_date: string;
  meeting_date: string | null;
  doc_number: string;
  counterpart: string;
  months: number | null;
  reason: string;
}

export interface ApplicantsTable extends CommonColumns {
  name: string;
  gender: string;
  ethnicity: string;
  id_number: string;
  birth_date: string;
  education: string;
  native_place: string;
  political_status: string;
  phone: string;
  work_unit: string;
  post: string;
  party_group_id: string | null;
  remark: string;
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

export interface ChangeLogTable {
  seq: Generated<number>;
  table_name: string;
  row_id: string;
  branch_id: string;
  action: string;
  changed_at: string;
  old_json: string | null;
  new_json: string | null;
  /** The revision this change produced. */
  rev: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface DB extends CodeListsTables {
  branches: BranchesTable;
  party_groups: PartyGroupsTable;
  members: MembersTable;
  member_events: MemberEventsTable;
  applicants: ApplicantsTable;
  applicant_steps: ApplicantStepsTable;
  change_log: ChangeLogTable;
  app_meta: AppMetaTable;
}

export type UserTableName = 'branches' | 'party_groups' | 'members' | 'member_events' | 'applicants' | 'applicant_steps' | 'code_items';
