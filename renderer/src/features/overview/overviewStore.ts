/** 首页: the branch overview (statistics, probation reminders, pipeline counts) and the statistics table export. */
import { create } from 'zustand';
import type { ExportedFile, RosterOverview } from '../../../../shared/contract/rosterFiles';
import { api, errorText } from '../../api';

interface OverviewState {
  overview: RosterOverview | null;
  loading: boolean;
  error: string | null;
  exporting: boolean;
  exportError: string | null;
  load(): Promise<void>;
  exportStatistics(): Promise<ExportedFile | null>;
}

export const useOverviewStore = create<OverviewState>((set) => ({
  overview: null,
  loading: false,
  error: null,
  exporting: false,
  exportError: null,

  async load() {
    set({ loading: true, error: null });
    try {
      const overview = await api().call('overview.get');
      set({ overview, loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },

  async exportStatistics() {
    set({ exporting: true, exportError: null });
    try {
      const file = await api().call('overview.exportStatistics');
      set({ exporting: false });
      return file;
    } catch (e) {
      set({ exporting: false, exportError: errorText(e) });
      return null;
    }
  },
}));
