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

export function validationError(issues: FieldProblem[], labels: Record<string, string> = {}): AppError {
  const first = issues[0];
  const label = first ? (labels[first.field] ?? first.field) : '';
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '';
  return new AppError('E_VALIDATION', first ? `${label}：${first.message}${more}` : '输入无效', issues);
}
