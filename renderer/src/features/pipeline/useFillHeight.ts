/**
 * Makes an element reach down to the window's bottom edge (less `gap`), so the page is no taller than the window
 * and the element scrolls on its own. `prop` 'maxHeight': a short list keeps its own height, a long one is cut.
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';

export function useFillHeight(ref: RefObject<HTMLElement | null>, gap = 20, min = 320, prop: 'height' | 'maxHeight' = 'height'): void {
  const fit = () => {
    const el = ref.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    el.style[prop] = `${Math.max(min, window.innerHeight - top - gap)}px`;
  };
  // After every render: what sits above (an error line, a wrapped filter bar) may have moved the element.
  useLayoutEffect(fit);
  useEffect(() => {
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });
}
