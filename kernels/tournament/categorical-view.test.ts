import { describe, expect, it } from 'vitest';
import { applyCategoricalView, categoricalView } from './categorical-view';

const spec = {
  derivations: [
    { kind: 'numeric', column: 'age', outputs: ['age'] },
    { kind: 'one-hot', column: 'colour', outputs: ['colour=red', 'colour=blue', 'colour=OTHER'] },
    { kind: 'one-hot', column: 'flag', outputs: ['flag=yes'] },
  ],
};
const X = {
  nRows: 4,
  featureNames: ['age', 'colour=red', 'colour=blue', 'colour=OTHER', 'flag=yes'],
  columns: [
    Float32Array.of(30, 40, 50, 60),
    Float32Array.of(1, 0, 0, 0),
    Float32Array.of(0, 1, 0, 0),
    Float32Array.of(0, 0, 1, 0),
    Float32Array.of(1, 0, 1, 0),
  ],
};

describe('categorical view', () => {
  it('folds each one-hot group of two or more indicators into one categorical code feature', () => {
    const view = categoricalView(spec, X.featureNames)!;
    expect(view.groups).toEqual([{ name: 'colour', members: ['colour=red', 'colour=blue', 'colour=OTHER'] }]);
    const V = applyCategoricalView(view, X);
    expect(V.featureNames).toEqual(['age', 'colour', 'flag=yes']);
    expect(V.categorical).toEqual([false, true, false]);
    expect(Array.from(V.columns[1])).toEqual([0, 1, 2, NaN]);
    expect(V.columns[0]).toBe(X.columns[0]);
  });

  it('keeps only indicators present in the matrix and needs a pipeline spec', () => {
    expect(categoricalView(spec, ['age', 'colour=red'])).toBeUndefined();
    expect(categoricalView({ kind: 'table-to-matrix' }, X.featureNames)).toBeUndefined();
    const view = categoricalView(spec, ['colour', 'colour=red', 'colour=blue'])!;
    expect(view.groups[0].name).toBe('colour#codes');
  });
});
