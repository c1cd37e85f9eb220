/** 年度党建目标: the branch's plan for a year, saved as a whole (points total 100), and copied from last year's. */
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { TargetPlan, planSaveSchema } from '../../../shared/contract/targets';
import { addYears } from '../../../shared/domain/dates';
import {
  duplicateKeyProblems,
  keyed,
  pointsTotalProblems,
  sumPoints,
  withNewKeys,
  type PlanItem,
} from '../../../shared/domain/targets';
import { all, first, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { memberProblems, membersById, newKey, parseJson, requireNoProblems } from './common';
import type { TargetPlansTable } from './tables';

export type PlanSave = z.output<typeof planSaveSchema>;

function toPlan(r: TargetPlansTable): TargetPlan {
  const items = parseJson<PlanItem[]>(r.items_json);
  return { id: r.id, year: r.year, title: r.title, items, total: sumPoints(items.map((i) => i.points)), note: r.note, updatedAt: r.updated_at };
}

function planRow(db: Sqlite, branchId: string, year: number): TargetPlansTable | undefined {
  return first(db, qb.selectFrom('target_plans').selectAll().where('branch_id', '=', branchId).where('year', '=', year).where('deleted_at', 'is', null));
}

export function planYears(db: Sqlite): number[] {
  const branchId = requireBranchId(db);
  const rows = all(db, qb.selectFrom('target_plans').select('year').where('branch_id', '=', branchId).where('deleted_at', 'is', null).orderBy('year', 'desc'));
  return rows.map((r) => r.year);
}

export function getPlan(db: Sqlite, year: number): TargetPlan | null {
  const row = planRow(db, requireBranchId(db), year);
  return row ? toPlan(row) : null;
}

/** Items as stored: keyed, each responsible member checked, the name filled from the member when left empty. */
function planItems(db: Sqlite, branchId: string, items: PlanSave['items']): PlanItem[] {
  const members = membersById(db, branchId);
  const problems = [...pointsTotalProblems(items), ...duplicateKeyProblems(items)];
  items.forEach((item, i) => problems.push(...memberProblems(members, item.responsibleMemberId, `items.${i}.responsibleMemberId`)));
  requireNoProblems(problems);
  return keyed(items, newKey).map((item) => ({
    ...item,
    responsible: item.responsible || (item.responsibleMemberId ? (members.get(item.responsibleMemberId)?.name ?? '') : ''),
  }));
}

/** Creates the year's plan or replaces its content. */
export function savePlan(db: Sqlite, input: PlanSave): TargetPlan {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const items = planItems(db, branchId, input.items);
    const columns = { title: input.title, items_json: JSON.stringify(items), note: input.note };
    const existing = planRow(db, branchId, input.year);
    if (existing) return toPlan(updateRow(db, 'target_plans', existing.id, columns, input.expectedUpdatedAt ?? undefined));
    return toPlan(insertRow(db, 'target_plans', { ...newCommon(branchId), year: input.year, ...columns }));
  })();
}

/**
 * Starts `year` from the plan of the year before: the same items with new keys, deadlines a year later, the
 * responsible members kept while they are still on the active roster (else only their name stays).
 */
export function copyLastYearPlan(db: Sqlite, year: number): TargetPlan {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    if (planRow(db, branchId, year)) {
      throw new AppError('E_CONFLICT', `${year}年已有党建目标，不能再复制上一年的；请直接修改`, [{ field: 'year', message: `${year}年已有党建目标` }]);
    }
    const last = planRow(db, branchId, year - 1);
    if (!last) throw new AppError('E_NOT_FOUND', `${year - 1}年没有党建目标可复制`, [{ field: 'year', message: `${year - 1}年没有党建目标` }]);
    const members = membersById(db, branchId);
    const items = withNewKeys(parseJson<PlanItem[]>(last.items_json), newKey).map((item) => ({
      ...item,
      deadline: item.deadline ? addYears(item.deadline, 1) : null,
      responsibleMemberId:
        item.responsibleMemberId && memberProblems(members, item.responsibleMemberId, '').length === 0 ? item.responsibleMemberId : null,
    }));
    const title = last.title.replace(String(year - 1), String(year));
    return toPlan(insertRow(db, 'target_plans', { ...newCommon(branchId), year, title, items_json: JSON.stringify(items), note: '' }));
  })();
}
