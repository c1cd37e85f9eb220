/**
 * A small seeded PRNG (mulberry32) and the helpers the demo data needs. The same seed and stream
 * name always give the same sequence, so `seed-demo --seed S` is reproducible. Each capability
 * draws from its own stream, so adding a capability never changes the data of the others.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(table: WeightedTable<T>): T;
}

/** Items with relative weights, prepared once for repeated weighted picks. */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: readonly number[];
  total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  let total = 0;
  const cumulative = entries.map(([, w]) => (total += w));
  return { items: entries.map(([item]) => item), cumulative, total };
}

/** 32-bit string hash (FNV-1a), used to derive a stream's seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number, stream = ''): Rng {
  const next = mulberry32(hash32(`${stream}:${seed}`));
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (table) => {
      const x = next() * table.total;
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
  };
  return rng;
}
