/** Keyboard users get their place back: when a drawer closes, focus returns to what opened it. */
import { useRef } from 'react';

export function useReturnFocus(open: boolean, fallbackSelector = '#roster-search'): (nowOpen: boolean) => void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read during the render that opens the drawer: before the drawer's own effects move the focus into it.
  if (open && !wasOpen.current) {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  wasOpen.current = open;
  return (nowOpen: boolean) => {
    if (nowOpen) return;
    const target = opener.current?.isConnected ? opener.current : document.querySelector<HTMLElement>(fallbackSelector);
    opener.current = null;
    // After the drawer has finished closing (its Esc handler is gone), so the next Esc reaches the drawer below.
    setTimeout(() => target?.focus(), 50);
  };
}
