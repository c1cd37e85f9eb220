/**
 * Meeting records: saving a draft, 定稿, amending a final record (the earlier version kept in meeting_versions),
 * the history, and deleting a draft to the trash. One user action = one transaction.
 */
import { AppError, validationError } from '../../../shared/contract/errors';
import type { MeetingDetail, MeetingVersion } from '../../../shared/contract/meetings';
import { localToday } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import {
  defaultMeetingTitle,
  finalizeProblems,
  kindLabel,
  MEETING_FIELD_LABELS,
  meetingFieldProblems,
  type Attendance,
  type MeetingFields,
} from '../../../shared/domain/meetings';
import { all, first, nowIso, qb, type Sqlite } from '../../db/query';
import { insertRow, insertRows, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { expectedFor, getMeeting, liveAttendance, requireMeeting, toMeetingDetail } from './records';
import type { MeetingAttendanceTable, MeetingsTable } from './tables';

function fail(problems: FieldProblem[]): never {
  throw validationError(problems, MEETING_FIELD_LABELS);
}

function memberName(db: Sqlite, branchId: string, id: string): string | null {
  return first(db, qb.selectFrom('members').select('name').where('id', '=', id).where('branch_id', '=', branchId).where('deleted_at', 'is', null))?.name ?? null;
}

/** Which of `ids` are members on the branch's roster, in one query. */
function onRoster(db: Sqlite, branchId: string, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const query = qb.selectFrom('members').select('id').where('branch_id', '=', branchId).where('deleted_at', 'is', null).where('id', 'in', ids);
  return new Set(all(db, query).map((r) => r.id));
}

/** Checks against stored data (the group, the members named) and fills the names of members given by id. */
function resolveStored(db: Sqlite, branchId: string, f: MeetingFields): MeetingFields {
  const problems: FieldProblem[] = [];
  if (f.groupId) {
    const group = first(db, qb.selectFrom('party_groups').select('id').where('id', '=', f.groupId).where('branch_id', '=', branchId).where('deleted_at', 'is', null));
    if (!group) problems.push({ field: 'groupId', message: '所选党小组不存在' });
  }
  const named = (id: string | null, field: string): string | null => {
    if (!id) return null;
    const name = memberName(db, branchId, id);
    if (!name) problems.push({ field, message: '所选党员不在名册中' });
    return name;
  };
  const hostName = named(f.hostMemberId, 'hostMemberId');
  const recorderName = named(f.recorderMemberId, 'recorderMemberId');
  f.speeches.forEach((s, i) => named(s.memberId, `speeches.${i}.memberId`));
  // One read for the whole attendance list (a branch-wide meeting of a large roster lists hundreds).
  const attendance = f.attendance ?? [];
  const known = onRoster(db, branchId, attendance.flatMap((a) => (a.memberId ? [a.memberId] : [])));
  attendance.forEach((a, i) => {
    if (a.memberId && !known.has(a.memberId)) problems.push({ field: `attendance.${i}.memberId`, message: '所选党员不在名册中' });
  });
  if (problems.length) fail(problems);
  return { ...f, hostName: f.hostName || hostName || '', recorderName: f.recorderName || recorderName || '' };
}

/** The next ordinal of this kind in the meeting's year (党小组会: per group), for the default title. */
function nextOrdinal(db: Sqlite, branchId: string, f: MeetingFields, selfId: string | null): number {
  let query = qb
    .selectFrom('meetings')
    .select('id')
    .where('branch_id', '=', branchId)
    .where('deleted_at', 'is', null)
    .where('kind', '=', f.kind)
    .where('meeting_date', '>=', `${f.date.slice(0, 4)}-01-01`)
    .where('meeting_date', '<=', f.date);
  if (f.groupId) query = query.where('group_id', '=', f.groupId);
  return all(db, query).filter((r) => r.id !== selfId).length + 1;
}

function defaultTitle(db: Sqlite, branchId: string, f: MeetingFields, selfId: string | null): string {
  const group = f.groupId ? first(db, qb.selectFrom('party_groups').select('name').where('id', '=', f.groupId))?.name : null;
  return defaultMeetingTitle(f.kind, f.date, nextOrdinal(db, branchId, f, selfId), group);
}

function meetingColumns(f: MeetingFields, title: string) {
  return {
    kind: f.kind,
    group_id: f.groupId,
    also_counts: JSON.stringify(f.alsoCounts),
    title,
    meeting_date: f.date,
    start_time: f.startTime,
    end_time: f.endTime,
    place: f.place,
    host_member_id: f.hostMemberId,
    host_name: f.hostName,
    recorder_member_id: f.recorderMemberId,
    recorder_name: f.recorderName,
    lecturer: f.lecturer,
    class_hours: f.classHours,
    topics_json: JSON.stringify(f.topics),
    content: f.content,
    speeches_json: JSON.stringify(f.speeches),
    resolutions_json: JSON.stringify(f.resolutions),
    guests_json: JSON.stringify(f.guests),
  } satisfies Partial<MeetingsTable>;
}

/** When the record gives no attendance: everyone expected, marked present. */
function attendanceOf(db: Sqlite, branchId: string, f: MeetingFields): Attendance[] {
  if (f.attendance) return f.attendance;
  return expectedFor(db, branchId, f.kind, f.date, f.groupId).map((m) => ({
    memberId: m.memberId,
    name: m.name,
    category: m.category,
    attended: true,
    absenceReason: '',
    absenceNote: '',
  }));
}

const attendanceKey = (a: { memberId?: string | null; member_id?: string | null; name: string }) =>
  (a.memberId ?? a.member_id) || `name:${a.name}`;

/** Brings the meeting's attendance rows in line with `wanted`: matched rows are updated, new ones inserted, the rest deleted. */
function syncAttendance(db: Sqlite, branchId: string, meetingId: string, date: string, wanted: readonly Attendance[]): void {
  const existing = new Map(liveAttendance(db, meetingId).map((r) => [attendanceKey(r), r]));
  const added: MeetingAttendanceTable[] = [];
  wanted.forEach((a, i) => {
    const columns = {
      meeting_date: date,
      member_id: a.memberId,
      name: a.name,
      category: a.category,
      attended: a.attended ? 1 : 0,
      absence_reason: a.absenceReason,
      absence_note: a.absenceNote,
      sort_order: i,
    } satisfies Partial<MeetingAttendanceTable>;
    const row = existing.get(attendanceKey(a));
    existing.delete(attendanceKey(a));
    if (row) updateRow(db, 'meeting_attendance', row.id, columns);
    else added.push({ ...newCommon(branchId), meeting_id: meetingId, ...columns });
  });
  insertRows(db, 'meeting_attendance', added);
  for (const row of existing.values()) trashRow(db, 'meeting_attendance', row.id);
}

/** The child rows carry the meeting's date (hand-over by period): keep them in step when it changes. */
function moveChildren(db: Sqlite, meetingId: string, date: string): void {
  for (const table of ['meeting_versions', 'meeting_attachments'] as const) {
    const rows = all(db, qb.selectFrom(table).select(['id', 'meeting_date']).where('meeting_id', '=', meetingId).where('deleted_at', 'is', null));
    for (const r of rows) if (r.meeting_date !== date) updateRow(db, table, r.id, { meeting_date: date });
  }
}

function checkFields(db: Sqlite, branchId: string, fields: MeetingFields): { fields: MeetingFields; attendance: Attendance[] } {
  const problems = meetingFieldProblems(fields);
  if (problems.length) fail(problems);
  const resolved = resolveStored(db, branchId, fields);
  return { fields: resolved, attendance: attendanceOf(db, branchId, resolved) };
}

function writeFields(db: Sqlite, branchId: string, id: string, f: MeetingFields, attendance: Attendance[], extra: Partial<MeetingsTable>, expectedUpdatedAt?: string): void {
  const title = f.title || defaultTitle(db, branchId, f, id);
  updateRow(db, 'meetings', id, { ...meetingColumns(f, title), ...extra }, expectedUpdatedAt);
  syncAttendance(db, branchId, id, f.date, attendance);
  moveChildren(db, id, f.date);
}

export interface SaveMeetingInput {
  id?: string | null;
  fields: MeetingFields;
  expectedUpdatedAt?: string;
}

/** Creates or updates a draft. */
export function saveMeeting(db: Sqlite, input: SaveMeetingInput): MeetingDetail {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const { fields, attendance } = checkFields(db, branchId, input.fields);
    if (input.id) {
      const row = requireMeeting(db, input.id);
      if (row.status !== 'draft') throw new AppError('E_CONFLICT', '这份会议记录已定稿，只能通过“修订”修改');
      writeFields(db, branchId, row.id, fields, attendance, {}, input.expectedUpdatedAt);
      return getMeeting(db, row.id);
    }
    const title = fields.title || defaultTitle(db, branchId, fields, null);
    const row: MeetingsTable = {
      ...newCommon(branchId),
      ...meetingColumns(fields, title),
      status: 'draft',
      version: 0,
      finalized_at: null,
      amend_reason: '',
    };
    insertRow(db, 'meetings', row);
    syncAttendance(db, branchId, row.id, fields.date, attendance);
    return getMeeting(db, row.id);
  })();
}

