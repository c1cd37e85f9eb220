/**
 * The facts operations: the catalogue of facts, and one fact's value for a period.
 * Which keys exist is known in main only (capabilities register their facts there), so an unknown key
 * is refused by the service with a message naming it.
 */
import { z } from 'zod';
import { isoDate } from '../domain/fieldSchemas';
import type { FactDefinition, FactValue } from '../domain/facts';
import { defineOperations, op } from './define';


const optionalDate = isoDate.nullish().transform((v) => v ?? null);

export const factQuerySchema = z
  .object({
    key: z.string().trim().min(1, { error: '请指定统计项' }).max(80, { error: '统计项名称过长' }),
    /** For facts counted on a date; omitted: `to`, else today. */
    at: optionalDate,
    /** For facts over a period; omitted: 1 January of the year of `to`. */
    from: optionalDate,
    /** Omitted: `at`, else today. */
    to: optionalDate,
    /** Omitted or null: the local branch. */
    branchId: z.string().uuid({ error: '所选支部无效' }).nullish(),
  })
  .strict();
export type FactQueryInput = z.input<typeof factQuerySchema>;
export type FactQuery = z.output<typeof factQuerySchema>;

/** Chinese names of the inputs, for messages about them. */
export const FACTS_FIELD_LABELS: Record<string, string> = {
  key: '统计项',
  queries: '统计项',
  at: '统计日期',
  from: '起始日期',
  to: '结束日期',
  branchId: '支部',
};

export const factsOperations = defineOperations('facts', FACTS_FIELD_LABELS, {
  'facts.list': op<FactDefinition[]>()(z.object({}).strict()),
  'facts.get': op<FactValue>()(factQuerySchema),
  /** Several facts read together (the home page, a report): they agree with each other, and cost less than one by one. */
  'facts.getMany': op<FactValue[]>()(
    z.object({ queries: z.array(factQuerySchema).min(1, { error: '请指定统计项' }).max(50, { error: '一次最多读取 50 项统计' }) }).strict(),
  ),
});

