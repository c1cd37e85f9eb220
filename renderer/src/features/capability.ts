/**
 * What a capability (a feature folder) declares about itself: its screens in the menu, what to read again after
 * a hand-over import or a restore, and what a secretary can choose to hand over. The shell, the routes,
 * reloadAppData and the hand-over choices are all derived from the list in ./index.ts.
 */
import type { ComponentType } from 'react';

/** The menu's groups, in menu order. A group shows only when some capability has a screen in it. */
export const MENU_GROUPS = [
  { key: 'home', label: '首页' },
  { key: 'members', label: '党员管理' },
  { key: 'life', label: '组织生活' },
  { key: 'targets', label: '目标管理' },
  { key: 'data', label: '数据' },
  { key: 'system', label: '系统' },
] as const;

export type MenuGroupKey = (typeof MENU_GROUPS)[number]['key'];

export interface ScreenEntry {
  /** Unique among all screens. */
  key: string;
  /** The menu label, the breadcrumb and the window title. */
  label: string;
  group: MenuGroupKey;
  icon: ComponentType;
  /** Position within its group (smaller first). */
  order: number;
  /** The route: '/roster' is opened by '#/roster' (with an optional '?query'). Unique among all screens. */
  path: string;
  /** The page, loaded when the screen is first opened: `() => import('./RosterPage')` (default export). */
  page: () => Promise<{ default: ComponentType }>;
  /** A hook: false hides the screen from the menu (支部对比 with a single branch). Absent: always shown. */
  useShown?: () => boolean;
}

/** One choice of 数据交接's export, in the secretary's words; `tables` are the registered tables it carries. */
export interface HandoverChoice {
  key: string;
  label: string;
  hint: string;
  tables: string[];
}

export interface Capability {
  key: string;
  screens: ScreenEntry[];
  /** Runs once when the app's shell opens (e.g. what decides whether a screen is shown in the menu). */
  start?: () => void;
  /** Reads the capability's data again after the database changed wholesale (hand-over import, restore). */
  reload?: () => void | Promise<void>;
  handover?: HandoverChoice[];
}

/**
 * A `reload` that reads a store's data again only if its screen has already loaded it; the store module itself
 * loads with its screen, so a screen never opened costs nothing after an import.
 */
export function reloadWhenLoaded<S extends { loaded: boolean }>(store: () => Promise<{ getState(): S }>, load: (state: S) => Promise<void>): () => Promise<void> {
  return async () => {
    const state = (await store()).getState();
    if (state.loaded) await load(state);
  };
}
