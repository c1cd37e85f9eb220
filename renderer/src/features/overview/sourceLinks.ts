/**
 * A fact's source as a link: the screen it names, with its filter as that screen's route query. A source that names
 * its records by id only has no link (no screen lists a set of ids), so a count never opens a list it does not count.
 */
import type { FactSource } from '../../../../shared/domain/facts';
import { screenHref } from '../../app/screens';
import { DEFAULT_FILTERS, queryOfFilters, type RosterFilters } from '../roster/rosterStore';

type Filter = NonNullable<FactSource['filter']>;

/** The roster's filter is its search (memberSearchSchema's fields); the roster says how they go in its route. */
function rosterQuery(filter: Filter): Record<string, string | null | undefined> {
  return queryOfFilters({ ...DEFAULT_FILTERS, ...(filter as Partial<RosterFilters>) });
}

/** Other screens read their filter's text fields from the route as they are (the board: `stage`). */
function plainQuery(filter: Filter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : [])));
}

export function sourceHref(source: FactSource): string | undefined {
  if (!source.filter) return undefined;
  try {
    return screenHref(source.screen, source.screen === 'roster' ? rosterQuery(source.filter) : plainQuery(source.filter));
  } catch {
    return undefined; // a screen this build does not have
  }
}
