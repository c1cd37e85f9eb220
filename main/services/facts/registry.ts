/**
 * The registry of fact providers: the `facts` of every capability in main/capabilities.ts, which hands them
 * over when the list loads (this module cannot import the list: the list holds the facts capability itself).
 * A key offered twice throws.
 */
import type { FactData, FactDefinition, FactPeriod } from '../../../shared/domain/facts';
import type { Sqlite } from '../../db/query';

/** What a provider is asked for: one branch, one period (already checked), and today's date. */
export interface FactScope {
  db: Sqlite;
  branchId: string;
  /** Whether branchId is the local branch (the screens' default, so their filters need no branch). */
  isLocalBranch: boolean;
  today: string;
  period: FactPeriod;
  /** The date an 'at' fact is counted on; for a 'range' fact, its end. */
  at: string;
  /** A 'range' fact's dates (for an 'at' fact both are `at`). */
  from: string;
  to: string;
  /** Results shared by the facts computed together in one request (one read transaction); see memo(). */
  shared: Map<string, unknown>;
}

/** Computes once per request what several facts of it need (e.g. the roster on a date, classified). */
export function memo<T>(scope: FactScope, key: string, compute: () => T): T {
  const full = `${scope.branchId}|${key}`;
  if (!scope.shared.has(full)) scope.shared.set(full, compute());
  return scope.shared.get(full) as T;
}

/** One record a figure counted, with its revision: the fingerprint is made of these. */
export interface CountedRecord {
  table: string;
  id: string;
  rev: string;
}

export interface FactResult {
  data: FactData;
  counted: readonly CountedRecord[];
}

export interface FactSpec extends FactDefinition {
  compute(scope: FactScope): FactResult;
}

/** The facts by key, in list order; throws when two share a key. */
export function factRegistry(list: readonly FactSpec[]): Map<string, FactSpec> {
  const specs = new Map<string, FactSpec>();
  for (const spec of list) {
    if (specs.has(spec.key)) throw new Error(`fact ${spec.key} is registered twice`);
    specs.set(spec.key, spec);
  }
  return specs;
}

let registry: Map<string, FactSpec> | undefined;

/** Called once by main/capabilities.ts with every capability's facts. */
export function provideFacts(list: readonly FactSpec[]): void {
  registry = factRegistry(list);
}

function specs(): Map<string, FactSpec> {
  if (!registry) throw new Error('facts: main/capabilities.ts has not been loaded');
  return registry;
}

/** Every fact, in the order of the capabilities offering them. */
export function factSpecs(): FactSpec[] {
  return [...specs().values()];
}

export function factSpec(key: string): FactSpec | undefined {
  return specs().get(key);
}

/** The definition alone (what crosses the contract). */
export function factDefinition(spec: FactSpec): FactDefinition {
  const { key, title, kind, capability, unit, periodKind, description } = spec;
  return { key, title, kind, capability, unit, periodKind, description };
}
