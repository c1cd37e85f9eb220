/**
 * Files the user picked in the renderer, kept in main between a preview and its confirmation, so
 * the file is sent once and the confirmation names it by id. A few per kind; the oldest go first.
 */
import crypto from 'node:crypto';
import { AppError } from '../../shared/contract/errors';
import type { AppContext } from './context';

export interface StagedFile {
  buffer: Buffer;
  fileName: string;
}

const MAX_PER_KIND = 3;
const staged = new WeakMap<AppContext, Map<string, Map<string, StagedFile>>>();

function kindMap(ctx: AppContext, kind: string): Map<string, StagedFile> {
  let byKind = staged.get(ctx);
  if (!byKind) staged.set(ctx, (byKind = new Map()));
  let files = byKind.get(kind);
  if (!files) byKind.set(kind, (files = new Map()));
  return files;
}

export function stageFile(ctx: AppContext, kind: string, file: StagedFile): string {
  const files = kindMap(ctx, kind);
  const id = crypto.randomUUID();
  files.set(id, file);
  while (files.size > MAX_PER_KIND) files.delete(files.keys().next().value!);
  return id;
}

export function stagedFile(ctx: AppContext, kind: string, id: string): StagedFile {
  const file = kindMap(ctx, kind).get(id);
  if (!file) throw new AppError('E_NOT_FOUND', '请重新选择文件（预览已过期）');
  return file;
}

export function dropStaged(ctx: AppContext, kind: string, id: string): void {
  kindMap(ctx, kind).delete(id);
}
