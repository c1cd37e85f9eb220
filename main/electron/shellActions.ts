/** Handing files the user exported to the operating system. No URL is ever handed to it (see security.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { Shell } from 'electron';

/** What the app exports; nothing executable (.exe, .bat, .lnk, .desktop, …) is ever handed to the OS. */
export const OPENABLE_EXTENSIONS = ['.docx', '.xlsx', '.pdf', '.csv', '.txt', '.zip'];

/**
 * Opens a file the app wrote (an exported .docx/.xlsx) with its default program, so it can be
 * printed from Word or WPS. Returns '' on success or a Chinese message saying what went wrong.
 */
export async function openExportedFile(shell: Pick<Shell, 'openPath'>, file: string): Promise<string> {
  if (!path.isAbsolute(file)) return '文件路径无效';
  const resolved = path.resolve(file);
  if (!OPENABLE_EXTENSIONS.includes(path.extname(resolved).toLowerCase())) return '只能打开本程序导出的文档';
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) return `文件不存在：${resolved}`;
  const error = await shell.openPath(resolved);
  return error ? `无法打开文件：${error}` : '';
}

/** Shows an exported file selected in its folder. */
export function showExportedFile(shell: Pick<Shell, 'showItemInFolder'>, file: string): void {
  shell.showItemInFolder(path.resolve(file));
}
