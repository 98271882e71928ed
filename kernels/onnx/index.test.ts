import { describe, expect, it } from 'vitest';
import { fitModel } from '../learn/fit';
import { matrixFromRows } from '../learn/matrix';
import { exportOnnx } from './index';
import { readMetadata } from './proto';

const X = matrixFromRows(Array.from({ length: 40 }, (_, i) => [i % 7, (i * 3) % 5]), ['a', 'b']);
const y = Float64Array.from({ length: 40 }, (_, i) => (i % 7 > 3 ? 1 : 0));

describe('exportOnnx', () => {
  it('records task, classes, positive class and features in metadata_props', () => {
    const model = fitModel('gbdt', X, { task: 'binary', y }, { trees: 3 }, { seed: 1 });
    const bytes = exportOnnx(model.toJSON(), { classes: ['no', 'yes'], positiveClass: 'yes', target: 'churn' });
    expect(readMetadata(bytes)).toEqual({ task: 'binary', features: '["a","b"]', classes: '["no","yes"]', positive_class: 'yes', target: 'churn' });
  });

  it('says what is wrong with a document it cannot export', () => {
    expect(() => exportOnnx(null)).toThrow(/not a JSON object/);
    expect(() => exportOnnx({ kind: 'something' })).toThrow(/expected a tournament.json .* or a model.json/);
    expect(() => exportOnnx({ family: 'svm', format: 1 })).toThrow(/unknown model family "svm"/);
    const model = fitModel('linear', X, { task: 'binary', y }, {}, { seed: 1 });
    expect(() => exportOnnx(model.toJSON(), { featureNames: ['a'] })).toThrow(/1 feature names for a model of 2 features/);
  });
});
