/**
 * Assessment (考核) of the letters: per item self / group / branch scores, the total (sum of the branch
 * scores), the rank within the branch for the year and period (ties share a rank: 1, 1, 3), and the reward or
 * penalty the letter's thresholds give. The rules themselves are in shared/domain/targets.ts.
 */
import type { z } from 'zod';
import type {
  Assessment,
  AssessmentPeriod,
  AssessmentSummary,
  AssessmentSummaryRow,
  assessmentSaveSchema,
} from '../../../shared/contract/targets';
import {
  assessmentTotals,
  ranksWithTies,
  rewardFor,
  scoreProblems,
  sortRewardRules,
  type AssessmentTotals,
  type ItemScore,
  type LetterItem,
  type RewardRule,
} from '../../../shared/domain/targets';
import { all, first, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { membersById, parseJson, requireLive, requireNoProblems, type MemberRef } from './common';
import { letterItems, lettersOfYear } from './letters';
import type { TargetAssessmentsTable, TargetLettersTable } from './tables';

export type AssessmentSave = z.output<typeof assessmentSaveSchema>;

/** One letter of the year with its assessment for the period (if any), scored. */
export interface PeriodResult {
  letter: TargetLettersTable;
  assessment: TargetAssessmentsTable | null;
  items: LetterItem[];
  scores: ItemScore[];
  totals: AssessmentTotals;
  rules: RewardRule[];
  reward: RewardRule | null;
  rank: number | null;
}

function assessmentsOf(db: Sqlite, branchId: string, year: number, period: AssessmentPeriod): Map<string, TargetAssessmentsTable> {
  const rows = all(
    db,
    qb
      .selectFrom('target_assessments')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('year', '=', year)
      .where('period', '=', period)
      .where('deleted_at', 'is', null),
  );
  return new Map(rows.map((r) => [r.letter_id, r]));
}

/** Every live letter of the year, scored for the period and ranked among those with a total. */
export function periodResults(db: Sqlite, branchId: string, year: number, period: AssessmentPeriod): PeriodResult[] {
  const assessments = assessmentsOf(db, branchId, year, period);
  const results = lettersOfYear(db, branchId, year).map((letter) => {
    const assessment = assessments.get(letter.id) ?? null;
    const items = letterItems(letter);
    const scores = assessment ? parseJson<ItemScore[]>(assessment.scores_json) : [];
    const totals = assessmentTotals(items, scores);
    const rules = parseJson<RewardRule[]>(letter.reward_rules_json);
    return { letter, assessment, items, scores, totals, rules, reward: rewardFor(rules, totals.total), rank: null as number | null };
  });
  const ranks = ranksWithTies(results.map((r) => ({ total: r.assessment ? r.totals.total : null })));
  results.forEach((r, i) => (r.rank = ranks[i]!));
  return results;
}

function toAssessment(r: PeriodResult, members: Map<string, MemberRef>): Assessment {
  const a = r.assessment!;
  return {
    id: a.id,
    letterId: r.letter.id,
    memberId: r.letter.member_id,
    memberName: members.get(r.letter.member_id)?.name ?? r.letter.member_name,
    post: r.letter.post,
    year: a.year,
    period: a.period,
    items: r.items,
    scores: r.scores,
    totals: r.totals,
    total: r.totals.total,
    rank: r.rank,
    grade: r.reward?.grade ?? null,
    outcome: r.reward?.outcome ?? '',
    amount: r.reward?.amount ?? null,
    note: a.note,
    assessedDate: a.assessed_date,
    updatedAt: a.updated_at,
  };
}

function findAssessment(db: Sqlite, branchId: string, letter: TargetLettersTable, period: AssessmentPeriod): Assessment | null {
  const result = periodResults(db, branchId, letter.year, period).find((r) => r.letter.id === letter.id);
  return result?.assessment ? toAssessment(result, membersById(db, branchId)) : null;
}

export function getAssessment(db: Sqlite, letterId: string, period: AssessmentPeriod): Assessment | null {
  const letter = requireLive(db, 'target_letters', letterId, '目标管理责任书');
  return findAssessment(db, letter.branch_id, letter, period);
}

/**
 * Writes the scores of a letter for a period (replacing those recorded before), in the letter's item order.
 * No result: the demo seeder writes a whole branch's assessments with it, without ranking after each one.
 */
export function recordAssessment(db: Sqlite, letter: TargetLettersTable, input: Omit<AssessmentSave, 'letterId'>): void {
  const items = letterItems(letter);
  requireNoProblems(scoreProblems(items, input.scores));
  const byKey = new Map(input.scores.map((s) => [s.itemKey, s]));
  const scores = items.flatMap((i) => (byKey.has(i.key) ? [byKey.get(i.key)!] : []));
  const columns = { scores_json: JSON.stringify(scores), note: input.note, assessed_date: input.assessedDate };
  const existing = first(
    db,
    qb.selectFrom('target_assessments').select('id').where('letter_id', '=', letter.id).where('period', '=', input.period).where('deleted_at', 'is', null),
  );
  if (existing) updateRow(db, 'target_assessments', existing.id, columns, input.expectedUpdatedAt ?? undefined);
  else insertRow(db, 'target_assessments', { ...newCommon(letter.branch_id), letter_id: letter.id, member_id: letter.member_id, year: letter.year, period: input.period, ...columns });
}

/** Records the scores of a letter for a period; returns the assessment with its total, rank and reward. */
export function saveAssessment(db: Sqlite, input: AssessmentSave): Assessment {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const letter = requireLive(db, 'target_letters', input.letterId, '目标管理责任书');
    recordAssessment(db, letter, input);
    return findAssessment(db, branchId, letter, input.period)!;
  })();
}

