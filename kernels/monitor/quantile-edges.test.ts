import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/random';
import { quantileEdges, quantilesAt, slotOf } from './quantile-edges';

/** The slot by the definition in quantile-edges.ts, edge by edge. */
function naiveSlot(edges: number[], v: number): number {
  if (edges.length === 0 || v < edges[0]) return 0;
  for (let k = 0; k < edges.length; k++) if (v <= edges[k]) return k + 1;
  return edges.length + 1;
}

describe('slotOf', () => {
  it('agrees with the definition for 0 to 40 edges, on edges, between them and outside', () => {
    const random = createRandom(5);
    for (let m = 0; m <= 40; m++) {
      const edges = [...new Set(Array.from({ length: m }, () => Math.round(random() * 200) / 4))].sort((a, b) => a - b);
      const probes = [...edges, ...edges.map((e) => e + 0.1), ...edges.map((e) => e - 0.1), -1e9, 1e9, ...Array.from({ length: 50 }, () => random() * 60 - 5)];
      for (const v of probes) {
        expect(slotOf(edges, v)).toBe(naiveSlot(edges, v));
        expect(slotOf(Float64Array.from(edges), v)).toBe(naiveSlot(edges, v));
      }
    }
  });
});

describe('quantilesAt', () => {
  it('keeps repeated quantiles; quantileEdges is their unique sorted set', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : i));
    const q = quantilesAt(values, 10);
    expect(q).toHaveLength(11);
    expect(q.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(quantileEdges(values, 10)).toEqual([...new Set(q)]);
    expect(quantilesAt([NaN, Infinity], 10)).toEqual([]);
  });
});
