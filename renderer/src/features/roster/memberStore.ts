/** One member: the detail panel, the add/edit form, history and deletion. */
import { create } from 'zustand';
import type { ChangeEntry } from '../../../../shared/contract/operations';
import type { Member, MemberFieldsInput } from '../../../../shared/domain/member';
import { api } from '../../api';
import { shownFormBranch, type FormBranch } from './formBranch';
import { useRosterStore } from './rosterStore';

interface MemberState {
  detailId: string | null;
  detail: Member | null;
  history: ChangeEntry[];
  formOpen: boolean;
  /** The member being edited, or null when adding a new one. */
  editing: Member | null;
  /** Which branch the form works on: for a new member, the branch the roster shows (or a choice). */
  formBranch: FormBranch;
  openDetail(id: string): Promise<void>;
  closeDetail(): void;
  reloadDetail(): Promise<void>;
  openCreate(): void;
  openEdit(member: Member): void;
  closeForm(): void;
  /** branchId: for a new member, the branch it joins (null: the local branch). */
  save(fields: MemberFieldsInput, branchId?: string | null): Promise<Member>;
  remove(id: string): Promise<void>;
}

export const useMemberStore = create<MemberState>((set, get) => ({
  detailId: null,
  detail: null,
  history: [],
  formOpen: false,
  editing: null,
  formBranch: { branchId: null, choose: false },

  async openDetail(id) {
    // The detail panel loads the record itself when it sees the new id.
    set({ detailId: id, detail: null, history: [] });
  },

  closeDetail() {
    set({ detailId: null, detail: null, history: [] });
  },

  async reloadDetail() {
    const id = get().detailId;
    if (!id) return;
    const [detail, history] = await Promise.all([api().call('members.get', { id }), api().call('members.history', { id })]);
    if (get().detailId === id) set({ detail, history });
  },

  openCreate() {
    set({ formOpen: true, editing: null, formBranch: shownFormBranch() });
  },

  openEdit(member) {
    set({ formOpen: true, editing: member, formBranch: { branchId: member.branchId, choose: false } });
  },

  closeForm() {
    set({ formOpen: false, editing: null });
  },

  async save(fields, branchId) {
    const editing = get().editing;
    const saved = editing
      ? await api().call('members.update', { id: editing.id, fields, expectedUpdatedAt: editing.updatedAt })
      : await api().call('members.create', branchId ? { ...fields, branchId } : fields);
    set({ formOpen: false, editing: null });
    void useRosterStore.getState().showSaved(saved.id);
    if (get().detailId === saved.id) await get().reloadDetail().catch(() => undefined);
    return saved;
  },

  async remove(id) {
    await api().call('members.delete', { id });
    if (get().detailId === id) get().closeDetail();
    void useRosterStore.getState().reload();
  },
}));
