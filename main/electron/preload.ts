/**
 * The preload (sandboxed, context-isolated): exposes window.branchDesk with one function per
 * contract operation. Bundled to dist-electron/preload.cjs; the build replaces the contract import
 * with the bare list of names, so no zod or domain code runs here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../../shared/contract/operations';
import type { BranchDeskBridge } from '../../renderer/src/api/client';
import { PRINT_PDF_CHANNEL, type PrintBridge } from '../../shared/contract/print';
import { createBridge } from './bridge';

const bridge: BranchDeskBridge = createBridge(OPERATION_NAMES, (channel, input) => ipcRenderer.invoke(channel, input));

contextBridge.exposeInMainWorld('branchDesk', bridge);

/** 保存 PDF: one fixed channel, the file name suggestion its only argument. */
const printBridge: PrintBridge = Object.freeze({
  savePdf: (fileStem: string) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, String(fileStem)),
});
contextBridge.exposeInMainWorld('branchDeskPrint', printBridge);
