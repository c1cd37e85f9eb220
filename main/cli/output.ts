/** Printing: JSON only with --json, readable Chinese text otherwise; errors to stderr. */
import { AppError, type AppErrorPayload } from '../../shared/contract/errors';
import { MEMBER_FIELD_LABELS } from '../../shared/domain/member';

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A plain table with aligned columns (CJK aware). */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface CliIssue {
  /** Position of the item in the input array (0-based), for bulk inputs. */
  index?: number;
  field: string;
  label: string;
  message: string;
}

/** Field problems of an error, with `<index>.<field>` split into the item's index and the field. */
export function cliIssues(error: AppErrorPayload): CliIssue[] {
  return (error.issues ?? []).map((issue) => {
    const m = /^(\d+)\.(.+)$/.exec(issue.field);
    const field = m ? m[2]! : issue.field;
    const label = MEMBER_FIELD_LABELS[field] ?? field;
    return m ? { index: Number(m[1]), field, label, message: issue.message } : { field, label, message: issue.message };
  });
}

function issueLine(issue: CliIssue): string {
  return issue.index === undefined ? `${issue.label}：${issue.message}` : `第 ${issue.index + 1} 项 ${issue.label}：${issue.message}`;
}

export function errorPayload(e: unknown): AppErrorPayload {
  if (e instanceof AppError) return e.toPayload();
  const code = (e as { code?: string })?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return { code: 'E_DB_CORRUPT', message: '数据文件已损坏或不是支部工作台的数据文件。请用 check 命令检查，或从备份恢复。' };
  }
  if (code === 'SQLITE_BUSY') return { code: 'E_DB_LOCKED', message: '数据库正被其他程序写入，请稍后再试' };
  return { code: 'E_INTERNAL', message: `程序内部错误：${(e as Error)?.message ?? String(e)}` };
}

export interface Printer {
  result(data: unknown, text: string): void;
  error(e: unknown, help?: string): void;
}

/** Where text is written: process.stdout/stderr, or a collector in tests. */
export interface TextSink {
  write(text: string): unknown;
}

export function createPrinter(json: boolean, out: TextSink = process.stdout, err: TextSink = process.stderr): Printer {
  return {
    result(data, text) {
      out.write(json ? `${JSON.stringify(data, null, 2)}\n` : text.endsWith('\n') ? text : `${text}\n`);
    },
    error(e, help) {
      const payload = errorPayload(e);
      const issues = cliIssues(payload);
      if (json) {
        const error = issues.length ? { code: payload.code, message: payload.message, issues } : { code: payload.code, message: payload.message };
        err.write(`${JSON.stringify({ error })}\n`);
        return;
      }
      const lines = issues.length > 1 ? [`${payload.message}`, ...issues.map((i) => `  ${issueLine(i)}`)] : [payload.message];
      err.write(`错误：${lines.join('\n')}\n${help ? `\n${help}\n` : ''}`);
    },
  };
}
