/** A small, fast, seedable generator (mulberry32): the same seed always gives the same export. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A generator for one entity of a population: its attributes never depend on the row order. */
export function entityPrng(seed: number, index: number, salt = 0): Prng {
  let h = (seed ^ 0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b) ^ Math.imul(salt + 7, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return new Prng((h ^ (h >>> 16)) >>> 0);
}

/** Picks by weight from `[item, weight]` pairs. */
export function weighted<T>(rng: Prng, items: ReadonlyArray<readonly [T, number]>, total: number): T {
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}
