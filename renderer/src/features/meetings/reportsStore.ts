/**
 * 党内汇报: who must report now and their state ('#/reports?status=overdue'), one person's history
 * ('?member=…' for a probationary member, '?applicant=…' for an activist), the rhythm per role, the report in the form.
 */
import { create } from 'zustand';
import type { MemberReport } from '../../../../shared/contract/meetings';
import type { ReportDue, ReportDueStatus, ReportFieldsInput, ReportRhythm } from '../../../../shared/domain/memberReports';
import { currentRoute, navigate, type Query } from '../../app/router';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

export const REPORTS_PATH = '/reports';
const STATUSES: readonly ReportDueStatus[] = ['overdue', 'due', 'done'];

export interface ReportFilters {
  status: ReportDueStatus | null;
  memberId: string | null;
  applicantId: string | null;
}

export function reportFiltersFromQuery(q: Query): ReportFilters {
  return {
    status: (STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as ReportDueStatus) : null,
    memberId: q.member ?? null,
    applicantId: q.member ? null : (q.applicant ?? null),
  };
}

const queryOf = (f: ReportFilters) => ({ status: f.status, member: f.memberId, applicant: f.applicantId });

interface ReportsState extends LoadState {
  due: ReportDue[];
  rhythms: ReportRhythm[];
  /** The chosen person's reports, newest first (empty with no one chosen). */
  history: MemberReport[];
  filters: ReportFilters;
  load(): Promise<void>;
  applyRoute(query: Query): void;
  setFilters(patch: Partial<ReportFilters>): void;
  saveRhythms(rhythms: ReportRhythm[]): Promise<void>;

  formOpen: boolean;
  editing: MemberReport | null;
  /** The reporter the new report is for (`member:id` or `applicant:id`). */
  reporterKey: string | null;
  openCreate(reporterKey?: string | null): void;
  openEdit(report: MemberReport): void;
  closeForm(): void;
  save(id: string | null, fields: ReportFieldsInput, expectedUpdatedAt?: string): Promise<MemberReport>;
  remove(id: string): Promise<void>;
}

export const useReportsStore = create<ReportsState>((set, get) => ({
  ...NOT_LOADED,
  due: [],
  rhythms: [],
  history: [],
  filters: reportFiltersFromQuery({}),
  load: createLoader(set, async () => {
    const { memberId, applicantId } = get().filters;
    const [due, rhythms, history] = await Promise.all([
      api().call('reports.due', {}),
      api().call('reports.rhythms', {}),
      memberId || applicantId ? api().call('reports.list', { memberId, applicantId }) : Promise.resolve([]),
    ]);
    return { due, rhythms, history };
  }),
  applyRoute(query) {
    set({ filters: reportFiltersFromQuery(query) });
    void get().load();
  },
  setFilters(patch) {
    const next = { ...get().filters, ...patch };
    set({ filters: next });
    if (currentRoute().path === REPORTS_PATH) navigate(REPORTS_PATH, queryOf(next), { replace: true });
    void get().load();
  },
  async saveRhythms(rhythms) {
    set({ rhythms: await api().call('reports.setRhythms', { rhythms }) });
    await get().load();
  },

  formOpen: false,
  editing: null,
  reporterKey: null,
  openCreate(reporterKey = null) {
    set({ formOpen: true, editing: null, reporterKey });
  },
  openEdit(report) {
    set({ formOpen: true, editing: report, reporterKey: null });
  },
  closeForm() {
    set({ formOpen: false });
  },
  async save(id, fields, expectedUpdatedAt) {
    const report = await api().call('reports.save', { id, fields, expectedUpdatedAt });
    await get().load();
    return report;
  },
  async remove(id) {
    await api().call('reports.delete', { id });
    await get().load();
  },
}));
