// Small hand-made tables for the data worker's unit tests.
import type { DataTable } from '../../kernels/table/types';

export function peopleTable(): DataTable {
  return {
    name: 'people',
    rowCount: 6,
    columns: [
      { name: 'name', type: 'categorical', storage: 'string', values: ['bob', 'Alice', null, 'carol', 'alice', 'Bob'] },
      { name: 'age', type: 'integer', storage: 'numeric', values: Float64Array.from([30, 25, NaN, 41, 25, 19]) },
      { name: 'score', type: 'number', storage: 'numeric', values: Float64Array.from([0.5, 1.25, 3, NaN, -2, 0.125]) },
      { name: 'member', type: 'boolean', storage: 'numeric', values: Float64Array.from([1, 0, 1, NaN, 0, 1]), labels: ['No', 'Yes'] },
      { name: 'joined', type: 'date', storage: 'numeric', values: Float64Array.from([Date.UTC(2020, 0, 5), NaN, Date.UTC(2019, 11, 31), Date.UTC(2021, 5, 1), Date.UTC(2020, 0, 5), NaN]) },
    ],
  };
}
