// Reference probabilities: scikit-learn 1.2.1 on the linear fixture (test/fixtures/linear-data.ts
// formulas in numpy): GaussianNB().fit(X, y).predict_proba; the mixed model is GaussianNB on
// columns a, b, d plus CategoricalNB(alpha=1) on column c, combined as
// softmax(gnb._joint_log_likelihood + cnb._joint_log_likelihood − cnb.class_log_prior_).
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../matrix';
import { fixture } from '../../../test/fixtures/linear-data';
import { fitNaiveBayes } from './fit-naive-bayes';
import { loadBayesModel } from './naive-bayes-model';

const { X, binary, multiclass } = fixture();
const mixed = { ...X, categorical: [false, false, true, false] };

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 12) {
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i], digits);
}

describe('naive Bayes matches sklearn', () => {
  it('Gaussian, binary: P(class 1)', () => {
    const p = fitNaiveBayes(X, binary).predict(X);
    expectClose(p.subarray(0, 2), [0.9493403842163388, 0.5761235158607566]);
  });
  it('Gaussian, multiclass', () => {
    const p = fitNaiveBayes(X, multiclass).predict(X);
    expectClose(p.subarray(0, 6), [0.37930752345794805, 0.38786125987856396, 0.23283121666348833, 0.34333193301715975, 0.18907765956482225, 0.4675904074180177]);
  });
  it('mixed Gaussian + categorical, binary', () => {
    const m = fitNaiveBayes(mixed, binary);
    expectClose(m.predict(mixed).subarray(0, 2), [0.9579974419487131, 0.496403866127165]);
    // Raw score = difference of the joint log-likelihoods.
    expect(m.predictRaw(mixed)[0]).toBeCloseTo(-5.324604251044051 - -8.451718836399978, 11);
  });
  it('mixed Gaussian + categorical, multiclass', () => {
    const m = fitNaiveBayes(mixed, multiclass);
    expectClose(m.predict(mixed).subarray(0, 6), [0.41021384609451256, 0.3391458835800913, 0.250640270325396, 0.3891905222033374, 0.1973060210421933, 0.41350345675446926]);
    // Raw scores are the joint log-likelihoods centred over classes.
    const jll = [-6.399764810285614, -6.590013059993444, -6.892424684666967];
    const mean = (jll[0] + jll[1] + jll[2]) / 3;
    expectClose(m.predictRaw(mixed).subarray(0, 3), jll.map((v) => v - mean), 11);
  });
});

describe('naive Bayes behaviour', () => {
  it('contributions sum to the raw score', () => {
    for (const labels of [binary, multiclass]) {
      const m = fitNaiveBayes(mixed, labels);
      const raw = m.predictRaw(mixed);
      const c = m.contributions(mixed);
      for (let r = 0; r < raw.length; r++) {
        let s = 0;
        for (let f = 0; f < 5; f++) s += c[r * 5 + f];
        expect(s).toBeCloseTo(raw[r], 12);
      }
    }
  });
  it('multiclass probabilities sum to 1', () => {
    const p = fitNaiveBayes(mixed, multiclass).predict(mixed);
    for (let i = 0; i < 40; i++) expect(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).toBeCloseTo(1, 14);
  });
  it('ignores missing values: a missing feature contributes 0 and matches a model without it', () => {
    const m = fitNaiveBayes(X, binary);
    const rowFull = matrixFromRows([[0.3, NaN, 2, 0.1]], X.featureNames);
    expect(m.contributions(rowFull)[1]).toBe(0);
    // Training with a missing value ignores it rather than treating it as a number.
    const cols = X.columns.map((c) => Float64Array.from(c));
    cols[1][0] = NaN;
    const withNaN = fitNaiveBayes({ ...X, columns: cols }, binary);
    const gaussian = withNaN.state.features[1];
    expect(gaussian.kind === 'gaussian' && gaussian.mean.every(Number.isFinite)).toBe(true);
  });
  it('an unseen categorical level is ignored like a missing value', () => {
    const m = fitNaiveBayes(mixed, binary);
    const a = m.predictRaw({ ...matrixFromRows([[0.1, 1, 99, 0.2]], X.featureNames), categorical: mixed.categorical });
    const b = m.predictRaw({ ...matrixFromRows([[0.1, 1, NaN, 0.2]], X.featureNames), categorical: mixed.categorical });
    expect(a[0]).toBe(b[0]);
  });
  it('round-trips through JSON with identical predictions, deterministically', () => {
    for (const labels of [binary, multiclass]) {
      const m = fitNaiveBayes(mixed, labels);
      const json = JSON.parse(JSON.stringify(m.toJSON()));
      expect(json.family).toBe('bayes');
      expect(json.format).toBe(1);
      const back = loadBayesModel(json);
      expect(Array.from(back.predict(mixed))).toEqual(Array.from(m.predict(mixed)));
      expect(Array.from(back.featureImportance())).toEqual(Array.from(m.featureImportance()));
      expect(JSON.stringify(fitNaiveBayes(mixed, labels).toJSON())).toBe(JSON.stringify(m.toJSON()));
    }
  });
  it('a class absent from training gets probability 0', () => {
    const m = fitNaiveBayes(X, { ...multiclass, classes: ['x', 'y', 'z', 'w'] });
    const p = m.predict(X);
    expect(p[3]).toBe(0);
    expectClose([p[0], p[1], p[2]], [0.37930752345794805, 0.38786125987856396, 0.23283121666348833]);
    expect(loadBayesModel(JSON.parse(JSON.stringify(m.toJSON()))).predict(X)[3]).toBe(0);
  });
  it('names bad input', () => {
    expect(() => fitNaiveBayes(X, { task: 'regression', y: binary.y })).toThrow(/cannot fit a regression/);
    expect(() => fitNaiveBayes(X, { ...binary, y: new Float64Array(40) })).toThrow(/two classes/);
    expect(() => fitNaiveBayes(X, binary, { varSmoothing: -1 })).toThrow(/varSmoothing/);
    expect(() => loadBayesModel({ family: 'linear', format: 1 })).toThrow(/expected "bayes"/);
  });
});
