/**
 * 会议记录: the list with its filters (kept in the route, so the calendar can link to '#/meetings?kind=committee&month=2026-03'),
 * the record open in the form (a draft, a new record or an amendment) or in the detail view (a final record).
 */
import { create } from 'zustand';
import { currentRoute, navigate, type Query } from '../../app/router';
import type { MeetingDetail, MeetingSummary, MeetingVersion } from '../../../../shared/contract/meetings';
import { isMeetingKind, type MeetingFieldsInput, type MeetingKind } from '../../../../shared/domain/meetings';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

export const MEETINGS_PATH = '/meetings';

/** 草稿, 已定稿 (never amended) or 已修订 (amended at least once). */
export type StatusFilter = 'draft' | 'final' | 'amended';
export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'final', label: '已定稿' },
  { value: 'amended', label: '已修订' },
];

export interface MeetingFilters {
  year: number;
  /** 'YYYY-MM' (a month) or 'YYYY-Qn' (a quarter) of the year; null: the whole year. */
  month: string | null;
  kind: MeetingKind | null;
  groupId: string | null;
  status: StatusFilter | null;
  query: string;
}

const thisYear = () => new Date().getFullYear();

export function filtersFromQuery(q: Query): MeetingFilters {
  // The calendar links to a period: a month, a quarter, or a year ('2026-03', '2026-Q1', '2026').
  const month = /^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/.test(q.month ?? '') ? q.month! : null;
  const yearOnly = /^\d{4}$/.test(q.month ?? '') ? q.month! : null;
  const yearText = month?.slice(0, 4) ?? yearOnly ?? q.year ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : thisYear();
  return {
    year,
    month,
    kind: isMeetingKind(q.kind) ? q.kind : null,
    groupId: q.groupId ?? null,
    status: STATUS_FILTERS.some((s) => s.value === q.status) ? (q.status as StatusFilter) : null,
    query: (q.q ?? '').slice(0, 50),
  };
}

export function queryOfFilters(f: MeetingFilters): Record<string, string | null> {
  return {
    year: f.month || f.year === thisYear() ? null : String(f.year),
    month: f.month,
    kind: f.kind,
    groupId: f.groupId,
    status: f.status,
    q: f.query.trim() || null,
  };
}

/** The status as the list says it. */
export function statusLabel(m: Pick<MeetingSummary, 'status' | 'version'>): string {
  if (m.status === 'draft') return '草稿';
  return m.version > 1 ? `已修订（第 ${m.version} 版）` : '已定稿';
}

/** Whether a date ('YYYY-MM-DD') lies in a period 'YYYY-MM' or 'YYYY-Qn'. */
export function inPeriod(date: string, period: string): boolean {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return date.startsWith(period);
  const month = Number(date.slice(5, 7));
  return date.startsWith(q[1]!) && Math.ceil(month / 3) === Number(q[2]);
}

/** What the server cannot filter: the month, 已修订 against 已定稿, and the search words. */
export function shownRows(rows: readonly MeetingSummary[], f: MeetingFilters): MeetingSummary[] {
  const words = f.query.trim().toLowerCase();
  return rows.filter(
    (m) =>
      (!f.month || inPeriod(m.date, f.month)) &&
      (f.status !== 'final' || m.version <= 1) &&
      (f.status !== 'amended' || m.version > 1) &&
      (!words || [m.title, m.place, m.hostName, m.groupName ?? ''].some((t) => t.toLowerCase().includes(words))),
  );
}

/** What a new record starts with (from the route: the calendar's 去记录 link). */
export interface NewMeetingPreset {
  kind: MeetingKind;
  date: string | null;
  groupId: string | null;
}

export type FormMode = 'new' | 'draft' | 'amend';

interface MeetingsState extends LoadState {
  rows: MeetingSummary[];
  filters: MeetingFilters;
  load(): Promise<void>;
  /** Takes the filters from the route; reloads when the year, kind, group or status changed (or `force`). */
  applyRoute(query: Query, force: boolean): void;
  setFilters(patch: Partial<MeetingFilters>): void;

  /** The record just saved: marked in the list for a few seconds. */
  highlightId: string | null;
  clearHighlight(id: string): void;

  formOpen: boolean;
  formMode: FormMode;
  /** The draft being edited, or the final record being amended; null for a new record. */
  formRecord: MeetingDetail | null;
  preset: NewMeetingPreset | null;
  openNew(preset?: Partial<NewMeetingPreset>): void;
  openAmend(record: MeetingDetail): void;
  closeForm(): void;

  /** The final record shown in the detail view. */
  detailId: string | null;
  detail: MeetingDetail | null;
  detailError: string | null;
  /** Opens a record: a draft in the form, a final record in the detail view. */
  openRecord(id: string): Promise<void>;
  closeDetail(): void;

