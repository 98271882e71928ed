import { describe, expect, it } from 'vitest';
import { sigmoid, softmaxRows } from './link';

describe('sigmoid', () => {
  it('is 1/2 at 0, symmetric, and finite for huge scores', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
  });
});

describe('softmaxRows', () => {
  it('normalises each row separately and survives scores that would overflow exp', () => {
    const p = softmaxRows(Float64Array.of(0, 0, 1000, 1001), 2);
    expect(Array.from(p.subarray(0, 2))).toEqual([0.5, 0.5]);
    expect(p[3] / p[2]).toBeCloseTo(Math.E, 10);
    expect(p[2] + p[3]).toBeCloseTo(1, 15);
  });
});
