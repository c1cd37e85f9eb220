/** 系统与数据: diagnostics export and the demo-data job with its progress. */
import { create } from 'zustand';
import type { JobStatus } from '../../../../shared/contract/operations';
import { api, errorText } from '../../api';
import { useAppStore } from '../../stores/appStore';
import { useGroupsStore } from '../groups/groupsStore';
import { useRosterStore } from '../roster/rosterStore';

export const POLL_MS = 300;

interface SystemState {
  diagnosticsPath: string | null;
  exporting: boolean;
  job: JobStatus | null;
  /** True from the click until the job has finished (or failed to start). */
  seeding: boolean;
  seedError: string | null;
  exportDiagnostics(): Promise<string>;
  startSeed(members: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const useSystemStore = create<SystemState>((set, get) => ({
  diagnosticsPath: null,
  exporting: false,
  job: null,
  seeding: false,
  seedError: null,

  async exportDiagnostics() {
    set({ exporting: true });
    try {
      const r = await api().call('app.exportDiagnostics');
      set({ diagnosticsPath: r.path });
      return r.path;
    } finally {
      set({ exporting: false });
    }
  },

  async startSeed(members) {
    if (get().seeding) return;
    set({ seeding: true, seedError: null, job: null });
    try {
      let job = await api().call('demo.seed', { members });
      set({ job });
      let failures = 0;
      while (job.state === 'running') {
        await sleep(POLL_MS);
        try {
          job = await api().call('jobs.get', { id: job.id });
          failures = 0;
          set({ job });
        } catch (e) {
          if (++failures >= 5) throw e;
        }
      }
      if (job.state === 'failed') set({ seedError: job.error?.message ?? job.message ?? '生成示例数据失败' });
      else {
        void useRosterStore.getState().reload();
        void useGroupsStore.getState().load();
        void useAppStore.getState().refreshBranch().catch(() => undefined);
      }
    } catch (e) {
      set({ seedError: errorText(e) });
    } finally {
      set({ seeding: false });
    }
  },
}));
