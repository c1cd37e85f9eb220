/** 备份与恢复: the list of backups, making, checking and restoring one. */
import { create } from 'zustand';
import type { BackupInfo, VerifyResult } from '../../../../shared/contract/handover';
import { api, errorText } from '../../api';
import { reloadAppData } from '../handover/handoverStore';

interface BackupState {
  backups: BackupInfo[];
  loading: boolean;
  error: string | null;
  /** Results of 检查, by backup name. */
  verified: Record<string, VerifyResult>;
  load(): Promise<void>;
  create(): Promise<BackupInfo>;
  verify(name: string): Promise<VerifyResult>;
  restore(name: string): Promise<{ restored: BackupInfo; undo: BackupInfo }>;
}

export const useBackupStore = create<BackupState>((set, get) => ({
  backups: [],
  loading: false,
  error: null,
  verified: {},

  async load() {
    set({ loading: true, error: null });
    try {
      const backups = await api().call('backup.list');
      set({ backups, loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },

  async create() {
    const b = await api().call('backup.create');
    await get().load();
    return b;
  },

  async verify(name) {
    const r = await api().call('backup.verify', { name });
    set({ verified: { ...get().verified, [name]: r } });
    return r;
  },

  async restore(name) {
    const r = await api().call('backup.restore', { name });
    await reloadAppData();
    await get().load();
    return r;
  },
}));
