/**
 * Facts: what capabilities offer each other. A fact is a named, period-scoped figure, table or chart series
 * with a stable key, a Chinese title and its source (the records it counts), so a user can follow a figure
 * back to the records, and a report that quotes it can tell when it has gone stale (the fingerprint).
 */

export type FactKind = 'figure' | 'table' | 'series';

/** 'at': counted on one date (the roster as it stood that day); 'range': what happened from one date to another. */
export type FactPeriodKind = 'at' | 'range';

export interface FactDefinition {
  /** Stable, dotted: capability, then what is counted (e.g. 'roster.members.byCategory'). Reports keep it. */
  key: string;
  /** Chinese, as shown above the figure (e.g. 党员人数（按人员类别）). */
  title: string;
  kind: FactKind;
  /** The capability that provides it (e.g. 'roster', 'pipeline'). */
  capability: string;
  /** Chinese unit of the figures (人, 次 …). */
  unit: string;
  periodKind: FactPeriodKind;
  /** One Chinese sentence: what is counted, and any approximation a reader should know of. */
  description: string;
}

export type FactPeriod = { kind: 'at'; at: string } | { kind: 'range'; from: string; to: string };

/** The most ids a source lists; `count` is always the full number. */
export const FACT_SOURCE_MAX_IDS = 500;

/**
 * The records behind one figure. `filter`, when present, is a filter the named screen understands (for the roster:
 * the fields of the roster search, memberSearchSchema) that shows exactly the counted records; otherwise `ids`
 * names them (at most FACT_SOURCE_MAX_IDS; `idsTruncated` when there are more).
 */
export interface FactSource {
  /** The table the counted records are rows of ('members', 'applicants'). */
  table: string;
  /** Chinese name of where they are shown (党员名册, 发展党员). */
  label: string;
  /** The renderer screen that shows them ('roster', 'pipeline'). */
  screen: string;
  filter: Record<string, string | number | boolean | null> | null;
  count: number;
  ids?: string[];
  idsTruncated?: boolean;
}

/** One bar or slice of a series (or the one number of a figure). */
export interface FactPoint {
  key: string;
  label: string;
  value: number;
  source: FactSource;
}

export interface FactTableColumn {
  key: string;
  label: string;
}

/** One row of a table fact: its cells by column key, and the record it shows. */
export interface FactTableRow {
  key: string;
  cells: Record<string, string | number | null>;
  source: FactSource;
}

export type FactData =
  | { kind: 'figure'; value: number; source: FactSource }
  | { kind: 'series'; total: number; points: FactPoint[] }
  | { kind: 'table'; columns: FactTableColumn[]; rows: FactTableRow[] };

export interface FactValue {
  key: string;
  title: string;
  unit: string;
  period: FactPeriod;
  /** The branch the figures are of. */
  branchId: string;
  /** ISO timestamp of the computation. */
  computedAt: string;
  data: FactData;
  /**
   * A hash of the key, the period and the ids and revisions of every record counted: when any counted record is
   * edited, or a record enters or leaves the count, it changes. A report keeps it to tell when a figure is stale.
   */
  fingerprint: string;
}

/** The dates of a period, as shown to the user: 截至2026-12-04, 2026-01-01至2026-12-04. */
export function periodText(p: FactPeriod): string {
  return p.kind === 'at' ? `截至${p.at}` : `${p.from}至${p.to}`;
}

/** A source that names its records by id (capped). */
export function idSource(base: Pick<FactSource, 'table' | 'label' | 'screen'>, ids: readonly string[]): FactSource {
  const capped = ids.slice(0, FACT_SOURCE_MAX_IDS);
  return {
    ...base,
    filter: null,
    count: ids.length,
    ids: capped,
    ...(ids.length > capped.length ? { idsTruncated: true } : {}),
  };
}

/** A source the screen shows exactly by a filter. */
export function filterSource(base: Pick<FactSource, 'table' | 'label' | 'screen'>, filter: NonNullable<FactSource['filter']>, count: number): FactSource {
  return { ...base, filter, count };
}
