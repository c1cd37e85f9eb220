/**
 * Study hours per member (domain.md 2.1): the class hours of the final meetings they attended (党课, study sessions:
 * any record with 学时) in a year up to a date, against the yearly requirement: 32 for members, 56 for the
 * secretary and the committee (支部委员 linked to the roster).
 */
import { all, qb, type Sqlite } from '../../db/query';
import { getLocalBranch, getBranch } from '../branch/branch';
import { finalAttendance } from './records';

export const STUDY_HOURS_MEMBER = 32;
export const STUDY_HOURS_COMMITTEE = 56;

export interface StudyHours {
  memberId: string;
  name: string;
  committee: boolean;
  hours: number;
  required: number;
  /** The final meetings with class hours the member attended (what the hours were counted from). */
  meetingIds: string[];
}

/** Every member on the roster (正常) with their hours from 1 January of `at`'s year to `at`; the furthest behind first. */
export function studyHours(db: Sqlite, branchId: string, at: string): StudyHours[] {
  const branch = getBranch(db, branchId) ?? getLocalBranch(db);
  const committee = new Set((branch?.officers ?? []).flatMap((o) => (o.memberId ? [o.memberId] : [])));
  const members = all(db, qb.selectFrom('members').select(['id', 'name']).where('branch_id', '=', branchId).where('deleted_at', 'is', null).where('status', '=', '正常'));
  const byMember = new Map<string, { hours: number; meetingIds: string[] }>();
  for (const a of finalAttendance(db, branchId, `${at.slice(0, 4)}-01-01`, at)) {
    if (!a.attended || !a.memberId || a.classHours <= 0) continue;
    const entry = byMember.get(a.memberId) ?? { hours: 0, meetingIds: [] };
    entry.hours += a.classHours;
    entry.meetingIds.push(a.meetingId);
    byMember.set(a.memberId, entry);
  }
  return members
    .map((m) => {
      const inCommittee = committee.has(m.id);
      const entry = byMember.get(m.id) ?? { hours: 0, meetingIds: [] };
      return { memberId: m.id, name: m.name, committee: inCommittee, hours: entry.hours, required: inCommittee ? STUDY_HOURS_COMMITTEE : STUDY_HOURS_MEMBER, meetingIds: entry.meetingIds };
    })
    .sort((a, b) => a.hours - a.required - (b.hours - b.required) || a.name.localeCompare(b.name, 'zh-CN'));
}
