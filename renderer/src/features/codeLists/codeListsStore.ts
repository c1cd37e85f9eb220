/** 字典管理: the code lists of the local branch, and the edits made on them. */
import { create } from 'zustand';
import type { z } from 'zod';
import type { codeListsOperations } from '../../../../shared/contract/codeLists';
import type { CodeItem, CodeList, CodeListKey } from '../../../../shared/domain/codeLists';
import { api, errorText } from '../../api';

type Ops = typeof codeListsOperations;
type OpName = keyof Ops;

/** A call typed from this capability's own contract module (the central contract merges it). */
function call<N extends OpName>(name: N, input: z.input<Ops[N]['input']>): Promise<Ops[N]['output']> {
  return api().call(name as never, input as never) as Promise<Ops[N]['output']>;
}

interface CodeListsState {
  lists: CodeList[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
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
  loaded: false,
  loading: false,
  error: null,

  async load() {
    set({ loading: true, error: null });
    try {
      const lists = await call('codeLists.list', {});
      set({ lists, loaded: true, loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },

  async save(input) {
    const item = await call('codeLists.save', input);
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
      const updated = await call('codeLists.reorder', { kind, ids });
      set({ lists: get().lists.map((l) => (l.kind === kind ? updated : l)) });
    } catch (e) {
      await get().load();
      throw e;
    }
  },

  async setInUse(id, inUse) {
    const item = await call('codeLists.setInUse', { id, inUse });
    await get().load();
    return item;
  },

  async remove(id) {
    await call('codeLists.delete', { id });
    await get().load();
  },

  options(kind) {
    return call('codeLists.options', { kind });
  },
}));