export function deleteAssessment(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireLive(db, 'target_assessments', id, '考核记录');
    trashRow(db, 'target_assessments', id);
  })();
}

function statusOf(r: PeriodResult): AssessmentSummaryRow['status'] {
  if (!r.assessment) return '未考核';
  return r.totals.total === null ? '未完成' : '已完成';
}

/** The grades of the year's letters, from the highest threshold down, each once. */
function gradeOrder(results: readonly PeriodResult[]): string[] {
  const rules = sortRewardRules(results.flatMap((r) => r.rules));
  return [...new Set(rules.map((r) => r.grade))];
}

/** 考核汇总表: ranked rows first (by rank, then name), then the rest by name. */
export function assessmentSummary(db: Sqlite, year: number, period: AssessmentPeriod): AssessmentSummary {
  const branchId = requireBranchId(db);
  const members = membersById(db, branchId);
  const results = periodResults(db, branchId, year, period);
  const rows: AssessmentSummaryRow[] = results.map((r) => ({
    letterId: r.letter.id,
    assessmentId: r.assessment?.id ?? null,
    memberId: r.letter.member_id,
    memberName: members.get(r.letter.member_id)?.name ?? r.letter.member_name,
    post: r.letter.post,
    partyGroupName: members.get(r.letter.member_id)?.partyGroupName ?? null,
    status: statusOf(r),
    selfTotal: r.assessment ? r.totals.self : null,
    groupTotal: r.assessment ? r.totals.group : null,
    total: r.assessment ? r.totals.total : null,
    rank: r.rank,
    grade: r.assessment ? (r.reward?.grade ?? null) : null,
    outcome: r.assessment ? (r.reward?.outcome ?? '') : '',
    amount: r.assessment ? (r.reward?.amount ?? null) : null,
  }));
  // lettersOfYear is in name order; a stable sort by rank keeps it among equal ranks and the unranked.
  rows.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  const totals = rows.flatMap((r) => (r.total === null ? [] : [r.total]));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.grade) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
  return {
    year,
    period,
    rows,
    letters: rows.length,
    completed: totals.length,
    average: totals.length ? Math.round((totals.reduce((s, t) => s + t, 0) / totals.length) * 10) / 10 : null,
    byGrade: gradeOrder(results)
      .filter((g) => counts.has(g))
      .map((grade) => ({ grade, count: counts.get(grade)! })),
  };
}
