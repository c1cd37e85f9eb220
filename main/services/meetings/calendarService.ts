/**
 * The 台账 of one branch and year, read from the database and filled by the pure rules of calendar.ts, with the
 * branch's own frequencies (frequencies.ts: they travel with its hand-over packages, so a committee's database
 * counts each branch by its own); the Word and Excel exports. Works for any branch the database holds.
 */
import { AppError } from '../../../shared/contract/errors';
import { localToday } from '../../../shared/domain/dates';
import type { MeetingsCalendar } from '../../../shared/domain/meetingsCalendar';
import { all, qb, type Sqlite } from '../../db/query';
import { renderDocx } from '../../documents';
import type { PrintDocument } from '../../../shared/documents/model';
import { getBranch } from '../branch/branch';
import { rosterAt, rosterHistory } from '../roster/asOf';
import { listGroups } from '../roster/groups';
import { attendanceByMember, meetingsCalendar, type CalendarAttendance, type CalendarInput, type CalendarMeeting } from './calendar';
import { calendarXlsx } from './calendarXlsx';
import { meetingFrequencies } from './frequencies';
import { finalAttendance } from './records';
import { buildCalendarDocument } from './documents/calendarDocument';

function parseKinds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

function yearMeetings(db: Sqlite, branchId: string, year: number): CalendarMeeting[] {
  const rows = all(
    db,
    qb
      .selectFrom('meetings')
      .select(['id', 'kind', 'also_counts', 'group_id', 'meeting_date', 'status'])
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('meeting_date', '>=', `${year}-01-01`)
      .where('meeting_date', '<=', `${year}-12-31`),
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, alsoCounts: parseKinds(r.also_counts), groupId: r.group_id, date: r.meeting_date, final: r.status === 'final' }));
}

/**
 * Each member's attendance over the year's final records up to today: the records' own attendance (finalAttendance,
 * as study hours and the facts read it), so the 台账's rate cannot drift from theirs.
 */
function yearAttendance(db: Sqlite, branchId: string, year: number, today: string): CalendarAttendance[] {
  return attendanceByMember(finalAttendance(db, branchId, `${year}-01-01`, today < `${year}-12-31` ? today : `${year}-12-31`));
}

/** Talks and visits of the year that name a member (every kind: a 家访 to a member is a talk with them too). */
function yearTalks(db: Sqlite, branchId: string, year: number): CalendarInput['talks'] {
  const rows = all(
    db,
    qb
      .selectFrom('talks')
      .select(['id', 'talk_date', 'member_id'])
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('member_id', 'is not', null)
      .where('talk_date', '>=', `${year}-01-01`)
      .where('talk_date', '<=', `${year}-12-31`),
  );
  return rows.map((r) => ({ id: r.id, date: r.talk_date, memberId: r.member_id }));
}

/** Everything the rules need, read in one transaction. */
export function calendarInput(db: Sqlite, branchId: string, year: number, today: string = localToday()): CalendarInput {
  return db.transaction(() => {
    const countedOn = today < `${year}-12-31` ? today : `${year}-12-31`;
    const members = today < `${year}-01-01` ? [] : rosterAt(rosterHistory(db, branchId), countedOn).map((m) => ({ id: m.id, name: m.name }));
    return {
      year,
      today,
      frequencies: meetingFrequencies(db, branchId),
      // A group without active members holds no meetings.
      groups: listGroups(db, branchId).filter((g) => g.memberCount > 0).map((g) => ({ id: g.id, name: g.name })),
      meetings: yearMeetings(db, branchId, year),
      members,
      talks: yearTalks(db, branchId, year),
      attendance: yearAttendance(db, branchId, year, today),
    };
  })();
}

export function branchCalendar(db: Sqlite, branchId: string, year: number, today: string = localToday()): MeetingsCalendar {
  return meetingsCalendar(calendarInput(db, branchId, year, today));
}

function branchName(db: Sqlite, branchId: string): string {
  const branch = getBranch(db, branchId);
  if (!branch) throw new AppError('E_NOT_FOUND', '找不到该支部');
  return branch.name;
}

export function calendarDocument(db: Sqlite, branchId: string, year: number, today: string = localToday()): PrintDocument {
  return buildCalendarDocument({ branchName: branchName(db, branchId), calendar: branchCalendar(db, branchId, year, today) });
}

export async function calendarWord(db: Sqlite, branchId: string, year: number): Promise<{ fileName: string; data: string }> {
  const document = calendarDocument(db, branchId, year);
  return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64') };
}

export async function calendarExcel(db: Sqlite, branchId: string, year: number): Promise<{ fileName: string; data: string }> {
  const name = branchName(db, branchId);
  const calendar = branchCalendar(db, branchId, year);
  const stem = `${name}${year}年三会一课台账-${calendar.today}`.replace(/[\\/:*?"<>|\s]/g, '');
  return { fileName: `${stem}.xlsx`, data: (await calendarXlsx(name, calendar)).toString('base64') };
}
