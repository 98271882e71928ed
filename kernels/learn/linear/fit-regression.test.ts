// Reference coefficients: scikit-learn 1.2.1 on the same fixture (test/fixtures/linear-data.ts formulas in numpy),
// X standardised with StandardScaler; Ridge(alpha=2.0) (= alpha 2/40 in ElasticNet units),
// Lasso(alpha=0.1, tol=1e-12), ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-12).
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../matrix';
import { designColumns } from './design';
import { fitLinearRegression, fitRegressionPath } from './fit-regression';
import { loadLinearModel } from './linear-model';
import { fixture } from '../../../test/fixtures/linear-data';

const { X, regression } = fixture();
const INTERCEPT = 9.054434918376263;

function expectCoef(actual: ArrayLike<number>, expected: number[], tol = 1e-8) {
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(tol);
}

describe('least squares matches sklearn', () => {
  it('ridge (closed form)', () => {
    const m = fitLinearRegression(X, regression, { alpha: 2 / 40 });
    expect(m.state.fit.solver).toBe('cholesky');
    expectCoef(m.state.coef[0], [1.3320043674686497, -2.0357547464648054, -0.04970369824665369, 0.003099249748744712]);
    expect(m.state.intercept[0]).toBeCloseTo(INTERCEPT, 10);
  });
  it('lasso zeroes the irrelevant features', () => {
    const m = fitLinearRegression(X, regression, { alpha: 0.1, l1Ratio: 1, tolerance: 1e-12 });
    expectCoef(m.state.coef[0], [1.2901536352239664, -2.041247962706753, 0, 0]);
    expect(m.state.coef[0][2]).toBe(0);
    expect(m.state.coef[0][3]).toBe(0);
    expect(m.featureImportance()[2]).toBe(0);
  });
  it('elastic net', () => {
    const m = fitLinearRegression(X, regression, { alpha: 0.1, l1Ratio: 0.5, tolerance: 1e-12 });
    expectCoef(m.state.coef[0], [1.2797332245884154, -1.992389102397763, 0, 0]);
    expect(m.state.intercept[0]).toBeCloseTo(INTERCEPT, 10);
  });
});

describe('least squares behaviour', () => {
  it('a path with warm starts gives the same models as separate fits', () => {
    const alphas = [0.5, 0.1, 0.02];
    const path = fitRegressionPath(X, regression, alphas, { l1Ratio: 0.8, tolerance: 1e-12 });
    alphas.forEach((alpha, k) => {
      const single = fitLinearRegression(X, regression, { alpha, l1Ratio: 0.8, tolerance: 1e-12 });
      expectCoef(path[k].state.coef[0], Array.from(single.state.coef[0]), 1e-9);
    });
    // Stronger penalties keep fewer features.
    const nonZero = path.map((m) => m.state.coef[0].filter((b) => b !== 0).length);
    expect(nonZero[0]).toBeLessThanOrEqual(nonZero[2]);
  });
  it('ordinary least squares (alpha 0) on collinear one-hot columns still solves', () => {
    const cat = { ...X, categorical: [false, false, true, false] };
    const m = fitLinearRegression(cat, regression, { alpha: 0 });
    const pred = m.predict(cat);
    let sse = 0;
    for (let i = 0; i < 40; i++) sse += (pred[i] - regression.y[i]) ** 2;
    expect(Math.sqrt(sse / 40)).toBeLessThan(0.5);
  });
  it('contributions sum to the prediction and JSON round-trips', () => {
    const m = fitLinearRegression(X, regression, { alpha: 0.05, l1Ratio: 0.5 });
    const pred = m.predict(X);
    const c = m.contributions(X);
    for (let i = 0; i < 40; i++) {
      let s = 0;
      for (let f = 0; f < 5; f++) s += c[i * 5 + f];
      expect(s).toBeCloseTo(pred[i], 10);
    }
    const back = loadLinearModel(JSON.parse(JSON.stringify(m.toJSON())));
    expect(Array.from(back.predict(X))).toEqual(Array.from(pred));
  });
  it('gives each feature the contribution coefficient × standardised value (ridge and elastic net)', () => {
    const rows = [...Array.from({ length: 40 }, (_, i) => X.columns.map((c) => c[i])), [0.3, NaN, NaN, -0.2]];
    const Xp = matrixFromRows(rows, X.featureNames);
    for (const params of [{ alpha: 2 / 40 }, { alpha: 0.05, l1Ratio: 0.5 }]) {
      const m = fitLinearRegression(X, regression, params);
      const { coef, intercept, design } = m.state;
      const c = m.contributions(Xp);
      for (let i = 0; i < Xp.nRows; i++) {
        design.columns.forEach((col, j) => {
          const v = Xp.columns[col.feature][i];
          const z = Number.isNaN(v) ? 0 : (v - col.mean) / col.scale;
          expect(c[i * 5 + col.feature]).toBe(0 + coef[0][j] * z); // 0 + : the sum starts at +0
        });
        expect(c[i * 5 + 4]).toBe(intercept[0]);
      }
      // Not all zero: the first two features carry the signal.
      expect(Math.abs(c[0]) + Math.abs(c[1])).toBeGreaterThan(0.1);
    }
  });
  it('sample weights act like repeated rows', () => {
    const weights = Float64Array.from({ length: 40 }, (_, i) => (i < 10 ? 2 : 1));
    const weighted = fitLinearRegression(X, { ...regression, weights }, { alpha: 0.01 });
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 40; i++) {
      for (let r = 0; r < weights[i]; r++) {
        rows.push(X.columns.map((c) => c[i]));
        y.push(regression.y[i]);
      }
    }
    const repeated = fitLinearRegression(matrixFromRows(rows, X.featureNames), { task: 'regression', y: Float64Array.from(y) }, { alpha: 0.01 });
    expectCoef(weighted.state.coef[0], Array.from(repeated.state.coef[0]), 1e-10);
  });
  it('conjugate gradients solve the ridge normal equations for a wide design', () => {
    // 1600 columns > the Cholesky limit, built deterministically.
    const n = 60;
    const p = 1600;
    const cols = Array.from({ length: p }, (_, j) => Float64Array.from({ length: n }, (_, i) => Math.sin((i + 1) * (j + 1) * 0.37)));
    const y = Float64Array.from({ length: n }, (_, i) => 3 * cols[0][i] - cols[1][i]);
    const wide = { nRows: n, columns: cols, featureNames: cols.map((_, j) => `f${j}`) };
    const alpha = 0.5;
    const m = fitLinearRegression(wide, { task: 'regression', y }, { alpha });
    expect(m.state.fit.solver).toBe('cg');
    expect(m.state.fit.converged).toBe(true);
    // Optimality: (1/n)·zⱼ·(y − ŷ) = α·βⱼ for every standardised column j.
    const z = designColumns(wide, m.state.design);
    const resid = m.predict(wide).map((v, i) => y[i] - v);
    for (const j of [0, 1, 2, 777, 1599]) {
      let s = 0;
      for (let i = 0; i < n; i++) s += z[j][i] * resid[i];
      expect(s / n).toBeCloseTo(alpha * m.state.coef[0][j], 8);
    }
  });
  it('names bad input', () => {
    expect(() => fitLinearRegression(X, { task: 'binary', y: regression.y })).toThrow(/needs a regression task/);
    const y = Float64Array.from(regression.y);
    y[3] = NaN;
    expect(() => fitLinearRegression(X, { task: 'regression', y })).toThrow(/target at row 3 is NaN/);
  });
});
