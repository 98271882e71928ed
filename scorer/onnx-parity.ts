// Helpers the ONNX parity tests and bench/onnx-export.ts share: the reference data sets, rows that
// exercise missing values and unseen categories, and the distance between two prediction vectors.
import type { Matrix } from '../kernels/learn/matrix';
import type { CategoricalView } from '../kernels/tournament/categorical-view';

/** The ../shared/data sets with their targets (README.md there), in the order reports list them. */
export const REFERENCE_SETS: readonly (readonly [set: string, target: string])[] = [
  ['telco_churn', 'churn'], ['credit_status', 'Status'], ['hr_attrition', 'Attrition'], ['lending_club', 'Class'], ['spam', 'type'],
  ['fine_food_reviews', 'score'], ['ames_housing', 'Sale_Price'], ['letters', 'lettr'], ['penguins', 'species'],
];

/** A category code no model has seen in training. */
export const UNSEEN_CODE = 97;

/**
 * The matrix followed by a perturbed copy of its first rows: scattered missing values, unseen
 * codes in categorical features, and one-hot groups with no indicator set (an unseen category).
 */
export function withHardRows(X: Matrix, groups: CategoricalView['groups'] = [], rows = 400): Matrix {
  const n = Math.min(rows, X.nRows);
  const index = new Map(X.featureNames.map((name, j) => [name, j]));
  const columns = X.columns.map((col, j) => {
    const out = new Float64Array(X.nRows + n);
    out.set(col);
    for (let i = 0; i < n; i++) {
      let v = col[i];
      if ((i * 7 + j * 3) % 11 === 0) v = NaN;
      else if (X.categorical?.[j] && (i + j) % 5 === 0) v = UNSEEN_CODE;
      out[X.nRows + i] = v;
    }
    return out;
  });
  groups.forEach((group, g) => {
    for (let i = 0; i < n; i++) {
      if ((i + g) % 4 !== 0) continue;
      for (const m of group.members) {
        const j = index.get(m);
        if (j !== undefined) columns[j][X.nRows + i] = 0;
      }
    }
  });
  return { ...X, nRows: X.nRows + n, columns };
}

/** max |a − b|; Infinity when the lengths differ or a value is NaN on one side only. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Infinity;
    max = Math.max(max, Math.abs(a[i] - b[i]) || 0);
  }
  return max;
}
