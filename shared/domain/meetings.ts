/**
 * 三会一课 and talks (domain.md 2.1–2.4): the meeting kinds with their default frequency, the fields of a
 * meeting record and of a talk, and the rules of quorum and votes as pure functions. Pure: the form checks
 * live with the same functions main enforces on 定稿.
 */
import { z } from 'zod';
import { isoDate, text } from './fieldSchemas';
import type { FieldProblem, MemberCategory } from './member';

// ---------------------------------------------------------------------------------------------------------
// Kinds

export const MEETING_KIND_CODES = ['memberMeeting', 'committee', 'groupMeeting', 'lecture', 'themeDay', 'lifeMeeting'] as const;
export type MeetingKind = (typeof MEETING_KIND_CODES)[number];

/** How often a kind is required: once per month, per quarter or per year (at least `min` times). */
export type MeetingFrequency = 'month' | 'quarter' | 'year';

export const MEETING_FREQUENCIES = ['month', 'quarter', 'year'] as const;
/** 每月 1 次 … */
export const FREQUENCY_LABELS: Record<MeetingFrequency, string> = { month: '每月', quarter: '每季度', year: '每年' };

export interface MeetingKindInfo {
  kind: MeetingKind;
  /** The full name, as in the calendar and the CLI (支部党员大会). */
  label: string;
  /** The short name used in titles and lists (党员大会). */
  shortLabel: string;
  /** Default required frequency (domain.md 2.1); 党课 is configurable per branch. */
  frequency: MeetingFrequency;
  /** Required count per period (1 for all defaults). */
  minPerPeriod: number;
  /** Held per party group: one required per group and period. */
  perGroup: boolean;
  /** Who is expected: the roster, one party group, or the branch committee. */
  expected: 'roster' | 'group' | 'committee';
}

export const MEETING_KINDS: readonly MeetingKindInfo[] = [
  { kind: 'memberMeeting', label: '支部党员大会', shortLabel: '党员大会', frequency: 'quarter', minPerPeriod: 1, perGroup: false, expected: 'roster' },
  { kind: 'committee', label: '支委会', shortLabel: '支委会', frequency: 'month', minPerPeriod: 1, perGroup: false, expected: 'committee' },
  { kind: 'groupMeeting', label: '党小组会', shortLabel: '党小组会', frequency: 'month', minPerPeriod: 1, perGroup: true, expected: 'group' },
  { kind: 'lecture', label: '党课', shortLabel: '党课', frequency: 'quarter', minPerPeriod: 1, perGroup: false, expected: 'roster' },
  { kind: 'themeDay', label: '主题党日', shortLabel: '主题党日', frequency: 'month', minPerPeriod: 1, perGroup: false, expected: 'roster' },
  { kind: 'lifeMeeting', label: '组织生活会', shortLabel: '组织生活会', frequency: 'year', minPerPeriod: 1, perGroup: false, expected: 'roster' },
];

/** A kind's required frequency for one branch. */
export interface KindFrequency {
  kind: MeetingKind;
  frequency: MeetingFrequency;
  /** 0: not required. */
  minPerPeriod: number;
}

export const kindFrequencySchema = z.object({
  kind: z.enum(MEETING_KIND_CODES, { error: '请选择会议类型' }),
  frequency: z.enum(MEETING_FREQUENCIES, { error: '频次应为每月、每季度或每年' }),
  minPerPeriod: z.number({ error: '请填写次数' }).int({ error: '次数应为整数' }).min(0, { error: '次数不能为负数' }).max(31, { error: '次数不能超过 31' }),
});

/** The defaults (domain.md 2.1) with the branch's own settings over them. */
export function effectiveFrequencies(overrides: readonly KindFrequency[]): KindFrequency[] {
  return MEETING_KINDS.map((k) => overrides.find((o) => o.kind === k.kind) ?? { kind: k.kind, frequency: k.frequency, minPerPeriod: k.minPerPeriod });
}

