import { describe, expect, it } from 'vitest';
import { rankColumn } from './rank-column';
import { sortRows } from './sort-rows';
import { peopleTable } from '../../test/fixtures/tables';

const table = peopleTable();
const column = (name: string) => table.columns.find((c) => c.name === name)!;

describe('sortRows', () => {
  it('sorts numbers ascending with ties in table order and missing last', () => {
    const order = sortRows(null, table.rowCount, rankColumn(column('age')), false);
    expect([...order]).toEqual([5, 1, 4, 0, 3, 2]);
  });

  it('sorts descending with missing still last', () => {
    const order = sortRows(null, table.rowCount, rankColumn(column('score')), true);
    expect([...order]).toEqual([2, 1, 0, 5, 4, 3]);
  });

  it('sorts strings in natural, case-aware order with nulls last', () => {
    const order = sortRows(null, table.rowCount, rankColumn(column('name')), false);
    const names = [...order].map((row) => (column('name').values as (string | null)[])[row]);
    expect(names.slice(0, 2).map((n) => n!.toLowerCase())).toEqual(['alice', 'alice']);
    expect(names[names.length - 1]).toBeNull();
  });

  it('orders only the given subset of rows', () => {
    const order = sortRows(Uint32Array.from([0, 3, 5]), table.rowCount, rankColumn(column('age')), true);
    expect([...order]).toEqual([3, 0, 5]);
  });

  it('sorts a large column like a comparator sort would', () => {
    const n = 50_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = i % 7 === 0 ? NaN : Math.round(Math.sin(i) * 1000) / 10;
    const ranks = rankColumn({ name: 'x', type: 'number', storage: 'numeric', values });
    const order = sortRows(null, n, ranks, false);
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const va = values[a], vb = values[b];
      if (Number.isNaN(va) || Number.isNaN(vb)) return Number(Number.isNaN(va)) - Number(Number.isNaN(vb)) || a - b;
      return va - vb || a - b;
    });
    expect([...order]).toEqual(expected);
  });
});
