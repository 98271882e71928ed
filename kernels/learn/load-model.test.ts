import { describe, expect, it } from 'vitest';
import { fitNaiveBayes } from './bayes';
import { fitForest } from './forest/train-forest';
import { fitGbdt } from './gbdt/train-gbdt';
import { fitLinear } from './linear';
import { loadModel } from './load-model';
import type { FittedModel } from './model';
import { makeClassification } from '../../test/fixtures/tree-data';

describe('loadModel', () => {
  const { X, labels } = makeClassification(300, 51);
  const models: FittedModel[] = [
    fitGbdt(X, labels, { trees: 5 }),
    fitForest(X, labels, { trees: 5 }),
    fitLinear(X, labels),
    fitNaiveBayes(X, labels),
  ];

  it('rebuilds every family from JSON with identical predictions', () => {
    for (const model of models) {
      const loaded = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
      expect(loaded.family).toBe(model.family);
      expect(Array.from(loaded.predict(X))).toEqual(Array.from(model.predict(X)));
    }
  });

  it('names the problem with bad input', () => {
    expect(() => loadModel(null)).toThrow(/not an object/);
    expect(() => loadModel({ family: 'svm', format: 1 })).toThrow(/unknown model family "svm"/);
    expect(() => loadModel({ family: 'gbdt', format: 99 })).toThrow(/unsupported gbdt model format 99/);
  });
});
