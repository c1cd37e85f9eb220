/** window.branchDeskPrint, the preload's printing bridge (shared/contract/print.ts); absent in the browser host. */
import type { PrintBridge } from '../../../../shared/contract/print';

export type { PrintBridge, SavePdfResult } from '../../../../shared/contract/print';

declare global {
  interface Window {
    branchDeskPrint?: PrintBridge;
  }
}
