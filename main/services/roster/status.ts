/** Status changes: each a dated event kept in the member's history, applied to the member in the same transaction. */
import { AppError, validationError } from '../../../shared/contract/errors';
import {
  EVENT_FIELD_LABELS,
  eventProblems,
  type MemberEvent,
  type MemberEventKind,
  type MemberEventRecord,
  type TransferIn,
} from '../../../shared/domain/memberEvents';
import { localToday } from '../../../shared/domain/dates';
import { MEMBER_FIELD_LABELS, type Member, type MemberFields } from '../../../shared/domain/member';
import { all, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, updateRow } from '../../db/rows';
import type { MemberEventsTable, MembersTable } from './tables';
import { resolveBranchId } from '../branch/branch';
import { getMember, memberProblems, newMemberRow } from './members';

/** What each kind of change does to the member row. */
function effect(member: MembersTable, e: MemberEvent): Partial<MembersTable> {
  switch (e.kind) {
    case '转出':
      return { status: '转出' };
    case '转正':
      return { category: '正式党员', full_date: e.date };
    case '延长预备期':
      return { probation_extension_months: member.probation_extension_months + e.months };
    case '停止党籍':
      return { status: '停止党籍' };
    case '恢复党籍':
      return { status: '正常' };
    case '出党':
      return { status: '出党' };
    case '去世':
      return { status: '去世' };
  }
}

function eventRow(branchId: string, memberId: string, kind: MemberEventKind, e: Partial<Record<string, unknown>>): MemberEventsTable {
  return {
    ...newCommon(branchId),
    member_id: memberId,
    kind,
    subtype: String(e.subtype ?? ''),
    event_date: String(e.date),
    meeting_date: (e.meetingDate as string | null | undefined) ?? null,
    doc_number: String(e.docNumber ?? ''),
    counterpart: String(e.counterpart ?? ''),
    months: (e.months as number | undefined) ?? null,
    reason: String(e.reason ?? ''),
  };
}

export function recordMemberEvent(db: Sqlite, memberId: string, event: MemberEvent, today: string = localToday()): Member {
  return db.transaction(() => {
    const row = getRow(db, 'members', memberId);
    if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这名党员（可能已被删除）');
    const state = {
      category: row.category as Member['category'],
      status: row.status as Member['status'],
      joinDate: row.join_date,
      probationExtensionMonths: row.probation_extension_months,
    };
    const problems = eventProblems(state, event, today);
    if (problems.length) throw validationError(problems, EVENT_FIELD_LABELS);
    insertRow(db, 'member_events', eventRow(row.branch_id, memberId, event.kind, event));
    updateRow(db, 'members', memberId, effect(row, event));
    return getMember(db, memberId);
  })();
}

/**
 * A member arriving from another branch: the member record and the 转入 event in one transaction. The member
 * joins the named branch (a committee recording a transfer into an imported branch) or, by default, the local one;
 * the ID number must be unique and the party group one of its groups within that branch, as for createMember.
 */
export function transferIn(db: Sqlite, fields: MemberFields, transfer: TransferIn, today: string = localToday(), branch?: string | null): Member {
  return db.transaction(() => {
    const branchId = resolveBranchId(db, branch);
    const problems = memberProblems(db, branchId, { ...fields, status: '正常' }, today);
    if (transfer.date > today) problems.push({ field: 'date', message: '转入日期不能晚于今天' });
    if (transfer.date < fields.joinDate) problems.push({ field: 'date', message: '转入日期不能早于入党日期' });
    if (problems.length) throw validationError(problems, { ...MEMBER_FIELD_LABELS, ...EVENT_FIELD_LABELS });
    const row = insertRow(db, 'members', newMemberRow(branchId, { ...fields, status: '正常' }));
    insertRow(db, 'member_events', eventRow(branchId, row.id, '转入', transfer));
    return getMember(db, row.id);
  })();
}

export function memberEvents(db: Sqlite, memberId: string): MemberEventRecord[] {
  const rows = all(
    db,
    qb
      .selectFrom('member_events')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('deleted_at', 'is', null)
      .orderBy('event_date', 'desc')
      .orderBy('created_at', 'desc'),
  );
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    kind: r.kind as MemberEventKind,
    subtype: r.subtype,
    date: r.event_date,
    meetingDate: r.meeting_date,
    docNumber: r.doc_number,
    counterpart: r.counterpart,
    months: r.months,
    reason: r.reason,
    createdAt: r.created_at,
  }));
}
