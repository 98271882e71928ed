import { describe, expect, it } from 'vitest';
import { boundWorkerCount, workerBytesFor, WORKER_BASE_BYTES } from './node-executor';

const GB = 2 ** 30;

describe('boundWorkerCount', () => {
  it('defaults to one worker per core, silently', () => {
    expect(boundWorkerCount(undefined, WORKER_BASE_BYTES, { cores: 8, freeBytes: 64 * GB })).toEqual({ count: 8 });
    expect(boundWorkerCount(3, WORKER_BASE_BYTES, { cores: 8, freeBytes: 64 * GB })).toEqual({ count: 3 });
  });

  it('lowers a request above the cores, and says why', () => {
    expect(boundWorkerCount(999, WORKER_BASE_BYTES, { cores: 2, freeBytes: 20 * GB })).toEqual({
      count: 2, note: '--workers 999 lowered to 2 (2 cores: more workers than cores only share them)',
    });
  });

  it('lowers it to what half the free memory holds for the table, at least one', () => {
    const perWorker = workerBytesFor(1 * GB);
    expect(perWorker).toBeGreaterThan(3 * GB);
    const bound = boundWorkerCount(16, perWorker, { cores: 16, freeBytes: 16 * GB });
    expect(bound.count).toBe(2);
    expect(bound.note).toBe('--workers 16 lowered to 2 (16.0 GB free memory holds 2 workers of about 3.2 GB for this table)');
    expect(boundWorkerCount(4, perWorker, { cores: 4, freeBytes: 1 * GB }).count).toBe(1);
    // The default is bounded the same way, without a note (nothing was asked for).
    expect(boundWorkerCount(undefined, perWorker, { cores: 16, freeBytes: 16 * GB })).toEqual({ count: 2 });
  });
});
