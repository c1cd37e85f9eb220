/** Start-up, the branch profile and which screen is shown. */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/operations';
import type { Branch, BranchFieldsInput } from '../../../shared/domain/branch';
import { api, errorText } from '../api';

export type Screen = 'roster' | 'groups' | 'branch' | 'trash' | 'system' | 'handover' | 'backup' | 'committee' | 'pipeline' | 'overview' | 'rosterImport';
export type Phase = 'starting' | 'no-transport' | 'failed' | 'recovery' | 'setup' | 'ready';

interface AppState {
  phase: Phase;
  startError: string | null;
  info: AppInfo | null;
  branch: Branch | null;
  screen: Screen;
  start(hasTransport: boolean): Promise<void>;
  refreshInfo(): Promise<AppInfo>;
  refreshBranch(): Promise<void>;
  saveBranch(fields: BranchFieldsInput): Promise<Branch>;
  go(screen: Screen): void;
}

export const useAppStore = create<AppState>((set, get) => ({
  phase: 'starting',
  startError: null,
  info: null,
  branch: null,
  screen: 'overview',

  async start(hasTransport) {
    if (!hasTransport) return set({ phase: 'no-transport' });
    try {
      const info = await api().call('app.info');
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
    set({ branch, phase: 'ready', ...(wasSetup ? { screen: 'roster' as Screen } : {}) });
    if (wasSetup) void get().refreshInfo().catch(() => undefined);
    return branch;
  },

  go(screen) {
    set({ screen });
  },
}));
