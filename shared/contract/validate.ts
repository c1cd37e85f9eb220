import type { z } from 'zod';
import { AppError, validationError } from './errors';
import type { FieldProblem } from '../domain/member';

/**
 * zod issues -> field problems with Chinese messages. Our own messages start with a Chinese character;
 * zod's are English even when they quote Chinese values (Invalid option: expected one of "男"|"女"),
 * so those fall back to a Chinese message of their kind.
 */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(输入)';
    const ours = /^[\u4e00-\u9fff]/.test(issue.message);
    return { field, message: ours ? issue.message : genericMessage(issue) };
  });
}

function genericMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少必填项' : `类型不正确（应为 ${issue.expected}）`;
    case 'too_big':
      return '内容过长或数值过大';
    case 'too_small':
      return '内容过短或数值过小';
    case 'invalid_value':
      return issue.values.length <= 8 ? `应为${issue.values.map(String).join('、')}之一` : '不在允许的取值范围内';
    case 'unrecognized_keys':
      return `包含未知字段：${issue.keys.join('、')}`;
    default:
      return '格式不正确';
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(zodProblems(r.error), labels);
  return r.data;
}

export { AppError };
