/**
 * Lays a document out progressively: pages are taken from the layout generator in slices of a few milliseconds
 * between tasks, so the first pages show at once and a 10,000-row register never freezes the window.
 */
import { useEffect, useRef, useState } from 'react';
import type { LaidOutPage, PrintDocument } from '../../../../shared/documents/model';
import { layoutDocument } from './layoutSource';

const SLICE_MS = 12;

export interface LaidOutState {
  /** The pages so far; the array grows in place, `count` tells how many are there. */
  pages: LaidOutPage[];
  count: number;
  done: boolean;
  error: string | null;
}

export function useLaidOutPages(doc: PrintDocument | null): LaidOutState {
  const pagesRef = useRef<LaidOutPage[]>([]);
  const [progress, setProgress] = useState({ count: 0, done: false, error: null as string | null });

  useEffect(() => {
    pagesRef.current = [];
    setProgress({ count: 0, done: false, error: null });
    if (!doc) return;
    const pages = pagesRef.current;
    const pending = layoutDocument(doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const step = () => {
      const started = performance.now();
      try {
        for (;;) {
          const next = pending.next();
          if (next.done) return setProgress({ count: pages.length, done: true, error: null });
          pages.push(next.value);
          if (performance.now() - started > SLICE_MS) break;
        }
      } catch (e) {
        return setProgress({ count: pages.length, done: true, error: e instanceof Error ? e.message : String(e) });
      }
      setProgress({ count: pages.length, done: false, error: null });
      timer = setTimeout(step, 0);
    };
    step();
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [doc]);

  return { pages: pagesRef.current, ...progress };
}
