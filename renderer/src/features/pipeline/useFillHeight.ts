/** Makes an element reach down to the window's bottom edge (less `gap`), so the page is no taller than the window and the element scrolls on its own. */
import { useLayoutEffect, type RefObject } from 'react';

/** `prop` 'maxHeight': a short list keeps its own height and only a long one is cut to the window. */
export function useFillHeight(ref: RefObject<HTMLElement | null>, gap = 20, min = 320, deps: unknown[] = [], prop: 'height' | 'maxHeight' = 'height'): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style[prop] = `${Math.max(min, window.innerHeight - top - gap)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [ref, gap, min, prop, ...deps]);
}
