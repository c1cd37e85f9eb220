/** 备份与恢复: the list of backups, making, checking and restoring one. */
import { create } from 'zustand';
import type { BackupInfo, VerifyResult } from '../../../../shared/contract/handover';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';
import { reloadAppData } from '../../app/reloadAppData';

interface BackupState extends LoadState {
  backups: BackupInfo[];
  /** Results of 检查, by backup name. */
  verified: Record<string, VerifyResult>;
  load(): Promise<void>;
  create(): Promise<BackupInfo>;
  verify(name: string): Promise<VerifyResult>;
  restore(name: string): Promise<{ restored: BackupInfo; undo: BackupInfo }>;
  /** The backup folder on this computer ('' until loaded). */
  folder: string;
  loadFolder(): Promise<void>;
  /** A backup's content, to be saved where the user chooses. */
  readCopy(name: string): Promise<{ fileName: string; data: string; size: number }>;
  restoreFile(data: string, fileName: string): Promise<{ fileName: string; undo: BackupInfo }>;
}

export const useBackupStore = create<BackupState>((set, get) => ({
  backups: [],
  ...NOT_LOADED,
  verified: {},
  folder: '',

  async loadFolder() {
    set({ folder: (await api().call('backup.folder')).folder });
  },

  readCopy: (name) => api().call('backup.read', { name }),

  async restoreFile(data, fileName) {
    const r = await api().call('backup.restoreFile', { data, fileName });
    await reloadAppData();
    await get().load();
    return r;
  },

  load: createLoader(set, async () => ({ backups: await api().call('backup.list') })),

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
