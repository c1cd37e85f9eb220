/** Facts: the catalogue, and one fact's value for a checked period, with the fingerprint of what it counted. */
import crypto from 'node:crypto';
import { validationError } from '../../../shared/contract/errors';
import { FACTS_FIELD_LABELS, type FactQuery } from '../../../shared/contract/facts';
import { localToday } from '../../../shared/domain/dates';
import type { FactDefinition, FactPeriod, FactValue } from '../../../shared/domain/facts';
import type { FieldProblem } from '../../../shared/domain/member';
import type { Sqlite } from '../../db/query';
import { localBranchId, resolveBranchId } from '../branch/branch';
import { factDefinition, factSpec, factSpecs, type CountedRecord, type FactSpec } from './registry';

export function listFacts(): FactDefinition[] {
  return factSpecs().map(factDefinition);
}

function refuse(field: string, message: string): never {
  throw validationError([{ field, message }], FACTS_FIELD_LABELS);
}

export function requireFactSpec(key: string): FactSpec {
  const spec = factSpec(key);
  if (!spec) refuse('key', `没有名为“${key}”的统计项`);
  return spec;
}

/**
 * The period a query asks of a fact. Defaults: an 'at' fact is counted on `at`, else `to`, else today;
 * a 'range' fact ends on `to`, else `at`, else today, and starts on `from`, else 1 January of its end's year
 * (so a report's period can be passed to every fact alike). No date may be after today; `from` not after `to`.
 */
export function resolvePeriod(spec: Pick<FactDefinition, 'periodKind'>, q: Partial<Pick<FactQuery, 'at' | 'from' | 'to'>>, today: string): FactPeriod {
  const problems: FieldProblem[] = [];
  for (const field of ['at', 'from', 'to'] as const) {
    const value = q[field];
    if (value && value > today) problems.push({ field, message: `不能晚于今天（${today}）` });
  }
  if (q.from && q.to && q.from > q.to) problems.push({ field: 'from', message: `不能晚于结束日期（${q.to}）` });
  if (problems.length) throw validationError(problems, FACTS_FIELD_LABELS);
  if (spec.periodKind === 'at') return { kind: 'at', at: q.at ?? q.to ?? today };
  const to = q.to ?? q.at ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) refuse('from', `不能晚于结束日期（${to}）`);
  return { kind: 'range', from, to };
}

/** sha256 of the key, period, branch and every counted record's id and revision (order-independent). */
export function factFingerprint(key: string, period: FactPeriod, branchId: string, counted: readonly CountedRecord[]): string {
  const lines = counted.map((r) => `${r.table}:${r.id}:${r.rev}`).sort();
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify([key, period, branchId]));
  for (const line of lines) hash.update(`\n${line}`);
  return `sha256:${hash.digest('hex')}`;
}

/** One fact; inside the caller's read transaction, sharing `shared` with the other facts of the request. */
function computeFact(db: Sqlite, query: FactQuery, today: string, now: Date, shared: Map<string, unknown>): FactValue {
  const spec = requireFactSpec(query.key);
  const branchId = resolveBranchId(db, query.branchId, 'branchId', '支部');
  const period = resolvePeriod(spec, query, today);
  const at = period.kind === 'at' ? period.at : period.to;
  const [from, to] = period.kind === 'at' ? [at, at] : [period.from, period.to];
  const scope = { db, branchId, isLocalBranch: branchId === localBranchId(db), today, period, at, from, to, shared };
  const { data, counted } = spec.compute(scope);
  return {
    key: spec.key,
    title: spec.title,
    unit: spec.unit,
    period,
    branchId,
    computedAt: now.toISOString(),
    data,
    fingerprint: factFingerprint(spec.key, period, branchId, counted),
  };
}

/** One read transaction: every query of the provider sees the same state of the database. */
export function getFact(db: Sqlite, query: FactQuery, today: string = localToday(), now: Date = new Date()): FactValue {
  return db.transaction(() => computeFact(db, query, today, now, new Map()))();
}

/**
 * Several facts at once (the home page, a report): one read transaction, so they agree with each other, and what
 * they share (the roster on a date) is computed once.
 */
export function getFacts(db: Sqlite, queries: readonly FactQuery[], today: string = localToday(), now: Date = new Date()): FactValue[] {
  return db.transaction(() => {
    const shared = new Map<string, unknown>();
    return queries.map((q) => computeFact(db, q, today, now, shared));
  })();
}
