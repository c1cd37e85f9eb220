/** The roster's tables (party groups, members, member events): row types and registry entries. */
import { zodProblems } from '../../../shared/contract/validate';
import { educationLabel } from '../../../shared/domain/codes';
import { memberFieldsSchema, memberRuleProblems } from '../../../shared/domain/member';
import { MEMBER_EVENT_KINDS } from '../../../shared/domain/memberEvents';
import { memberSearchText, pinyinFull } from '../../../shared/domain/pinyin';
import { first, qb, run, type Sqlite } from '../../db/query';
import type { TableSpec } from '../../db/registry';
import type { CommonColumns } from '../../db/schema';
import { toMember } from './members';

export interface PartyGroupsTable extends CommonColumns {
  name: string;
  leader_member_id: string | null;
  sort_order: number;
}

/** The columns a member and an applicant (pipeline) both hold about the person; PERSON_COLUMN_LABELS names them. */
export interface PersonColumns {
  name: string;
  gender: string;
  ethnicity: string;
  id_number: string;
  birth_date: string;
  education: string;
  native_place: string;
  work_unit: string;
  post: string;
  party_group_id: string | null;
  phone: string;
  remark: string;
}

export interface MembersTable extends CommonColumns, PersonColumns {
  category: string;
  application_date: string | null;
  join_date: string;
  full_date: string | null;
  job_category: string;
  party_post: string;
  landline: string;
  address: string;
  status: string;
  lost_contact: number;
  lost_contact_date: string | null;
  mobile_member: number;
  mobile_destination: string;
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

declare module '../../db/schema' {
  interface UserTables {
    party_groups: PartyGroupsTable;
    members: MembersTable;
    member_events: MemberEventsTable;
  }
}

/** Labels of PersonColumns. */
export const PERSON_COLUMN_LABELS: Record<string, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', id_number: '身份证号', birth_date: '出生日期', education: '学历',
  native_place: '籍贯', work_unit: '工作单位', post: '岗位/职务', party_group_id: '党小组', phone: '联系电话', remark: '备注',
  deleted_at: '删除时间',
};

export const MEMBER_COLUMN_LABELS: Record<string, string> = {
  ...PERSON_COLUMN_LABELS,
  category: '人员类别', application_date: '申请入党日期', join_date: '入党日期', full_date: '转正日期', job_category: '工作岗位',
  party_post: '党内职务', landline: '固定电话', address: '家庭住址', status: '党籍状态', lost_contact: '是否失联党员',
  lost_contact_date: '失去联系日期', mobile_member: '是否流动党员', mobile_destination: '外出流向',
};

const partyGroupsTable: TableSpec = {
  name: 'party_groups',
  label: '党小组',
  describe: (r) => String(r.name),
  dependsOn: ['branches'],
  columnLabels: { name: '名称', leader_member_id: '组长', sort_order: '排序' },
  // The leader is a member, but members depend on groups: the leader is checked on import, not ordered by.
  references: [{ column: 'leader_member_id', table: 'members' }],
  validateRow: (r) => (typeof r.name === 'string' && r.name.trim() ? [] : [{ field: 'name', message: '党小组名称为空' }]),
};

function groupLabel(db: Sqlite, groupId: string): string {
  const row = first(db, qb.selectFrom('party_groups').select('name').where('id', '=', groupId));
  return row?.name ?? '（已删除的党小组）';
}

/** A member's stored value as the history shows it. */
function showMemberValue(db: Sqlite, column: string, value: unknown): unknown {
  if (column === 'education') return educationLabel(String(value));
  if (column === 'lost_contact' || column === 'mobile_member') return value ? '是' : '否';
  if (column === 'party_group_id') return groupLabel(db, String(value));
  return value;
}

const membersTable: TableSpec = {
  name: 'members',
  label: '党员',
  describe: (r) => String(r.name),
  dependsOn: ['branches', 'party_groups'],
  maskedColumns: ['id_number'],
  columnLabels: MEMBER_COLUMN_LABELS,
  showValue: showMemberValue,
  references: [{ column: 'party_group_id', table: 'party_groups' }],
  // An ID number is one person: one live member per branch (a unique index in migration 1).
  uniqueKeys: [{ columns: ['branch_id', 'id_number'], clash: '名册中已有身份证号相同的党员' }],
  validateRow: (r) => {
    const parsed = memberFieldsSchema.safeParse(toMember(r as unknown as MembersTable, null));
    return parsed.success ? memberRuleProblems(parsed.data) : zodProblems(parsed.error);
  },
  derivedColumns: ['name_pinyin', 'search_text'],
  deriveColumns: (r) => ({ name_pinyin: pinyinFull(String(r.name)), search_text: memberSearchText(String(r.name), String(r.id_number)) }),
  // A member restored into a party group that is itself in the trash is left without a group.
  beforeRestore: (db, row) => {
    if (!row.party_group_id) return;
    const group = first(db, qb.selectFrom('party_groups').select('deleted_at').where('id', '=', String(row.party_group_id)));
    if (group?.deleted_at) run(db, qb.updateTable('members').set({ party_group_id: null }).where('id', '=', String(row.id)));
  },
};

const memberEventsTable: TableSpec = {
  name: 'member_events',
  label: '党员变动',
  describe: (r) => `${String(r.kind)} ${String(r.event_date)}`,
  dependsOn: ['members'],
  references: [{ column: 'member_id', table: 'members' }],
  periodColumn: 'event_date',
  columnLabels: { kind: '变动类型', subtype: '方式', event_date: '日期', meeting_date: '支部大会日期', doc_number: '文号', counterpart: '对方党组织', months: '延长月数', reason: '原因' },
  validateRow: (r) => ((MEMBER_EVENT_KINDS as readonly string[]).includes(String(r.kind)) ? [] : [{ field: 'kind', message: '变动类型无效' }]),
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const rosterTables: readonly TableSpec[] = [partyGroupsTable, membersTable, memberEventsTable];
