// A small deterministic data set shared by the linear and naive Bayes tests; the same formulas
// in numpy produced the scikit-learn reference numbers quoted in the tests.
import { matrixFromRows, type Labels, type Matrix } from '../matrix';

export function fixture(): { X: Matrix; binary: Labels; multiclass: Labels; regression: Labels } {
  const rows: number[][] = [];
  const yb: number[] = [];
  const ym: number[] = [];
  const yr: number[] = [];
  for (let i = 0; i < 40; i++) {
    const x = [Math.sin(i), Math.cos(1.7 * i) * 3 + 1, i % 5, Math.sin(0.3 * i)];
    rows.push(x);
    yb.push(x[0] + 0.5 * x[1] + Math.sin(3.3 * i) > 0.5 ? 1 : 0);
    ym.push((Math.floor((x[0] + 1.2) * 1.4) + (i % 2)) % 3);
    yr.push(2 * x[0] - x[1] + 0.3 * Math.sin(5.1 * i) + 10);
  }
  return {
    X: matrixFromRows(rows, ['a', 'b', 'c', 'd']),
    binary: { task: 'binary', y: Float64Array.from(yb), classes: ['no', 'yes'] },
    multiclass: { task: 'multiclass', y: Float64Array.from(ym), classes: ['x', 'y', 'z'] },
    regression: { task: 'regression', y: Float64Array.from(yr) },
  };
}
