/** Reading meeting records: rows → MeetingSummary / MeetingDetail, and who is expected on a date. */
import { AppError } from '../../../shared/contract/errors';
import type { AttachmentInfo, AttendanceRow, MeetingDetail, MeetingSummary } from '../../../shared/contract/meetings';
import {
  countAttendance,
  expectedMembers,
  meetingFieldsSchema,
  quorum,
  voteResult,
  type ExpectedMember,
  type MeetingKind,
  type MeetingStatus,
  type RosterMemberOnDate,
} from '../../../shared/domain/meetings';
import { all, first, qb, type Sqlite } from '../../db/query';
import { getRow } from '../../db/rows';
import { getBranch } from '../branch/branch';
import { rosterAt, rosterHistory } from '../roster/asOf';
import { meetingFieldsOf, parseJson, type MeetingAttachmentsTable, type MeetingAttendanceTable, type MeetingsTable } from './tables';

export function requireMeeting(db: Sqlite, id: string): MeetingsTable {
  const row = getRow(db, 'meetings', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这份会议记录（可能已被删除）');
  return row;
}

export function liveAttendance(db: Sqlite, meetingId: string): MeetingAttendanceTable[] {
  return all(
    db,
    qb.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name'),
  );
}

export function toAttendanceRow(r: MeetingAttendanceTable): AttendanceRow {
  return {
    id: r.id,
    memberId: r.member_id,
    name: r.name,
    category: r.category as AttendanceRow['category'],
    attended: r.attended === 1,
    absenceReason: r.absence_reason as AttendanceRow['absenceReason'],
    absenceNote: r.absence_note,
  };
}

export function toAttachmentInfo(r: Omit<MeetingAttachmentsTable, 'data'>): AttachmentInfo {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    fileName: r.file_name,
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    caption: r.caption,
    createdAt: r.created_at,
  };
}

const ATTACHMENT_INFO_COLUMNS = [
  'id', 'branch_id', 'created_at', 'updated_at', 'deleted_at', 'rev', 'meeting_id', 'meeting_date', 'file_name', 'mime_type', 'size_bytes', 'sha256', 'caption',
] as const;

export function attachmentsOf(db: Sqlite, meetingId: string): AttachmentInfo[] {
  const rows = all(
    db,
    qb.selectFrom('meeting_attachments').select(ATTACHMENT_INFO_COLUMNS).where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).orderBy('created_at'),
  );
  return rows.map(toAttachmentInfo);
}

function groupName(db: Sqlite, groupId: string | null): string | null {
  if (!groupId) return null;
  return first(db, qb.selectFrom('party_groups').select('name').where('id', '=', groupId))?.name ?? '（已删除的党小组）';
}

