/** 数据交接: export a package, preview and import one, the hand-over log. */
import { create } from 'zustand';
import type { HandoverExportRequest as ExportRequest, HandoverLogEntry, ImportPreview, PackageManifest, Resolution } from '../../../../shared/contract/handover';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

export interface StagedPackage {
  stagingId: string;
  fileName: string;
  preview: ImportPreview;
  /** The password the preview was read with; the import reads the package again with it. */
  password: string | null;
}

/** loading/error: of the hand-over log. */
interface HandoverState extends LoadState {
  history: HandoverLogEntry[];
  exportPackage(req: ExportRequest): Promise<{ fileName: string; data: string; manifest: PackageManifest }>;
  /** Throws ApiError (E_PACKAGE with a reason) when the file is refused. */
  preview(data: string, fileName: string, password: string | null): Promise<StagedPackage>;
  importPackage(staged: StagedPackage, choices: Record<string, Resolution>, acceptNewKey?: boolean): Promise<{ preview: ImportPreview; backup: string }>;
  loadHistory(): Promise<void>;
}

export const useHandoverStore = create<HandoverState>((set, get) => ({
  history: [],
  ...NOT_LOADED,

  async exportPackage(req) {
    const r = await api().call('handover.export', req);
    void get().loadHistory();
    return r;
  },

  async preview(data, fileName, password) {
    const r = await api().call('handover.preview', { data, fileName, password: password || null });
    return { stagingId: r.stagingId, fileName, preview: r.preview, password: password || null };
  },

  async importPackage(staged, choices, acceptNewKey = false) {
    const r = await api().call('handover.import', { stagingId: staged.stagingId, password: staged.password, byKey: choices, acceptNewKey });
    void get().loadHistory();
    return r;
  },

  loadHistory: createLoader(set, async () => ({ history: await api().call('handover.history') })),
}));
