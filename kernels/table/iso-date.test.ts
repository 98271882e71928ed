import { describe, expect, it } from 'vitest';
import { daysFromCivil, isoDate, parseIsoDateBytes } from './iso-date';
import { parseDate } from './parse-date';

describe('daysFromCivil', () => {
  it('agrees with Date.UTC across centuries and leap years', () => {
    for (const [y, m, d] of [[1970, 1, 1], [1969, 12, 31], [2000, 2, 29], [1900, 3, 1], [2024, 12, 31], [1, 1, 1], [2400, 2, 29], [1600, 1, 1]]) {
      expect(daysFromCivil(y, m, d) * 86_400_000).toBe(new Date(Date.UTC(2000, m - 1, d)).setUTCFullYear(y));
    }
  });
});

describe('parseIsoDateBytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const parse = (text: string) => (parseIsoDateBytes(bytes(text), 0, text.length) ? { ...isoDate } : null);

  it('reads dates and times as Date.UTC does, and knows when a time was written', () => {
    expect(parse('2024-02-29')).toEqual({ ms: Date.UTC(2024, 1, 29), hasTime: false });
    expect(parse('1999-12-31T23:59:58Z')).toEqual({ ms: Date.UTC(1999, 11, 31, 23, 59, 58), hasTime: true });
    expect(parse('2024-01-02 03:04')).toEqual({ ms: Date.UTC(2024, 0, 2, 3, 4), hasTime: true });
    expect(parse('2150-06-01 00:00:00')).toEqual({ ms: Date.UTC(2150, 5, 1), hasTime: false });
  });

  it('refuses other shapes and impossible dates, which parseDate then judges', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-01-01T24:00', '2024/01/01', '24-01-01', '2024-01-01T10:00+01:00']) expect(parse(text), text).toBeNull();
    expect(parseDate('2024-01-01T10:00+01:00')?.ms).toBe(Date.UTC(2024, 0, 1, 9));
    expect(parseDate('2023-02-29')).toBeUndefined();
  });

  it('is what parseDate runs on ISO text', () => {
    for (const text of ['2024-02-29', '1970-01-01T00:00:01Z', '0999-05-06 07:08:09']) {
      expect(parseDate(text), text).toEqual(parse(text));
    }
  });
});
