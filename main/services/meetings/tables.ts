/** The meetings' and talks' tables: row types, row → record conversions, and registry entries. */
import crypto from 'node:crypto';
import { zodProblems } from '../../../shared/contract/validate';
import { isIsoDate } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import {
  ABSENCE_REASONS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  FREQUENCY_LABELS,
  isMeetingKind,
  kindLabel,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
  meetingFieldProblems,
  meetingFieldsSchema,
  sniffAttachmentType,
  TALK_KIND_LABELS,
  talkFieldProblems,
  talkFieldsSchema,
  type MeetingFieldsInput,
  type MeetingFrequency,
  type MeetingKind,
  type MeetingStatus,
  type TalkFieldsInput,
  type TalkKind,
} from '../../../shared/domain/meetings';
import {
  REPORT_KIND_CODES,
  REPORT_KIND_LABELS,
  REPORTER_ROLE_LABELS,
  REPORTER_ROLES,
  type ReporterRole,
  type ReportKind,
} from '../../../shared/domain/memberReports';
import type { TableSpec } from '../../db/registry';
import type { CommonColumns } from '../../db/schema';

export interface MeetingsTable extends CommonColumns {
  kind: string;
  /** 党小组会: the party group. */
  group_id: string | null;
  /** JSON array of kinds the meeting also counts as (a 党员大会 held on the theme day counts as 主题党日). */
  also_counts: string;
  title: string;
  meeting_date: string;
  start_time: string;
  end_time: string;
  place: string;
  host_member_id: string | null;
  host_name: string;
  recorder_member_id: string | null;
  recorder_name: string;
  lecturer: string;
  class_hours: number;
  /** JSON: string[] */
  topics_json: string;
  content: string;
  /** JSON: Speech[] */
  speeches_json: string;
  /** JSON: Resolution[] (votes included) */
  resolutions_json: string;
  /** JSON: Guest[] (列席) */
  guests_json: string;
  /** draft | final */
  status: string;
  /** 0 while never finalised; 1 on 定稿; +1 per amendment. */
  version: number;
  finalized_at: string | null;
  amend_reason: string;
}

export interface MeetingAttendanceTable extends CommonColumns {
  meeting_id: string;
  /** The meeting's date (kept in step with it): a hand-over by period carries the row with its meeting. */
  meeting_date: string;
  /** null for a committee member not linked to a roster entry. */
  member_id: string | null;
  /** Name and category (正式党员 / 预备党员) as on the meeting date. */
  name: string;
  category: string;
  attended: number;
  absence_reason: string;
  absence_note: string;
  sort_order: number;
}

/** An earlier final version of a meeting, kept when it was amended. */
export interface MeetingVersionsTable extends CommonColumns {
  meeting_id: string;
  meeting_date: string;
  version: number;
  finalized_at: string | null;
  /** The reason of the amendment that made this version ('' for version 1). */
  reason: string;
  superseded_at: string;
  /** JSON: the MeetingDetail of this version (attendance included). */
  snapshot_json: string;
}

export interface MeetingAttachmentsTable extends CommonColumns {
  meeting_id: string;
  meeting_date: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  caption: string;
  data: Buffer;
}

export interface TalksTable extends CommonColumns {
  kind: string;
  talk_date: string;
  form: string;
  place: string;
  /** JSON: member ids of the talkers. */
  talker_ids: string;
  /** JSON: the talkers' names, in order. */
  talker_names: string;
  member_id: string | null;
  person_name: string;
  person_unit: string;
  family_met: string;
  talk_trigger: string;
  topic: string;
  summary: string;
  problems: string;
  help: string;
  outcome: string;
  follow_up_date: string | null;
  resolved: number;
}

/** A branch's own required frequency for a kind (none stored: the default of MEETING_KINDS). */
export interface MeetingFrequenciesTable extends CommonColumns {
  kind: string;
  /** month | quarter | year */
  frequency: string;
  min_per_period: number;
}

/** 党内汇报: a report of a member (member_id) or of an applicant in the pipeline (applicant_id). */
export interface MemberReportsTable extends CommonColumns {
  /** thought (思想汇报) | work (工作汇报) */
  kind: string;
  report_date: string;
  member_id: string | null;
  applicant_id: string | null;
  /** The reporter's name when it was saved. */
  person_name: string;
  title: string;
  summary: string;
  comment: string;
}

