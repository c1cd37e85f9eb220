/** The member roster: create, update, trash, search, history. */
import { AppError, validationError } from '../../../shared/contract/errors';
import { zodProblems } from '../../../shared/contract/validate';
import type { ChangeEntry, MemberSearchResult } from '../../../shared/contract/operations';
import { memberSearchSchema } from '../../../shared/contract/operations';
import { educationFilterCodes, educationLabel } from '../../../shared/domain/codes';
import { STANDING_BANDS } from '../../../shared/domain/statistics';
import { addYears, fullYearsBetween, localToday } from '../../../shared/domain/dates';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import {
  AGE_BANDS,
  MEMBER_FIELD_LABELS,
  MINORITIES,
  memberFieldsSchema,
  memberRuleProblems,
  probationEnd,
  type FieldProblem,
  type Member,
  type MemberFields,
  type MemberRow,
} from '../../../shared/domain/member';
import { memberSearchText, namePinyin, normalizeSearchQuery, pinyinFull } from '../../../shared/domain/pinyin';
import type { z } from 'zod';
import { all, first, prepare, qb, type Sqlite } from '../../db/query';
import type { CommonColumns } from '../../db/schema';
import type { MembersTable } from './tables';
import { rowHistory } from '../../db/history';
import { getRow, insertRow, insertRows, newCommon, trashRow, updateRow } from '../../db/rows';
import { branchNames, requireBranchId, resolveBranchId } from '../branch/branch';
import { ensureGroupByName as ensureGroup } from './groups';

/** The columns the member form sets (the probation extension is set by status changes only). */
export function memberColumns(f: MemberFields): Omit<MembersTable, keyof CommonColumns | 'probation_extension_months'> {
  const keys = namePinyin(f.name);
  return {
    name: f.name,
    gender: f.gender,
    ethnicity: f.ethnicity,
    id_number: f.idNumber,
    birth_date: f.birthDate,
    education: f.education,
    native_place: f.nativePlace,
    category: f.category,
    application_date: f.applicationDate,
    join_date: f.joinDate,
    full_date: f.fullDate,
    job_category: f.jobCategory,
    work_unit: f.workUnit,
    post: f.post,
    party_post: f.partyPost,
    party_group_id: f.partyGroupId,
    phone: f.phone,
    landline: f.landline,
    address: f.address,
    status: f.status,
    lost_contact: f.lostContact ? 1 : 0,
    lost_contact_date: f.lostContactDate,
    mobile_member: f.mobileMember ? 1 : 0,
    mobile_destination: f.mobileDestination,
    remark: f.remark,
    name_pinyin: keys.full,
    search_text: memberSearchText(f.name, f.idNumber, keys),
  };
}

export function newMemberRow(branchId: string, fields: MemberFields): MembersTable {
  // Object.assign, not spread: spreading these wide objects is over ten times slower in V8 (bulk imports).
  return Object.assign(newCommon(branchId), memberColumns(fields), { probation_extension_months: 0 });
}

