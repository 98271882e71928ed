// Reference coefficients on the same fixture (test/fixtures/linear-data.ts formulas in numpy), X standardised
// with sklearn's StandardScaler (sample weights 1 + i % 3: StandardScaler().fit(X, sample_weight=sw)).
// L2: sklearn 1.2.1's LogisticRegression objective C·Σ sᵢ·lossᵢ + ½‖β‖² (class weights from
// compute_class_weight('balanced')) minimised with scipy L-BFGS-B at gtol=1e-13, ftol=0 — sklearn
// itself stops on scipy's default ftol a few 1e-6 short of the optimum (it agrees to 3e-6).
// L1 / elastic net: LogisticRegression(solver='saga', tol=1e-14, max_iter=1e6).
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../matrix';
import { fitLogisticRegression } from './fit-logistic';
import { binaryLogisticObjective, multinomialObjective } from './logistic-loss';
import { loadLinearModel } from './linear-model';
import { fixture } from '../../../test/fixtures/linear-data';

const tight = { tolerance: 1e-12, maxIterations: 10000 };

function expectCoef(actual: ArrayLike<number>, expected: number[], tol = 1e-7) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(tol);
}

describe('binary logistic regression matches sklearn', () => {
  const { X, binary } = fixture();
  it.each([
    [1, [0.9641754270395917, 1.819244188951623, 0.08502934819978576, 0.28916625624520104], 0.18698059443917805],
    [0.1, [0.31149210659075127, 0.7203522523691717, 0.0813561954712182, 0.10249448294778803], 0.11484136726014639],
  ])('L2, C = %s', (C, coef, intercept) => {
    const m = fitLogisticRegression(X, binary, { C, ...tight });
    expect(m.state.fit.converged).toBe(true);
    expectCoef(m.state.coef[0], coef);
    expect(m.state.intercept[0]).toBeCloseTo(intercept, 7);
  });
  it("class_weight='balanced'", () => {
    const m = fitLogisticRegression(X, binary, { classWeight: 'balanced', ...tight });
    expectCoef(m.state.coef[0], [0.9770389457301811, 1.8170714999027482, 0.098407312794668, 0.2915896709665403]);
    expect(m.state.intercept[0]).toBeCloseTo(0.10132163273952156, 7);
  });
  it('sample weights', () => {
    const weights = Float64Array.from({ length: 40 }, (_, i) => 1 + (i % 3));
    const m = fitLogisticRegression(X, { ...binary, weights }, tight);
    expectCoef(m.state.coef[0], [1.2199027596432588, 2.137971727990971, 0.14711495139414152, 0.5025060614961692]);
    expect(m.state.intercept[0]).toBeCloseTo(-0.15418141234400165, 7);
  });
  it('L1 (OWL-QN) zeroes the same coefficients as saga', () => {
    const m = fitLogisticRegression(X, binary, { C: 0.5, l1Ratio: 1, ...tight });
    expectCoef(m.state.coef[0], [0.7231017718391646, 1.654375894008542, 0, 0], 1e-5);
    expect(m.state.coef[0][2]).toBe(0);
    expect(m.state.coef[0][3]).toBe(0);
    expect(m.state.intercept[0]).toBeCloseTo(0.17470667593601097, 5);
    expect(m.state.fit.solver).toBe('owlqn');
  });
  it('elastic net', () => {
    const m = fitLogisticRegression(X, binary, { C: 0.5, l1Ratio: 0.5, ...tight });
    expectCoef(m.state.coef[0], [0.728347342518639, 1.545319015549595, 0, 0.10808683988080196], 1e-5);
    expect(m.state.coef[0][2]).toBe(0);
  });
});

