/** zod's English messages never reach the user: they become Chinese messages naming what is allowed. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodProblems } from '../../../shared/contract/validate';
import { memberFieldsSchema } from '../../../shared/domain/member';

function problemsOf(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a validation failure');
  return zodProblems(r.error);
}

describe('zodProblems', () => {
  it('replaces zod’s English text even when it quotes Chinese values', () => {
    const [p] = problemsOf(z.object({ status: z.enum(['正常', '停止党籍']) }), { status: '休假' });
    expect(p).toEqual({ field: 'status', message: '应为正常、停止党籍之一' });
  });

  it('keeps our own Chinese messages', () => {
    const problems = problemsOf(memberFieldsSchema, { name: '', gender: '未知' });
    expect(problems.find((p) => p.field === 'name')?.message).toBe('请填写姓名');
    expect(problems.find((p) => p.field === 'gender')?.message).toBe('请选择性别（男或女）');
  });

  it('says a long list of choices is out of range without listing it', () => {
    const [p] = problemsOf(z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']), 'z');
    expect(p).toEqual({ field: '(输入)', message: '不在允许的取值范围内' });
  });

  it('no message of a failed member parse is English', () => {
    const problems = problemsOf(memberFieldsSchema, { name: 5, status: '休假', lostContact: 'yes', birthDate: 'x', ethnicity: '火星族' });
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) expect(p.message).toMatch(/^[\u4e00-\u9fff]/);
  });
});
