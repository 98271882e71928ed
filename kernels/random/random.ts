// The project's one seeded random-number generator (mulberry32: tiny, fast, 32-bit integer
// arithmetic only, so a seed gives the same stream on every platform), so every learner and every
// tournament decision (splits, sampled configurations, permutations) is deterministic for a seed;
// plus the helpers built on it: sampling (row bagging, feature subsets, bootstrap counts),
// shuffling, normal draws and child seeds.

export type Random = () => number;

/**
 * Streams: one seed drives both the learners and the tournament's own draws, each from its own
 * stream. The values are the ones each used when they had separate generators, so a seed still
 * reproduces the same models and the same tournament.
 */
export const LEARNER_STREAM = 0x9e3779b9;
export const TOURNAMENT_STREAM = 0x6d2b79f5;

/** Uniform [0, 1) generator; the same seed (and stream) gives the same sequence everywhere. */
export function createRandom(seed: number, stream: number = LEARNER_STREAM): Random {
  return mulberry32(seed ^ stream);
}

/**
 * mulberry32 started from `state` as is (createRandom scrambles the seed first). Only 32-bit
 * integer arithmetic, so the stream is identical everywhere; the benchmark and sample-data
 * generators rely on that to regenerate the same bytes.
 */
export function mulberry32(state: number): Random {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/**
 * k distinct indices out of [0, n) in increasing order (selection sampling, Knuth's Algorithm S),
 * so sampled rows keep their memory order.
 */
export function sampleSorted(random: Random, n: number, k: number, out = new Uint32Array(k)): Uint32Array {
  let needed = k;
  let m = 0;
  for (let i = 0; i < n && m < k; i++) {
    if (random() * (n - i) < needed) {
      out[m++] = i;
      needed--;
    }
  }
  return out;
}

/** Bootstrap multiplicities: n draws with replacement from n rows. */
export function bootstrapCounts(random: Random, n: number, out = new Uint32Array(n)): Uint32Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[Math.floor(random() * n)]++;
  return out;
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
