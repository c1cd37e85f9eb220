/** 字典管理: the code lists of the local branch, and the edits made on them. */
import { create } from 'zustand';
import type { CodeItem, CodeList, CodeListKey } from '../../../../shared/domain/codeLists';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';


interface CodeListsState extends LoadState {
  lists: CodeList[];
  load(): Promise<void>;
  save(input: { id?: string | null; kind: CodeListKey; label: string; note: string; expectedUpdatedAt?: string | null }): Promise<CodeItem>;
  /** Moves an item one place up (-1) or down (+1) in its list. */
  move(kind: CodeListKey, id: string, by: -1 | 1): Promise<void>;
  setInUse(id: string, inUse: boolean): Promise<CodeItem>;
  remove(id: string): Promise<void>;
  /** What a pick list of another screen offers: labels in use, in order. */
  options(kind: CodeListKey): Promise<string[]>;
}

export const useCodeListsStore = create<CodeListsState>((set, get) => ({
  lists: [],
  ...NOT_LOADED,
  load: createLoader<CodeListsState>(set, async () => ({ lists: await api().call('codeLists.list', {}) })),

  async save(input) {
    const item = await api().call('codeLists.save', input);
    await get().load();
    return item;
  },

  async move(kind, id, by) {
    const list = get().lists.find((l) => l.kind === kind);
    if (!list) return;
    const ids = list.items.map((i) => i.id);
    const from = ids.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    try {
      const updated = await api().call('codeLists.reorder', { kind, ids });
      set({ lists: get().lists.map((l) => (l.kind === kind ? updated : l)) });
    } catch (e) {
      await get().load();
      throw e;
    }
  },

  async setInUse(id, inUse) {
    const item = await api().call('codeLists.setInUse', { id, inUse });
    await get().load();
    return item;
  },

  async remove(id) {
    await api().call('codeLists.delete', { id });
    await get().load();
  },

  options(kind) {
    return api().call('codeLists.options', { kind });
  },
}));
