/** Party groups (党小组). */
import { create } from 'zustand';
import type { PartyGroup, PartyGroupFieldsInput } from '../../../../shared/domain/branch';
import type { MemberRow } from '../../../../shared/domain/member';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

interface GroupsState extends LoadState {
  groups: PartyGroup[];
  load(): Promise<void>;
  save(fields: PartyGroupFieldsInput & { id?: string | null }): Promise<PartyGroup>;
  remove(id: string): Promise<void>;
  /** Members to choose a leader from (first 50 matches). */
  findMembers(query: string): Promise<MemberRow[]>;
}

export const useGroupsStore = create<GroupsState>((set, get) => ({
  groups: [],
  ...NOT_LOADED,

  load: createLoader(set, async () => ({ groups: await api().call('groups.list') })),

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
