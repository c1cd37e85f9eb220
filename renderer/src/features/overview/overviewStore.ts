/** 首页: the branch overview (statistics, probation reminders, pipeline counts) and the statistics table export. */
import { create } from 'zustand';
import type { ExportedFile, RosterOverview } from '../../../../shared/contract/rosterFiles';
import { api, errorText } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

interface OverviewState extends LoadState {
  overview: RosterOverview | null;
  exporting: boolean;
  exportError: string | null;
  load(): Promise<void>;
  exportStatistics(): Promise<ExportedFile | null>;
}

export const useOverviewStore = create<OverviewState>((set) => ({
  overview: null,
  ...NOT_LOADED,
  exporting: false,
  exportError: null,

  load: createLoader(set, async () => ({ overview: await api().call('overview.get') })),

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
