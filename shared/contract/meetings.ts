/**
 * 三会一课 (meeting records) and talks (谈心谈话, 家访). Core operations first; the calendar, documents and screens
 * parts add theirs at the END of the operations object, each in a block commented with the part's name.
 *
 * The record (stored in main/services/meetings/tables.ts):
 * - a meeting: kind, party group (党小组会), other kinds it also counts as, title, date and times, place, host and
 *   recorder (member id + name snapshot), lecturer and study hours, topics, content, speeches, resolutions with
 *   their votes, guests (列席); status draft → final (定稿), version (1 on 定稿, +1 on every amendment);
 * - its attendance: one row per expected member, with the name and category (正式/预备) as on the meeting date;
 * - its versions: a snapshot of each earlier final version, kept when it is amended (修订, with a reason);
 * - its attachments: jpg/png/pdf files stored in the database (BLOB), ≤ 10 MB each;
 * - talks: date, kind, form, talkers, the member (or non-member) talked with, trigger, summary, follow-up.
 */
import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  MEETING_FIELD_LABELS,
  MEETING_STATUSES,
  TALK_FIELD_LABELS,
  TALK_KIND_CODES,
  MEETING_KIND_CODES,
  kindFrequencySchema,
  meetingFieldsSchema,
  meetingKindSchema,
  talkFieldsSchema,
  type Attendance,
  type AttendanceCount,
  type ExpectedMember,
  type KindFrequency,
  type Guest,
  type MeetingKind,
  type MeetingStatus,
  type QuorumResult,
  type Resolution,
  type Speech,
  type TalkFields,
  type VoteResult,
} from '../domain/meetings';
import { isoDate } from '../domain/fieldSchemas';
import {
  REPORT_FIELD_LABELS,
  REPORTER_ROLES,
  reportFieldsSchema,
  reportRhythmSchema,
  type ReportDue,
  type ReportFields,
  type ReportRhythm,
} from '../domain/memberReports';
import { defineOperations, op } from './define';
import type { MeetingsCalendar } from '../domain/meetingsCalendar';
import type { DocumentPreview, ExportedFile } from './rosterFiles';
import { id } from './common';

export type { ExpectedMember, KindFrequency, MeetingKind, MeetingStatus };

// ---------------------------------------------------------------------------------------------------------
// Results

/** One line of the meetings list. */
export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  alsoCounts: MeetingKind[];
  groupId: string | null;
  groupName: string | null;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  hostName: string;
  status: MeetingStatus;
  /** 0 for a draft never finalised; 1 on 定稿, +1 per amendment. */
  version: number;
  finalizedAt: string | null;
  expected: number;
  present: number;
  attachmentCount: number;
  updatedAt: string;
}

export interface AttendanceRow extends Attendance {
  /** Row id (meeting_attendance). */
  id: string;
}

export interface ResolutionWithResult extends Resolution {
  /** The rule applied to its vote; null when not voted on. */
  result: VoteResult | null;
}

export interface AttachmentInfo {
  id: string;
  meetingId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  caption: string;
  createdAt: string;
}

/** A whole meeting record, as the form, the minutes and the history show it. */
export interface MeetingDetail extends Omit<MeetingSummary, 'expected' | 'present' | 'attachmentCount'> {
  hostMemberId: string | null;
  recorderMemberId: string | null;
  recorderName: string;
  lecturer: string;
  classHours: number;
  topics: string[];
  content: string;
  speeches: Speech[];
  resolutions: ResolutionWithResult[];
  guests: Guest[];
  attendance: AttendanceRow[];
  counts: AttendanceCount;
  quorum: QuorumResult;
  attachments: AttachmentInfo[];
  /** The reason of the latest amendment ('' before any). */
  amendReason: string;
  createdAt: string;
}

/** One version in a record's history: the earlier final versions (snapshots) and the current one. */
export interface MeetingVersion {
  version: number;
  /** When this version was finalised (定稿 or the amendment that made it). */
  finalizedAt: string | null;
  /** The reason given when this version was made by an amendment ('' for the first). */
  reason: string;
  /** When it was replaced by the next version; null for the current one. */
  supersededAt: string | null;
  current: boolean;
  meeting: MeetingDetail;
}

export interface Attachment {
  info: AttachmentInfo;
  /** base64 */
  data: string;
}

