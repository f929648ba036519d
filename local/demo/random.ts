/**
 * A small seeded pseudo-random generator, so the same seed always gives the same demo data
 * (tests, benchmark and chaos runs compare like with like). mulberry32: 32-bit state, fast, good
 * enough for data that only has to look varied — not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `weights[i]` is item i's share. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Shuffles a copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4-shaped UUID drawn from this generator. */
  uuid(): string;
}

// Globals looked up once: under jest (and the local runtime) code runs in a vm context, where each
// global lookup in a hot loop costs several times more than a local one.
const { floor, imul } = Math;

/** The generator for `seed` (any number; it is folded to 32 bits). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("seededRandom.pick: nothing to pick from");
    return items[floor(next() * items.length)];
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    uuid: () => uuidFrom(next),
  };
}

/**
 * A picker by weight over a fixed list, for picks made per entry: the running totals are summed
 * once, and each pick is a binary search.
 */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (rng: Random) => T {
  const totals: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    totals.push(sum);
  }
  return (rng) => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = totals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (totals[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/** A 32-bit hash of a text (FNV-1a), to seed a generator from a name. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The same UUID for the same text, whatever the seed: a catalog's ids stay put between runs. */
export function stableUuid(text: string): string {
  return seededRandom(hashText(text)).uuid();
}

/**
 * A one-to-one scramble of 32-bit integers (each step is invertible), so distinct counters give
 * distinct, random-looking ids without a uniqueness check.
 */
export function scramble32(n: number): number {
  let x = n >>> 0;
  x = imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function uuidFrom(next: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(floor(next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
