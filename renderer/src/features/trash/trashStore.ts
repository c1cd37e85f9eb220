/** The recycle bin (回收站). */
import { create } from 'zustand';
import type { TrashItem } from '../../../../shared/contract/operations';
import { api, errorText } from '../../api';
import { useRosterStore } from '../roster/rosterStore';
import { useGroupsStore } from '../groups/groupsStore';

interface TrashState {
  items: TrashItem[];
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  restore(item: TrashItem): Promise<void>;
}

export const useTrashStore = create<TrashState>((set, get) => ({
  items: [],
  loading: false,
  error: null,

  async load() {
    set({ loading: true, error: null });
    try {
      set({ items: await api().call('trash.list'), loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },

  async restore(item) {
    await api().call('trash.restore', { table: item.table, id: item.id });
    await get().load();
    void useRosterStore.getState().reload();
    void useGroupsStore.getState().load();
  },
}));
