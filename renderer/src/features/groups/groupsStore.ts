/** Party groups (党小组). */
import { create } from 'zustand';
import type { MoveMembersResult } from '../../../../shared/contract/branch';
import type { PartyGroup, PartyGroupFieldsInput } from '../../../../shared/domain/branch';
import type { MemberRow } from '../../../../shared/domain/member';
import { api, errorText } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';
import { useRosterStore } from '../roster/rosterStore';

interface GroupsState extends LoadState {
  groups: PartyGroup[];
  load(): Promise<void>;
  save(fields: PartyGroupFieldsInput & { id?: string | null }): Promise<PartyGroup>;
  remove(id: string): Promise<void>;
  /** Members to choose a leader from (first 50 matches). */
  findMembers(query: string): Promise<MemberRow[]>;
  /** The group whose members are open (drawer), and its members as the roster counts them (正常, 停止党籍). */
  openId: string | null;
  members: MemberRow[] | null;
  membersError: string | null;
  openMembers(id: string): Promise<void>;
  closeMembers(): void;
  /** 调整到: one call; then the counts and the open group's members are read again. */
  moveMembers(memberIds: string[], toGroupId: string): Promise<MoveMembersResult>;
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

  openId: null,
  members: null,
  membersError: null,

  async openMembers(id) {
    set({ openId: id, members: null, membersError: null });
    try {
      const r = await api().call('members.search', { partyGroupId: id, status: 'active', sort: 'name', limit: 1000 });
      if (get().openId === id) set({ members: r.rows });
    } catch (e) {
      if (get().openId === id) set({ membersError: errorText(e) });
    }
  },

  closeMembers() {
    set({ openId: null, members: null, membersError: null });
  },

  async moveMembers(memberIds, toGroupId) {
    const result = await api().call('groups.moveMembers', { memberIds, toGroupId });
    await get().load();
    const open = get().openId;
    if (open) await get().openMembers(open);
    // The roster shows each member's group.
    void useRosterStore.getState().reload();
    return result;
  },
}));
