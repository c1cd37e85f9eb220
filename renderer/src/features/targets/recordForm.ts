/**
 * The drawers' forms of 示范责任区 and 立项攻关: checked inline with the contract's own zod schema (the same rule main
 * applies), typed dates refused by DateInput shown with their reason.
 */
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { zodProblems } from '../../../../shared/contract/validate';
import type { FieldProblem } from '../../../../shared/domain/member';
import { useInlineChecks, summaryAfterTry } from '../../components/useInlineChecks';

export function useSchemaChecks<V>(form: FormInstance<V>, order: readonly string[], schema: z.ZodType, toInput: (v: V) => unknown, setSummary: (s: string | null) => void) {
  const problems = (): FieldProblem[] => {
    const r = schema.safeParse(toInput(form.getFieldsValue(true) as V));
    return r.success ? [] : zodProblems(r.error).filter((p) => p.field !== 'expectedUpdatedAt' && p.field !== 'id');
  };
  return useInlineChecks(form, order, problems, summaryAfterTry(setSummary));
}