export function toMember(r: MembersTable, groupName: string | null): Member {
  return {
    id: r.id,
    branchId: r.branch_id,
    name: r.name,
    gender: r.gender as Member['gender'],
    ethnicity: r.ethnicity as Member['ethnicity'],
    idNumber: r.id_number,
    birthDate: r.birth_date,
    education: r.education,
    nativePlace: r.native_place,
    category: r.category as Member['category'],
    applicationDate: r.application_date,
    joinDate: r.join_date,
    fullDate: r.full_date,
    jobCategory: r.job_category,
    workUnit: r.work_unit,
    post: r.post,
    partyPost: r.party_post,
    partyGroupId: r.party_group_id,
    partyGroup: groupName,
    phone: r.phone,
    landline: r.landline,
    address: r.address,
    status: r.status as Member['status'],
    lostContact: r.lost_contact === 1,
    lostContactDate: r.lost_contact_date,
    mobileMember: r.mobile_member === 1,
    mobileDestination: r.mobile_destination,
    remark: r.remark,
    probationExtensionMonths: r.probation_extension_months ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function groupName(db: Sqlite, groupId: string | null): string | null {
  if (!groupId) return null;
  return first(db, qb.selectFrom('party_groups').select('name').where('id', '=', groupId))?.name ?? null;
}

/** The member (not in the trash) of the branch holding an ID number, other than `selfId`. */
function idNumberHolder(db: Sqlite, branchId: string, idNumber: string, selfId?: string | null): { id: string; name: string } | null {
  const rows = all(
    db,
    qb.selectFrom('members').select(['id', 'name']).where('branch_id', '=', branchId).where('id_number', '=', idNumber).where('deleted_at', 'is', null),
  );
  return rows.find((r) => r.id !== selfId) ?? null;
}

/** For the member form, on leaving the 身份证号 field: who in the branch (omitted: the local one) already has it. */
export function findByIdNumber(db: Sqlite, idNumber: string, branch?: string | null, excludeId?: string | null): { id: string; name: string } | null {
  if (!idNumber) return null;
  return idNumberHolder(db, resolveBranchId(db, branch), idNumber, excludeId);
}

/** All problems of one member against the stored roster (rules, group, duplicate ID). */
export function memberProblems(db: Sqlite, branchId: string, m: MemberFields, today: string, selfId?: string): FieldProblem[] {
  const problems = memberRuleProblems(m, today);
  if (m.partyGroupId) {
    const g = first(
      db,
      qb.selectFrom('party_groups').select('id').where('id', '=', m.partyGroupId).where('branch_id', '=', branchId).where('deleted_at', 'is', null),
    );
    if (!g) problems.push({ field: 'partyGroupId', message: '所选党小组不存在' });
  }
  const dup = idNumberHolder(db, branchId, m.idNumber, selfId);
  if (dup) problems.push({ field: 'idNumber', message: `与已有党员“${dup.name}”的身份证号重复` });
  return problems;
}

/**
 * Adds one member to the named branch (a committee adding to an imported branch) or, by default, the
 * local one. The ID number must be unique within that branch, and the party group must be one of its groups.
 */
export function createMember(db: Sqlite, fields: MemberFields, today: string = localToday(), branch?: string | null): Member {
  return db.transaction(() => {
    const branchId = resolveBranchId(db, branch);
    const problems = memberProblems(db, branchId, fields, today);
    if (problems.length) throw validationError(problems, MEMBER_FIELD_LABELS);
    const row = insertRow(db, 'members', newMemberRow(branchId, fields));
    return toMember(row, groupName(db, row.party_group_id));
  })();
}

export function updateMember(
  db: Sqlite,
  id: string,
  fields: MemberFields,
  expectedUpdatedAt?: string,
  today: string = localToday(),
): Member {
  return db.transaction(() => {
    const current = getRow(db, 'members', id);
    if (!current || current.deleted_at) throw new AppError('E_NOT_FOUND', '要修改的党员不存在或已被删除');
    const problems = memberProblems(db, current.branch_id, fields, today, id);
    if (problems.length) throw validationError(problems, MEMBER_FIELD_LABELS);
    const row = updateRow(db, 'members', id, memberColumns(fields), expectedUpdatedAt);
    return toMember(row, groupName(db, row.party_group_id));
  })();
}

export function getMember(db: Sqlite, id: string): Member {
  const row = getRow(db, 'members', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这名党员（可能已被删除）');
  return toMember(row, groupName(db, row.party_group_id));
}

export function deleteMember(db: Sqlite, id: string): void {
  db.transaction(() => trashRow(db, 'members', id))();
}

export interface BulkItemProblem extends FieldProblem {
  index: number;
}

/** Member input as the CLI and files give it: a party group by name instead of by id. */
export type MemberImportItem = z.input<typeof memberFieldsSchema> & { partyGroup?: string | null };

/**
 * Adds many members in one transaction: every item is checked first (schema, rules, duplicates
 * among the items and against the roster); if any item is invalid nothing is written.
 * Party groups named by `partyGroup` are created when missing.
 */
export function addMembers(
  db: Sqlite,
  items: readonly MemberImportItem[],
  options: { today?: string; onProgress?: (done: number, total: number) => void } = {},
): Member[] {
  const today = options.today ?? localToday();
  const branchId = requireBranchId(db);
  const problems: BulkItemProblem[] = [];
  const parsed: { fields: MemberFields; group: string | null }[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const r = memberFieldsSchema.safeParse(item);
    if (!r.success) {
      for (const p of zodProblems(r.error)) problems.push({ index, ...p });
      return;
    }
    const itemProblems = memberRuleProblems(r.data, today);
    const earlier = seen.get(r.data.idNumber);
    if (earlier !== undefined) itemProblems.push({ field: 'idNumber', message: `与第 ${earlier + 1} 项的身份证号重复` });
    seen.set(r.data.idNumber, index);
    for (const p of itemProblems) problems.push({ index, ...p });
    parsed.push({ fields: r.data, group: item.partyGroup?.trim() || null });
  });
  if (problems.length === 0) {
    const existing = all(db, qb.selectFrom('members').select(['id_number', 'name']).where('branch_id', '=', branchId).where('deleted_at', 'is', null));
    const byId = new Map(existing.map((e) => [e.id_number, e.name]));
    const groupIds = new Set(
      all(db, qb.selectFrom('party_groups').select('id').where('branch_id', '=', branchId).where('deleted_at', 'is', null)).map((g) => g.id),
    );
    parsed.forEach(({ fields, group }, index) => {
      const name = byId.get(fields.idNumber);
      if (name) problems.push({ index, field: 'idNumber', message: `与已有党员“${name}”的身份证号重复` });
      if (!group && fields.partyGroupId && !groupIds.has(fields.partyGroupId)) {
        problems.push({ index, field: 'partyGroupId', message: '所选党小组不存在' });
      }
    });
  }
  if (problems.length) {
    const first = problems[0]!;
    throw new AppError(
      'E_VALIDATION',
      `第 ${first.index + 1} 项 ${MEMBER_FIELD_LABELS[first.field] ?? first.field}：${first.message}` +
        (problems.length > 1 ? `（共 ${problems.length} 处问题，未添加任何党员）` : '（未添加任何党员）'),
      problems.map((p) => ({ field: `${p.index}.${p.field}`, message: p.message })),
    );
  }
  return db.transaction(() => {
    const groups = new Map<string, string>();
    const rows = parsed.map(({ fields, group }) => {
      if (group) {
        // The parsed fields are this call's own objects: setting the group's id in place spares a copy per member.
        fields.partyGroupId = groups.get(group) ?? ensureGroup(db, branchId, group);
        groups.set(group, fields.partyGroupId);
      }
      return newMemberRow(branchId, fields);
    });
    insertRows(db, 'members', rows, options.onProgress);
    return rows.map((row, i) => toMember(row, parsed[i]!.group));
  })();
}

// ---- search ----
// A measured hot path (docs/performance.md: search p95 4.3 ms at 10,000 members, 21–28 ms at 100,000, target
// < 30 ms): prepared SQL assembled by memberFilter, its conditions written as the partial indexes are
// (members_active_roster), so SQLite uses them. findMembers shares the same builder. Allow-listed in
// docs/capabilities.md ("Queries").

type SearchInput = z.output<typeof memberSearchSchema>;

const SORT_SQL: Record<SearchInput['sort'], string> = {
  name: 'm.name_pinyin',
  birthDate: 'm.birth_date',
  joinDate: 'm.join_date',
  fullDate: 'm.full_date',
  partyGroup: 'g.sort_order',
  category: 'm.category',
  education: 'm.education',
  branch: 'b.name',
};

interface MemberFilter {
  /** Whether the user typed something selective to look for (every entry must then be tested). */
  hasText: boolean;
  whereSql: string;
  args: unknown[];
  orderSql: string;
  /** The join the ORDER BY needs beyond members and party groups (sorting by branch name). */
  sortJoin: string;
}

/** The WHERE and ORDER BY of a roster search; shared by the paged search and the full listing. */
function memberFilter(db: Sqlite, input: SearchInput, today: string): MemberFilter {
  const where: string[] = ['m.deleted_at IS NULL'];
  const args: unknown[] = [];
  if (input.branchId !== 'all') {
    where.push('m.branch_id = ?');
    args.push(input.branchId ?? requireBranchId(db));
  }
  // Written exactly as in the partial index members_active_roster, so SQLite can use it.
  if (input.status === 'active') where.push("m.status IN ('正常', '停止党籍')");
  else if (input.status !== 'all') (where.push('m.status = ?'), args.push(input.status));
  const q = normalizeSearchQuery(input.query);
  if (q) (where.push('instr(m.search_text, ?) > 0'), args.push(q));
  if (input.partyGroupId === 'none') where.push('m.party_group_id IS NULL');
  else if (input.partyGroupId) (where.push('m.party_group_id = ?'), args.push(input.partyGroupId));
  if (input.category) (where.push('m.category = ?'), args.push(input.category));
  if (input.gender) (where.push('m.gender = ?'), args.push(input.gender));
  if (input.educationGroup) {
    const { codes, below } = educationFilterCodes(input.educationGroup);
    const list = codes.map(() => '?').join(', ') || "''";
    where.push(below ? `(m.education IS NULL OR m.education NOT IN (${list}))` : `m.education IN (${list})`);
    args.push(...codes);
  }
  if (input.ethnicity === MINORITIES) where.push("(m.ethnicity IS NULL OR m.ethnicity <> '汉族')");
  else if (input.ethnicity) (where.push('m.ethnicity = ?'), args.push(input.ethnicity));
  if (input.standing) standingCondition(input.standing, today, where, args);
  if (input.change) changeCondition(input, today, where, args);
  if (input.ageBand) {
    const band = AGE_BANDS.find((b) => b.key === input.ageBand)!;
    // age >= min  <=>  born on or before today - min years; age <= max <=> born after today - (max+1) years
    where.push('m.birth_date <= ? AND m.birth_date > ?');
    args.push(addYears(today, -band.min), addYears(today, -(band.max + 1)));
  }
  // Ties are broken by the rest of the name-order key (see the members_roster indexes), so pages never overlap.
  const dir = input.order === 'desc' ? 'DESC' : 'ASC';
  const orderSql =
    input.sort === 'name'
      ? `m.name_pinyin ${dir}, m.search_text ${dir}, m.rowid ${dir}`
      : `${SORT_SQL[input.sort]} ${dir}, m.name_pinyin, m.search_text, m.rowid`;
  // A single letter or digit matches most of a roster: paging with LIMIT then counting is cheaper there.
  const broad = q.length === 1 && /[a-z0-9]/.test(q);
  const sortJoin = input.sort === 'branch' ? 'LEFT JOIN branches b ON b.id = m.branch_id' : '';
  return { hasText: q !== '' && !broad, whereSql: where.join(' AND '), args, orderSql, sortJoin };
}

/** 党龄 as statistics.ts standingBand counts it today: whole years since a 转正日期 on or before today. */
function standingCondition(key: string, today: string, where: string[], args: unknown[]): void {
  const band = STANDING_BANDS.find((b) => b.key === key)!;
  if (band.min === null) {
    where.push("(m.category = '预备党员' OR m.full_date IS NULL OR m.full_date = '' OR m.full_date > ?)");
    args.push(today);
    return;
  }
  // years >= min  <=>  turned full on or before today - min years (as the age bands)
  where.push("m.category <> '预备党员' AND m.full_date <> '' AND m.full_date <= ?");
  args.push(addYears(today, -band.min));
  if (band.max !== null) (where.push('m.full_date > ?'), args.push(addYears(today, -(band.max + 1))));
}

/** The first 转入 into the member's branch (the day he arrived, when he did not join here). */
const ARRIVAL_SQL = `(SELECT min(e.event_date) FROM member_events e
  WHERE e.member_id = m.id AND e.branch_id = m.branch_id AND e.kind = '转入' AND e.deleted_at IS NULL)`;

/** A change in a period, as the roster's period facts (main/services/roster/facts.ts) count it. */
function changeCondition(input: SearchInput, today: string, where: string[], args: unknown[]): void {
  const from = input.changeFrom ?? `${today.slice(0, 4)}-01-01`;
  const to = input.changeTo ?? today;
  if (input.change === 'admitted') {
    where.push(`m.join_date BETWEEN ? AND ? AND ${ARRIVAL_SQL} IS NULL`);
    args.push(from, to);
  } else if (input.change === 'turnedFull') {
    where.push(`m.full_date BETWEEN ? AND ? AND coalesce(${ARRIVAL_SQL}, m.join_date) <= m.full_date`);
    args.push(from, to);
  } else {
    where.push(`EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.branch_id = m.branch_id
      AND e.kind = ? AND e.deleted_at IS NULL AND e.event_date BETWEEN ? AND ?)`);
    args.push(input.change === 'transferredIn' ? '转入' : '转出', from, to);
  }
}

type SearchRow = Pick<
  MembersTable,
  'id' | 'name' | 'gender' | 'ethnicity' | 'birth_date' | 'id_number' | 'education' | 'category' | 'status' | 'join_date' | 'full_date' | 'party_group_id' | 'post' | 'phone' | 'probation_extension_months' | 'branch_id'
> & { group_name: string | null };

function toMemberRow(r: SearchRow, today: string, branches: Map<string, string>): MemberRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender as MemberRow['gender'],
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    age: fullYearsBetween(r.birth_date, today),
    idNumberMasked: maskIdNumber(r.id_number),
    education: educationLabel(r.education),
    category: r.category as MemberRow['category'],
    status: r.status as MemberRow['status'],
    joinDate: r.join_date,
    fullDate: r.full_date,
    probationEnd: probationEnd({ category: r.category as MemberRow['category'], joinDate: r.join_date, probationExtensionMonths: r.probation_extension_months }),
    partyGroupId: r.party_group_id,
    partyGroup: r.group_name,
    post: r.post,
    phone: r.phone,
    branchId: r.branch_id,
    branchName: branches.get(r.branch_id) ?? '',
  };
}

