/**
 * The mark on the row of the member just saved (rosterStore.highlightId): the table scrolls to it and gives it
 * a class for a few seconds. Kept apart from the table's own code: any table takes `savedRowClass`.
 */
import { useEffect } from 'react';
import { useRosterStore } from './rosterStore';

export const SAVED_ROW_CLASS = 'row-just-saved';
const MARK_MS = 4000;

/** Scrolls `scrollToKey` to the saved row once it is listed; returns the class to add to a row. */
export function useSavedRow(rowIds: readonly string[], scrollToKey: (key: string) => void): (id: string) => string {
  const highlightId = useRosterStore((s) => s.highlightId);
  const listed = !!highlightId && rowIds.includes(highlightId);

  useEffect(() => {
    if (!highlightId || !listed) return;
    scrollToKey(highlightId);
    const timer = setTimeout(() => useRosterStore.getState().clearHighlight(highlightId), MARK_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlightId, listed]);

  return (id) => (id === highlightId ? SAVED_ROW_CLASS : '');
}
