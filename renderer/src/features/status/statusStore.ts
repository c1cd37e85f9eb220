/** Status changes of a member (党籍变动): the member's 变动记录, recording a change, and 组织关系转入. */
import { create } from 'zustand';
import type { Member, MemberFieldsInput } from '../../../../shared/domain/member';
import type { MemberEventInput, MemberEventKind, MemberEventRecord } from '../../../../shared/domain/memberEvents';
import { api } from '../../api';
import { shownFormBranch, type FormBranch } from '../roster/formBranch';
import { useMemberStore } from '../roster/memberStore';
import { useRosterStore } from '../roster/rosterStore';

export interface TransferInInput {
  date: string;
  counterpart: string;
  docNumber: string;
  reason: string;
}

interface StatusState {
  /** The member whose 变动记录 is loaded, and the records (newest first). */
  memberId: string | null;
  events: MemberEventRecord[];
  /** The open status-change dialog, for the member shown in the detail. */
  dialog: { kind: Exclude<MemberEventKind, '转入'>; member: Member } | null;
  transferInOpen: boolean;
  /** The branch the arriving member joins: the one the roster shows, or a choice when it shows all branches. */
  transferBranch: FormBranch;
  loadEvents(memberId: string): Promise<void>;
  openDialog(kind: Exclude<MemberEventKind, '转入'>, member: Member): void;
  closeDialog(): void;
  record(memberId: string, event: MemberEventInput): Promise<Member>;
  openTransferIn(): void;
  closeTransferIn(): void;
  /** branchId: the branch the member joins (null: the local branch). */
  transferIn(fields: MemberFieldsInput, transfer: TransferInInput, branchId?: string | null): Promise<Member>;
}

export const useStatusStore = create<StatusState>((set, get) => ({
  memberId: null,
  events: [],
  dialog: null,
  transferInOpen: false,
  transferBranch: { branchId: null, choose: false },

  async loadEvents(memberId) {
    if (get().memberId !== memberId) set({ memberId, events: [] });
    const events = await api().call('members.events', { id: memberId });
    if (get().memberId === memberId) set({ events });
  },

  openDialog(kind, member) {
    set({ dialog: { kind, member } });
  },

  closeDialog() {
    set({ dialog: null });
  },

  /** Records the change; the detail, its 变动记录 and the roster are read again. */
  async record(memberId, event) {
    const member = await api().call('members.recordEvent', { memberId, event });
    set({ dialog: null });
    void useRosterStore.getState().reload();
    if (useMemberStore.getState().detailId === memberId) await useMemberStore.getState().reloadDetail().catch(() => undefined);
    await get().loadEvents(memberId).catch(() => undefined);
    return member;
  },

  openTransferIn() {
    set({ transferInOpen: true, transferBranch: shownFormBranch() });
  },

  closeTransferIn() {
    set({ transferInOpen: false });
  },

  async transferIn(fields, transfer, branchId) {
    const member = await api().call('members.transferIn', branchId ? { fields, transfer, branchId } : { fields, transfer });
    set({ transferInOpen: false });
    void useRosterStore.getState().showSaved(member.id);
    return member;
  },
}));
