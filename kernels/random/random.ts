// A small seeded PRNG (mulberry32) so every learner is deterministic for a seed, plus the
// sampling helpers the learners share (row bagging, feature subsets, bootstrap counts).

export type Random = () => number;

/** Uniform [0, 1) generator; the same seed gives the same stream on every platform. */
export function createRandom(seed: number): Random {
  return mulberry32(seed ^ 0x9e3779b9);
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
