import { describe, expect, it } from 'vitest';
import { planRetention, type RetentionEntry } from './recent-retention';

const caps = { maxEntries: 3, maxFileBytes: 100, maxTotalBytes: 150 };
const entry = (key: string, openedAt: number, size: number, hasPath = false): RetentionEntry => ({ key, openedAt, size, hasBytes: true, hasPath });

describe('planRetention', () => {
  it('keeps the newest entries within the count limit', () => {
    const plan = planRetention([entry('a', 1, 10), entry('b', 2, 10), entry('c', 3, 10), entry('d', 4, 10)], caps);
    expect(plan).toEqual({ drop: ['a'], stripBytes: [] });
  });

  it('drops bytes beyond the total cap, keeping entries that have a path', () => {
    const plan = planRetention([entry('old', 1, 80, true), entry('mid', 2, 80), entry('new', 3, 80)], caps);
    expect(plan).toEqual({ drop: ['mid'], stripBytes: ['old'] });
  });

  it('never keeps bytes of a file over the per-file cap', () => {
    expect(planRetention([entry('big', 1, 101, true)], caps)).toEqual({ drop: [], stripBytes: ['big'] });
  });
});
