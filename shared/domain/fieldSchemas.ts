/** Field schemas shared by the person records (member, applicant): Chinese messages, trimmed text, dates, education codes. */
import { z } from 'zod';
import { resolveEducation } from './codes';
import { isIsoDate } from './dates';

export const text = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字` });
export const optionalText = (max: number) => text(max).default('');
export const isoDate = z.string().refine(isIsoDate, { error: '请填写有效日期（年-月-日）' });

/** 学历 as a code of the code table; a name (大学本科毕业) or an old code is resolved to it. */
export const educationCode = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const code = resolveEducation(v);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: `无法识别的学历“${v}”` });
      return z.NEVER;
    }
    return code;
  });

/**
 * What is wrong with a phone number, or null: a mobile number (starting with 1) has 11 digits, any other number at
 * least 7 (a local landline); digits, spaces, brackets, '+' and '-' only.
 */
export function phoneProblem(raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  if (!/^[0-9+\-\s()]+$/.test(v)) return '联系电话只能包含数字和“-”';
  if (v.length > 20) return '联系电话不能超过 20 个字符';
  const digits = v.replace(/\D/g, '');
  if (v.startsWith('1') && digits.length !== 11) return `手机号码应为 11 位，现为 ${digits.length} 位`;
  if (digits.length < 7) return '联系电话位数不够：手机号码 11 位，固定电话如 0317-1234567';
  return null;
}

export const phoneNumber = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = phoneProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .default('');
