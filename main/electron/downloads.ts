/**
 * Saving exports. The renderer saves every export as a download of a blob: URL (the same code works
 * in the browser version); here the session's 'will-download' gives it a Chinese save dialog that
 * starts in Documents/支部工作台 (or the last folder used), and once written offers to open the file
 * or show it in its folder. Downloads of anything but the app's own blob: URLs are cancelled.
 * Typed against electron's types, with no runtime electron import, so it is tested with fakes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog, DownloadItem, FileFilter, MessageBoxOptions, SaveDialogOptions, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../app/log';
import { PRODUCT_NAME } from '../app/paths';
import { isAppUrl, parseUrl } from './appOrigin';
import { OPENABLE_EXTENSIONS, openExportedFile, showExportedFile } from './shellActions';

/** The save dialog's file-type filter, by the suggested name's extension. */
export const FILE_TYPES: Readonly<Record<string, FileFilter>> = {
  '.docx': { name: 'Word 文档', extensions: ['docx'] },
  '.xlsx': { name: 'Excel 工作簿', extensions: ['xlsx'] },
  '.zbk': { name: '交接包', extensions: ['zbk'] },
  '.csv': { name: 'CSV 表格', extensions: ['csv'] },
  '.pdf': { name: 'PDF 文档', extensions: ['pdf'] },
  '.txt': { name: '文本文件', extensions: ['txt'] },
  '.zip': { name: '压缩包', extensions: ['zip'] },
};
const ALL_FILES: FileFilter = { name: '所有文件', extensions: ['*'] };

export const OPEN_FILE = '打开文件';
export const SHOW_IN_FOLDER = '打开所在文件夹';
export const CLOSE = '关闭';

/** True only for blob: URLs minted by our own renderer (blob:app://branch-desk/<uuid>), judged by parsing. */
export function isAppBlobUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'blob:' && isAppUrl(parsed.pathname);
}

/** The suggested name without any folder part (Chromium already sanitises it; this is belt and braces). */
function plainName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return name && name !== '.' && name !== '..' ? name : '导出文件';
}

export function saveDialogOptions(fileName: string, folder: string | null): SaveDialogOptions {
  const name = plainName(fileName);
  const filter = FILE_TYPES[path.extname(name).toLowerCase()];
  return {
    title: '保存文件',
    defaultPath: folder ? path.join(folder, name) : name,
    buttonLabel: '保存',
    filters: filter ? [filter] : [ALL_FILES],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Documents/支部工作台, created if missing; Documents itself if that fails; null if there is no Documents. */
export function defaultFolder(documentsDir: () => string): string | null {
  let documents: string;
  try {
    documents = documentsDir();
  } catch {
    return null;
  }
  const folder = path.join(documents, PRODUCT_NAME);
  try {
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  } catch {
    return fs.existsSync(documents) ? documents : null;
  }
}

type SaveableItem = Pick<DownloadItem, 'getURL' | 'getFilename' | 'setSaveDialogOptions' | 'getSavePath' | 'once'>;

export interface DownloadDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>;
  /** app.getPath('documents'); may throw where there is none. */
  documentsDir: () => string;
  /** The window to put dialogs on (BrowserWindow.fromWebContents). */
  windowFor?: (contents: WebContents) => BaseWindow | null;
  log?: Pick<Logger, 'info' | 'error'>;
}

/** The 'will-download' listener. Remembers the last folder saved to for as long as it lives (one run). */
export function createDownloadHandler(deps: DownloadDeps) {
  let lastFolder: string | null = null;

  const folder = () => (lastFolder && fs.existsSync(lastFolder) ? lastFolder : defaultFolder(deps.documentsDir));

  const show = async (contents: WebContents, options: MessageBoxOptions) => {
    const window = contents.isDestroyed() ? null : (deps.windowFor?.(contents) ?? null);
    return window ? deps.dialog.showMessageBox(window, options) : deps.dialog.showMessageBox(options);
  };

  async function saved(contents: WebContents, file: string): Promise<void> {
    lastFolder = path.dirname(file);
    const openable = OPENABLE_EXTENSIONS.includes(path.extname(file).toLowerCase());
    // A 交接包 is opened by 支部工作台 on the receiving computer, not by any program here.
    const buttons = openable ? [OPEN_FILE, SHOW_IN_FOLDER, CLOSE] : [SHOW_IN_FOLDER, CLOSE];
    const { response } = await show(contents, {
      type: 'info',
      title: '保存成功',
      message: `已保存：${path.basename(file)}`,
      detail: `保存位置：${path.dirname(file)}`,
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    if (buttons[response] === SHOW_IN_FOLDER) showExportedFile(deps.shell, file);
    if (buttons[response] !== OPEN_FILE) return;
    const error = await openExportedFile(deps.shell, file);
    if (error) {
      await show(contents, { type: 'warning', title: '无法打开文件', message: error, detail: '可以点“打开所在文件夹”，再双击这个文件。', buttons: [CLOSE], noLink: true });
    }
  }

  async function failed(contents: WebContents, name: string): Promise<void> {
    await show(contents, {
      type: 'error',
      title: '保存失败',
      message: `没有保存成功：${name}`,
      detail: '文件没有写完整。请再导出一次；如果仍然失败，请换一个文件夹保存，或检查磁盘空间。',
      buttons: [CLOSE],
      noLink: true,
    });
  }

  return (event: { preventDefault(): void }, item: SaveableItem, contents: WebContents): void => {
    if (!isAppBlobUrl(item.getURL())) {
      event.preventDefault(); // cancels it: the app never downloads anything from elsewhere
      deps.log?.info(`download refused: not a blob: URL of the app (${parseUrl(item.getURL())?.protocol ?? 'no URL'})`);
      return;
    }
    const name = plainName(item.getFilename());
    item.setSaveDialogOptions(saveDialogOptions(name, folder()));
    item.once('done', (_event, state) => {
      if (state === 'cancelled') return; // the user closed the save dialog: nothing to say
      const file = item.getSavePath();
      const next = state === 'completed' && file ? saved(contents, file) : failed(contents, file ? path.basename(file) : name);
      next.catch((e) => deps.log?.error('after-save dialog failed', e));
    });
  };
}

/** Wires the handler to a session (the default session, which the one window uses). */
export function handleDownloads(session: Pick<Session, 'on'>, deps: DownloadDeps): void {
  session.on('will-download', createDownloadHandler(deps));
}