const ROW_COLUMNS = `m.id, m.name, m.gender, m.ethnicity, m.birth_date, m.id_number, m.education, m.category, m.status, m.join_date,
            m.full_date, m.party_group_id, g.name AS group_name, m.post, m.phone, m.probation_extension_months, m.branch_id`;

/** Without search text: the page in one query, the total from the covering index (no text to test). */
function pageByLimit(db: Sqlite, input: SearchInput, { whereSql, args, orderSql, sortJoin }: MemberFilter): { total: number; rows: SearchRow[] } {
  const rows = prepare(
    db,
    `SELECT ${ROW_COLUMNS} FROM members m LEFT JOIN party_groups g ON g.id = m.party_group_id ${sortJoin}
      WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`,
  ).all(...args, input.limit, input.offset) as SearchRow[];
  const pageTellsTotal = rows.length < input.limit && (rows.length > 0 || input.offset === 0);
  const total = pageTellsTotal
    ? input.offset + rows.length
    : (prepare(db, `SELECT count(*) AS n FROM members m WHERE ${whereSql}`).get(...args) as { n: number }).n;
  return { total, rows };
}

/**
 * With search text every entry must be tested, so the roster is scanned once (in sort order, on a
 * covering index) for the keys of all matches: their number is the total, and the page's rows
 * are then read by key. A count and a separate page query would scan twice.
 */
