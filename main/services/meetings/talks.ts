/** Talks and home visits (谈心谈话, 家访): one record per talk, the member (or non-member) talked with, the follow-up. */
import { AppError, validationError } from '../../../shared/contract/errors';
import type { Talk } from '../../../shared/contract/meetings';
import { localToday } from '../../../shared/domain/dates';
import type { FieldProblem } from '../../../shared/domain/member';
import { talkFieldProblems, talkFieldsSchema, TALK_FIELD_LABELS, type TalkFields, type TalkKind } from '../../../shared/domain/meetings';
import { all, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { talkFieldsOf, type TalksTable } from './tables';

function requireTalk(db: Sqlite, id: string): TalksTable {
  const row = getRow(db, 'talks', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这条谈话记录（可能已被删除）');
  return row;
}

export function toTalk(r: TalksTable): Talk {
  const fields = talkFieldsSchema.parse(talkFieldsOf(r));
  return { ...fields, id: r.id, personLabel: r.person_name, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function getTalk(db: Sqlite, id: string): Talk {
  return toTalk(requireTalk(db, id));
}

export interface TalkFilter {
  year?: number | null;
  memberId?: string | null;
  personName?: string | null;
  kind?: TalkKind | null;
  from?: string | null;
  to?: string | null;
}

/** Newest first. A member's history: their talks as the one talked with. */
export function listTalks(db: Sqlite, branchId: string, filter: TalkFilter = {}): Talk[] {
  let query = qb.selectFrom('talks').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null);
  if (filter.year) query = query.where('talk_date', '>=', `${filter.year}-01-01`).where('talk_date', '<=', `${filter.year}-12-31`);
  if (filter.from) query = query.where('talk_date', '>=', filter.from);
  if (filter.to) query = query.where('talk_date', '<=', filter.to);
  if (filter.memberId) query = query.where('member_id', '=', filter.memberId);
  if (filter.personName) query = query.where('member_id', 'is', null).where('person_name', '=', filter.personName);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return all(db, query.orderBy('talk_date', 'desc').orderBy('created_at', 'desc')).map(toTalk);
}

function memberNames(db: Sqlite, branchId: string, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = all(db, qb.selectFrom('members').select(['id', 'name']).where('branch_id', '=', branchId).where('deleted_at', 'is', null).where('id', 'in', [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The members named must be on the roster; the talkers' and the person's names come from it. */
function resolveTalk(db: Sqlite, branchId: string, f: TalkFields, today: string): TalkFields {
  const problems: FieldProblem[] = talkFieldProblems(f, today);
  const names = memberNames(db, branchId, [...f.talkerIds, ...(f.memberId ? [f.memberId] : [])]);
  f.talkerIds.forEach((id, i) => {
    if (!names.has(id)) problems.push({ field: `talkerIds.${i}`, message: '所选谈话人不在名册中' });
  });
  if (f.memberId && !names.has(f.memberId)) problems.push({ field: 'memberId', message: '所选谈话对象不在名册中' });
  if (problems.length) throw validationError(problems, TALK_FIELD_LABELS);
  const idNames = f.talkerIds.map((id) => names.get(id)!);
  return {
    ...f,
    talkerNames: [...idNames, ...f.talkerNames.filter((n) => !idNames.includes(n))],
    personName: f.memberId ? names.get(f.memberId)! : f.personName,
  };
}

function talkColumns(f: TalkFields) {
  return {
    kind: f.kind,
    talk_date: f.date,
    form: f.form,
    place: f.place,
    talker_ids: JSON.stringify(f.talkerIds),
    talker_names: JSON.stringify(f.talkerNames),
    member_id: f.memberId,
    person_name: f.personName,
    person_unit: f.personUnit,
    family_met: f.familyMet,
    talk_trigger: f.trigger,
    topic: f.topic,
    summary: f.summary,
    problems: f.problems,
    help: f.help,
    outcome: f.outcome,
    follow_up_date: f.followUpDate || null,
    resolved: f.resolved ? 1 : 0,
  } satisfies Partial<TalksTable>;
}

export function saveTalk(db: Sqlite, input: { id?: string | null; fields: TalkFields; expectedUpdatedAt?: string }, today: string = localToday()): Talk {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const fields = resolveTalk(db, branchId, input.fields, today);
    if (input.id) {
      requireTalk(db, input.id);
      return toTalk(updateRow(db, 'talks', input.id, talkColumns(fields), input.expectedUpdatedAt));
    }
    return toTalk(insertRow(db, 'talks', { ...newCommon(branchId), ...talkColumns(fields) }));
  })();
}

export function deleteTalk(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireTalk(db, id);
    trashRow(db, 'talks', id);
  })();
}

/** Members talked with at least once in [from, to] (the yearly coverage of 谈心谈话). */
export function membersTalkedWith(db: Sqlite, branchId: string, from: string, to: string): Set<string> {
  const rows = all(
    db,
    qb
      .selectFrom('talks')
      .select('member_id')
      .distinct()
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('talk_date', '>=', from)
      .where('talk_date', '<=', to)
      .where('member_id', 'is not', null),
  );
  return new Set(rows.map((r) => r.member_id!));
}