  saveDraft(id: string | null, fields: MeetingFieldsInput, expectedUpdatedAt?: string): Promise<MeetingDetail>;
  /** With `fields`: the form saved and made final in one call (id null: a new record). */
  finalize(id: string | null, expectedUpdatedAt?: string, fields?: MeetingFieldsInput): Promise<MeetingDetail>;
  amend(id: string, reason: string, fields: MeetingFieldsInput, expectedUpdatedAt?: string): Promise<MeetingDetail>;
  remove(id: string): Promise<void>;
  history(id: string): Promise<MeetingVersion[]>;
  /** After a save: the list read again (conditions hiding the record cleared) and the record marked. */
  showSaved(record: MeetingDetail): Promise<void>;
}

/**
 * A meeting or talk was saved, finalised, amended or deleted: the 台账 (calendar screen), if it was read, is read
 * again, so going back to it shows what was just recorded.
 */
export async function meetingsChanged(): Promise<void> {
  const { useCalendarStore } = await import('./calendarStore');
  if (useCalendarStore.getState().loaded) await useCalendarStore.getState().load();
}

function writeRoute(filters: MeetingFilters): void {
  if (currentRoute().path !== MEETINGS_PATH) return;
  navigate(MEETINGS_PATH, queryOfFilters(filters), { replace: true });
}

const serverKey = (f: MeetingFilters) => JSON.stringify([f.year, f.kind, f.groupId, f.status === 'draft' ? 'draft' : f.status ? 'final' : null]);

export const useMeetingsStore = create<MeetingsState>((set, get) => ({
  ...NOT_LOADED,
  rows: [],
  filters: filtersFromQuery({}),

  load: createLoader(set, async () => {
    const f = get().filters;
    const status = f.status === 'draft' ? 'draft' : f.status ? 'final' : null;
    return { rows: await api().call('meetings.list', { year: f.year, kind: f.kind, groupId: f.groupId, status }) };
  }),

  applyRoute(query, force) {
    const next = filtersFromQuery(query);
    const before = get().filters;
    set({ filters: next });
    if (force || serverKey(before) !== serverKey(next)) void get().load();
  },

  setFilters(patch) {
    const before = get().filters;
    const next = { ...before, ...patch };
    // A month belongs to one year: choosing another year shows the whole of it.
    if (patch.year !== undefined && next.month && !next.month.startsWith(String(patch.year))) next.month = null;
    set({ filters: next });
    writeRoute(next);
    if (serverKey(before) !== serverKey(next)) void get().load();
  },

  highlightId: null,
  clearHighlight(id) {
    if (get().highlightId === id) set({ highlightId: null });
  },

  formOpen: false,
  formMode: 'new',
  formRecord: null,
  preset: null,
  openNew(preset = {}) {
    set({ formOpen: true, formMode: 'new', formRecord: null, preset: { kind: preset.kind ?? 'committee', date: preset.date ?? null, groupId: preset.groupId ?? null } });
  },
  openAmend(record) {
    set({ formOpen: true, formMode: 'amend', formRecord: record, preset: null });
  },
  closeForm() {
    set({ formOpen: false });
  },

  detailId: null,
  detail: null,
  detailError: null,
  async openRecord(id) {
    set({ detailId: id, detail: null, detailError: null });
    try {
      const record = await api().call('meetings.get', { id });
      if (get().detailId !== id) return;
      if (record.status === 'draft') set({ detailId: null, formOpen: true, formMode: 'draft', formRecord: record, preset: null });
      else set({ detail: record });
    } catch (e) {
      if (get().detailId === id) set({ detailError: e instanceof Error ? e.message : String(e) });
    }
  },
  closeDetail() {
    set({ detailId: null, detail: null, detailError: null });
  },

  async saveDraft(id, fields, expectedUpdatedAt) {
    return api().call('meetings.save', { id, fields, expectedUpdatedAt });
  },
  async finalize(id, expectedUpdatedAt, fields) {
    return api().call('meetings.finalize', { id, expectedUpdatedAt, fields });
  },
  async amend(id, reason, fields, expectedUpdatedAt) {
    return api().call('meetings.amend', { id, reason, fields, expectedUpdatedAt });
  },
  async remove(id) {
    await api().call('meetings.delete', { id });
    void meetingsChanged();
    await get().load();
  },
  history(id) {
    return api().call('meetings.history', { id });
  },

  async showSaved(record) {
    const f = get().filters;
    const year = Number(record.date.slice(0, 4));
    const hides =
      f.year !== year ||
      (f.month && !inPeriod(record.date, f.month)) ||
      (f.kind && f.kind !== record.kind) ||
      (f.groupId && f.groupId !== record.groupId) ||
      f.status ||
      f.query;
    void meetingsChanged();
    if (hides) get().setFilters({ year, month: null, kind: null, groupId: null, status: null, query: '' });
    await get().load();
    set({ highlightId: record.id });
    if (get().detailId === record.id) set({ detail: record });
  },
}));
