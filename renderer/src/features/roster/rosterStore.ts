/**
 * The roster list: filters, sort and pages of rows loaded as the user scrolls. The filters live in the route
 * ('#/roster?category=预备党员&partyGroupId=…'), so a link opens the roster filtered, and Back and a reload keep them.
 */
import { create } from 'zustand';
import { currentRoute, navigate, type Query } from '../../app/router';
import type { MemberSearch } from '../../../../shared/contract/operations';
import { MEMBER_CHANGES, type MemberChangeKey, type MemberRow } from '../../../../shared/domain/member';
import { api, errorText } from '../../api';
import { memberSearchOf } from '../rosterFiles/memberSearch';

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
  /** One of the 56 or 少数民族 (MINORITIES). */
  ethnicity: string | null;
  /** A 党龄 band's key (statistics STANDING_BANDS). */
  standing: string | null;
  /** A change in a period (MEMBER_CHANGES), from changeFrom (default 1 January) to changeTo (default today). */
  change: MemberChangeKey | null;
  changeFrom: string | null;
  changeTo: string | null;
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
  ethnicity: null,
  standing: null,
  change: null,
  changeFrom: null,
  changeTo: null,
};

const CATEGORIES = ['正式党员', '预备党员'] as const;
const GENDERS = ['男', '女'] as const;
const pick = <T extends string>(v: string | undefined, allowed: readonly T[]): T | null => (allowed as readonly string[]).includes(v ?? '') ? (v as T) : null;

/** The filters a route query names; anything it leaves out is the default (the local branch, members on the roll). */
export function filtersFromQuery(q: Query): RosterFilters {
  return {
    query: (q.q ?? '').slice(0, 50),
    partyGroupId: q.partyGroupId ?? null,
    category: pick(q.category, CATEGORIES),
    status: (q.status as RosterFilters['status'] | undefined) ?? 'active',
    educationGroup: q.educationGroup ?? null,
    gender: pick(q.gender, GENDERS),
    ageBand: q.ageBand ?? null,
    ethnicity: q.ethnicity ?? null,
    standing: q.standing ?? null,
    change: pick(q.change, MEMBER_CHANGES.map((c) => c.key)),
    changeFrom: q.from ?? null,
    changeTo: q.to ?? null,
    branchId: q.branch ?? null,
  };
}

/** The route query of the filters (defaults left out): the inverse of filtersFromQuery. */
export function queryOfFilters(f: Partial<RosterFilters>): Record<string, string | null | undefined> {
  return {
    q: f.query?.trim() || null,
    partyGroupId: f.partyGroupId,
    category: f.category,
    status: f.status === 'active' ? null : f.status,
    educationGroup: f.educationGroup,
    gender: f.gender,
    ageBand: f.ageBand,
    ethnicity: f.ethnicity,
    standing: f.standing,
    change: f.change,
    from: f.change ? f.changeFrom : null,
    to: f.change ? f.changeTo : null,
    branch: f.branchId,
  };
}

const ROSTER_PATH = '/roster';

const sameFilters = (a: RosterFilters, b: RosterFilters) => JSON.stringify(queryOfFilters(a)) === JSON.stringify(queryOfFilters(b));

/** Writes the filters into the address while the roster is shown (no new history entry: Back leaves the roster). */
function writeRoute(filters: RosterFilters): void {
  const route = currentRoute();
  if (route.path !== ROSTER_PATH) return;
  navigate(ROSTER_PATH, { ...queryOfFilters(filters), member: route.query.member }, { replace: true });
}

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
  /** Bumped when the route, not the search box, changed the search text (the box then shows it). */
  queryFromRoute: number;
  /** The member just saved: the list scrolls to the row and marks it for a few seconds. */
  highlightId: string | null;
  /** Reloads the list so it shows the member just saved (clearing the conditions if they hide him) and marks the row. */
  showSaved(id: string): Promise<void>;
  clearHighlight(id: string): void;
  /** Takes the filters from the route query; reloads when they changed (or `force`, on opening the screen). */
  applyRoute(q: Query, force?: boolean): void;
  setFilters(patch: Partial<RosterFilters>): void;
  resetFilters(): void;
  setSort(sort: SortField, order: 'asc' | 'desc'): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

function searchInput(s: Pick<RosterState, 'filters' | 'sort' | 'order'>, offset: number): MemberSearch {
  return { ...memberSearchOf(s.filters, s.sort, s.order), offset, limit: PAGE_SIZE };
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
  queryFromRoute: 0,
  highlightId: null,

  applyRoute(q, force = false) {
    const filters = filtersFromQuery(q);
    const before = get().filters;
    const changed = !sameFilters(filters, before);
    if (!force && !changed) return;
    // A link (e.g. a count on 首页) asks for other rows: the old rows and count are not shown under the new filters.
    set({
      filters,
      ...(changed ? { rows: [], total: 0 } : {}),
      ...(filters.query !== before.query ? { queryFromRoute: get().queryFromRoute + 1 } : {}),
    });
    void get().reload();
  },

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    writeRoute(get().filters);
    void get().reload();
  },

  /** Clears the conditions; the branch shown is a view, not a condition, and stays. */
  resetFilters() {
    set({ filters: { ...DEFAULT_FILTERS, branchId: get().filters.branchId } });
    writeRoute(get().filters);
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

  async showSaved(id) {
    set({ highlightId: id });
    const listed = () => get().rows.some((r) => r.id === id);
    await get().reload();
    const cleared = { ...DEFAULT_FILTERS, branchId: get().filters.branchId };
    if (!listed() && !sameFilters(get().filters, cleared)) {
      // The search box shows the cleared text too (as when the route changes it).
      set({ filters: cleared, queryFromRoute: get().queryFromRoute + 1 });
      writeRoute(cleared);
      await get().reload();
    }
    // The list loads page by page: go on until the row is there (the roster scrolls to it).
    for (let pages = 0; !listed() && get().rows.length < get().total && pages < 20 && !get().error; pages++) await get().loadMore();
  },

  clearHighlight(id) {
    if (get().highlightId === id) set({ highlightId: null });
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
