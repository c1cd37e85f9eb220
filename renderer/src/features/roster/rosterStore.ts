/** The roster list: filters, sort and pages of rows loaded as the user scrolls. */
import { create } from 'zustand';
import type { MemberSearch } from '../../../../shared/contract/operations';
import type { MemberRow } from '../../../../shared/domain/member';
import { api, errorText } from '../../api';

export const PAGE_SIZE = 500;
/** The roster's branch filter value for every branch at once. */
export const ALL_BRANCHES = 'all';

export type SortField = NonNullable<MemberSearch['sort']>;

export interface RosterFilters {
  query: string;
  partyGroupId: string | null; // id, 'none' (未分组) or null (all)
  category: '正式党员' | '预备党员' | null;
  status: NonNullable<MemberSearch['status']>;
  educationGroup: string | null;
  gender: '男' | '女' | null;
  ageBand: string | null;
  /** null: the local branch; 'all': every branch; or an imported branch's id (committee roll-up). */
  branchId?: string | null;
}

export const DEFAULT_FILTERS: RosterFilters = {
  query: '',
  partyGroupId: null,
  category: null,
  status: 'active',
  educationGroup: null,
  gender: null,
  ageBand: null,
};

interface RosterState {
  filters: RosterFilters;
  sort: SortField;
  order: 'asc' | 'desc';
  rows: MemberRow[];
  total: number;
  loading: boolean;
  error: string | null;
  /** Bumped on every new query so late answers of an older query are dropped. */
  generation: number;
  setFilters(patch: Partial<RosterFilters>): void;
  resetFilters(): void;
  setSort(sort: SortField, order: 'asc' | 'desc'): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

function searchInput(s: Pick<RosterState, 'filters' | 'sort' | 'order'>, offset: number): MemberSearch {
  const f = s.filters;
  return {
    query: f.query.trim().slice(0, 50),
    partyGroupId: f.partyGroupId,
    category: f.category,
    status: f.status,
    educationGroup: f.educationGroup,
    gender: f.gender,
    ageBand: f.ageBand,
    branchId: f.branchId ?? null,
    sort: s.sort,
    order: s.order,
    offset,
    limit: PAGE_SIZE,
  };
}

export const useRosterStore = create<RosterState>((set, get) => ({
  filters: DEFAULT_FILTERS,
  sort: 'name',
  order: 'asc',
  rows: [],
  total: 0,
  loading: false,
  error: null,
  generation: 0,

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().reload();
  },

  /** Clears the conditions; the branch shown is a view, not a condition, and stays. */
  resetFilters() {
    set({ filters: { ...DEFAULT_FILTERS, branchId: get().filters.branchId } });
    void get().reload();
  },

  setSort(sort, order) {
    set({ sort, order });
    void get().reload();
  },

  async reload() {
    const generation = get().generation + 1;
    set({ generation, loading: true, error: null });
    try {
      const r = await api().call('members.search', searchInput(get(), 0));
      if (get().generation !== generation) return;
      set({ rows: r.rows, total: r.total, loading: false });
    } catch (e) {
      if (get().generation !== generation) return;
      set({ loading: false, error: errorText(e) });
    }
  },

  async loadMore() {
    const s = get();
    if (s.loading || s.rows.length >= s.total) return;
    const generation = s.generation;
    set({ loading: true });
    try {
      const r = await api().call('members.search', searchInput(s, s.rows.length));
      if (get().generation !== generation) return;
      set({ rows: [...get().rows, ...r.rows], total: r.total, loading: false });
    } catch (e) {
      if (get().generation !== generation) return;
      set({ loading: false, error: errorText(e) });
    }
  },
}));
