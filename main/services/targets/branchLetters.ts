/**
 * The branch's own responsibility letter with the higher committee (支部达标创先): items with points (total 100),
 * scored the way members' letters are: the branch's self score and the committee's score per item; the
 * committee's total is the one that counts.
 */
import type { z } from 'zod';
import type { BranchLetter, branchLetterSaveSchema } from '../../../shared/contract/targets';
import type { FieldProblem } from '../../../shared/domain/member';
import {
  duplicateKeyProblems,
  formatPoints,
  keyed,
  pointsTotalProblems,
  sumPoints,
  type BranchLetterItem,
} from '../../../shared/domain/targets';
import { first, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { newKey, parseJson, requireNoProblems } from './common';
import type { TargetBranchLettersTable } from './tables';

export type BranchLetterSave = z.output<typeof branchLetterSaveSchema>;

function scoreTotal(items: readonly BranchLetterItem[], who: 'selfScore' | 'reviewScore'): number | null {
  const values = items.map((i) => i[who]);
  return values.length > 0 && values.every((v) => v !== null) ? sumPoints(values as number[]) : null;
}

function toBranchLetter(r: TargetBranchLettersTable): BranchLetter {
  const items = parseJson<BranchLetterItem[]>(r.items_json);
  return {
    id: r.id,
    year: r.year,
    committee: r.committee,
    items,
    total: sumPoints(items.map((i) => i.points)),
    assessmentMethod: r.assessment_method,
    rewardsText: r.rewards_text,
    otherTerms: r.other_terms,
    signedDate: r.signed_date,
    selfTotal: scoreTotal(items, 'selfScore'),
    reviewTotal: scoreTotal(items, 'reviewScore'),
    note: r.note,
    updatedAt: r.updated_at,
  };
}

function letterRow(db: Sqlite, branchId: string, year: number): TargetBranchLettersTable | undefined {
  return first(db, qb.selectFrom('target_branch_letters').selectAll().where('branch_id', '=', branchId).where('year', '=', year).where('deleted_at', 'is', null));
}

export function getBranchLetter(db: Sqlite, year: number): BranchLetter | null {
  const row = letterRow(db, requireBranchId(db), year);
  return row ? toBranchLetter(row) : null;
}

function itemScoreProblems(items: readonly BranchLetterItem[] | BranchLetterSave['items']): FieldProblem[] {
  return items.flatMap((item, i) =>
    (['selfScore', 'reviewScore'] as const).flatMap((who) => {
      const v = item[who];
      if (v === null || v <= item.points) return [];
      return [{ field: `items.${i}.${who}`, message: `${formatPoints(v)} 分超过该条分值 ${formatPoints(item.points)} 分` }];
    }),
  );
}

export function saveBranchLetter(db: Sqlite, input: BranchLetterSave): BranchLetter {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    requireNoProblems([...pointsTotalProblems(input.items), ...duplicateKeyProblems(input.items), ...itemScoreProblems(input.items)]);
    const columns = {
      committee: input.committee,
      items_json: JSON.stringify(keyed(input.items, newKey)),
      assessment_method: input.assessmentMethod,
      rewards_text: input.rewardsText,
      other_terms: input.otherTerms,
      signed_date: input.signedDate,
      note: input.note,
    };
    const existing = letterRow(db, branchId, input.year);
    if (existing) return toBranchLetter(updateRow(db, 'target_branch_letters', existing.id, columns, input.expectedUpdatedAt ?? undefined));
    return toBranchLetter(insertRow(db, 'target_branch_letters', { ...newCommon(branchId), year: input.year, ...columns }));
  })();
}
