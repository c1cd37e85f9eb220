/**
 * Responsibility letters (党员目标管理责任书): one per member and year, generated from the template of the
 * member's post (its content copied, so later template edits leave signed letters alone), then adjusted by hand.
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { AssessmentPeriod, GenerateLettersResult, Letter, LetterSummary, letterUpdateSchema } from '../../../shared/contract/targets';
import {
  duplicateKeyProblems,
  keyed,
  letterTitle,
  pointsTotalProblems,
  rewardRuleProblems,
  sortRewardRules,
  sumPoints,
  withNewKeys,
  type LetterItem,
  type RewardRule,
} from '../../../shared/domain/targets';
import { all, first, nowIso, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { branchOfficers, membersById, newKey, parseJson, requireLive, requireNoProblems, type MemberRef } from './common';
import type { PostTemplatesTable, TargetLettersTable } from './tables';
import { liveTemplates, templateForPost } from './templates';

export type LetterUpdate = z.output<typeof letterUpdateSchema>;

export function letterItems(r: Pick<TargetLettersTable, 'items_json'>): LetterItem[] {
  return parseJson<LetterItem[]>(r.items_json);
}

function toSummary(r: TargetLettersTable, members: Map<string, MemberRef>, assessed: AssessmentPeriod[]): LetterSummary {
  const items = letterItems(r);
  return {
    id: r.id,
    year: r.year,
    memberId: r.member_id,
    memberName: r.member_name,
    post: r.post,
    partyGroupName: members.get(r.member_id)?.partyGroupName ?? null,
    total: sumPoints(items.map((i) => i.points)),
    itemCount: items.length,
    adjusted: r.adjusted === 1,
    templateId: r.template_id,
    signedDate: r.signed_date,
    assessed,
    updatedAt: r.updated_at,
  };
}

export function toLetter(db: Sqlite, r: TargetLettersTable, members = membersById(db, r.branch_id)): Letter {
  const branch = first(db, qb.selectFrom('branches').select('name').where('id', '=', r.branch_id));
  return {
    ...toSummary(r, members, assessedPeriods(db, r.id)),
    title: r.title,
    branchName: branch?.name ?? '',
    secretary: r.secretary,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    items: letterItems(r),
    assessmentMethod: r.assessment_method,
    rewardRules: parseJson<RewardRule[]>(r.reward_rules_json),
    otherTerms: r.other_terms,
    adjustedAt: r.adjusted_at,
  };
}

function assessedPeriods(db: Sqlite, letterId: string): AssessmentPeriod[] {
  const rows = all(db, qb.selectFrom('target_assessments').select('period').where('letter_id', '=', letterId).where('deleted_at', 'is', null));
  return (['mid', 'final'] as const).filter((p) => rows.some((r) => r.period === p));
}

/** The year's live letters, in the order of the members' names (pinyin). */
export function lettersOfYear(db: Sqlite, branchId: string, year: number): TargetLettersTable[] {
  return all(
    db,
    qb
      .selectFrom('target_letters')
      .leftJoin('members', 'members.id', 'target_letters.member_id')
      .selectAll('target_letters')
      .where('target_letters.branch_id', '=', branchId)
      .where('target_letters.year', '=', year)
      .where('target_letters.deleted_at', 'is', null)
      .orderBy('members.name_pinyin')
      .orderBy('target_letters.member_name')
      .orderBy('target_letters.id'),
  );
}

export function listLetters(db: Sqlite, year: number): LetterSummary[] {
  const branchId = requireBranchId(db);
  const members = membersById(db, branchId);
  const assessments = all(
    db,
    qb.selectFrom('target_assessments').select(['letter_id', 'period']).where('branch_id', '=', branchId).where('year', '=', year).where('deleted_at', 'is', null),
  );
  const assessed = new Map<string, AssessmentPeriod[]>();
  for (const a of assessments) assessed.set(a.letter_id, [...(assessed.get(a.letter_id) ?? []), a.period].sort() as AssessmentPeriod[]);
  return lettersOfYear(db, branchId, year).map((r) => toSummary(r, members, assessed.get(r.id) ?? []));
}

export function getLetter(db: Sqlite, id: string): Letter {
  return toLetter(db, requireLive(db, 'target_letters', id, '目标管理责任书'));
}

/** The letter's content from a template (new item keys: each letter's items are its own). */
function fromTemplate(t: PostTemplatesTable) {
  return {
    template_id: t.id,
    items_json: JSON.stringify(withNewKeys(parseJson<LetterItem[]>(t.items_json), newKey)),
    assessment_method: t.assessment_method,
    reward_rules_json: t.reward_rules_json,
    other_terms: t.other_terms,
  };
}

interface BranchParty {
  name: string;
  secretary: string;
}

function branchParty(db: Sqlite, branchId: string): BranchParty {
  const branch = first(db, qb.selectFrom('branches').select(['name', 'officers_json']).where('id', '=', branchId));
  const secretary = branchOfficers(branch?.officers_json ?? '[]').find((o) => o.role === '书记')?.name ?? '';
  return { name: branch?.name ?? '', secretary };
}

