/**
 * 保存 PDF in Electron: the renderer's print view (its CSS @page size, margin 0) through webContents.printToPDF, saved
 * where the user picks. One ipcMain.handle on `print:savePdf`, from our own top frame only; electron's types only, so
 * it is tested with a fake ipcMain.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { PRINT_PDF_CHANNEL, type SavePdfResult } from '../../shared/contract/print';
import { isTrustedSender } from '../transports/ipc';

export interface PrintPdfDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  documentsDir(): string;
  windowFor(contents: WebContents): BrowserWindow | null;
  writeFile?(file: string, bytes: Buffer): Promise<void>;
  isTrustedUrl?(url: string): boolean;
  log: { error(message: string, error?: unknown): void };
}

/** A file name from the renderer's suggestion: no folders, no characters Windows refuses. */
export function pdfFileName(stem: unknown): string {
  const clean = typeof stem === 'string' ? stem.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 120) : '';
  return `${clean || '打印文件'}.pdf`;
}

export function registerPrintPdf(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: PrintPdfDeps): () => void {
  const writeFile = deps.writeFile ?? ((file: string, bytes: Buffer) => fs.writeFile(file, bytes));
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event: IpcMainInvokeEvent, stem: unknown): Promise<SavePdfResult> => {
    if (!isTrustedSender(event.senderFrame, deps.isTrustedUrl)) {
      deps.log.error(`refused ${PRINT_PDF_CHANNEL} from an untrusted sender`);
      return { saved: false, canceled: false, error: '拒绝访问：请求不是来自支部工作台的界面' };
    }
    try {
      const bytes = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
      const options = {
        title: '保存 PDF',
        defaultPath: path.join(deps.documentsDir(), pdfFileName(stem)),
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      };
      const window = deps.windowFor(event.sender);
      const choice = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, canceled: true };
      await writeFile(choice.filePath, bytes);
      return { saved: true, path: choice.filePath };
    } catch (e) {
      deps.log.error('printToPDF failed', e);
      return { saved: false, canceled: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
  return () => ipcMain.removeHandler(PRINT_PDF_CHANNEL);
}
