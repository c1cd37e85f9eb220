/**
 * The one way a store loads what a screen shows: `loading` while the call runs, `error` (in words) when it fails,
 * `loaded` once an answer has arrived. A late answer of an older load is dropped, so a quick second load wins.
 */
import { errorText } from '../api';

export interface LoadState {
  loading: boolean;
  error: string | null;
  /** True once a load has succeeded (the data is real, not the initial empty value). */
  loaded: boolean;
}

export const NOT_LOADED: LoadState = { loading: false, error: null, loaded: false };

type SetState<S> = (patch: Partial<S>) => void;

/** Makes a store's `load()`: `fetch` returns the fields to set (e.g. `{ groups }`). */
export function createLoader<S extends LoadState>(set: SetState<S>, fetch: () => Promise<Partial<S>>): () => Promise<void> {
  let latest = 0;
  return async () => {
    const mine = ++latest;
    set({ loading: true, error: null } as Partial<S>);
    try {
      const fields = await fetch();
      if (mine === latest) set({ ...fields, loading: false, loaded: true } as Partial<S>);
    } catch (e) {
      if (mine === latest) set({ loading: false, error: errorText(e) } as Partial<S>);
    }
  };
}
