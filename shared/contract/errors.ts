/** Typed errors that cross the contract. Codes are stable; messages are Chinese and name what is at fault. */
import type { FieldProblem } from '../domain/member';

export const ERROR_CODES = [
  'E_VALIDATION', // an input failed the contract's schema or a domain rule
  'E_NOT_FOUND', // the record asked for does not exist (or is in the trash)
  'E_CONFLICT', // the action clashes with stored data (duplicate ID number, stale edit, group still in use)
  'E_BUSY', // a long operation is already running
  'E_NO_BRANCH', // the branch profile has not been created yet
  'E_UNKNOWN_OPERATION',
  'E_UNAUTHORIZED',
  'E_DB_NEWER', // the database was written by a newer version of the app
  'E_DB_LOCKED', // another instance holds the database
  'E_DB_CORRUPT',
  'E_PACKAGE', // a hand-over package was refused; `reason` says why
  'E_INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  /** Field-level problems, for inline display at the field at fault. */
  issues?: FieldProblem[];
  /** A finer reason for some codes (e.g. E_PACKAGE: 'wrong-password', 'checksum', …). */
  reason?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldProblem[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toPayload(): AppErrorPayload {
    return this.issues?.length ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/**
 * A field's label. A field inside a list (resolutions.1.vote.for) is named by the list's label, the item's number
 * and the field's own label (决议第 2 项的赞成票), from the labels of `resolutions` and `resolutions.vote.for`.
 */
export function fieldLabel(field: string, labels: Record<string, string>): string {
  if (labels[field]) return labels[field];
  const parts = field.split('.');
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  if (index < 0) return field;
  const list = parts.slice(0, index).join('.');
  const inner = parts.filter((p) => !/^\d+$/.test(p)).join('.');
  const item = `${labels[list] ?? list}第 ${Number(parts[index]) + 1} 项`;
  return index === parts.length - 1 ? item : `${item}的${labels[inner] ?? parts.at(-1)}`;
}

export function validationError(issues: FieldProblem[], labels: Record<string, string> = {}): AppError {
  const first = issues[0];
  const label = first ? fieldLabel(first.field, labels) : '';
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '';
  return new AppError('E_VALIDATION', first ? `${label}：${first.message}${more}` : '输入无效', issues);
}
