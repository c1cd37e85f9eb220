/** The recycle bin (回收站). */
import { create } from 'zustand';
import type { TrashItem } from '../../../../shared/contract/operations';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';
import { useRosterStore } from '../roster/rosterStore';
import { useGroupsStore } from '../groups/groupsStore';

interface TrashState extends LoadState {
  items: TrashItem[];
  load(): Promise<void>;
  restore(item: TrashItem): Promise<void>;
}

export const useTrashStore = create<TrashState>((set, get) => ({
  items: [],
  ...NOT_LOADED,

  load: createLoader(set, async () => ({ items: await api().call('trash.list') })),

  async restore(item) {
    await api().call('trash.restore', { table: item.table, id: item.id });
    await get().load();
    void useRosterStore.getState().reload();
    void useGroupsStore.getState().load();
  },
}));
