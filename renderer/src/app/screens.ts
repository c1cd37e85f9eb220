/** Opening a screen by its key, and links to one (with a query: a filtered list). */
import { SCREENS, HOME_SCREEN } from '../features';
import type { ScreenEntry } from '../features/capability';
import { navigate, routeHref, type Route } from './router';

type QueryInput = Parameters<typeof routeHref>[1];

export function screenByKey(key: string): ScreenEntry {
  const screen = SCREENS.find((s) => s.key === key);
  if (!screen) throw new Error(`no screen ${key}`);
  return screen;
}

/** The screen a route shows; undefined for an unknown path. */
export function screenOfRoute(route: Route): ScreenEntry | undefined {
  return SCREENS.find((s) => s.path === route.path);
}

export function homeScreen(): ScreenEntry {
  return screenByKey(HOME_SCREEN);
}

/** '#/roster?category=预备党员': for links (<a href>) to a screen, filtered by the query. */
export function screenHref(key: string, query?: QueryInput): string {
  return routeHref(screenByKey(key).path, query);
}

/** Opens a screen: a new history entry (Back returns here) unless `replace`. */
export function openScreen(key: string, query?: QueryInput, options?: { replace?: boolean }): void {
  navigate(screenByKey(key).path, query, options);
}