export function toMeetingDetail(db: Sqlite, r: MeetingsTable): MeetingDetail {
  const fields = meetingFieldsSchema.parse({ ...meetingFieldsOf(r), attendance: [] });
  const attendance = liveAttendance(db, r.id).map(toAttendanceRow);
  const counts = countAttendance(attendance);
  return {
    id: r.id,
    kind: fields.kind,
    alsoCounts: fields.alsoCounts,
    groupId: fields.groupId,
    groupName: groupName(db, fields.groupId),
    title: fields.title,
    date: fields.date,
    startTime: fields.startTime,
    endTime: fields.endTime,
    place: fields.place,
    hostMemberId: fields.hostMemberId,
    hostName: fields.hostName,
    recorderMemberId: fields.recorderMemberId,
    recorderName: fields.recorderName,
    lecturer: fields.lecturer,
    classHours: fields.classHours,
    topics: fields.topics,
    content: fields.content,
    speeches: fields.speeches,
    resolutions: fields.resolutions.map((res) => ({ ...res, result: voteResult(fields.kind, counts, res.vote) })),
    guests: fields.guests,
    attendance,
    counts,
    quorum: quorum(fields.kind, counts),
    attachments: attachmentsOf(db, r.id),
    status: r.status as MeetingStatus,
    version: r.version,
    finalizedAt: r.finalized_at,
    amendReason: r.amend_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getMeeting(db: Sqlite, id: string): MeetingDetail {
  return toMeetingDetail(db, requireMeeting(db, id));
}

export interface MeetingFilter {
  year?: number | null;
  kind?: MeetingKind | null;
  groupId?: string | null;
  status?: MeetingStatus | null;
  /** Inclusive date range (YYYY-MM-DD); the calendar reads a year at a time. */
  from?: string | null;
  to?: string | null;
}

/** The branch's live meetings, newest first. A meeting matches a kind also through alsoCounts. */
export function listMeetings(db: Sqlite, branchId: string, filter: MeetingFilter = {}): MeetingSummary[] {
  let query = qb
    .selectFrom('meetings as m')
    .leftJoin('party_groups as g', 'g.id', 'm.group_id')
    .selectAll('m')
    .select('g.name as group_name')
    .where('m.branch_id', '=', branchId)
    .where('m.deleted_at', 'is', null);
  if (filter.year) query = query.where('m.meeting_date', '>=', `${filter.year}-01-01`).where('m.meeting_date', '<=', `${filter.year}-12-31`);
  if (filter.from) query = query.where('m.meeting_date', '>=', filter.from);
  if (filter.to) query = query.where('m.meeting_date', '<=', filter.to);
  if (filter.groupId) query = query.where('m.group_id', '=', filter.groupId);
  if (filter.status) query = query.where('m.status', '=', filter.status);
  const rows = all(db, query.orderBy('m.meeting_date', 'desc').orderBy('m.start_time', 'desc').orderBy('m.created_at', 'desc'));
  const counts = new Map<string, { expected: number; present: number }>();
  const attendance = all(
    db,
    qb
      .selectFrom('meeting_attendance as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select(['a.meeting_id', 'a.attended'])
      .where('m.branch_id', '=', branchId)
      .where('m.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null),
  );
  for (const a of attendance) {
    const c = counts.get(a.meeting_id) ?? { expected: 0, present: 0 };
    c.expected++;
    if (a.attended === 1) c.present++;
    counts.set(a.meeting_id, c);
  }
  const files = new Map<string, number>();
  const attachments = all(
    db,
    qb.selectFrom('meeting_attachments').select('meeting_id').where('branch_id', '=', branchId).where('deleted_at', 'is', null),
  );
  for (const a of attachments) files.set(a.meeting_id, (files.get(a.meeting_id) ?? 0) + 1);
  return rows
    .map((r) => {
      const alsoCounts = parseJson<MeetingKind[]>(r.also_counts, []);
      return {
        id: r.id,
        kind: r.kind as MeetingKind,
        alsoCounts,
        groupId: r.group_id,
        groupName: r.group_id ? (r.group_name ?? '（已删除的党小组）') : null,
        title: r.title,
        date: r.meeting_date,
        startTime: r.start_time,
        endTime: r.end_time,
        place: r.place,
        hostName: r.host_name,
        status: r.status as MeetingStatus,
        version: r.version,
        finalizedAt: r.finalized_at,
        expected: counts.get(r.id)?.expected ?? 0,
        present: counts.get(r.id)?.present ?? 0,
        attachmentCount: files.get(r.id) ?? 0,
        updatedAt: r.updated_at,
      };
    })
    .filter((m) => !filter.kind || m.kind === filter.kind || m.alsoCounts.includes(filter.kind));
}

/** The members on the roster on `date`, as they stood then (category on that date). */
export function rosterOnDate(db: Sqlite, branchId: string, date: string): RosterMemberOnDate[] {
  return rosterAt(rosterHistory(db, branchId), date).map((m) => ({ id: m.id, name: m.name, category: m.category, partyGroupId: m.partyGroupId }));
}

/** Who should attend a meeting of `kind` on `date` (the committee is the branch profile's 支部委员 today). */
export function expectedFor(db: Sqlite, branchId: string, kind: MeetingKind, date: string, groupId?: string | null): ExpectedMember[] {
  const committee = (getBranch(db, branchId)?.officers ?? []).map((o) => ({ name: o.name, role: o.role, memberId: o.memberId }));
  return expectedMembers(kind, rosterOnDate(db, branchId, date), { groupId, committee });
}

/** One expected member at one final meeting: for attendance rates and study hours (the calendar, facts). */
export interface FinalAttendance {
  meetingId: string;
  kind: MeetingKind;
  alsoCounts: MeetingKind[];
  date: string;
  classHours: number;
  memberId: string | null;
  name: string;
  attended: boolean;
}

/** Attendance at the branch's final (定稿) meetings dated in [from, to]; drafts do not count. */
export function finalAttendance(db: Sqlite, branchId: string, from: string, to: string): FinalAttendance[] {
  const rows = all(
    db,
    qb
      .selectFrom('meeting_attendance as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select(['m.id as meeting_id', 'm.kind', 'm.also_counts', 'm.meeting_date', 'm.class_hours', 'a.member_id', 'a.name', 'a.attended'])
      .where('m.branch_id', '=', branchId)
      .where('m.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .where('m.status', '=', 'final')
      .where('m.meeting_date', '>=', from)
      .where('m.meeting_date', '<=', to)
      .orderBy('m.meeting_date')
      .orderBy('a.sort_order'),
  );
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    kind: r.kind as MeetingKind,
    alsoCounts: parseJson<MeetingKind[]>(r.also_counts, []),
    date: r.meeting_date,
    classHours: r.class_hours,
    memberId: r.member_id,
    name: r.name,
    attended: r.attended === 1,
  }));
}