export function kindInfo(kind: MeetingKind): MeetingKindInfo {
  const info = MEETING_KINDS.find((k) => k.kind === kind);
  if (!info) throw new RangeError(`unknown meeting kind ${kind}`);
  return info;
}

/** 支部党员大会, 支委会 … */
export function kindLabel(kind: MeetingKind): string {
  return kindInfo(kind).label;
}

export function isMeetingKind(value: unknown): value is MeetingKind {
  return typeof value === 'string' && (MEETING_KIND_CODES as readonly string[]).includes(value);
}

/** A kind from its code, its label or its short label (支部党员大会, 党员大会, 支部委员会会议 …); null when unknown. */
export function kindFromText(value: string): MeetingKind | null {
  const v = value.trim();
  if (isMeetingKind(v)) return v;
  if (v === '支部委员会会议' || v === '支部委员会') return 'committee';
  if (v === '支部大会') return 'memberMeeting';
  return MEETING_KINDS.find((k) => k.label === v || k.shortLabel === v)?.kind ?? null;
}

export const MEETING_STATUSES = ['draft', 'final'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { draft: '草稿', final: '已定稿' };

export const ABSENCE_REASONS = ['公差', '病假', '事假', '其他'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const VOTE_METHODS = ['none', 'show', 'secret'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_METHOD_LABELS: Record<VoteMethod, string> = { none: '不表决', show: '举手表决', secret: '无记名投票' };

/** Attachments: photos of the sign-in sheet and the like. */
export const ATTACHMENT_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_MEETING = 20;

/** The type of a file from its first bytes (never from its name): jpg, png or pdf; null for anything else. */
export function sniffAttachmentType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Labels

export const MEETING_FIELD_LABELS: Record<string, string> = {
  id: '会议记录',
  kind: '会议类型',
  groupId: '党小组',
  alsoCounts: '同时计为',
  title: '会议名称',
  date: '会议日期',
  startTime: '开始时间',
  endTime: '结束时间',
  place: '会议地点',
  hostMemberId: '主持人',
  hostName: '主持人',
  recorderMemberId: '记录人',
  recorderName: '记录人',
  lecturer: '讲课人',
  classHours: '学时',
  topics: '议题',
  content: '会议内容',
  speeches: '发言',
  'speeches.speaker': '发言人',
  'speeches.memberId': '发言人',
  'speeches.text': '发言内容',
  resolutions: '决议',
  'resolutions.text': '决议内容',
  'resolutions.responsible': '责任人',
  'resolutions.deadline': '完成时限',
  'resolutions.vote': '表决情况',
  'resolutions.vote.method': '表决方式',
  'resolutions.vote.for': '赞成票',
  'resolutions.vote.against': '反对票',
  'resolutions.vote.abstain': '弃权票',
  guests: '列席人员',
  'guests.name': '列席人员姓名',
  'guests.unit': '列席人员单位或事由',
  attendance: '参会人员',
  'attendance.memberId': '参会党员',
  'attendance.name': '参会人员姓名',
  'attendance.category': '人员类别',
  'attendance.attended': '是否出席',
  'attendance.absenceReason': '缺席原因',
  'attendance.absenceNote': '缺席说明',
  status: '状态',
  reason: '修订原因',
  expectedUpdatedAt: '修改时间',
  year: '年份',
  meetingId: '会议记录',
  fileName: '文件名',
  mimeType: '文件类型',
  data: '文件内容',
  caption: '附件说明',
};

// ---------------------------------------------------------------------------------------------------------
// The record's fields

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.union([z.literal(''), z.string().regex(TIME_RE, { error: '时间格式应为 09:30' })]).default('');
const memberRef = z.string().uuid({ error: '所选党员无效' }).nullish().transform((v) => v ?? null);
const count = z.number({ error: '请填写人数' }).int({ error: '应为整数' }).min(0, { error: '不能为负数' }).max(10000);

export const attendanceSchema = z.object({
  memberId: memberRef,
  name: text(30).min(1, { error: '请填写姓名' }),
  category: z.enum(['正式党员', '预备党员'], { error: '应为正式党员或预备党员' }),
  attended: z.boolean({ error: '请选择出席或缺席' }),
  absenceReason: z.union([z.literal(''), z.enum(ABSENCE_REASONS, { error: '缺席原因应为公差、病假、事假或其他' })]).default(''),
  absenceNote: text(100).default(''),
});
export type AttendanceInput = z.input<typeof attendanceSchema>;
export type Attendance = z.output<typeof attendanceSchema>;

export const voteSchema = z.object({
  method: z.enum(VOTE_METHODS, { error: '表决方式应为不表决、举手表决或无记名投票' }).default('none'),
  for: count.default(0),
  against: count.default(0),
  abstain: count.default(0),
});
export type Vote = z.output<typeof voteSchema>;

export const resolutionSchema = z.object({
  text: text(1000).min(1, { error: '请填写决议内容' }),
  responsible: text(30).default(''),
  deadline: z.union([z.literal(''), isoDate]).default(''),
  vote: voteSchema.default({ method: 'none', for: 0, against: 0, abstain: 0 }),
});
export type Resolution = z.output<typeof resolutionSchema>;

export const speechSchema = z.object({
  speaker: text(30).min(1, { error: '请填写发言人' }),
  memberId: memberRef,
  text: text(5000).min(1, { error: '请填写发言内容' }),
});
export type Speech = z.output<typeof speechSchema>;

export const guestSchema = z.object({
  name: text(30).min(1, { error: '请填写列席人员姓名' }),
  unit: text(60).default(''),
});
export type Guest = z.output<typeof guestSchema>;

export const meetingKindSchema = z.enum(MEETING_KIND_CODES, { error: '请选择会议类型' });

/** The fields a meeting record is saved with (draft, or an amendment of a final record). */
export const meetingFieldsSchema = z.object({
  kind: meetingKindSchema,
  groupId: z.string().uuid({ error: '所选党小组无效' }).nullish().transform((v) => v ?? null),
  alsoCounts: z.array(meetingKindSchema).max(5).default([]),
  /** Empty: the default title (2026年第3次支委会) is given on save. */
  title: text(80).default(''),
  date: isoDate,
  startTime: time,
  endTime: time,
  place: text(60).default(''),
  hostMemberId: memberRef,
  hostName: text(30).default(''),
  recorderMemberId: memberRef,
  recorderName: text(30).default(''),
  /** 党课: who gave it (a member or an invited speaker). */
  lecturer: text(30).default(''),
  /** Study hours (学时) this meeting counts for its attendees; 0 when it is not study. */
  classHours: z.number({ error: '学时应为数字' }).int({ error: '学时应为整数' }).min(0, { error: '学时不能为负数' }).max(40, { error: '学时不能超过 40' }).default(0),
  topics: z.array(text(200).min(1, { error: '议题不能为空' })).max(30).default([]),
  content: text(20000).default(''),
  speeches: z.array(speechSchema).max(100).default([]),
  resolutions: z.array(resolutionSchema).max(50).default([]),
  guests: z.array(guestSchema).max(50).default([]),
  /** One row per expected member (meetings.expected gives them); omitted: everyone expected, all present. */
  attendance: z.array(attendanceSchema).max(2000).optional(),
});
export type MeetingFieldsInput = z.input<typeof meetingFieldsSchema>;
export type MeetingFields = z.output<typeof meetingFieldsSchema>;

/** Rules across fields (also checked on drafts): time order, group for a 党小组会, reasons of absence. */
export function meetingFieldProblems(f: MeetingFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.kind === 'groupMeeting' && !f.groupId) problems.push({ field: 'groupId', message: '党小组会请选择党小组' });
  if (f.kind !== 'groupMeeting' && f.groupId) problems.push({ field: 'groupId', message: '只有党小组会选择党小组' });
  if (f.startTime && f.endTime && f.endTime <= f.startTime) problems.push({ field: 'endTime', message: '结束时间应晚于开始时间' });
  if (f.alsoCounts.includes(f.kind)) problems.push({ field: 'alsoCounts', message: `会议本身就是${kindLabel(f.kind)}，不必再选` });
  if (f.alsoCounts.includes('groupMeeting')) problems.push({ field: 'alsoCounts', message: '党小组会按党小组记录，不能同时计为' });
  (f.attendance ?? []).forEach((a, i) => {
    if (!a.attended && !a.absenceReason) problems.push({ field: `attendance.${i}.absenceReason`, message: `${a.name}缺席，请选择缺席原因` });
    if (a.attended && a.absenceReason) problems.push({ field: `attendance.${i}.absenceReason`, message: `${a.name}已出席，不应有缺席原因` });
  });
  const seen = new Set<string>();
  (f.attendance ?? []).forEach((a, i) => {
    if (!a.memberId) return;
    if (seen.has(a.memberId)) problems.push({ field: `attendance.${i}.memberId`, message: `${a.name}在参会人员中出现了两次` });
    seen.add(a.memberId);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Who is expected

/** A member as the roster had them on the meeting date (main/services/roster/asOf.ts). */
export interface RosterMemberOnDate {
  id: string;
  name: string;
  category: MemberCategory;
  partyGroupId: string | null;
}

/** A branch committee member (支部委员, branch profile); memberId null when not linked to a roster entry. */
export interface CommitteeMember {
  name: string;
  role: string;
  memberId: string | null;
}

export interface ExpectedMember {
  memberId: string | null;
  name: string;
  category: MemberCategory;
  /** 书记, 组织委员 … for committee members; '' otherwise. */
  role: string;
}

/**
 * Who should attend: every member on the roster on the date (党员大会, 党课, 主题党日, 组织生活会), the members
 * of the party group (党小组会), or the committee members (支委会: the branch profile's 支部委员, those linked to a
 * member only while on the roster). Roster order is kept.
 */
export function expectedMembers(
  kind: MeetingKind,
  roster: readonly RosterMemberOnDate[],
  options: { groupId?: string | null; committee?: readonly CommitteeMember[] } = {},
): ExpectedMember[] {
  const expected = kindInfo(kind).expected;
  if (expected === 'committee') {
    // The committee is today's (no history of it is kept): a linked member not yet (or no longer) on the roster then is left out.
    return (options.committee ?? []).flatMap((c): ExpectedMember[] => {
      if (!c.memberId) return [{ memberId: null, name: c.name, category: '正式党员', role: c.role }];
      const m = roster.find((r) => r.id === c.memberId);
      return m ? [{ memberId: m.id, name: m.name, category: m.category, role: c.role }] : [];
    });
  }
  const members = expected === 'group' ? roster.filter((m) => m.partyGroupId === (options.groupId ?? null)) : roster;
  return members.map((m) => ({ memberId: m.id, name: m.name, category: m.category, role: '' }));
}

// ---------------------------------------------------------------------------------------------------------
// Quorum and votes (domain.md 2.1)

export interface AttendanceCount {
  expected: number;
  present: number;
  absent: number;
  /** Full members (正式党员): only they vote. */
  expectedVoting: number;
  presentVoting: number;
}

export function countAttendance(attendance: readonly Pick<Attendance, 'category' | 'attended'>[]): AttendanceCount {
  const voting = attendance.filter((a) => a.category === '正式党员');
  return {
    expected: attendance.length,
    present: attendance.filter((a) => a.attended).length,
    absent: attendance.filter((a) => !a.attended).length,
    expectedVoting: voting.length,
    presentVoting: voting.filter((a) => a.attended).length,
  };
}

/** More than half: exactly half is not enough. */
export function moreThanHalf(part: number, whole: number): boolean {
  return whole > 0 && part * 2 > whole;
}

export interface QuorumResult {
  /** Whether the rule is met; null when the kind has no quorum rule. */
  met: boolean | null;
  /** The rule in words, with the numbers (shown in the form and in messages). */
  text: string;
}

/**
 * 支委会: more than half of the committee members present. 支部党员大会: votes need more than half of the voting
 * (full) members present. Other kinds have no quorum rule.
 */
export function quorum(kind: MeetingKind, c: AttendanceCount): QuorumResult {
  if (kind === 'committee') {
    const met = moreThanHalf(c.present, c.expected);
    return { met, text: `应到支委 ${c.expected} 人，实到 ${c.present} 人，${met ? '超过半数' : '未超过半数，会议不能作出决定'}` };
  }
  if (kind === 'memberMeeting') {
    const met = moreThanHalf(c.presentVoting, c.expectedVoting);
    return {
      met,
      text: `有表决权的正式党员应到 ${c.expectedVoting} 人，实到 ${c.presentVoting} 人，${met ? '超过半数，可以表决' : '未超过半数，不能表决'}`,
    };
  }
  return { met: null, text: '' };
}

export interface VoteResult {
  /** The vote can stand: quorum met and the ballots fit the members present. */
  valid: boolean;
  passed: boolean;
  /** Why, in words (名称 the numbers). */
  text: string;
}

/**
 * A vote: valid when the meeting's quorum is met and no more ballots are cast than voters present; passed when
 * 赞成 exceeds half of the voting members who should attend (党员大会: full members; 支委会: committee members).
 */
export function voteResult(kind: MeetingKind, c: AttendanceCount, vote: Vote): VoteResult | null {
  if (vote.method === 'none') return null;
  const voters = kind === 'committee' ? c.present : c.presentVoting;
  const shouldAttend = kind === 'committee' ? c.expected : c.expectedVoting;
  const ballots = vote.for + vote.against + vote.abstain;
  const q = quorum(kind, c);
  if (q.met === false) return { valid: false, passed: false, text: `表决无效：${q.text}` };
  if (shouldAttend === 0) return { valid: false, passed: false, text: '表决无效：没有应到会的有表决权人员' };
  if (ballots > voters) {
    return { valid: false, passed: false, text: `表决无效：赞成、反对、弃权共 ${ballots} 票，多于到会有表决权的 ${voters} 人（预备党员没有表决权）` };
  }
  const passed = moreThanHalf(vote.for, shouldAttend);
  return {
    valid: true,
    passed,
    text: `赞成 ${vote.for} 票，${passed ? '超过' : '未超过'}应到会有表决权的 ${shouldAttend} 人的半数，${passed ? '通过' : '未通过'}`,
  };
}

/** What stops a record from being finalised (定稿); empty when it may be. */
export function finalizeProblems(f: Pick<MeetingFields, 'kind' | 'resolutions' | 'hostName' | 'recorderName' | 'place' | 'startTime'> & { attendance: readonly Attendance[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!f.hostName) problems.push({ field: 'hostName', message: '定稿前请填写主持人' });
  if (!f.recorderName) problems.push({ field: 'recorderName', message: '定稿前请填写记录人' });
  if (!f.place) problems.push({ field: 'place', message: '定稿前请填写会议地点' });
  if (!f.startTime) problems.push({ field: 'startTime', message: '定稿前请填写开始时间' });
  if (f.attendance.length === 0) problems.push({ field: 'attendance', message: '定稿前请填写参会人员（应到人员为空）' });
  const c = countAttendance(f.attendance);
  const q = quorum(f.kind, c);
  if (f.kind === 'committee' && q.met === false) problems.push({ field: 'attendance', message: q.text });
  f.resolutions.forEach((r, i) => {
    const v = voteResult(f.kind, c, r.vote);
    if (v && !v.valid) problems.push({ field: `resolutions.${i}.vote`, message: `第 ${i + 1} 项决议${v.text}` });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Titles

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2026年第3次支委会 (党小组会: 2026年第3次第一党小组会). */
export function defaultMeetingTitle(kind: MeetingKind, date: string, ordinal: number, groupName?: string | null): string {
  const year = date.slice(0, 4);
  const label = kind === 'groupMeeting' && groupName ? `${groupName}会` : kindInfo(kind).shortLabel;
  return `${year}年第${ordinal}次${label}`;
}

/** 第一季度 … for quarters 1–4. */
export function quarterLabel(q: number): string {
  return `第${CHINESE_DIGITS[q] ?? q}季度`;
}

// ---------------------------------------------------------------------------------------------------------
// Talks (谈心谈话, 家访)

export const TALK_KIND_CODES = ['talk', 'visit', 'reminder', 'integrity'] as const;
export type TalkKind = (typeof TALK_KIND_CODES)[number];
export const TALK_KIND_LABELS: Record<TalkKind, string> = { talk: '谈心谈话', visit: '家访', reminder: '提醒谈话', integrity: '廉政谈话' };

export const TALK_FORMS = ['当面', '电话', '视频', '上门'] as const;
export type TalkForm = (typeof TALK_FORMS)[number];

/** 五必谈 (domain.md 2.4), 政治生日 and everyday talks. */
export const TALK_TRIGGERS = ['日常', '岗位变动', '受到表彰', '家庭困难或生病', '犯错误或受处分', '发生矛盾', '政治生日', '其他'] as const;
export type TalkTrigger = (typeof TALK_TRIGGERS)[number];

export const TALK_FIELD_LABELS: Record<string, string> = {
  id: '谈话记录',
  kind: '谈话类型',
  date: '谈话日期',
  form: '谈话形式',
  place: '谈话地点',
  talkerIds: '谈话人',
  talkerNames: '谈话人',
  memberId: '谈话对象',
  personName: '谈话对象',
  personUnit: '谈话对象单位或岗位',
  familyMet: '见到的家庭成员',
  trigger: '谈话起因',
  topic: '谈话主题',
  summary: '谈话内容',
  problems: '反映的问题',
  help: '帮助措施',
  outcome: '谈话效果',
  followUpDate: '回访日期',
  resolved: '是否解决',
  expectedUpdatedAt: '修改时间',
  year: '年份',
};

export const talkFieldsSchema = z.object({
  kind: z.enum(TALK_KIND_CODES, { error: '请选择谈话类型' }),
  date: isoDate,
  form: z.enum(TALK_FORMS, { error: '谈话形式应为当面、电话、视频或上门' }).default('当面'),
  place: text(60).default(''),
  talkerIds: z.array(z.string().uuid({ error: '所选谈话人无效' })).max(10).default([]),
  /** The talkers' names (members or others), in order; the names of talkerIds are filled in on save. */
  talkerNames: z.array(text(30).min(1, { error: '谈话人姓名不能为空' })).max(10).default([]),
  /** The member talked with; null for a non-member (a worker, a family) named in personName. */
  memberId: z.string().uuid({ error: '所选谈话对象无效' }).nullish().transform((v) => v ?? null),
  personName: text(30).default(''),
  personUnit: text(60).default(''),
  familyMet: text(100).default(''),
  trigger: z.enum(TALK_TRIGGERS, { error: '请选择谈话起因' }).default('日常'),
  topic: text(100).default(''),
  summary: text(10000).default(''),
  problems: text(2000).default(''),
  help: text(2000).default(''),
  outcome: text(1000).default(''),
  followUpDate: z.union([z.literal(''), isoDate]).default(''),
  resolved: z.boolean().default(false),
});
export type TalkFieldsInput = z.input<typeof talkFieldsSchema>;
export type TalkFields = z.output<typeof talkFieldsSchema>;

export function talkFieldProblems(t: TalkFields, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!t.memberId && !t.personName) problems.push({ field: 'personName', message: '请选择谈话对象或填写其姓名' });
  if (t.talkerIds.length === 0 && t.talkerNames.length === 0) problems.push({ field: 'talkerNames', message: '请填写谈话人' });
  if (t.memberId && t.talkerIds.includes(t.memberId)) problems.push({ field: 'memberId', message: '谈话对象不能同时是谈话人' });
  if (t.date > today) problems.push({ field: 'date', message: '谈话日期不能晚于今天' });
  if (t.followUpDate && t.followUpDate < t.date) problems.push({ field: 'followUpDate', message: '回访日期不能早于谈话日期' });
  return problems;
}
