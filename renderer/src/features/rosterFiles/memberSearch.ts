/** The roster's filters and sort as the member search takes them: the roster list and its exports search alike. */
import type { MemberSearch } from '../../../../shared/contract/operations';
import type { RosterFilters, SortField } from '../roster/rosterStore';

export function memberSearchOf(f: RosterFilters, sort: SortField, order: 'asc' | 'desc'): Omit<MemberSearch, 'offset' | 'limit'> {
  return {
    query: f.query.trim().slice(0, 50),
    partyGroupId: f.partyGroupId,
    category: f.category,
    status: f.status,
    educationGroup: f.educationGroup,
    gender: f.gender,
    ageBand: f.ageBand,
    ethnicity: f.ethnicity as MemberSearch['ethnicity'],
    standing: f.standing,
    change: f.change,
    changeFrom: f.change ? f.changeFrom : null,
    changeTo: f.change ? f.changeTo : null,
    branchId: f.branchId ?? null,
    sort,
    order,
  };
}
