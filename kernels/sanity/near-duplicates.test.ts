import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from './near-duplicates';

/** The definition: |r| over the sampled rows, every pair, no early exit. */
function bruteForce(features: Float64Array[], threshold: number): { index: number; of: number }[] {
  const z = features.map((v) => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0));
    return sd > 0 ? v.map((x) => (x - mean) / sd) : null;
  });
  const dropped = new Set<number>();
  const out: { index: number; of: number }[] = [];
  for (let a = 0; a < z.length; a++) {
    if (dropped.has(a) || !z[a]) continue;
    for (let b = a + 1; b < z.length; b++) {
      if (dropped.has(b) || !z[b]) continue;
      let r = 0;
      for (let k = 0; k < z[a]!.length; k++) r += z[a]![k] * z[b]![k];
      if (Math.abs(r) >= threshold) { dropped.add(b); out.push({ index: b, of: a }); }
    }
  }
  return out;
}

describe('findNearDuplicates', () => {
  it('finds exactly the pairs the full correlation finds (sparse terms, dense numbers, negated and noisy copies)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 1000;
    const features: Float64Array[] = [];
    for (let j = 0; j < 40; j++) features.push(Float64Array.from({ length: n }, () => (rand() < 0.05 ? rand() : 0)));
    for (let j = 0; j < 10; j++) features.push(Float64Array.from({ length: n }, () => rand()));
    features.push(features[3].map((v) => 2 * v + 1)); // exact copy, rescaled
    features.push(features[45].map((v) => -v)); // negated
    features.push(features[46].map((v) => v + (rand() - 0.5) * 0.01)); // r ≈ 0.9994
    features.push(features[47].map((v) => v + (rand() - 0.5) * 0.1)); // r ≈ 0.94: not a duplicate
    const found = findNearDuplicates(features.map((values) => ({ values })), n);
    expect(found.map(({ index, of }) => ({ index, of }))).toEqual(bruteForce(features, 0.999));
    expect(found.map((f) => f.index)).toEqual(expect.arrayContaining([50, 51, 52]));
    expect(found.map((f) => f.index)).not.toContain(53);
  });

  it('stops scanning past its deadline (duplicates then stay: a cost in time, not in correctness)', () => {
    const a = Float64Array.from({ length: 100 }, (_, i) => i % 7);
    const features = [a, a.map((v) => v * 2)].map((values) => ({ values }));
    expect(findNearDuplicates(features, 100, 0.999, 4000, Date.now() + 60_000)).toHaveLength(1);
    expect(findNearDuplicates(features, 100, 0.999, 4000, Date.now() - 1)).toEqual([]);
  });
});
