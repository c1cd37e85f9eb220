/**
 * Hash routing without a library: `#/roster?category=预备党员`. The browser keeps the history of the hash, so
 * Back/Forward (Alt+←/→, the mouse's back button) and a reload work; every screen can link to a filtered list.
 */
import { useSyncExternalStore } from 'react';

export type Query = Record<string, string>;

export interface Route {
  /** '/roster'; '/' when the hash names no screen. */
  path: string;
  query: Query;
}

/** '#/roster?category=预备党员' -> { path: '/roster', query: { category: '预备党员' } }. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('/')) return { path: '/', query: {} };
  const [path = '/', search = ''] = body.split('?', 2) as [string, string?];
  const query: Query = {};
  for (const [k, v] of new URLSearchParams(search)) if (v !== '') query[k] = v;
  return { path, query };
}

/** The href of a screen with its query (empty values left out), e.g. '#/roster?category=…'. */
export function routeHref(path: string, query: Query | Partial<Record<string, string | null | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, v);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

const listeners = new Set<() => void>();
let current = { hash: '', route: parseHash('') };

function snapshot(): Route {
  if (current.hash !== window.location.hash) current = { hash: window.location.hash, route: parseHash(window.location.hash) };
  return current.route;
}

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

export function currentRoute(): Route {
  return snapshot();
}

/** The route shown now; the component renders again when it changes. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * Opens a screen. `replace`: change the address without a new history entry (a filter typed on the same
 * screen, a redirect), so Back still goes to the previous screen.
 */
export function navigate(path: string, query: Parameters<typeof routeHref>[1] = {}, options: { replace?: boolean } = {}): void {
  const href = routeHref(path, query);
  if (href === window.location.hash) return;
  if (options.replace) {
    history.replaceState(history.state, '', href);
    notify(); // replaceState fires no hashchange
  } else {
    window.location.hash = href;
  }
}