/** Writes a letter for every member on the roster (status 正常, joined by the year's end) who has none for the year. One transaction. */
export function generateLetters(db: Sqlite, year: number): GenerateLettersResult {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const party = branchParty(db, branchId);
    const templates = liveTemplates(db, branchId);
    const members = all(
      db,
      qb
        .selectFrom('members')
        .select(['id', 'name', 'post'])
        .where('branch_id', '=', branchId)
        .where('deleted_at', 'is', null)
        .where('status', '=', '正常')
        // Those who joined after the year are not members of it.
        .where('join_date', '<=', `${year}-12-31`)
        .orderBy('name_pinyin'),
    );
    const having = new Set(
      all(db, qb.selectFrom('target_letters').select('member_id').where('branch_id', '=', branchId).where('year', '=', year).where('deleted_at', 'is', null)).map(
        (r) => r.member_id,
      ),
    );
    const result: GenerateLettersResult = { year, created: 0, existing: 0, missingTemplate: [] };
    for (const m of members) {
      if (having.has(m.id)) {
        result.existing++;
        continue;
      }
      const template = templateForPost(templates, m.post);
      if (!template) {
        result.missingTemplate.push({ memberId: m.id, name: m.name, post: m.post });
        continue;
      }
      insertRow(db, 'target_letters', {
        ...newCommon(branchId),
        year,
        member_id: m.id,
        member_name: m.name,
        post: m.post,
        title: letterTitle(party.name, year),
        secretary: party.secretary,
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        ...fromTemplate(template),
        adjusted: 0,
        adjusted_at: null,
        signed_date: null,
      });
      result.created++;
    }
    return result;
  })();
}

function hasAssessment(db: Sqlite, letterId: string): boolean {
  return assessedPeriods(db, letterId).length > 0;
}

/** Adjusts a letter by hand: it is then marked 已调整. Once assessed, its items stay as they were scored. */
export function updateLetter(db: Sqlite, input: LetterUpdate): Letter {
  return db.transaction(() => {
    const row = requireLive(db, 'target_letters', input.id, '目标管理责任书');
    const problems = [...pointsTotalProblems(input.items), ...duplicateKeyProblems(input.items), ...rewardRuleProblems(input.rewardRules)];
    if (input.periodEnd < input.periodStart) problems.push({ field: 'periodEnd', message: `不能早于责任期限起（${input.periodStart}）` });
    requireNoProblems(problems);
    const items = keyed(input.items, newKey);
    const itemsJson = JSON.stringify(items);
    if (itemsJson !== row.items_json && hasAssessment(db, row.id)) {
      throw new AppError('E_CONFLICT', `${row.member_name}的责任书已有考核记录，目标条目不能再修改；如确需修改，请先删除其考核记录`, [
        { field: 'items', message: '已有考核记录，目标条目不能再修改' },
      ]);
    }
    const columns = {
      secretary: input.secretary,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      items_json: itemsJson,
      assessment_method: input.assessmentMethod,
      reward_rules_json: JSON.stringify(sortRewardRules(input.rewardRules)),
      other_terms: input.otherTerms,
      signed_date: input.signedDate,
    };
    const changed = Object.entries(columns).some(([k, v]) => (row as unknown as Record<string, unknown>)[k] !== v);
    const updated = changed
      ? updateRow(db, 'target_letters', row.id, { ...columns, adjusted: 1, adjusted_at: nowIso() }, input.expectedUpdatedAt ?? undefined)
      : row;
    return toLetter(db, updated);
  })();
}

/** Back to the (current) template of the member's post; no longer 已调整. Refused once assessed. */
export function regenerateLetter(db: Sqlite, id: string): Letter {
  return db.transaction(() => {
    const row = requireLive(db, 'target_letters', id, '目标管理责任书');
    if (hasAssessment(db, id)) throw new AppError('E_CONFLICT', `${row.member_name}的责任书已有考核记录，不能按模板重新生成`);
    const members = membersById(db, row.branch_id);
    const post = members.get(row.member_id)?.post ?? row.post;
    const template = templateForPost(liveTemplates(db, row.branch_id), post);
    if (!template) throw new AppError('E_NOT_FOUND', `岗位“${post}”没有目标模板，也没有通用模板`);
    const updated = updateRow(db, 'target_letters', id, { post, ...fromTemplate(template), adjusted: 0, adjusted_at: null });
    return toLetter(db, updated, members);
  })();
}

export function deleteLetter(db: Sqlite, id: string): void {
  db.transaction(() => {
    const row = requireLive(db, 'target_letters', id, '目标管理责任书');
    if (hasAssessment(db, id)) throw new AppError('E_CONFLICT', `${row.member_name}的责任书已有考核记录，请先删除考核记录`);
    trashRow(db, 'target_letters', id);
  })();
}
