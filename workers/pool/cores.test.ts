import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { quotaCores, usableCores } from './cores';

describe('CPU quota', () => {
  it('reads cgroup v2 cpu.max', () => {
    expect(quotaCores('max 100000\n')).toBeUndefined();
    expect(quotaCores('100000 100000\n')).toBe(1);
    expect(quotaCores('150000 100000\n')).toBe(2);
    expect(quotaCores('50000 100000')).toBe(1);
    expect(quotaCores('400000 100000')).toBe(4);
  });

  it('reads cgroup v1 quota and period (-1: no quota), and ignores what it cannot read', () => {
    expect(quotaCores(undefined, '-1\n', '100000\n')).toBeUndefined();
    expect(quotaCores(undefined, '200000\n', '100000\n')).toBe(2);
    expect(quotaCores(undefined, undefined, undefined)).toBeUndefined();
    expect(quotaCores('garbage')).toBeUndefined();
  });

  it('never gives more cores than the process sees, nor fewer than one', () => {
    const cores = usableCores();
    expect(cores).toBeGreaterThanOrEqual(1);
    expect(cores).toBeLessThanOrEqual(availableParallelism());
  });
});