/** What stops this record from being final (定稿 or an amendment): the rules of domain.md 2.1 and a date not after today. */
function finalProblems(detail: MeetingDetail, today: string): FieldProblem[] {
  const problems = finalizeProblems({ ...detail, attendance: detail.attendance });
  if (detail.date > today) problems.unshift({ field: 'date', message: `会议日期 ${detail.date} 还未到，会后才能定稿` });
  return problems;
}

/** 定稿: the draft becomes the final record, version 1. */
export function finalizeMeeting(db: Sqlite, id: string, expectedUpdatedAt?: string, today: string = localToday()): MeetingDetail {
  return db.transaction(() => {
    const row = requireMeeting(db, id);
    if (row.status === 'final') throw new AppError('E_CONFLICT', '这份会议记录已经定稿');
    const problems = finalProblems(toMeetingDetail(db, row), today);
    if (problems.length) fail(problems);
    updateRow(db, 'meetings', id, { status: 'final', version: 1, finalized_at: nowIso() }, expectedUpdatedAt);
    return getMeeting(db, id);
  })();
}

/**
 * Saving the form and 定稿 as one user action: the draft (new, or the one given) is saved with `fields` and made
 * final in one transaction, so a refused 定稿 leaves the stored record as it was.
 */
export function saveAndFinalizeMeeting(db: Sqlite, input: SaveMeetingInput, today: string = localToday()): MeetingDetail {
  return db.transaction(() => {
    const draft = saveMeeting(db, input);
    return finalizeMeeting(db, draft.id, undefined, today);
  })();
}