function pageByScan(db: Sqlite, input: SearchInput, { whereSql, args, orderSql, sortJoin }: MemberFilter): { total: number; rows: SearchRow[] } {
  const join = input.sort === 'partyGroup' ? 'LEFT JOIN party_groups g ON g.id = m.party_group_id' : sortJoin;
  const keys = prepare(db, `SELECT m.rowid FROM members m ${join} WHERE ${whereSql} ORDER BY ${orderSql}`)
    .pluck(true)
    .all(...args) as number[];
  const page = keys.slice(input.offset, input.offset + input.limit);
  if (page.length === 0) return { total: keys.length, rows: [] };
  const found = prepare(
    db,
    `SELECT m.rowid AS row_key, ${ROW_COLUMNS} FROM members m LEFT JOIN party_groups g ON g.id = m.party_group_id
      WHERE m.rowid IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(page)) as (SearchRow & { row_key: number })[];
  const byKey = new Map(found.map((r) => [r.row_key, r]));
  return { total: keys.length, rows: page.map((k) => byKey.get(k)!) };
}

export function searchMembers(db: Sqlite, input: SearchInput, today: string = localToday()): MemberSearchResult {
  const filter = memberFilter(db, input, today);
  const { total, rows } = filter.hasText ? pageByScan(db, input, filter) : pageByLimit(db, input, filter);
  const branches = branchNames(db);
  return { total, rows: rows.map((r) => toMemberRow(r, today, branches)) };
}

/** Every member the search finds, as full records in the search's order, without paging (CLI listings, exports). */
export function findMembers(db: Sqlite, input: SearchInput, today: string = localToday()): Member[] {
  const { whereSql, args, orderSql, sortJoin } = memberFilter(db, input, today);
  const rows = prepare(
    db,
    `SELECT m.*, g.name AS group_name FROM members m LEFT JOIN party_groups g ON g.id = m.party_group_id ${sortJoin}
      WHERE ${whereSql} ORDER BY ${orderSql}`,
  ).all(...args) as (MembersTable & { group_name: string | null })[];
  return rows.map((r) => toMember(r, r.group_name));
}

// ---- history ----

export function memberHistory(db: Sqlite, id: string): ChangeEntry[] {
  return rowHistory(db, 'members', id);
}
