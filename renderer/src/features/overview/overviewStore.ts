/**
 * 首页: the branch's facts (today's roster and pipeline, this year's changes) read in one go, and the statistics
 * table export. The page's figures, links and reminders all come from the facts read here.
 */
import { create } from 'zustand';
import type { ExportedFile } from '../../../../shared/contract/rosterFiles';
import type { FactValue } from '../../../../shared/domain/facts';
import type { PrintDocument } from '../../../../shared/documents/model';
import { api, errorText } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';
import { REMINDER_FACT_KEYS } from './reminders';

/** The facts counted today (the roster and the pipeline as they stand). */
export const TODAY_FACTS = {
  total: 'roster.members.total',
  category: 'roster.members.byCategory',
  gender: 'roster.members.byGender',
  ethnicity: 'roster.members.byEthnicity',
  education: 'roster.members.byEducation',
  age: 'roster.members.byAge',
  standing: 'roster.members.byStanding',
  groups: 'roster.members.byGroup',
  stages: 'pipeline.applicants.byStage',
} as const;

/** This year's changes (1 January to today), with the short names the page shows them by. */
export const YEAR_FACTS = [
  { key: 'roster.members.admitted', label: '入党' },
  { key: 'roster.members.turnedFull', label: '转正' },
  { key: 'roster.transfers.in', label: '转入' },
  { key: 'roster.transfers.out', label: '转出' },
  { key: 'pipeline.applications.received', label: '申请入党' },
  { key: 'pipeline.activists.determined', label: '确定积极分子' },
] as const;

const FACT_KEYS = [...Object.values(TODAY_FACTS), ...REMINDER_FACT_KEYS, ...YEAR_FACTS.map((f) => f.key)];

interface OverviewState extends LoadState {
  /** The facts by key; null until first read. */
  facts: Record<string, FactValue> | null;
  exporting: boolean;
  exportError: string | null;
  load(): Promise<void>;
  exportStatistics(): Promise<ExportedFile | null>;
  /** The statistics table laid out for 打印预览 (overview.previewStatistics); null when closed. */
  statisticsPreview: PrintDocument | null;
  previewing: boolean;
  previewStatistics(): Promise<void>;
  closeStatisticsPreview(): void;
}


export const useOverviewStore = create<OverviewState>((set) => ({
  facts: null,
  ...NOT_LOADED,
  exporting: false,
  exportError: null,
  statisticsPreview: null,
  previewing: false,

  async previewStatistics() {
    set({ previewing: true, exportError: null });
    try {
      const { document } = await api().call('overview.previewStatistics');
      set({ previewing: false, statisticsPreview: document });
    } catch (e) {
      set({ previewing: false, exportError: errorText(e) });
    }
  },

  closeStatisticsPreview() {
    set({ statisticsPreview: null });
  },

  // No dates: facts counted on a date are counted today, facts over a period run from 1 January to today.
  load: createLoader(set, async () => {
    const values = await api().call('facts.getMany', { queries: FACT_KEYS.map((key) => ({ key })) });
    return { facts: Object.fromEntries(values.map((v) => [v.key, v])) };
  }),

  async exportStatistics() {
    set({ exporting: true, exportError: null });
    try {
      const file = await api().call('overview.exportStatistics');
      set({ exporting: false });
      return file;
    } catch (e) {
      set({ exporting: false, exportError: errorText(e) });
      return null;
    }
  },
}));