export interface Talk extends TalkFields {
  id: string;
  /** The talked-with member's name now (or personName). */
  personLabel: string;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

const expectedUpdatedAt = z.string().max(40).optional();
const year = z.number({ error: '请填写年份' }).int().min(1921, { error: '年份无效' }).max(2200, { error: '年份无效' });

export const meetingListSchema = z.object({
  year: year.nullish(),
  kind: meetingKindSchema.nullish(),
  groupId: z.string().uuid({ error: '所选党小组无效' }).nullish(),
  status: z.enum(MEETING_STATUSES).nullish(),
});

export const meetingSaveSchema = z.object({
  /** null: a new draft. An existing record must be a draft (a final one is changed by meetings.amend). */
  id: id.nullish(),
  fields: meetingFieldsSchema,
  expectedUpdatedAt,
});

export const meetingFinalizeSchema = z
  .object({ id: id.nullish(), fields: meetingFieldsSchema.optional(), expectedUpdatedAt })
  .refine((x) => x.id || x.fields, { path: ['id'], error: '请指定要定稿的会议记录' });

export const meetingAmendSchema = z.object({
  id,
  reason: z.string().trim().min(2, { error: '请填写修订原因' }).max(200, { error: '不能超过 200 个字' }),
  fields: meetingFieldsSchema,
  expectedUpdatedAt,
});

/** base64 of at most ATTACHMENT_MAX_BYTES bytes. */
const attachmentData = z
  .string()
  .max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 8, { error: `文件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容无效' });

export const attachmentAddSchema = z.object({
  meetingId: id,
  fileName: z.string().trim().min(1, { error: '请填写文件名' }).max(120, { error: '文件名过长' }),
  data: attachmentData,
  caption: z.string().trim().max(100, { error: '不能超过 100 个字' }).default(''),
});

export const talkListSchema = z.object({
  year: year.nullish(),
  memberId: z.string().uuid({ error: '所选党员无效' }).nullish(),
  /** A non-member's name: their talks and visits. */
  personName: z.string().trim().max(30).nullish(),
  kind: z.enum(TALK_KIND_CODES).nullish(),
});

export const talkSaveSchema = z.object({ id: id.nullish(), fields: talkFieldsSchema, expectedUpdatedAt });

// documents: what a notice may change (the rest comes from the meeting)
const noticeText = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字` }).nullish();
export const noticeDocumentSchema = z.object({
  id,
  audience: noticeText(60),
  attendees: noticeText(100),
  requirements: z.array(z.string().trim().max(200, { error: '不能超过 200 个字' })).max(10).nullish(),
  noticeDate: isoDate.nullish(),
});
const NOTICE_DOCUMENT_LABELS = { id: '会议记录', audience: '主送', attendees: '参会人员', requirements: '有关要求', noticeDate: '通知日期' };
// calendar
/** A year of one branch (null: the local one; a committee's database holds others). */
export const calendarQuerySchema = z.object({ year, branchId: z.string().uuid({ error: '所选支部无效' }).nullish() });
const CALENDAR_LABELS = { year: '年份', branchId: '支部' };

// reports (党内汇报制度)
export interface MemberReport extends ReportFields {
  id: string;
  personName: string;
  createdAt: string;
  updatedAt: string;
}
export const reportListSchema = z.object({
  year: year.nullish(),
  memberId: z.string().uuid({ error: '所选党员无效' }).nullish(),
  applicantId: z.string().uuid({ error: '所选入党积极分子无效' }).nullish(),
});
export const reportSaveSchema = z.object({ id: id.nullish(), fields: reportFieldsSchema, expectedUpdatedAt });

