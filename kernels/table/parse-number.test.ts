import { describe, expect, it } from 'vitest';
import { numberParse, parseNumberBytes, parseNumberText } from './parse-number';

const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (s: string) => {
  const b = bytes(s);
  const v = parseNumberBytes(b, 0, b.length);
  return { v, failed: numberParse.failed, fractional: numberParse.fractional };
};

describe('parseNumberBytes', () => {
  it('agrees exactly with Number() on many random decimals', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 20000; i++) {
      const digits = 1 + Math.floor(rand() * 17);
      const value = (rand() - 0.5) * 10 ** Math.floor(rand() * 12);
      const text = i % 3 === 0 ? value.toPrecision(digits) : i % 3 === 1 ? value.toFixed(Math.floor(rand() * 6)) : value.toExponential(Math.floor(rand() * 10));
      const { v, failed } = parse(text);
      expect(failed).toBe(false);
      if (!Object.is(v, Number(text))) expect([text, v]).toEqual([text, Number(text)]);
    }
  });

  it('reads signs, fractions, exponents and padding', () => {
    expect(parse('+12').v).toBe(12);
    expect(parse('-.5').v).toBe(-0.5);
    expect(parse('5.').v).toBe(5);
    expect(parse(' 42 ').v).toBe(42);
    expect(parse('1E-3')).toEqual({ v: 0.001, failed: false, fractional: true });
    expect(parse('0')).toEqual({ v: 0, failed: false, fractional: false });
    expect(parse('123456789012345678901234567890').v).toBe(Number('123456789012345678901234567890'));
  });

  it('returns NaN without failure for an empty cell and fails on non-numbers', () => {
    expect(parse('')).toEqual({ v: NaN, failed: false, fractional: false });
    expect(parse('   ').failed).toBe(false);
    for (const text of ['abc', '1.2.3', '1e', '-', '.', '12a', '1,5', '007', '0x1F', 'NaN']) expect([text, parse(text).failed]).toEqual([text, true]);
  });
});

describe('parseNumberText', () => {
  it('accepts decimal numbers and infinities only', () => {
    expect(parseNumberText(' 3.25 ')).toBe(3.25);
    expect(parseNumberText('-inf')).toBe(-Infinity);
    expect(parseNumberText('Infinity')).toBe(Infinity);
    expect(parseNumberText('0x10')).toBeUndefined();
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('01')).toBeUndefined();
  });
});
