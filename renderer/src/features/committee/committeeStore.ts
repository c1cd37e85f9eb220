/** The committee roll-up: the branches this database holds, and their figures side by side. */
import { create } from 'zustand';
import type { BranchFigures, BranchSummary } from '../../../../shared/contract/operations';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

interface CommitteeState extends LoadState {
  /** Local branch first, then branches imported from other databases. */
  branches: BranchSummary[];
  figures: BranchFigures | null;
  loadBranches(): Promise<void>;
  loadFigures(): Promise<void>;
}

export const useCommitteeStore = create<CommitteeState>((set) => ({
  branches: [],
  figures: null,
  ...NOT_LOADED,

  async loadBranches() {
    try {
      set({ branches: await api().call('branches.list') });
    } catch {
      // The menu and the roster's selector simply stay hidden; the comparison screen shows its own error.
    }
  },

  loadFigures: createLoader(set, async () => {
    const [figures, branches] = await Promise.all([api().call('branches.compare'), api().call('branches.list')]);
    return { figures, branches };
  }),
}));
