import { describe, expect, it } from 'vitest';
import { parseFilter } from './parse-filter';

describe('parseFilter', () => {
  it('reads numeric ranges, bounds and exact values', () => {
    expect(parseFilter('t', 'integer', 'numeric', '10..20').filter).toEqual({ column: 't', kind: 'range', min: 10, max: 20 });
    expect(parseFilter('t', 'integer', 'numeric', '10..').filter).toEqual({ column: 't', kind: 'range', min: 10 });
    expect(parseFilter('t', 'number', 'numeric', '<= 2.5').filter).toEqual({ column: 't', kind: 'range', max: 2.5 });
    expect(parseFilter('t', 'integer', 'numeric', '=5').filter).toEqual({ column: 't', kind: 'equals', value: '5' });
    expect(parseFilter('t', 'integer', 'numeric', ' 7 ').filter).toEqual({ column: 't', kind: 'equals', value: '7' });
  });

  it('reads strict bounds (>1000, <5) as exclusive ranges, with or without spaces, for numbers and dates', () => {
    expect(parseFilter('t', 'integer', 'numeric', '>1000').filter).toEqual({ column: 't', kind: 'range', min: 1000, minExclusive: true });
    expect(parseFilter('t', 'number', 'numeric', '< 5').filter).toEqual({ column: 't', kind: 'range', max: 5, maxExclusive: true });
    expect(parseFilter('d', 'date', 'numeric', '>2020-01-01').filter).toEqual({ column: 'd', kind: 'range', min: Date.UTC(2020, 0, 1), minExclusive: true });
    expect(parseFilter('t', 'integer', 'numeric', '>abc').error).toMatch(/"abc" is not a number/);
  });

  it('reads text as contains, =text as equals, and nothing as no filter', () => {
    expect(parseFilter('c', 'categorical', 'string', 'yes').filter).toEqual({ column: 'c', kind: 'contains', text: 'yes' });
    expect(parseFilter('c', 'categorical', 'string', '=Yes').filter).toEqual({ column: 'c', kind: 'equals', value: 'Yes' });
    expect(parseFilter('c', 'categorical', 'string', '   ')).toEqual({});
  });

  it('reads date ranges as epoch milliseconds', () => {
    expect(parseFilter('d', 'date', 'numeric', '2020-01-01..2020-01-02').filter).toEqual({
      column: 'd', kind: 'range', min: Date.UTC(2020, 0, 1), max: Date.UTC(2020, 0, 2),
    });
  });

  it('explains what is wrong with the input', () => {
    expect(parseFilter('t', 'integer', 'numeric', 'abc').error).toMatch(/"abc" is not a number/);
    expect(parseFilter('t', 'integer', 'numeric', '20..10').error).toMatch(/range is empty/);
    expect(parseFilter('d', 'date', 'numeric', '..soon').error).toMatch(/"soon" is not a date/);
  });
});
