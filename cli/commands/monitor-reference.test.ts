import { describe, expect, it } from 'vitest';
import { modelInputs } from './monitor-reference';

describe('modelInputs', () => {
  it('profiles the raw columns of a feature pipeline spec by role', () => {
    const spec = {
      format: 1, target: 'y', task: 'binary', derivations: [], features: [], dropped: [], options: {},
      inputs: [
        { name: 'age', type: 'integer', role: 'integer', storage: 'numeric' },
        { name: 'vip', type: 'boolean', role: 'boolean', storage: 'numeric' },
        { name: 'plan', type: 'categorical', role: 'categorical', storage: 'string' },
        { name: 'joined', type: 'date', role: 'date', storage: 'numeric' },
        { name: 'notes', type: 'text', role: 'text', storage: 'string' },
        { name: 'job', type: 'text', role: 'title', storage: 'string' },
        { name: 'ref', type: 'id', role: 'id', storage: 'string' },
      ],
    };
    expect(modelInputs(spec)).toEqual([
      { name: 'age', kind: 'numeric' }, { name: 'vip', kind: 'categorical' }, { name: 'plan', kind: 'categorical' },
      { name: 'joined', kind: 'datetime' }, { name: 'notes', kind: 'text' }, { name: 'job', kind: 'text' },
    ]);
  });

  it('takes the features of a table-to-matrix converter as they are', () => {
    expect(modelInputs({ kind: 'table-to-matrix', features: [{ name: 'a', kind: 'numeric' }, { name: 'b', kind: 'categorical', categories: ['x'] }] }))
      .toEqual([{ name: 'a', kind: 'numeric' }, { name: 'b', kind: 'categorical' }]);
  });
});
