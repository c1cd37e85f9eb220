/**
 * 谈心谈话: talks and home visits of a year, or one person's history ('#/talks?member=…' or '?person=姓名'), and the
 * talk open in the form.
 */
import { create } from 'zustand';
import { currentRoute, navigate, type Query } from '../../app/router';
import type { Talk } from '../../../../shared/contract/meetings';
import { TALK_KIND_CODES, type TalkFieldsInput, type TalkKind } from '../../../../shared/domain/meetings';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';
import { meetingsChanged } from './meetingsStore';

export const TALKS_PATH = '/talks';

export interface TalkFilters {
  /** null with a person chosen: all their years. */
  year: number | null;
  kind: TalkKind | null;
  memberId: string | null;
  personName: string | null;
  query: string;
}

const thisYear = () => new Date().getFullYear();

export function talkFiltersFromQuery(q: Query): TalkFilters {
  const person = q.member || q.person;
  return {
    year: /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : person ? null : thisYear(),
    kind: (TALK_KIND_CODES as readonly string[]).includes(q.kind ?? '') ? (q.kind as TalkKind) : null,
    memberId: q.member ?? null,
    personName: q.member ? null : (q.person ?? null),
    query: (q.q ?? '').slice(0, 50),
  };
}

export function queryOfTalkFilters(f: TalkFilters): Record<string, string | null> {
  const person = f.memberId || f.personName;
  return {
    year: f.year === null || (!person && f.year === thisYear()) ? null : String(f.year),
    kind: f.kind,
    member: f.memberId,
    person: f.personName,
    q: f.query.trim() || null,
  };
}

/** The search words over what the list shows (names, topic, summary). */
export function shownTalks(talks: readonly Talk[], query: string): Talk[] {
  const words = query.trim().toLowerCase();
  if (!words) return [...talks];
  return talks.filter((t) => [t.personLabel, t.talkerNames.join('、'), t.topic, t.summary, t.place].some((s) => s.toLowerCase().includes(words)));
}

export interface MemberChoice {
  id: string;
  name: string;
}

interface TalksState extends LoadState {
  talks: Talk[];
  filters: TalkFilters;
  load(): Promise<void>;
  applyRoute(query: Query, force: boolean): void;
  setFilters(patch: Partial<TalkFilters>): void;
  /** Members to pick talkers and the person from (the roster as it is now). */
  members: MemberChoice[];
  loadMembers(): Promise<void>;

  formOpen: boolean;
  editing: Talk | null;
  openCreate(): void;
  openEdit(talk: Talk): void;
  closeForm(): void;
  save(id: string | null, fields: TalkFieldsInput, expectedUpdatedAt?: string): Promise<Talk>;
  remove(id: string): Promise<void>;
  highlightId: string | null;
  clearHighlight(id: string): void;
}

const serverKey = (f: TalkFilters) => JSON.stringify([f.year, f.kind, f.memberId, f.personName]);

export const useTalksStore = create<TalksState>((set, get) => ({
  ...NOT_LOADED,
  talks: [],
  filters: talkFiltersFromQuery({}),
  load: createLoader(set, async () => {
    const f = get().filters;
    return { talks: await api().call('talks.list', { year: f.year, kind: f.kind, memberId: f.memberId, personName: f.personName }) };
  }),
  applyRoute(query, force) {
    const next = talkFiltersFromQuery(query);
    const before = get().filters;
    set({ filters: next });
    if (force || serverKey(before) !== serverKey(next)) void get().load();
  },
  setFilters(patch) {
    const before = get().filters;
    const next = { ...before, ...patch };
    set({ filters: next });
    if (currentRoute().path === TALKS_PATH) navigate(TALKS_PATH, queryOfTalkFilters(next), { replace: true });
    if (serverKey(before) !== serverKey(next)) void get().load();
  },
  members: [],
  async loadMembers() {
    const r = await api().call('members.search', { status: 'active', sort: 'name', limit: 1000 });
    set({ members: r.rows.map((m) => ({ id: m.id, name: m.name })) });
  },

  formOpen: false,
  editing: null,
  openCreate() {
    set({ formOpen: true, editing: null });
  },
  openEdit(talk) {
    set({ formOpen: true, editing: talk });
  },
  closeForm() {
    set({ formOpen: false });
  },
  async save(id, fields, expectedUpdatedAt) {
    const talk = await api().call('talks.save', { id, fields, expectedUpdatedAt });
    void meetingsChanged();
    const f = get().filters;
    const year = Number(talk.date.slice(0, 4));
    const hidden = (f.year !== null && f.year !== year) || (f.kind && f.kind !== talk.kind) || (f.memberId && f.memberId !== talk.memberId) || f.personName || f.query;
    if (hidden) get().setFilters({ year, kind: null, memberId: null, personName: null, query: '' });
    await get().load();
    set({ highlightId: talk.id });
    return talk;
  },
  async remove(id) {
    await api().call('talks.delete', { id });
    void meetingsChanged();
    await get().load();
  },
  highlightId: null,
  clearHighlight(id) {
    if (get().highlightId === id) set({ highlightId: null });
  },
}));