/** A branch's own reporting rhythm for a role (none stored: quarterly). */
export interface ReportRhythmsTable extends CommonColumns {
  /** activist | probationary */
  role: string;
  /** month | quarter | year */
  frequency: string;
}

declare module '../../db/schema' {
  interface UserTables {
    member_reports: MemberReportsTable;
    report_rhythms: ReportRhythmsTable;
    meeting_frequencies: MeetingFrequenciesTable;
    meetings: MeetingsTable;
    meeting_attendance: MeetingAttendanceTable;
    meeting_versions: MeetingVersionsTable;
    meeting_attachments: MeetingAttachmentsTable;
    talks: TalksTable;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Row → record

export function parseJson<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/** The stored fields of a meeting row, in the contract's shape (attendance not included). */
export function meetingFieldsOf(r: MeetingsTable): MeetingFieldsInput {
  return {
    kind: r.kind as MeetingKind,
    groupId: r.group_id,
    alsoCounts: parseJson<MeetingKind[]>(r.also_counts, []),
    title: r.title,
    date: r.meeting_date,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    hostMemberId: r.host_member_id,
    hostName: r.host_name,
    recorderMemberId: r.recorder_member_id,
    recorderName: r.recorder_name,
    lecturer: r.lecturer,
    classHours: r.class_hours,
    topics: parseJson<string[]>(r.topics_json, []),
    content: r.content,
    speeches: parseJson(r.speeches_json, []),
    resolutions: parseJson(r.resolutions_json, []),
    guests: parseJson(r.guests_json, []),
  };
}

export function talkFieldsOf(r: TalksTable): TalkFieldsInput {
  return {
    kind: r.kind as TalkKind,
    date: r.talk_date,
    form: r.form as TalkFieldsInput['form'],
    place: r.place,
    talkerIds: parseJson<string[]>(r.talker_ids, []),
    talkerNames: parseJson<string[]>(r.talker_names, []),
    memberId: r.member_id,
    personName: r.person_name,
    personUnit: r.person_unit,
    familyMet: r.family_met,
    trigger: r.talk_trigger as TalkFieldsInput['trigger'],
    topic: r.topic,
    summary: r.summary,
    problems: r.problems,
    help: r.help,
    outcome: r.outcome,
    followUpDate: r.follow_up_date ?? '',
    resolved: r.resolved === 1,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Labels and checks of rows arriving in a hand-over package

const COMMON_LABELS = { deleted_at: '删除时间' };

export const MEETING_COLUMN_LABELS: Record<string, string> = {
  ...COMMON_LABELS,
  kind: '会议类型', group_id: '党小组', also_counts: '同时计为', title: '会议名称', meeting_date: '会议日期', start_time: '开始时间',
  end_time: '结束时间', place: '会议地点', host_member_id: '主持人', host_name: '主持人姓名', recorder_member_id: '记录人',
  recorder_name: '记录人姓名', lecturer: '讲课人', class_hours: '学时', topics_json: '议题', content: '会议内容', speeches_json: '发言',
  resolutions_json: '决议', guests_json: '列席人员', status: '状态', version: '版本', finalized_at: '定稿时间', amend_reason: '修订原因',
};

/** Problems named by the domain's fields (date, topics.0) → named by the row's columns, for messages about package rows. */
function byColumn(problems: FieldProblem[], columns: Record<string, string>): FieldProblem[] {
  return problems.map((p) => {
    const head = p.field.split('.')[0]!;
    return { ...p, field: columns[head] ?? head.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) };
  });
}

const MEETING_COLUMNS: Record<string, string> = {
  date: 'meeting_date', topics: 'topics_json', speeches: 'speeches_json', resolutions: 'resolutions_json', guests: 'guests_json',
};

function validateMeetingRow(r: Record<string, unknown>): FieldProblem[] {
  const parsed = meetingFieldsSchema.safeParse(meetingFieldsOf(r as unknown as MeetingsTable));
  if (!parsed.success) return byColumn(zodProblems(parsed.error), MEETING_COLUMNS);
  const problems = byColumn(meetingFieldProblems(parsed.data), MEETING_COLUMNS);
  if (!(MEETING_STATUSES as readonly string[]).includes(String(r.status))) problems.push({ field: 'status', message: '状态应为草稿或已定稿' });
  for (const c of ['topics_json', 'speeches_json', 'resolutions_json', 'guests_json', 'also_counts']) {
    if (!Array.isArray(parseJson<unknown>(String(r[c]), null))) problems.push({ field: c, message: '数据不是有效的列表' });
  }
  const version = Number(r.version);
  if (!Number.isInteger(version) || version < 0) problems.push({ field: 'version', message: '版本应为非负整数' });
  if (r.status === 'final' && (version < 1 || !r.finalized_at)) problems.push({ field: 'version', message: '已定稿的记录应有版本和定稿时间' });
  return problems;
}

function validateAttendanceRow(r: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(String(r.meeting_date))) problems.push({ field: 'meeting_date', message: '日期无效' });
  if (typeof r.name !== 'string' || !r.name.trim()) problems.push({ field: 'name', message: '姓名为空' });
  if (r.category !== '正式党员' && r.category !== '预备党员') problems.push({ field: 'category', message: '应为正式党员或预备党员' });
  if (r.attended !== 0 && r.attended !== 1) problems.push({ field: 'attended', message: '应为 0 或 1' });
  if (r.absence_reason !== '' && !(ABSENCE_REASONS as readonly string[]).includes(String(r.absence_reason))) {
    problems.push({ field: 'absence_reason', message: '缺席原因应为公差、病假、事假或其他' });
  }
  return problems;
}

function validateVersionRow(r: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(String(r.meeting_date))) problems.push({ field: 'meeting_date', message: '日期无效' });
  if (!Number.isInteger(r.version) || Number(r.version) < 1) problems.push({ field: 'version', message: '版本应为正整数' });
  const snapshot = parseJson<unknown>(String(r.snapshot_json), null);
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) problems.push({ field: 'snapshot_json', message: '版本内容无效' });
  return problems;
}

