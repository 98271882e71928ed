import { describe, expect, it } from 'vitest';
import type { DataTable } from '../table/types';
import { applyTableToMatrix, fitTableToMatrix } from './table-to-matrix';

const table: DataTable = {
  name: 't',
  rowCount: 5,
  columns: [
    { name: 'id', type: 'id', storage: 'string', values: ['a', 'b', 'c', 'd', 'e'] },
    { name: 'x', type: 'number', storage: 'numeric', values: Float64Array.of(1, 2, NaN, 4, 5) },
    { name: 'colour', type: 'categorical', storage: 'string', values: ['red', 'blue', 'red', null, 'green'] },
    { name: 'y', type: 'categorical', storage: 'string', values: ['No', 'Yes', 'No', null, 'No'] },
  ],
};

describe('table-to-matrix', () => {
  it('drops id columns, codes strings as categories and encodes the target', () => {
    const { state, X, labels, rows } = fitTableToMatrix(table, 'y');
    expect(rows).toBe(4);
    expect(state.task).toBe('binary');
    expect(state.classes).toEqual(['No', 'Yes']);
    expect(state.positiveClass).toBe('Yes');
    expect(state.dropped).toEqual([{ column: 'id', reason: expect.stringContaining('identifier') }]);
    expect(X.featureNames).toEqual(['x', 'colour']);
    expect(X.categorical).toEqual([false, true]);
    expect(Array.from(X.columns[0])).toEqual([1, 2, NaN, 5]);
    expect(Array.from(X.columns[1])).toEqual([0, 1, 0, 2]); // red (most frequent), blue, red, green
    expect(Array.from(labels.y)).toEqual([0, 1, 0, 0]);
  });

  it('picks the minority class as positive without a yes-like class, and multiclass above two', () => {
    const t: DataTable = { ...table, columns: [table.columns[1], { name: 'y', type: 'categorical', storage: 'string', values: ['good', 'bad', 'good', 'good', 'ugly'] }] };
    expect(fitTableToMatrix(t, 'y').state).toMatchObject({ task: 'multiclass', classes: ['bad', 'good', 'ugly'] });
    const two: DataTable = { ...t, columns: [t.columns[0], { name: 'y', type: 'categorical', storage: 'string', values: ['good', 'bad', 'good', 'good', 'good'] }] };
    expect(fitTableToMatrix(two, 'y').state).toMatchObject({ task: 'binary', classes: ['good', 'bad'], positiveClass: 'bad' });
    expect(() => fitTableToMatrix(t, 'nope')).toThrow(/target column "nope" not found/);
  });

  it('replays on new tables: unknown columns ignored, missing columns and unseen categories missing', () => {
    const { state } = fitTableToMatrix(table, 'y');
    const X = applyTableToMatrix(state, {
      name: 'new',
      rowCount: 2,
      columns: [
        { name: 'colour', type: 'categorical', storage: 'string', values: ['green', 'purple'] },
        { name: 'other', type: 'number', storage: 'numeric', values: Float64Array.of(1, 2) },
      ],
    });
    expect(Array.from(X.columns[0])).toEqual([NaN, NaN]);
    expect(Array.from(X.columns[1])).toEqual([2, NaN]);
  });
});
