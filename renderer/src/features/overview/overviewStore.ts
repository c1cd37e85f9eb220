/**
 * 首页: the branch overview (statistics, probation reminders, pipeline counts) and the statistics table export.
 * The only place the home page reads its data: when the main side offers its figures as facts, the swap is here.
 */
import { create } from 'zustand';
import type { ExportedFile, RosterOverview } from '../../../../shared/contract/rosterFiles';
import { api, errorText } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

interface OverviewState extends LoadState {
  overview: RosterOverview | null;
  /** The local branch's party groups by name: the statistics name groups, the roster filters by id. */
  groupIds: Record<string, string>;
  exporting: boolean;
  exportError: string | null;
  load(): Promise<void>;
  exportStatistics(): Promise<ExportedFile | null>;
}

export const useOverviewStore = create<OverviewState>((set) => ({
  overview: null,
  groupIds: {},
  ...NOT_LOADED,
  exporting: false,
  exportError: null,

  load: createLoader(set, async () => {
    const [overview, groups] = await Promise.all([api().call('overview.get'), api().call('groups.list')]);
    return { overview, groupIds: Object.fromEntries(groups.map((g) => [g.name, g.id])) };
  }),

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
