// Test fixture: a two-column reference (a number 0–99.5 and a category a/b) with binary scores
// in ten buckets and an AUROC baseline of 0.9, small enough to reason about line by line.
import type { DataTable } from '../../table/types';
import { buildReferenceProfile } from '../reference-profile';

const table: DataTable = {
  name: 'ref', rowCount: 200,
  columns: [
    { name: 'x', type: 'number', storage: 'numeric', values: Float64Array.from({ length: 200 }, (_, i) => i / 2) },
    { name: 'c', type: 'categorical', storage: 'string', values: Array.from({ length: 200 }, (_, i) => ['a', 'b'][i % 2]) },
  ],
};
export const smallReference = buildReferenceProfile({
  table, task: 'binary', classes: ['no', 'yes'], features: [{ name: 'x', kind: 'numeric' }, { name: 'c', kind: 'categorical' }],
  scores: Float64Array.from({ length: 200 }, (_, i) => (i % 10) / 10 + 0.05),
  baseline: { metric: 'auroc', value: 0.9, higherIsBetter: true },
});