export function sha256Hex(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function validateAttachmentRow(r: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(String(r.meeting_date))) problems.push({ field: 'meeting_date', message: '日期无效' });
  const data = r.data;
  if (!(data instanceof Uint8Array)) return [...problems, { field: 'data', message: '文件内容无效' }];
  if (!(String(r.mime_type) in ATTACHMENT_TYPES) || sniffAttachmentType(data) !== r.mime_type) {
    problems.push({ field: 'mime_type', message: '文件类型与内容不符（只收 jpg、png、pdf）' });
  }
  if (data.length > ATTACHMENT_MAX_BYTES) problems.push({ field: 'data', message: '文件过大' });
  if (r.size_bytes !== data.length) problems.push({ field: 'size_bytes', message: '文件大小与内容不符' });
  if (r.sha256 !== sha256Hex(data)) problems.push({ field: 'sha256', message: '文件校验和与内容不符' });
  return problems;
}

export const TALK_COLUMN_LABELS: Record<string, string> = {
  ...COMMON_LABELS,
  kind: '谈话类型', talk_date: '谈话日期', form: '谈话形式', place: '谈话地点', talker_ids: '谈话人', talker_names: '谈话人姓名',
  member_id: '谈话对象', person_name: '谈话对象姓名', person_unit: '谈话对象单位或岗位', family_met: '见到的家庭成员', talk_trigger: '谈话起因',
  topic: '谈话主题', summary: '谈话内容', problems: '反映的问题', help: '帮助措施', outcome: '谈话效果', follow_up_date: '回访日期', resolved: '是否解决',
};

const TALK_COLUMNS: Record<string, string> = { date: 'talk_date', trigger: 'talk_trigger' };

