import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardFromIndex, shardOf, tenantsOfShard } from './shard';

describe('sharding', () => {
  it('splits every tenant list into disjoint shards that together hold every tenant', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (tenants, n) => {
      const parts = Array.from({ length: n }, (_, index) => tenantsOfShard(tenants, { index, count: n }));
      expect(parts.flat().sort()).toEqual([...tenants].sort());
    }));
  });

  it('is a pure function of the tenant id (stable across runs, unaffected by other tenants)', () => {
    // Pinned values: changing the hash would move every tenant of every running fleet.
    expect(['acme', 'globex', 'tenant-007', 'initech', 'umbrella'].map((t) => shardOf(t, 4))).toEqual([1, 1, 2, 2, 1]);
    expect(tenantsOfShard(['a', 'b', 'c', 'd'], { index: 1, count: 3 })).toEqual(tenantsOfShard(['a', 'b', 'c', 'd', 'e'], { index: 1, count: 3 }).filter((t) => t !== 'e'));
  });

  it('spreads 1,000 tenants evenly enough over 4 shards', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[shardOf(`tenant-${i}`, 4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(200);
  });

  it('reads i/n and JOB_COMPLETION_INDEX, refusing what is out of range', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(shardFromIndex('3', 4)).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('4/4')).toThrow(/below the shard count/);
    expect(() => parseShard('1-4')).toThrow(/i\/n/);
    expect(() => parseShard('0/0')).toThrow(/≥ 1/);
    expect(() => shardFromIndex('x', 2)).toThrow(/whole number/);
  });
});
