/**
 * The capability list the shell is built from: every screen names a page that exists (its module loads and
 * has a default component), and no two screens share a key or a route; every hand-over choice is unique.
 */
import '../../../main/capabilities';
import { registeredTables } from '../../../main/db/registry';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, HOME_SCREEN, SCREENS } from '../../../renderer/src/features';
import { MENU_GROUPS } from '../../../renderer/src/features/capability';
import { EXPORT_CHOICES } from '../../../renderer/src/features/handover/tables';
import { parseHash, routeHref } from '../../../renderer/src/app/router';
import { filtersFromQuery, queryOfFilters, DEFAULT_FILTERS } from '../../../renderer/src/features/roster/rosterStore';

const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('capability screens', () => {
  it('no two screens share a key or a route, and every route is a path', () => {
    expect(dupes(SCREENS.map((s) => s.key))).toEqual([]);
    expect(dupes(SCREENS.map((s) => s.path))).toEqual([]);
    for (const s of SCREENS) expect(s.path).toMatch(/^\/[a-z][a-zA-Z-]*$/);
    expect(dupes(CAPABILITIES.map((c) => c.key))).toEqual([]);
  });

  it('every screen sits in a known menu group and the home screen exists', () => {
    const groups = MENU_GROUPS.map((g) => g.key as string);
    for (const s of SCREENS) expect(groups, s.key).toContain(s.group);
    expect(SCREENS.map((s) => s.key)).toContain(HOME_SCREEN);
  });

  it('every screen points at a page module with a component as its default export', async () => {
    for (const s of SCREENS) {
      const mod = await s.page();
      expect(typeof mod.default, `${s.key}: ${s.path}`).toBe('function');
    }
  }, 120_000);

  it('the hand-over choices come from the capabilities, each key once', () => {
    expect(EXPORT_CHOICES.map((c) => c.key)).toEqual(['members', 'member_events', 'applicants', 'party_groups', 'meetings', 'talks', 'targets', 'appraisal', 'code_items']);
    expect(dupes(EXPORT_CHOICES.map((c) => c.key))).toEqual([]);
  });

  it('every table main registers (but the branch itself) can be chosen for a hand-over', () => {
    const chosen = new Set(EXPORT_CHOICES.flatMap((c) => c.tables));
    const tables = registeredTables().filter((t) => !t.isBranch).map((t) => t.name);
    expect(tables.filter((t) => !chosen.has(t))).toEqual([]);
    expect([...chosen].filter((t) => !tables.includes(t as never))).toEqual([]);
  });
});

describe('routes', () => {
  it('reads a hash with a query back from the href it writes', () => {
    const href = routeHref('/roster', { category: '预备党员', partyGroupId: 'g1', gender: null });
    expect(parseHash(href)).toEqual({ path: '/roster', query: { category: '预备党员', partyGroupId: 'g1' } });
    expect(parseHash('#token=abc')).toEqual({ path: '/', query: {} });
    expect(parseHash('')).toEqual({ path: '/', query: {} });
  });

  it('the roster filters round-trip through the route query, defaults left out', () => {
    const filters = { ...DEFAULT_FILTERS, category: '预备党员' as const, ageBand: '30to39', branchId: null };
    const query = Object.fromEntries(Object.entries(queryOfFilters(filters)).filter(([, v]) => v)) as Record<string, string>;
    expect(query).toEqual({ category: '预备党员', ageBand: '30to39' });
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(filtersFromQuery({ category: '别的' }).category).toBeNull();
  });
});