describe('multinomial logistic regression matches sklearn', () => {
  const { X, multiclass } = fixture();
  const m = fitLogisticRegression(X, multiclass, tight);
  it('coefficients and intercepts', () => {
    const expected = [
      [-0.03795083394907949, 0.10576360802332795, 0.10178484580359713, -0.043843237848295115],
      [-0.3355603271474377, 0.1827343610979595, 0.005465251665515972, -0.01110179969667466],
      [0.37351116109651716, -0.28849796912128767, -0.10725009746911282, 0.05494503754496993],
    ];
    expected.forEach((row, k) => expectCoef(m.state.coef[k], row));
    expectCoef(m.state.intercept, [0.1781290744540825, -0.02108995396040024, -0.15703912049368354]);
  });
  it('probabilities match the reference softmax and sum to 1', () => {
    const p = m.predict(X);
    expectCoef(p.subarray(0, 3), [0.38461844705282217, 0.4068913792175465, 0.20849017372963152]);
    for (let i = 0; i < X.nRows; i++) expect(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).toBeCloseTo(1, 14);
  });
  it('a class absent from training gets probability 0', () => {
    const four = fitLogisticRegression(X, { ...multiclass, classes: ['x', 'y', 'z', 'w'] }, tight);
    const p = four.predict(X);
    for (let i = 0; i < X.nRows; i++) expect(p[4 * i + 3]).toBe(0);
    expectCoef(p.subarray(0, 3), [0.38461844705282217, 0.4068913792175465, 0.20849017372963152]);
  });
});

describe('logistic losses', () => {
  it('gradients agree with central differences', () => {
    const { X, binary, multiclass } = fixture();
    const columns = X.columns.map((c) => Float64Array.from(c, (v) => v / 3));
    const cases = [
      { f: binaryLogisticObjective({ columns, y: binary.y, l2: 0.05 }), dim: 5 },
      { f: multinomialObjective({ columns, y: multiclass.y, l2: 0.05, weights: Float64Array.from({ length: 40 }, (_, i) => 1 + (i % 4)) }, 3), dim: 15 },
    ];
    for (const { f, dim } of cases) {
      const x = Float64Array.from({ length: dim }, (_, i) => Math.sin(i + 1) * 0.7);
      const g = new Float64Array(dim);
      f(x, g);
      const scratch = new Float64Array(dim);
      for (let i = 0; i < dim; i++) {
        const h = 1e-6;
        const xp = Float64Array.from(x); xp[i] += h;
        const xm = Float64Array.from(x); xm[i] -= h;
        const numeric = (f(xp, scratch) - f(xm, scratch)) / (2 * h);
        expect(Math.abs(numeric - g[i])).toBeLessThan(1e-8);
      }
    }
  });
});