export const meetingsOperations = defineOperations('meetings', MEETING_FIELD_LABELS, {
  // ---- core: records
  'meetings.list': op<MeetingSummary[]>()(meetingListSchema),
  'meetings.get': op<MeetingDetail>()(z.object({ id })),
  /** Who should attend a meeting of this kind on this date (the roster then, a party group, or the committee). */
  'meetings.expected': op<ExpectedMember[]>()(
    z.object({ kind: meetingKindSchema, date: isoDate, groupId: z.string().uuid({ error: '所选党小组无效' }).nullish() }),
  ),
  /** Creates or updates a draft. */
  'meetings.save': op<MeetingDetail>()(meetingSaveSchema),
  /**
   * 定稿: checks the rules (quorum, votes, host, recorder …) and makes the draft final, version 1. With `fields`, the
   * form's save and 定稿 in one transaction (id null: a new record); a refusal keeps nothing of either.
   */
  'meetings.finalize': op<MeetingDetail>()(meetingFinalizeSchema),
  /** 修订 of a final record: keeps the earlier version in the history, version + 1. */
  'meetings.amend': op<MeetingDetail>()(meetingAmendSchema),
  'meetings.history': op<MeetingVersion[]>()(z.object({ id })),
  /** A draft goes to the trash (回收站); a final record cannot be deleted. */
  'meetings.delete': op<void>()(z.object({ id })),
  'meetings.addAttachment': op<AttachmentInfo>()(attachmentAddSchema),
  'meetings.getAttachment': op<Attachment>()(z.object({ id }), { id: '附件' }),
  /** Only while the record is a draft. */
  'meetings.deleteAttachment': op<void>()(z.object({ id }), { id: '附件' }),
  /** The required frequency of each kind for this branch (defaults: domain.md 2.1; 党课 quarterly). */
  'meetings.frequencies': op<KindFrequency[]>()(z.object({})),
  'meetings.setFrequencies': op<KindFrequency[]>()(
    z.object({ frequencies: z.array(kindFrequencySchema).max(MEETING_KIND_CODES.length) }),
    { frequencies: '频次', 'frequencies.kind': '会议类型', 'frequencies.frequency': '频次', 'frequencies.minPerPeriod': '每期次数' },
  ),
  // ---- core: talks
  'talks.list': op<Talk[]>()(talkListSchema, TALK_FIELD_LABELS),
  'talks.get': op<Talk>()(z.object({ id }), TALK_FIELD_LABELS),
  'talks.save': op<Talk>()(talkSaveSchema, TALK_FIELD_LABELS),
  'talks.delete': op<void>()(z.object({ id }), TALK_FIELD_LABELS),
  // documents: the printed minutes, sign-in sheet, notice and talk record (main/services/meetings/documentHandlers.ts)
  /** 会议记录 as pages for 打印预览; `version` prints an earlier version from the history (the current one when absent). */
  'meetings.previewMinutes': op<DocumentPreview>()(z.object({ id, version: z.number().int().min(1).nullish() }), { id: '会议记录', version: '版本' }),
  /** 会议记录 as a Word file, the attached pictures after the minutes. */
  'meetings.exportMinutes': op<ExportedFile>()(z.object({ id, version: z.number().int().min(1).nullish() }), { id: '会议记录', version: '版本' }),
  /** 签到表: the members expected (序号, 姓名, 党小组, 签到, 备注), printed before the meeting. */
  'meetings.previewSignIn': op<DocumentPreview>()(z.object({ id }), { id: '会议记录' }),
  'meetings.exportSignIn': op<ExportedFile>()(z.object({ id }), { id: '会议记录' }),
  /** 会议通知 (公文): 主送, 参会人员, 有关要求 and the date default to the meeting's kind and today. */
  'meetings.previewNotice': op<DocumentPreview>()(noticeDocumentSchema, NOTICE_DOCUMENT_LABELS),
  'meetings.exportNotice': op<ExportedFile>()(noticeDocumentSchema, NOTICE_DOCUMENT_LABELS),
  /** 谈心谈话记录 / 家访记录 of one talk. */
  'talks.previewRecord': op<DocumentPreview>()(z.object({ id }), { id: '谈话记录' }),
  'talks.exportRecord': op<ExportedFile>()(z.object({ id }), { id: '谈话记录' }),
  // calendar
  /** The 三会一课 台账 of a year: held / missing / due by kind and period, talk coverage, attendance rates. */
  'meetings.calendar': op<MeetingsCalendar>()(calendarQuerySchema, CALENDAR_LABELS),
  'meetings.previewCalendar': op<DocumentPreview>()(calendarQuerySchema, CALENDAR_LABELS),
  'meetings.exportCalendarWord': op<ExportedFile>()(calendarQuerySchema, CALENDAR_LABELS),
  'meetings.exportCalendarXlsx': op<ExportedFile>()(calendarQuerySchema, CALENDAR_LABELS),
  // reports (党内汇报制度: 思想汇报, 工作汇报; main/services/meetings/reports.ts)
  'reports.list': op<MemberReport[]>()(reportListSchema, REPORT_FIELD_LABELS),
  'reports.save': op<MemberReport>()(reportSaveSchema, REPORT_FIELD_LABELS),
  'reports.delete': op<void>()(z.object({ id }), REPORT_FIELD_LABELS),
  /** Activists and probationary members with their status in the current period (overdue, due, done). */
  'reports.due': op<ReportDue[]>()(z.object({})),
  /** The reporting rhythm per role (default: quarterly). */
  'reports.rhythms': op<ReportRhythm[]>()(z.object({})),
  'reports.setRhythms': op<ReportRhythm[]>()(
    z.object({ rhythms: z.array(reportRhythmSchema).max(REPORTER_ROLES.length) }),
    { rhythms: '汇报频次', 'rhythms.role': '汇报人类别', 'rhythms.frequency': '频次' },
  ),
});
