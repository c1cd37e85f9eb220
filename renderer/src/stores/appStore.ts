/** Start-up and the branch profile (the screen shown is the route: app/router.ts). */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/operations';
import type { Branch, BranchFieldsInput } from '../../../shared/domain/branch';
import { api, errorText } from '../api';
import { openScreen } from '../app/screens';
import { usePreferencesStore } from './preferencesStore';

export type Phase = 'starting' | 'no-transport' | 'failed' | 'recovery' | 'setup' | 'ready';

interface AppState {
  phase: Phase;
  startError: string | null;
  info: AppInfo | null;
  branch: Branch | null;
  start(hasTransport: boolean): Promise<void>;
  refreshInfo(): Promise<AppInfo>;
  refreshBranch(): Promise<void>;
  saveBranch(fields: BranchFieldsInput): Promise<Branch>;
}

export const useAppStore = create<AppState>((set, get) => ({
  phase: 'starting',
  startError: null,
  info: null,
  branch: null,

  async start(hasTransport) {
    if (!hasTransport) return set({ phase: 'no-transport' });
    try {
      // The display preferences first, so the first screen already shows the columns the user chose.
      const [info] = await Promise.all([api().call('app.info'), usePreferencesStore.getState().load()]);
      if (info.recovery) return set({ info, phase: 'recovery', startError: null });
      const branch = info.hasBranch ? await api().call('branch.get') : null;
      set({ info, branch, phase: info.hasBranch ? 'ready' : 'setup', startError: null });
    } catch (e) {
      set({ phase: 'failed', startError: errorText(e) });
    }
  },

  async refreshInfo() {
    const info = await api().call('app.info');
    set({ info });
    return info;
  },

  async refreshBranch() {
    const branch = await api().call('branch.get');
    set({ branch });
  },

  async saveBranch(fields) {
    const branch = await api().call('branch.save', fields);
    const wasSetup = get().phase === 'setup';
    // After first start the secretary fills the roster next.
    if (wasSetup) openScreen('roster', {}, { replace: true });
    set({ branch, phase: 'ready' });
    if (wasSetup) void get().refreshInfo().catch(() => undefined);
    return branch;
  },
}));
