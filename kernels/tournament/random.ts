// Seeded pseudo-random numbers for everything the tournament decides by chance (splits,
// sampled configurations, permutations), so the same seed always gives the same run.
// mulberry32: tiny, fast, and good enough for shuffling and sampling.

export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = (seed >>> 0) ^ 0x6d2b79f5;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A child seed from a parent seed and labels, so each fold/candidate has its own stream. */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed >>> 0) ^ 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

/** Fisher–Yates in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(a: T, random: Random): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** A standard normal draw (Box–Muller). */
export function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
