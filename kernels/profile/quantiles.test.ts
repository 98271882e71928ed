import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/random';
import { quantilesInPlace } from './quantiles';

/** numpy's default ("linear") quantile from a sorted copy. */
function reference(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const position = p * (sorted.length - 1);
  const k = Math.floor(position);
  return k + 1 < sorted.length ? sorted[k] + (sorted[k + 1] - sorted[k]) * (position - k) : sorted[k];
}

describe('quantilesInPlace', () => {
  const random = createRandom(11);
  const sets: [string, Float64Array][] = [
    ['continuous, 50,000 values', Float64Array.from({ length: 50_000 }, () => random() * 1e3 - 500)],
    ['heavy ties (12 distinct values)', Float64Array.from({ length: 20_001 }, () => Math.floor(random() * 12))],
    ['sorted descending', Float64Array.from({ length: 3000 }, (_, i) => -i)],
    ['seven values', Float64Array.of(5, 1, 4, 1, 5, 9, 2)],
    ['one value', Float64Array.of(3)],
  ];
  const probabilities = [[0, 0.1, 0.25, 0.5, 0.75, 0.9, 1], Array.from({ length: 101 }, (_, i) => i / 100), [0.333, 0.334, 0.999]];
  for (const [name, values] of sets) {
    it(`${name}: every quantile as from a sorted copy`, () => {
      for (const ps of probabilities) {
        const got = quantilesInPlace(Float64Array.from(values), ps);
        expect(got).toEqual(ps.map((p) => reference(values, p)));
      }
    });
  }

  it('an empty array gives NaN for each probability', () => {
    expect(quantilesInPlace(new Float64Array(0), [0, 0.5])).toEqual([NaN, NaN]);
  });
});
