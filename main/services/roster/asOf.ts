/**
 * The roster as it stood on a past date, from the members table and the dated status changes (member_events).
 *
 * A member is on the roster on date D when
 * - they were in the branch by D: the first 转入 event's date, or else the 入党日期 (join_date), is on or before D; and
 * - they had not left by D: a member whose status is active (正常, 停止党籍) now is counted; one who has left
 *   (转出, 出党, 去世) is counted only before the date of their last such event.
 * Approximations (no history is kept of these): a member who left without a dated event (e.g. imported with the
 * status 转出) is not counted on any date; members imported with an earlier join date but no 转入 event count from
 * the join date; party group, education and the other fields are today's values. 停止党籍 members count as on the
 * roster, as in 党员队伍基本情况统计表. Category on D: 正式党员 once the 转正日期 (full_date) is on or before D.
 */
import { ACTIVE_STATUSES, type MemberCategory, type MemberStatus } from '../../../shared/domain/member';
import { prepare, type Sqlite } from '../../db/query';
import { memo, type FactScope } from '../facts/registry';

export interface StoredMember {
  id: string;
  rev: string;
  name: string;
  gender: string;
  ethnicity: string;
  education: string;
  birthDate: string;
  category: MemberCategory;
  joinDate: string;
  fullDate: string | null;
  status: MemberStatus;
  partyGroupId: string | null;
  partyGroup: string | null;
  probationExtensionMonths: number;
}

export interface RosterHistory {
  members: StoredMember[];
  /** Member id -> date of the first 转入 into this branch. */
  arrival: Map<string, string>;
  /** Member id -> date of the last 转出/出党/去世. */
  leftOn: Map<string, string>;
}

const LEAVING_KINDS = ['转出', '出党', '去世'];

export function rosterHistory(db: Sqlite, branchId: string): RosterHistory {
  const members = prepare(
    db,
    `SELECT m.id, m.rev, m.name, m.gender, m.ethnicity, m.education, m.birth_date AS birthDate, m.category,
            m.join_date AS joinDate, m.full_date AS fullDate, m.status, m.party_group_id AS partyGroupId,
            g.name AS partyGroup, m.probation_extension_months AS probationExtensionMonths
       FROM members m LEFT JOIN party_groups g ON g.id = m.party_group_id
      WHERE m.branch_id = ? AND m.deleted_at IS NULL`,
  ).all(branchId) as StoredMember[];
  const events = prepare(
    db,
    `SELECT e.member_id AS memberId, e.kind, e.event_date AS date FROM member_events e
      WHERE e.branch_id = ? AND e.deleted_at IS NULL AND e.kind IN ('转入', '转出', '出党', '去世')`,
  ).all(branchId) as { memberId: string; kind: string; date: string }[];
  const arrival = new Map<string, string>();
  const leftOn = new Map<string, string>();
  for (const e of events) {
    if (e.kind === '转入') {
      const known = arrival.get(e.memberId);
      if (!known || e.date < known) arrival.set(e.memberId, e.date);
    } else if (LEAVING_KINDS.includes(e.kind)) {
      const known = leftOn.get(e.memberId);
      if (!known || e.date > known) leftOn.set(e.memberId, e.date);
    }
  }
  return { members, arrival, leftOn };
}

/** The day the member came into this branch: transferred in, or admitted. */
export function arrivedOn(h: RosterHistory, m: StoredMember): string {
  return h.arrival.get(m.id) ?? m.joinDate;
}

export function onRosterAt(h: RosterHistory, m: StoredMember, date: string): boolean {
  if (arrivedOn(h, m) > date) return false;
  if (ACTIVE_STATUSES.includes(m.status)) return true;
  const left = h.leftOn.get(m.id);
  return left !== undefined && date < left;
}

/** The member as on `date`: a probationer until the 转正日期; active (the status they had then). */
export function asOf(m: StoredMember, date: string): StoredMember {
  const full = m.category === '正式党员' && (m.fullDate === null || m.fullDate <= date);
  return {
    ...m,
    category: full ? '正式党员' : '预备党员',
    fullDate: full ? m.fullDate : null,
    status: ACTIVE_STATUSES.includes(m.status) ? m.status : '正常',
  };
}

/** Everyone on the roster on `date`, as they stood then. */
export function rosterAt(h: RosterHistory, date: string): StoredMember[] {
  return h.members.filter((m) => onRosterAt(h, m, date)).map((m) => asOf(m, date));
}

/** The history, read once per facts request (see memo). */
export function historyOf(scope: FactScope): RosterHistory {
  return memo(scope, 'roster.history', () => rosterHistory(scope.db, scope.branchId));
}

/** The roster on the scope's date, computed once per facts request. */
export function rosterOn(scope: FactScope): StoredMember[] {
  return memo(scope, `roster.at:${scope.at}`, () => rosterAt(historyOf(scope), scope.at));
}
