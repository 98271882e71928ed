import { describe, expect, it } from 'vitest';
import { createRandom, mulberry32 } from './random';

describe('mulberry32', () => {
  it('gives the reference mulberry32 stream, which benchmark and sample-data files are generated from', () => {
    const next = mulberry32(42);
    expect([next(), next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('is what createRandom runs, from a scrambled seed', () => {
    const a = createRandom(7);
    const b = mulberry32(7 ^ 0x9e3779b9);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
});
