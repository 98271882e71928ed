import { describe, expect, it } from 'vitest';
import { WorkerPool } from './pool';
import { nodeWorkerSpawner } from './node';
import { CancelledError } from './types';
import type { BusyWorkerApi } from '../../test/fixtures/busy.worker';

const spawn = nodeWorkerSpawner<BusyWorkerApi>(new URL('../../test/fixtures/busy.worker.ts', import.meta.url));

describe('WorkerPool on worker_threads', () => {
  it('runs jobs on up to `size` workers in parallel', async () => {
    const pool = new WorkerPool({ size: 2, spawn });
    try {
      expect(await Promise.all([pool.run((w) => w.add(2, 3)), pool.run((w) => w.add(1, 1))])).toEqual([5, 2]);
      const t0 = Date.now();
      await Promise.all([pool.run((w) => w.spin(400)), pool.run((w) => w.spin(400))]);
      const elapsed = Date.now() - t0;
      expect(elapsed).toBeLessThan(750); // two 400 ms jobs overlapped
      expect(pool.workerCount).toBe(2);
    } finally {
      pool.close();
    }
  });

  it('shares a SharedArrayBuffer with workers instead of copying it', async () => {
    const pool = new WorkerPool({ size: 1, spawn });
    try {
      const values = new Float64Array(new SharedArrayBuffer(8 * 4));
      values.set([1, 2, 3, 4]);
      await pool.run((w) => w.doubleShared(values));
      expect(Array.from(values)).toEqual([2, 4, 6, 8]);
    } finally {
      pool.close();
    }
  });

  it('cancelAll stops busy workers within a second and the pool keeps working', async () => {
    const pool = new WorkerPool({ size: 2, spawn });
    try {
      await pool.run((w) => w.add(0, 0)); // worker started
      const jobs = [1, 2, 3].map(() => pool.run((w) => w.spin(30_000)));
      const settled = Promise.allSettled(jobs);
      await new Promise((r) => setTimeout(r, 100));
      const t0 = Date.now();
      pool.cancelAll();
      const results = await settled;
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(results.every((r) => r.status === 'rejected' && r.reason instanceof CancelledError)).toBe(true);
      expect(pool.pending).toBe(0);
      expect(await pool.run((w) => w.add(1, 1))).toBe(2);
    } finally {
      pool.close();
    }
  });

  it('an aborted signal cancels just that job', async () => {
    const pool = new WorkerPool({ size: 2, spawn });
    try {
      const controller = new AbortController();
      const doomed = pool.run((w) => w.spin(30_000), { signal: controller.signal });
      const kept = pool.run((w) => w.spin(200));
      setTimeout(() => controller.abort(), 50);
      await expect(doomed).rejects.toBeInstanceOf(CancelledError);
      expect(await kept).toBeGreaterThan(0);
    } finally {
      pool.close();
    }
  });

  it('runs the init hook once per worker before its first job', async () => {
    let inits = 0;
    const pool = new WorkerPool({ size: 2, spawn, init: async (w) => { inits++; await w.add(0, 0); } });
    try {
      await Promise.all([1, 2, 3, 4].map((i) => pool.run((w) => w.add(i, i))));
      expect(inits).toBe(pool.workerCount);
    } finally {
      pool.close();
    }
  });
});
