/** 导入名册: the picked spreadsheet, its preview (with the user's column mapping) and the import's result. */
import { create } from 'zustand';
import type { SheetImportResult, SheetPreview } from '../../../../shared/contract/rosterFiles';
import { api, errorText } from '../../api';
import { useCommitteeStore } from '../committee/committeeStore';
import { ALL_BRANCHES, useRosterStore } from '../roster/rosterStore';

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
  /** The branch to import into: null = the local branch (a database with one branch has no other). */
  target: string | null;
  /** The default target on entering the page: the branch the roster shows, else the local one. */
  targetShown(): void;
  /** Changes the target; a preview shown is made again, matched against that branch. */
  setTarget(branchId: string | null): Promise<void>;
  /** Reads the file (already base64) and previews it. */
  preview_(data: string, fileName: string): Promise<void>;
  /** Maps one column to a field (or to nothing) and previews again; a field taken by another column leaves it. */
  remap(letter: string, field: string | null): Promise<void>;
  /** Previews the staged file again with this mapping and the current target. */
  repreview(mapping: Record<string, string | null>): Promise<void>;
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
  target: null as string | null,
};

/** The branch the roster shows when it is one branch (not all), and still exists; else null (the local one). */
function shownBranch(): string | null {
  const shown = useRosterStore.getState().filters.branchId ?? null;
  const branches = useCommitteeStore.getState().branches;
  return shown && shown !== ALL_BRANCHES && branches.some((b) => b.id === shown && !b.isLocal) ? shown : null;
}

/** The target as the contract takes it: omitted for the local branch. */
const targetInput = (target: string | null) => (target ? { branchId: target } : {});

export const useRosterImportStore = create<RosterImportState>((set, get) => ({
  ...INITIAL,

  targetShown() {
    set({ target: shownBranch() });
  },

  async setTarget(target) {
    set({ target });
    const { preview, mapping } = get();
    if (preview) await get().repreview(mapping);
  },

  async preview_(data, fileName) {
    set({ ...INITIAL, target: get().target, fileName, loading: true });
    try {
      const preview = await api().call('roster.importPreview', { data, fileName, ...targetInput(get().target) });
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
    await get().repreview(next);
  },

  async repreview(mapping) {
    const { preview, target } = get();
    if (!preview) return;
    // A fresh object, so that a later change (of the mapping or the branch) can tell this answer is stale.
    const next = { ...mapping };
    set({ mapping: next, loading: true, error: null });
    try {
      const p = await api().call('roster.importPreview', {
        stagingId: preview.stagingId,
        fileName: preview.fileName,
        mapping: next,
        headerRow: preview.headerRow,
        ...targetInput(target),
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
        // The branch the preview shown was matched against (what the user confirmed); main checks it again.
        branchId: preview.branchId,
      });
      set({ applying: false, result, step: 'done' });
      return result;
    } catch (e) {
      set({ applying: false, error: errorText(e) });
      return null;
    }
  },

  /** Back to picking a file; the target branch stays as chosen. */
  reset() {
    set({ ...INITIAL, target: get().target });
  },
}));
