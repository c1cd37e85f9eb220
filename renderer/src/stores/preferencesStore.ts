/**
 * Display preferences (the columns a list shows, the menu's folded groups), kept by main beside the database
 * (app.preferences): localStorage belongs to the page's origin, which changes with the browser host's port on every
 * start. Read once at start-up, before the first screen; localStorage stays as a copy for a main that cannot keep
 * them (recovery mode) and for preferences chosen before this version.
 */
import { create } from 'zustand';
import type { PreferenceValue } from '../../../shared/contract/app';
import { api } from '../api';

interface PreferencesState {
  values: Record<string, PreferenceValue>;
  load(): Promise<void>;
  set(key: string, value: PreferenceValue): void;
}

function readLocal(key: string): PreferenceValue | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as PreferenceValue);
  } catch {
    return undefined;
  }
}

export const usePreferencesStore = create<PreferencesState>((set, get) => ({
  values: {},

  async load() {
    try {
      const kept = await api().call('app.preferences');
      // A choice made while main was answering is newer than main's copy: it wins.
      set({ values: { ...kept, ...get().values } });
    } catch {
      // Recovery mode answers only what it needs: the screens fall back to this origin's copy.
    }
  },

  set(key, value) {
    set({ values: { ...get().values, [key]: value } });
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or denied: main's copy is the one that counts.
    }
    void api()
      .call('app.setPreference', { key, value })
      .catch(() => undefined);
  },
}));

/** A preference as main keeps it, else this origin's copy, else undefined. */
export function preferenceOf(values: Record<string, PreferenceValue>, key: string): PreferenceValue | undefined {
  return key in values ? values[key] : readLocal(key);
}

/**
 * A preference for a component: main's value, else this origin's copy. The store's own value is selected (a stable
 * reference, as zustand needs), the fallback read outside the selector.
 */
export function usePreference(key: string): PreferenceValue | undefined {
  const value = usePreferencesStore((s) => s.values[key]);
  return value !== undefined ? value : readLocal(key);
}

/** A list of strings (hidden columns, folded groups), or null when never chosen. */
export function stringList(v: PreferenceValue | undefined): string[] | null {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
}
