import { describe, expect, it } from 'vitest';
import { ModelCache, type CacheLimits } from './model-cache';

/** A cache whose loads resolve when the test says, recording loads, disposals and evictions. */
function harness(limits: CacheLimits, sizes: Record<string, number> = {}) {
  const loads: string[] = [];
  const disposed: string[] = [];
  const evictions: string[] = [];
  const lookups: string[] = [];
  const gates = new Map<string, () => void>();
  const cache = new ModelCache<string>(limits, async (key) => {
    loads.push(key);
    if (key.startsWith('slow')) await new Promise<void>((resolve) => gates.set(key, resolve));
    if (key.startsWith('bad')) throw new Error(`cannot load ${key}`);
    return { value: `model:${key}`, bytes: sizes[key] ?? 10 };
  }, (value) => disposed.push(value), {
    evicted: (reason) => evictions.push(reason),
    lookup: (result) => lookups.push(result),
  });
  return { cache, loads, disposed, evictions, lookups, open: (key: string) => gates.get(key)!() };
}

async function use(cache: ModelCache<string>, key: string): Promise<string> {
  const lease = await cache.acquire(key);
  lease.release();
  return lease.value;
}

describe('ModelCache', () => {
  it('evicts the least recently used model past the count limit', async () => {
    const h = harness({ maxModels: 2, maxBytes: 1e9 });
    await use(h.cache, 'a');
    await use(h.cache, 'b');
    await use(h.cache, 'a'); // a is now the most recent
    await use(h.cache, 'c');
    expect(h.cache.keys()).toEqual(['a', 'c']);
    expect(h.disposed).toEqual(['model:b']);
    expect(h.evictions).toEqual(['count']);
    expect(h.lookups).toEqual(['miss', 'miss', 'hit', 'miss']);
  });

  it('evicts by bytes, as many as it takes, and keeps the newest even alone over the limit', async () => {
    const h = harness({ maxModels: 100, maxBytes: 100 }, { a: 40, b: 40, c: 70, huge: 500 });
    await use(h.cache, 'a');
    await use(h.cache, 'b');
    await use(h.cache, 'c');
    expect(h.cache.keys()).toEqual(['c']);
    expect(h.cache.bytes).toBe(70);
    expect(h.evictions).toEqual(['bytes', 'bytes']);
    await use(h.cache, 'huge');
    expect(h.cache.keys()).toEqual(['huge']);
    expect(h.cache.bytes).toBe(500);
  });

  it('loads a cold model once for any number of concurrent requests', async () => {
    const h = harness({ maxModels: 2, maxBytes: 1e9 });
    const leases = Array.from({ length: 20 }, () => h.cache.acquire('slow-a'));
    await Promise.resolve();
    h.open('slow-a');
    const values = (await Promise.all(leases)).map((l) => { l.release(); return l.value; });
    expect(new Set(values)).toEqual(new Set(['model:slow-a']));
    expect(h.loads).toEqual(['slow-a']);
    expect(h.lookups.filter((l) => l === 'wait')).toHaveLength(19);
  });

  it('does not dispose a model a request still holds; disposes it at release', async () => {
    const h = harness({ maxModels: 1, maxBytes: 1e9 });
    const held = await h.cache.acquire('a');
    await use(h.cache, 'b');
    expect(h.cache.keys()).toEqual(['b']);
    expect(h.disposed).toEqual([]);
    held.release();
    held.release(); // a second release is a no-op
    expect(h.disposed).toEqual(['model:a']);
  });

  it('hands every waiter a loaded model even when another load evicts it before they resume', async () => {
    const h = harness({ maxModels: 1, maxBytes: 1e9 });
    const waiters = [h.cache.acquire('slow-a'), h.cache.acquire('slow-a')];
    const other = h.cache.acquire('slow-b');
    await Promise.resolve();
    h.open('slow-a');
    h.open('slow-b');
    const [a1, a2, b] = await Promise.all([...waiters, other]);
    expect(h.disposed).toEqual([]);
    a1.release();
    expect(h.disposed).toEqual([]);
    a2.release();
    b.release();
    expect(h.disposed).toEqual(['model:slow-a']);
  });

  it('a failed load rejects its waiters, caches nothing, and the next request tries again', async () => {
    const h = harness({ maxModels: 2, maxBytes: 1e9 });
    await expect(Promise.all([h.cache.acquire('bad'), h.cache.acquire('bad')])).rejects.toThrow('cannot load bad');
    expect(h.cache.size).toBe(0);
    await expect(h.cache.acquire('bad')).rejects.toThrow('cannot load bad');
    expect(h.loads).toEqual(['bad', 'bad']);
  });
});
