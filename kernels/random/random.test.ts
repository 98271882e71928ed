import { describe, expect, it } from 'vitest';
import { createRandom, mulberry32, TOURNAMENT_STREAM } from './random';

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

  it("keeps the tournament's stream: a seed reproduces the same splits and searches as before the generators were merged", () => {
    const a = createRandom(42, TOURNAMENT_STREAM);
    expect([a(), a(), a()]).toEqual([0.6741301112342626, 0.44680919242091477, 0.1945281543303281]);
    const b = createRandom(-7, TOURNAMENT_STREAM);
    expect([b(), b()]).toEqual([1.4668330550193787e-8, 0.6270739405881613]);
  });
});
