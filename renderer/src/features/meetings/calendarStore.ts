/** 三会一课台账: one branch's calendar of a year, its frequencies, its Word and Excel exports. */
import { create } from 'zustand';
import type { ExportedFile } from '../../../../shared/contract/rosterFiles';
import type { PrintDocument } from '../../../../shared/documents/model';
import type { FactTableRow } from '../../../../shared/domain/facts';
import type { KindFrequency, MeetingsCalendar } from '../../../../shared/domain/meetingsCalendar';
import { api, errorText } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

interface CalendarState extends LoadState {
  year: number;
  /** null: the local branch. */
  branchId: string | null;
  calendar: MeetingsCalendar | null;
  /** Each member's class hours of the year (the fact meetings.studyHours: name, role, hours, required, shortfall). */
  studyHours: FactTableRow[];
  preview: PrintDocument | null;
  /** What is being exported or previewed. */
  busy: 'word' | 'excel' | 'preview' | null;
  exportError: string | null;
  load(): Promise<void>;
  /** Reads the calendar of a year and branch (null: the local one). */
  show(year: number, branchId: string | null): Promise<void>;
  /** The local branch's frequencies (another branch's come with its hand-over package). */
  saveFrequencies(frequencies: KindFrequency[]): Promise<void>;
  exportFile(kind: 'word' | 'excel'): Promise<ExportedFile | null>;
  openPreview(): Promise<void>;
  closePreview(): void;
}

/** A past year's hours are counted at its end; this year's (or a later one's) up to today. */
export function studyHoursDate(year: number, today = new Date().toLocaleDateString('sv-SE')): string {
  return `${year}` < today.slice(0, 4) ? `${year}-12-31` : today;
}

export const useCalendarStore = create<CalendarState>((set, get) => {
  const query = () => ({ year: get().year, branchId: get().branchId });
  /** Runs an export or the preview, keeping its error in words. */
  const run = async <T>(busy: CalendarState['busy'], call: () => Promise<T>): Promise<T | null> => {
    set({ busy, exportError: null });
    try {
      return await call();
    } catch (e) {
      set({ exportError: errorText(e) });
      return null;
    } finally {
      set({ busy: null });
    }
  };
  return {
    ...NOT_LOADED,
    year: new Date().getFullYear(),
    branchId: null,
    calendar: null,
    studyHours: [],
    preview: null,
    busy: null,
    exportError: null,

    load: createLoader(set, async () => {
      const [calendar, hours] = await Promise.all([api().call('meetings.calendar', query()), api().call('facts.get', { key: 'meetings.studyHours', at: studyHoursDate(get().year), branchId: get().branchId })]);
      return { calendar, studyHours: hours.data.kind === 'table' ? hours.data.rows : [] };
    }),

    async show(year, branchId) {
      // Always read again: records may have been finalised on another screen since.
      set({ year, branchId });
      await get().load();
    },

    async saveFrequencies(frequencies) {
      await api().call('meetings.setFrequencies', { frequencies });
      await get().load();
    },

    exportFile: (kind) => run(kind, () => api().call(kind === 'word' ? 'meetings.exportCalendarWord' : 'meetings.exportCalendarXlsx', query())),

    async openPreview() {
      const r = await run('preview', () => api().call('meetings.previewCalendar', query()));
      if (r) set({ preview: r.document });
    },

    closePreview: () => set({ preview: null }),
  };
});
