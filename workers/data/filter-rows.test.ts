import { describe, expect, it } from 'vitest';
import { filterRows } from './filter-rows';
import { peopleTable } from '../../test/fixtures/tables';

const table = peopleTable();
const rows = (filters: Parameters<typeof filterRows>[1]) => [...(filterRows(table, filters) ?? [])];

describe('filterRows', () => {
  it('returns null (all rows) when there is no filter', () => {
    expect(filterRows(table, [])).toBeNull();
  });

  it('matches text case-insensitively and skips missing', () => {
    expect(rows([{ column: 'name', kind: 'contains', text: 'ALI' }])).toEqual([1, 4]);
    expect(rows([{ column: 'name', kind: 'equals', value: 'bob' }])).toEqual([0, 5]);
  });

  it('keeps an inclusive numeric range and never a missing value', () => {
    expect(rows([{ column: 'age', kind: 'range', min: 25, max: 30 }])).toEqual([0, 1, 4]);
    expect(rows([{ column: 'age', kind: 'range', min: 40 }])).toEqual([3]);
  });

  it('leaves out an exclusive end itself (>25, <30)', () => {
    expect(rows([{ column: 'age', kind: 'range', min: 25, minExclusive: true }])).toEqual([0, 3]);
    expect(rows([{ column: 'age', kind: 'range', max: 30, maxExclusive: true }])).toEqual([1, 4, 5]);
  });

  it('matches numbers, boolean labels and dates by equality', () => {
    expect(rows([{ column: 'age', kind: 'equals', value: '25' }])).toEqual([1, 4]);
    expect(rows([{ column: 'member', kind: 'equals', value: 'yes' }])).toEqual([0, 2, 5]);
    expect(rows([{ column: 'joined', kind: 'equals', value: '2020-01-05' }])).toEqual([0, 4]);
  });

  it('combines filters with AND', () => {
    expect(rows([{ column: 'age', kind: 'range', max: 26 }, { column: 'member', kind: 'equals', value: 'No' }])).toEqual([1, 4]);
  });

  it('names the column when a filter does not fit it', () => {
    expect(() => filterRows(table, [{ column: 'name', kind: 'range', min: 1 }])).toThrow(/column "name" is categorical/);
    expect(() => filterRows(table, [{ column: 'age', kind: 'equals', value: 'old' }])).toThrow(/"old" is not a number/);
    expect(() => filterRows(table, [{ column: 'nope', kind: 'contains', text: 'x' }])).toThrow(/no column "nope"/);
  });
});
