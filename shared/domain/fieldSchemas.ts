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
