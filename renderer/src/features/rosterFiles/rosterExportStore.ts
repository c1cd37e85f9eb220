/** 导出 Excel / 导出 Word / 打印预览: the roster's members as a file or as printable pages, with the columns the user chose. */
import { create } from 'zustand';
import type { MemberSearch } from '../../../../shared/contract/operations';
import type { ExportedFile, RosterPreview, RosterPrintPlan } from '../../../../shared/contract/rosterFiles';
import type { Orientation } from '../../../../shared/documents/presets';
import { api, errorText } from '../../api';

export type ExportKind = 'xlsx' | 'docx';

export interface ExportRequest {
  filter: Omit<MemberSearch, 'offset' | 'limit'>;
  columns: string[];
  maskIdNumbers: boolean;
  filterLabel: string | null;
  /** Word and print only: A4 landscape unless portrait is asked for. */
  orientation?: Orientation;
  /** Word and print only: the smallest table text in points the user accepts (五号 10.5 unless asked). */
  minSize?: number;
}

/** How the printed roster will be set (roster.previewDocx's plan). */
export type RosterPlan = RosterPrintPlan;


const printInput = (req: ExportRequest) => ({
  filter: req.filter,
  columns: req.columns,
  maskIdNumbers: req.maskIdNumbers,
  filterLabel: req.filterLabel,
  orientation: req.orientation ?? null,
  minSize: req.minSize ?? null,
});

interface RosterExportState {
  /** Which dialog is open, if any. */
  open: ExportKind | null;
  busy: boolean;
  error: string | null;
  /** The last previewed roster (its plan shows in the dialog; its document in the print preview). */
  preview: RosterPreview | null;
  /** The request the preview was made from (导出 Word in the preview saves the same). */
  previewRequest: ExportRequest | null;
  previewOpen: boolean;
  show(kind: ExportKind): void;
  close(): void;
  run(kind: ExportKind, req: ExportRequest): Promise<ExportedFile | null>;
  /** Lays out the roster for the request: the plan for the dialog, the document for the preview. */
  loadPreview(req: ExportRequest): Promise<RosterPreview | null>;
  openPreview(req: ExportRequest): Promise<void>;
  closePreview(): void;
}

export const useRosterExportStore = create<RosterExportState>((set, get) => ({
  open: null,
  busy: false,
  error: null,
  preview: null,
  previewRequest: null,
  previewOpen: false,

  show(kind) {
    set({ open: kind, error: null, preview: null, previewRequest: null });
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
          : await api().call('roster.exportDocx', printInput(req));
      set({ busy: false });
      return file;
    } catch (e) {
      set({ busy: false, error: errorText(e) });
      return null;
    }
  },

  async loadPreview(req) {
    try {
      const preview = await api().call('roster.previewDocx', printInput(req));
      set({ preview, previewRequest: req, error: null });
      return preview;
    } catch (e) {
      set({ error: errorText(e) });
      return null;
    }
  },

  async openPreview(req) {
    set({ busy: true });
    const current = get().previewRequest === req ? get().preview : await get().loadPreview(req);
    set({ busy: false });
    if (current) set({ open: null, previewOpen: true });
  },

  closePreview() {
    set({ previewOpen: false });
  },
}));
