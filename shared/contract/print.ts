/**
 * The one printing function the Electron preload exposes as window.branchDeskPrint (main/electron/printPdf.ts):
 * the window's current print view as a PDF, saved where the user chooses. Absent in the browser host.
 */
export type SavePdfResult = { saved: true; path: string } | { saved: false; canceled: boolean; error?: string };

export interface PrintBridge {
  /** Prints the window to PDF (CSS page size) and asks where to save it, suggesting `<fileStem>.pdf`. */
  savePdf(fileStem: string): Promise<SavePdfResult>;
}

export const PRINT_PDF_CHANNEL = 'print:savePdf';
