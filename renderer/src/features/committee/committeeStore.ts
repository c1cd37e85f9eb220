/** The committee roll-up: the branches this database holds, and their figures side by side. */
import { create } from 'zustand';
import type { BranchFigures, BranchSummary } from '../../../../shared/contract/operations';
import { api, errorText } from '../../api';

interface CommitteeState {
  /** Local branch first, then branches imported from other databases. */
  branches: BranchSummary[];
  figures: BranchFigures | null;
  loading: boolean;
  error: string | null;
  loadBranches(): Promise<void>;
  loadFigures(): Promise<void>;
}

export const useCommitteeStore = create<CommitteeState>((set) => ({
  branches: [],
  figures: null,
  loading: false,
  error: null,

  async loadBranches() {
    try {
      set({ branches: await api().call('branches.list') });
    } catch {
      // The menu and the roster's selector simply stay hidden; the comparison screen shows its own error.
    }
  },

  async loadFigures() {
    set({ loading: true, error: null });
    try {
      const [figures, branches] = await Promise.all([api().call('branches.compare'), api().call('branches.list')]);
      set({ figures, branches, loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },
}));