describe('logistic model behaviour', () => {
  const { X, binary, multiclass } = fixture();
  it('contributions sum to the raw score', () => {
    for (const labels of [binary, multiclass]) {
      const m = fitLogisticRegression(X, labels);
      const raw = m.predictRaw(X);
      const contrib = m.contributions(X);
      const k = m.nOutputs;
      const width = X.columns.length + 1;
      for (let i = 0; i < X.nRows * k; i++) {
        let s = 0;
        for (let f = 0; f < width; f++) s += contrib[i * width + f];
        expect(s).toBeCloseTo(raw[i], 12);
      }
    }
  });
  it('gives each feature the contribution coefficient × standardised value', () => {
    // Rows of X plus one with missing values (standardised value 0: the training mean).
    const rows = [...Array.from({ length: 40 }, (_, i) => X.columns.map((c) => c[i])), [NaN, 0.5, 2, NaN]];
    const Xp = matrixFromRows(rows, X.featureNames);
    for (const labels of [binary, multiclass]) {
      const m = fitLogisticRegression(X, labels);
      const { coef, intercept, design } = m.state;
      const k = m.nOutputs;
      const width = X.columns.length + 1;
      const contrib = m.contributions(Xp);
      let nonZero = 0;
      for (let i = 0; i < Xp.nRows; i++) {
        for (let o = 0; o < k; o++) {
          design.columns.forEach((col, j) => {
            const v = Xp.columns[col.feature][i];
            const z = Number.isNaN(v) ? 0 : (v - col.mean) / col.scale;
            expect(contrib[(i * k + o) * width + col.feature]).toBe(0 + coef[o][j] * z); // 0 + : the sum starts at +0
            if (coef[o][j] * z !== 0) nonZero++;
          });
          expect(contrib[(i * k + o) * width + width - 1]).toBe(intercept[o]);
        }
      }
      expect(nonZero).toBeGreaterThan(40 * k * 3);
    }
    // One-hot: a categorical feature's contribution is the sum over its indicator columns.
    const cat = { ...X, categorical: [false, false, true, false] };
    const m = fitLogisticRegression(cat, binary);
    const contrib = m.contributions(cat);
    for (let i = 0; i < 40; i++) {
      let expected = 0;
      m.state.design.columns.forEach((col, j) => {
        if (col.feature !== 2) return;
        const indicator = X.columns[2][i] === col.level ? 1 : 0;
        expected += m.state.coef[0][j] * ((indicator - col.mean) / col.scale);
      });
      expect(contrib[i * 5 + 2]).toBeCloseTo(expected, 12);
      expect(contrib[i * 5 + 2]).not.toBe(0);
    }
  });
  it('round-trips through JSON with identical predictions', () => {
    for (const labels of [binary, multiclass]) {
      const m = fitLogisticRegression(X, labels, { C: 0.3, l1Ratio: 0.2 });
      const json = JSON.parse(JSON.stringify(m.toJSON()));
      expect(json.family).toBe('linear');
      expect(json.format).toBe(1);
      const back = loadLinearModel(json);
      expect(Array.from(back.predict(X))).toEqual(Array.from(m.predict(X)));
      expect(Array.from(back.contributions(X))).toEqual(Array.from(m.contributions(X)));
    }
  });
  it('is deterministic', () => {
    const a = fitLogisticRegression(X, multiclass);
    const b = fitLogisticRegression(X, multiclass);
    expect(JSON.stringify(a.toJSON())).toBe(JSON.stringify(b.toJSON()));
  });
  it('imputes missing values with the training mean (raw score = intercept + others)', () => {
    const m = fitLogisticRegression(X, binary);
    const row = [[NaN, 0.5, 2, NaN]];
    const contrib = m.contributions(matrixFromRows(row, ['a', 'b', 'c', 'd']));
    expect(contrib[0]).toBe(0);
    expect(contrib[3]).toBe(0);
  });
  it('one-hot encodes categorical features and keeps per-feature contributions', () => {
    const cat = { ...X, categorical: [false, false, true, false] };
    const m = fitLogisticRegression(cat, binary);
    expect(m.state.design.columns.length).toBe(3 + 5);
    expect(m.featureImportance().length).toBe(4);
    const names = m.originalScaleCoefficients().names;
    expect(names).toContain('c=4');
    // An unseen level scores like a missing value: the training average.
    const a = m.predictRaw(matrixFromRows([[0.1, 0.2, 17, 0.3]], ['a', 'b', 'c', 'd']));
    const b = m.predictRaw(matrixFromRows([[0.1, 0.2, NaN, 0.3]], ['a', 'b', 'c', 'd']));
    expect(a[0]).toBe(b[0]);
  });
  it('original-scale coefficients reproduce the raw score', () => {
    const m = fitLogisticRegression(X, binary);
    const o = m.originalScaleCoefficients();
    const raw = m.predictRaw(X);
    for (let i = 0; i < 5; i++) {
      let s = o.intercept[0];
      for (let j = 0; j < 4; j++) s += o.coef[0][j] * X.columns[j][i];
      expect(s).toBeCloseTo(raw[i], 10);
    }
  });
  it('names bad input', () => {
    expect(() => fitLogisticRegression(X, { ...binary, y: new Float64Array(40) })).toThrow(/only class "no"/);
    expect(() => fitLogisticRegression(X, binary, { C: -1 })).toThrow(/C must be a positive/);
    expect(() => fitLogisticRegression(X, binary, { lambda: 1 } as never)).toThrow(/unknown hyperparameter "lambda"/);
    const m = fitLogisticRegression(X, binary);
    expect(() => m.predict(matrixFromRows([[1, 2]]))).toThrow(/2 features, the model was trained on 4/);
  });
});
