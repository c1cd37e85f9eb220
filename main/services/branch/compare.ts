/**
 * The committee's side-by-side view of branches. Each capability registers the figures it can
 * give per branch; the roster gives member counts by category, age band and education now.
 */
import type { BranchFigures } from '../../../shared/contract/operations';
import { EDUCATION_GROUPS, educationGroup } from '../../../shared/domain/codes';
import { fullYearsBetween, localToday } from '../../../shared/domain/dates';
import { ACTIVE_STATUSES, AGE_BANDS } from '../../../shared/domain/member';
import { all, qb, type Sqlite } from '../../db/query';
import { localBranchId } from './branch';

export interface FigureGroup {
  key: string;
  label: string;
  /** Column keys and labels, in display order. */
  columns: { key: string; label: string }[];
  compute(db: Sqlite, branchId: string, today: string): Record<string, number>;
}

const groups: FigureGroup[] = [];

export function registerBranchFigures(group: FigureGroup): void {
  groups.push(group);
}

function activeMembers(db: Sqlite, branchId: string) {
  return all(
    db,
    qb
      .selectFrom('members')
      .select(['category', 'birth_date', 'education'])
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ACTIVE_STATUSES),
  );
}

registerBranchFigures({
  key: 'members',
  label: '党员人数',
  columns: [
    { key: 'total', label: '合计' },
    { key: '正式党员', label: '正式党员' },
    { key: '预备党员', label: '预备党员' },
  ],
  compute: (db, branchId) => {
    const rows = activeMembers(db, branchId);
    return { total: rows.length, 正式党员: rows.filter((r) => r.category === '正式党员').length, 预备党员: rows.filter((r) => r.category === '预备党员').length };
  },
});

registerBranchFigures({
  key: 'age',
  label: '年龄',
  columns: AGE_BANDS.map((b) => ({ key: b.key, label: b.label })),
  compute: (db, branchId, today) => {
    const counts: Record<string, number> = Object.fromEntries(AGE_BANDS.map((b) => [b.key, 0]));
    for (const r of activeMembers(db, branchId)) {
      const age = fullYearsBetween(r.birth_date, today);
      const band = AGE_BANDS.find((b) => age >= b.min && age <= b.max);
      if (band) counts[band.key]!++;
    }
    return counts;
  },
});

registerBranchFigures({
  key: 'education',
  label: '学历',
  columns: EDUCATION_GROUPS.map((e) => ({ key: e.code, label: e.label })),
  compute: (db, branchId) => {
    const counts: Record<string, number> = Object.fromEntries(EDUCATION_GROUPS.map((e) => [e.code, 0]));
    for (const r of activeMembers(db, branchId)) counts[educationGroup(r.education)] = (counts[educationGroup(r.education)] ?? 0) + 1;
    return counts;
  },
});

export function compareBranches(db: Sqlite, today: string = localToday()): BranchFigures {
  const local = localBranchId(db);
  const branches = all(db, qb.selectFrom('branches').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('name'));
  return {
    groups: groups.map((g) => ({ key: g.key, label: g.label, columns: g.columns })),
    branches: branches.map((b) => ({
      id: b.id,
      name: b.name,
      isLocal: b.id === local,
      figures: Object.fromEntries(groups.map((g) => [g.key, g.compute(db, b.id, today)])),
    })),
  };
}
