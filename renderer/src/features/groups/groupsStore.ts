/** Party groups (党小组). */
import { create } from 'zustand';
import type { PartyGroup, PartyGroupFieldsInput } from '../../../../shared/domain/branch';
import type { MemberRow } from '../../../../shared/domain/member';
import { api, errorText } from '../../api';

interface GroupsState {
  groups: PartyGroup[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  save(fields: PartyGroupFieldsInput & { id?: string | null }): Promise<PartyGroup>;
  remove(id: string): Promise<void>;
  /** Members to choose a leader from (first 50 matches). */
  findMembers(query: string): Promise<MemberRow[]>;
}

export const useGroupsStore = create<GroupsState>((set, get) => ({
  groups: [],
  loaded: false,
  loading: false,
  error: null,

  async load() {
    set({ loading: true, error: null });
    try {
      const groups = await api().call('groups.list');
      set({ groups, loaded: true, loading: false });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },

  async save(fields) {
    const g = await api().call('groups.save', fields);
    await get().load();
    return g;
  },

  async remove(id) {
    await api().call('groups.delete', { id });
    await get().load();
  },

  async findMembers(query) {
    const r = await api().call('members.search', { query, limit: 50 });
    return r.rows;
  },
}));