function validateTalkRow(r: Record<string, unknown>): FieldProblem[] {
  const parsed = talkFieldsSchema.safeParse(talkFieldsOf(r as unknown as TalksTable));
  if (!parsed.success) return byColumn(zodProblems(parsed.error), TALK_COLUMNS);
  // A package may come from a machine whose clock is ahead: the date-after-today rule is the form's, not the package's.
  const problems = byColumn(talkFieldProblems(parsed.data, '9999-12-31'), TALK_COLUMNS);
  if (r.resolved !== 0 && r.resolved !== 1) problems.push({ field: 'resolved', message: '应为 0 或 1' });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Specs

const meetingsTable: TableSpec = {
  name: 'meetings',
  label: '会议记录',
  describe: (r) => {
    const kind = isMeetingKind(r.kind) ? kindLabel(r.kind) : String(r.kind);
    const status = MEETING_STATUS_LABELS[r.status as MeetingStatus] ?? '';
    return `${String(r.meeting_date)} ${String(r.title) || kind}${status ? `（${status}）` : ''}`;
  },
  dependsOn: ['branches', 'party_groups', 'members'],
  columnLabels: MEETING_COLUMN_LABELS,
  references: [
    { column: 'group_id', table: 'party_groups' },
    { column: 'host_member_id', table: 'members' },
    { column: 'recorder_member_id', table: 'members' },
  ],
  periodColumn: 'meeting_date',
  validateRow: validateMeetingRow,
  showValue: (_db, column, value) => {
    if (column === 'kind' && isMeetingKind(value)) return kindLabel(value);
    if (column === 'status') return MEETING_STATUS_LABELS[value as MeetingStatus] ?? value;
    return value;
  },
};

const attendanceTable: TableSpec = {
  name: 'meeting_attendance',
  label: '参会情况',
  describe: (r) => `${String(r.meeting_date)} ${String(r.name)}${r.attended ? '出席' : '缺席'}`,
  dependsOn: ['meetings', 'members'],
  columnLabels: {
    ...COMMON_LABELS, meeting_id: '会议记录', meeting_date: '会议日期', member_id: '党员', name: '姓名', category: '人员类别', attended: '是否出席',
    absence_reason: '缺席原因', absence_note: '缺席说明', sort_order: '排序',
  },
  references: [
    { column: 'meeting_id', table: 'meetings' },
    { column: 'member_id', table: 'members' },
  ],
  periodColumn: 'meeting_date',
  // Rows are replaced with their meeting's record, never deleted one by one by the user.
  inTrash: false,
  uniqueKeys: [{ columns: ['meeting_id', 'member_id'], clash: '这次会议的参会人员中已有这名党员' }],
  validateRow: validateAttendanceRow,
  showValue: (_db, column, value) => (column === 'attended' ? (value ? '出席' : '缺席') : value),
};

const versionsTable: TableSpec = {
  name: 'meeting_versions',
  label: '会议记录历史版本',
  describe: (r) => `${String(r.meeting_date)} 第 ${String(r.version)} 版`,
  dependsOn: ['meetings'],
  columnLabels: {
    ...COMMON_LABELS, meeting_id: '会议记录', meeting_date: '会议日期', version: '版本', finalized_at: '定稿时间', reason: '修订原因',
    superseded_at: '被修订时间', snapshot_json: '版本内容',
  },
  references: [{ column: 'meeting_id', table: 'meetings' }],
  periodColumn: 'meeting_date',
  inTrash: false,
  uniqueKeys: [{ columns: ['meeting_id', 'version'], clash: '这份会议记录已有同一版本' }],
  validateRow: validateVersionRow,
};

const attachmentsTable: TableSpec = {
  name: 'meeting_attachments',
  label: '会议附件',
  describe: (r) => `${String(r.meeting_date)} ${String(r.file_name)}`,
  dependsOn: ['meetings'],
  columnLabels: {
    ...COMMON_LABELS, meeting_id: '会议记录', meeting_date: '会议日期', file_name: '文件名', mime_type: '文件类型', size_bytes: '文件大小',
    sha256: '校验和', caption: '附件说明', data: '文件内容',
  },
  references: [{ column: 'meeting_id', table: 'meetings' }],
  periodColumn: 'meeting_date',
  validateRow: validateAttachmentRow,
};

const talksTable: TableSpec = {
  name: 'talks',
  label: '谈心谈话',
  describe: (r) => {
    const kind = TALK_KIND_LABELS[r.kind as TalkKind] ?? String(r.kind);
    return `${String(r.talk_date)} ${kind}${r.person_name ? ` ${String(r.person_name)}` : ''}`;
  },
  dependsOn: ['branches', 'members'],
  columnLabels: TALK_COLUMN_LABELS,
  references: [{ column: 'member_id', table: 'members' }],
  periodColumn: 'talk_date',
  validateRow: validateTalkRow,
  showValue: (_db, column, value) => {
    if (column === 'kind') return TALK_KIND_LABELS[value as TalkKind] ?? value;
    if (column === 'resolved') return value ? '是' : '否';
    return value;
  },
};

const frequenciesTable: TableSpec = {
  name: 'meeting_frequencies',
  label: '三会一课频次',
  describe: (r) => `${isMeetingKind(r.kind) ? kindLabel(r.kind) : String(r.kind)} ${FREQUENCY_LABELS[r.frequency as MeetingFrequency] ?? String(r.frequency)}${String(r.min_per_period)}次`,
  dependsOn: ['branches'],
  columnLabels: { ...COMMON_LABELS, kind: '会议类型', frequency: '频次', min_per_period: '每期次数' },
  inTrash: false,
  uniqueKeys: [{ columns: ['branch_id', 'kind'], clash: '这个会议类型已设定频次' }],
  validateRow: (r) => {
    const problems: FieldProblem[] = [];
    if (!isMeetingKind(r.kind)) problems.push({ field: 'kind', message: '会议类型无效' });
    if (!(String(r.frequency) in FREQUENCY_LABELS)) problems.push({ field: 'frequency', message: '频次应为每月、每季度或每年' });
    if (!Number.isInteger(r.min_per_period) || Number(r.min_per_period) < 0 || Number(r.min_per_period) > 31) {
      problems.push({ field: 'min_per_period', message: '每期次数应为 0 至 31' });
    }
    return problems;
  },
  showValue: (_db, column, value) => (column === 'frequency' ? (FREQUENCY_LABELS[value as MeetingFrequency] ?? value) : value),
};

const reportsTable: TableSpec = {
  name: 'member_reports',
  label: '党内汇报',
  describe: (r) => `${String(r.report_date)} ${String(r.person_name)}${REPORT_KIND_LABELS[r.kind as ReportKind] ?? String(r.kind)}`,
  dependsOn: ['branches', 'members', 'applicants'],
  columnLabels: {
    ...COMMON_LABELS, kind: '汇报类型', report_date: '提交日期', member_id: '党员', applicant_id: '入党积极分子', person_name: '汇报人',
    title: '标题', summary: '主要内容', comment: '支部意见',
  },
  references: [
    { column: 'member_id', table: 'members' },
    { column: 'applicant_id', table: 'applicants' },
  ],
  periodColumn: 'report_date',
  validateRow: (r) => {
    const problems: FieldProblem[] = [];
    if (!(REPORT_KIND_CODES as readonly string[]).includes(String(r.kind))) problems.push({ field: 'kind', message: '汇报类型应为思想汇报或工作汇报' });
    if (!isIsoDate(String(r.report_date))) problems.push({ field: 'report_date', message: '日期无效' });
    if (!r.member_id === !r.applicant_id) problems.push({ field: 'member_id', message: '汇报人应为一名党员或一名入党积极分子' });
    if (typeof r.person_name !== 'string' || !r.person_name.trim()) problems.push({ field: 'person_name', message: '汇报人姓名为空' });
    return problems;
  },
  showValue: (_db, column, value) => (column === 'kind' ? (REPORT_KIND_LABELS[value as ReportKind] ?? value) : value),
};

const rhythmsTable: TableSpec = {
  name: 'report_rhythms',
  label: '党内汇报频次',
  describe: (r) => `${REPORTER_ROLE_LABELS[r.role as ReporterRole] ?? String(r.role)} ${FREQUENCY_LABELS[r.frequency as MeetingFrequency] ?? String(r.frequency)}`,
  dependsOn: ['branches'],
  columnLabels: { ...COMMON_LABELS, role: '汇报人类别', frequency: '频次' },
  inTrash: false,
  uniqueKeys: [{ columns: ['branch_id', 'role'], clash: '这类汇报人已设定频次' }],
  validateRow: (r) => {
    const problems: FieldProblem[] = [];
    if (!(REPORTER_ROLES as readonly string[]).includes(String(r.role))) problems.push({ field: 'role', message: '汇报人类别无效' });
    if (!(String(r.frequency) in FREQUENCY_LABELS)) problems.push({ field: 'frequency', message: '频次应为每月、每季度或每年' });
    return problems;
  },
  showValue: (_db, column, value) => (column === 'frequency' ? (FREQUENCY_LABELS[value as MeetingFrequency] ?? value) : value),
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const meetingsTables: readonly TableSpec[] = [
  frequenciesTable, meetingsTable, attendanceTable, versionsTable, attachmentsTable, talksTable, reportsTable, rhythmsTable,
];
