import { describe, expect, it } from 'vitest';
import { TaskQueue } from './task-queue';

describe('TaskQueue', () => {
  it('runs one job per task so other work interleaves', async () => {
    const log: string[] = [];
    const queue = new TaskQueue();
    const a = queue.run(() => log.push('a'));
    const b = queue.run(() => log.push('b'));
    setTimeout(() => log.push('other'), 0);
    await Promise.all([a, b]);
    expect(log).toEqual(['a', 'other', 'b']);
  });

  it('rejects a failing job without stopping the queue', async () => {
    const queue = new TaskQueue();
    const failed = queue.run(() => {
      throw new Error('boom');
    });
    const next = queue.run(() => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });
});