export interface AmendMeetingInput {
  id: string;
  reason: string;
  fields: MeetingFields;
  expectedUpdatedAt?: string;
}

/** 修订 of a final record: the current version is kept in meeting_versions, the record becomes version + 1. */
export function amendMeeting(db: Sqlite, input: AmendMeetingInput, today: string = localToday()): MeetingDetail {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const row = requireMeeting(db, input.id);
    if (row.status !== 'final') throw new AppError('E_CONFLICT', '草稿可以直接修改，不需要修订');
    if (input.expectedUpdatedAt && row.updated_at !== input.expectedUpdatedAt) {
      throw new AppError('E_CONFLICT', '这条记录已在别处被修改，请关闭后重新打开再修改');
    }
    const before = toMeetingDetail(db, row);
    const { fields, attendance } = checkFields(db, branchId, input.fields);
    const at = nowIso();
    insertRow(db, 'meeting_versions', {
      ...newCommon(branchId),
      meeting_id: row.id,
      meeting_date: fields.date,
      version: row.version,
      finalized_at: row.finalized_at,
      reason: row.amend_reason,
      superseded_at: at,
      snapshot_json: JSON.stringify(before),
    });
    writeFields(db, branchId, row.id, fields, attendance, { version: row.version + 1, finalized_at: at, amend_reason: input.reason });
    const after = getMeeting(db, row.id);
    const problems = finalProblems(after, today);
    // Thrown inside the transaction: nothing of the amendment is kept.
    if (problems.length) fail(problems);
    return after;
  })();
}

/** The earlier final versions, oldest first, then the current record. */
export function meetingHistory(db: Sqlite, id: string): MeetingVersion[] {
  const current = getMeeting(db, id);
  const versions = all(
    db,
    qb.selectFrom('meeting_versions').selectAll().where('meeting_id', '=', id).where('deleted_at', 'is', null).orderBy('version'),
  );
  return [
    ...versions.map((v) => ({
      version: v.version,
      finalizedAt: v.finalized_at,
      reason: v.reason,
      supersededAt: v.superseded_at,
      current: false,
      meeting: JSON.parse(v.snapshot_json) as MeetingDetail,
    })),
    { version: current.version, finalizedAt: current.finalizedAt, reason: current.amendReason, supersededAt: null, current: true, meeting: current },
  ];
}

/** A draft goes to the trash; a final record is kept (the higher committee inspects it). */
export function deleteMeeting(db: Sqlite, id: string): void {
  db.transaction(() => {
    const row = requireMeeting(db, id);
    if (row.status === 'final') {
      throw new AppError('E_CONFLICT', `“${row.title || kindLabel(row.kind as MeetingFields['kind'])}”已定稿，不能删除；如有错误请修订`);
    }
    trashRow(db, 'meetings', id);
  })();
}
