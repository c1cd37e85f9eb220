/** 发展党员: the board, one applicant's record, and every action on it (each one call, then a fresh read). */
import { create } from 'zustand';
import type { Member, MemberRow } from '../../../../shared/domain/member';
import type { Applicant, ApplicantFieldsInput, PipelineBoard, StepInputRaw } from '../../../../shared/domain/pipeline';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';
import { useRosterStore } from '../roster/rosterStore';

interface PipelineState extends LoadState {
  board: PipelineBoard | null;
  /** The applicant whose detail is open; `detail` once loaded. */
  detailId: string | null;
  detail: Applicant | null;
  createOpen: boolean;
  /** The applicant being edited (fields), or null. */
  editing: Applicant | null;
  loadBoard(): Promise<void>;
  openDetail(id: string): void;
  closeDetail(): void;
  reloadDetail(): Promise<void>;
  openCreate(): void;
  openEdit(a: Applicant): void;
  closeForm(): void;
  create(input: ApplicantFieldsInput & { applicationDate: string; note?: string }): Promise<Applicant>;
  update(id: string, fields: ApplicantFieldsInput, applicationDate: string | null, expectedUpdatedAt?: string): Promise<Applicant>;
  recordStep(id: string, input: StepInputRaw): Promise<Applicant>;
  undoStep(id: string): Promise<Applicant>;
  terminate(id: string, date: string, reason: string): Promise<Applicant>;
  remove(id: string): Promise<void>;
  /** Full members (正式党员, 正常) to pick cultivators and introducers from. */
  findFullMembers(query: string): Promise<MemberRow[]>;
  /** The member record made on admission (for the rules of the steps after it). */
  getMember(id: string): Promise<Member>;
}

export const usePipelineStore = create<PipelineState>((set, get) => ({
  board: null,
  ...NOT_LOADED,
  detailId: null,
  detail: null,
  createOpen: false,
  editing: null,

  // Finished records too: the page shows them in a collapsed section.
  loadBoard: createLoader(set, async () => ({ board: await api().call('pipeline.board', { includeFinished: true }) })),

  openDetail(id) {
    set({ detailId: id, detail: null });
  },

  closeDetail() {
    set({ detailId: null, detail: null });
  },

  async reloadDetail() {
    const id = get().detailId;
    if (!id) return;
    const detail = await api().call('pipeline.get', { id });
    if (get().detailId === id) set({ detail });
  },

  openCreate() {
    set({ createOpen: true, editing: null });
  },

  openEdit(a) {
    set({ createOpen: true, editing: a });
  },

  closeForm() {
    set({ createOpen: false, editing: null });
  },

  async create(input) {
    const a = await api().call('pipeline.create', input);
    set({ createOpen: false, editing: null });
    void get().loadBoard();
    return a;
  },

  async update(id, fields, applicationDate, expectedUpdatedAt) {
    const a = await api().call('pipeline.update', { id, fields, applicationDate, expectedUpdatedAt });
    set({ createOpen: false, editing: null, ...(get().detailId === id ? { detail: a } : {}) });
    void get().loadBoard();
    return a;
  },

  async recordStep(id, input) {
    const a = await api().call('pipeline.recordStep', { id, ...input });
    if (get().detailId === id) set({ detail: a });
    void get().loadBoard();
    // Admission (17) and 转正 (24) change the roster.
    if (a.memberId) void useRosterStore.getState().reload();
    return a;
  },

  async undoStep(id) {
    const a = await api().call('pipeline.undoStep', { id });
    if (get().detailId === id) set({ detail: a });
    void get().loadBoard();
    void useRosterStore.getState().reload();
    return a;
  },

  async terminate(id, date, reason) {
    const a = await api().call('pipeline.terminate', { id, date, reason });
    if (get().detailId === id) set({ detail: a });
    void get().loadBoard();
    return a;
  },

  async remove(id) {
    await api().call('pipeline.delete', { id });
    if (get().detailId === id) set({ detailId: null, detail: null });
    void get().loadBoard();
  },

  async findFullMembers(query) {
    const r = await api().call('members.search', { query, category: '正式党员', status: '正常', limit: 50 });
    return r.rows;
  },

  async getMember(id) {
    return api().call('members.get', { id });
  },
}));
