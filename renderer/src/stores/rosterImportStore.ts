/** 导入名册: the picked spreadsheet, its preview (with the user's column mapping) and the import's result. */
import { create } from 'zustand';
import type { SheetImportResult, SheetPreview } from '../../../shared/contract/rosterFiles';
import { api, errorText } from '../api';

export type ImportStep = 'pick' | 'preview' | 'done';

interface RosterImportState {
  step: ImportStep;
  fileName: string;
  preview: SheetPreview | null;
  /** Column letter -> member field, as the user has set it (starts as the importer's guess). */
  mapping: Record<string, string | null>;
  loading: boolean;
  applying: boolean;
  error: string | null;
  result: SheetImportResult | null;
  skipInvalid: boolean;
  /** Reads the file (already base64) and previews it. */
  preview_(data: string, fileName: string): Promise<void>;
  /** Maps one column to a field (or to nothing) and previews again; a field taken by another column leaves it. */
  remap(letter: string, field: string | null): Promise<void>;
  setSkipInvalid(v: boolean): void;
  apply(): Promise<SheetImportResult | null>;
  reset(): void;
}

const INITIAL = {
  step: 'pick' as ImportStep,
  fileName: '',
  preview: null,
  mapping: {},
  loading: false,
  applying: false,
  error: null,
  result: null,
  skipInvalid: false,
};

export const useRosterImportStore = create<RosterImportState>((set, get) => ({
  ...INITIAL,

  async preview_(data, fileName) {
    set({ ...INITIAL, fileName, loading: true });
    try {
      const preview = await api().call('roster.importPreview', { data, fileName });
      set({ preview, mapping: preview.mapping, loading: false, step: 'preview' });
    } catch (e) {
      set({ loading: false, error: errorText(e) });
    }
  },

  async remap(letter, field) {
    const { preview, mapping } = get();
    if (!preview) return;
    const next: Record<string, string | null> = { ...mapping };
    if (field) for (const [l, f] of Object.entries(next)) if (f === field && l !== letter) next[l] = null;
    next[letter] = field;
    set({ mapping: next, loading: true, error: null });
    try {
      const p = await api().call('roster.importPreview', {
        stagingId: preview.stagingId,
        fileName: preview.fileName,
        mapping: next,
        headerRow: preview.headerRow,
      });
      if (get().mapping !== next) return; // a later change is on its way
      set({ preview: p, mapping: p.mapping, loading: false });
    } catch (e) {
      if (get().mapping !== next) return;
      set({ loading: false, error: errorText(e) });
    }
  },

  setSkipInvalid(v) {
    set({ skipInvalid: v });
  },

  async apply() {
    const { preview, mapping, skipInvalid } = get();
    if (!preview) return null;
    set({ applying: true, error: null });
    try {
      const result = await api().call('roster.importApply', {
        stagingId: preview.stagingId,
        mapping,
        headerRow: preview.headerRow,
        skipInvalid,
      });
      set({ applying: false, result, step: 'done' });
      return result;
    } catch (e) {
      set({ applying: false, error: errorText(e) });
      return null;
    }
  },

  reset() {
    set(INITIAL);
  },
}));
