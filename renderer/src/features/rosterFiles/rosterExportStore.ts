/** 导出 Excel / 打印花名册: the roster's members as a file, with the columns the user chose. */
import { create } from 'zustand';
import type { MemberSearch } from '../../../../shared/contract/operations';
import type { ExportedFile } from '../../../../shared/contract/rosterFiles';
import { api, errorText } from '../../api';

export type ExportKind = 'xlsx' | 'docx';

export interface ExportRequest {
  filter: Omit<MemberSearch, 'offset' | 'limit'>;
  columns: string[];
  maskIdNumbers: boolean;
  filterLabel: string | null;
}

interface RosterExportState {
  /** Which dialog is open, if any. */
  open: ExportKind | null;
  busy: boolean;
  error: string | null;
  show(kind: ExportKind): void;
  close(): void;
  run(kind: ExportKind, req: ExportRequest): Promise<ExportedFile | null>;
}

export const useRosterExportStore = create<RosterExportState>((set) => ({
  open: null,
  busy: false,
  error: null,

  show(kind) {
    set({ open: kind, error: null });
  },

  close() {
    set({ open: null, error: null });
  },

  async run(kind, req) {
    set({ busy: true, error: null });
    try {
      const file =
        kind === 'xlsx'
          ? await api().call('roster.exportXlsx', { filter: req.filter, columns: req.columns })
          : await api().call('roster.exportDocx', {
              filter: req.filter,
              columns: req.columns,
              maskIdNumbers: req.maskIdNumbers,
              filterLabel: req.filterLabel,
            });
      set({ busy: false });
      return file;
    } catch (e) {
      set({ busy: false, error: errorText(e) });
      return null;
    }
  },
}));
