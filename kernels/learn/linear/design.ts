// The standardised design a linear model sees, fitted on the training matrix and stored in the
// model so scoring replays it exactly:
// - numeric feature: z = (x − mean) / std, NaN imputed with the training mean (so z = 0); std is
//   the (weighted) population std after imputation — what sklearn's SimpleImputer(strategy=
//   'mean') followed by StandardScaler computes. A constant feature gets std 1 (sklearn too).
//   Features flagged in Matrix.normalized (row-normalised TF-IDF) keep scale 1: only centred.
// - categorical feature (Matrix.categorical): one indicator column per training level (the
//   `maxLevels` most frequent; rarer levels share an "other" indicator), each standardised the
//   same way. Missing values and codes never seen in training give z = 0 on all its indicators,
//   i.e. the training-average effect.
import type { Matrix } from '../matrix';

export interface DesignColumn {
  /** Index of the source feature in the Matrix. */
  feature: number;
  /** Categorical features only: the level code, or 'other' for the pooled rare levels. */
  level?: number | 'other';
  mean: number;
  scale: number;
}

export interface DesignSpec {
  nFeatures: number;
  columns: DesignColumn[];
  /** Categorical features only: levels pooled into 'other', by feature index. */
  otherLevels?: Record<number, number[]>;
}

export function fitDesign(X: Matrix, weights?: Float64Array, maxLevels = 200): DesignSpec {
  const n = X.nRows;
  const w = weights ?? new Float64Array(n).fill(1);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  if (!(total > 0)) throw new Error('linear model: the training rows have no (positive) weight');
  const columns: DesignColumn[] = [];
  const otherLevels: Record<number, number[]> = {};
  X.columns.forEach((col, j) => {
    if (X.categorical?.[j]) {
      const levelWeight = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (Number.isNaN(v)) continue;
        if (!Number.isInteger(v) || v < 0) {
          throw new Error(`linear model: categorical feature "${X.featureNames[j]}" has value ${v} at row ${i}; expected an integer code ≥ 0`);
        }
        levelWeight.set(v, (levelWeight.get(v) ?? 0) + w[i]);
      }
      const byWeight = [...levelWeight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const kept = byWeight.slice(0, maxLevels).map(([level]) => level).sort((a, b) => a - b);
      const pooled = byWeight.slice(maxLevels).map(([level]) => level).sort((a, b) => a - b);
      // A missing row counts as the average indicator, so it adds nothing to the variance.
      for (const level of kept) columns.push(indicatorStats(j, level, levelWeight.get(level)! / total));
      if (pooled.length) {
        otherLevels[j] = pooled;
        const share = pooled.reduce((a, l) => a + levelWeight.get(l)!, 0) / total;
        columns.push(indicatorStats(j, 'other', share));
      }
      return;
    }
    let sw = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v)) throw new Error(`linear model: feature "${X.featureNames[j]}" has ${v} at row ${i}`);
      sw += w[i];
      sum += w[i] * v;
    }
    const mean = sw > 0 ? sum / sw : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (!Number.isNaN(v)) ss += w[i] * (v - mean) * (v - mean);
    }
    const std = Math.sqrt(ss / total);
    columns.push({ feature: j, mean, scale: std > 0 && !X.normalized?.[j] ? std : 1 });
  });
  return { nFeatures: X.columns.length, columns, ...(Object.keys(otherLevels).length ? { otherLevels } : {}) };

  function indicatorStats(feature: number, level: number | 'other', share: number): DesignColumn {
    // Among rows with a value, the indicator is 1 with weight `share`; missing rows sit at the mean.
    const observed = observedShare(X.columns[feature]);
    const mean = observed > 0 ? share / observed : 0;
    const variance = observed * (mean * (1 - mean) ** 2 + (1 - mean) * mean * mean);
    const std = Math.sqrt(Math.max(variance, 0));
    return { feature, level, mean, scale: std > 0 ? std : 1 };
  }

  function observedShare(col: ArrayLike<number>): number {
    let s = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(col[i])) s += w[i];
    return s / total;
  }
}

/**
 * Calls `visit(c, z)` for each design column c with its standardised values for X's rows.
 * `z` is a reused buffer: copy it to keep it.
 */
export function forEachDesignColumn(
  X: Matrix,
  spec: DesignSpec,
  visit: (c: number, z: Float64Array) => void,
): void {
  checkShape(X, spec);
  const n = X.nRows;
  const z = new Float64Array(n);
  const pooled = new Map<number, Set<number>>();
  for (const [f, levels] of Object.entries(spec.otherLevels ?? {})) pooled.set(Number(f), new Set(levels));
  const kept = new Map<number, Set<number>>();
  for (const c of spec.columns) {
    if (c.level === undefined || c.level === 'other') continue;
    let s = kept.get(c.feature);
    if (!s) kept.set(c.feature, (s = new Set()));
    s.add(c.level);
  }
  spec.columns.forEach((c, index) => {
    const col = X.columns[c.feature];
    const { mean, scale } = c;
    if (c.level === undefined) {
      for (let i = 0; i < n; i++) {
        const v = col[i];
        z[i] = Number.isNaN(v) ? 0 : (v - mean) / scale;
      }
    } else {
      const known = kept.get(c.feature)!;
      const other = pooled.get(c.feature);
      const zero = (0 - mean) / scale;
      const one = (1 - mean) / scale;
      for (let i = 0; i < n; i++) {
        const v = col[i];
        if (c.level === 'other') {
          z[i] = other!.has(v) ? one : known.has(v) ? zero : 0;
        } else if (v === c.level) z[i] = one;
        else if (known.has(v) || other?.has(v)) z[i] = zero;
        else z[i] = 0; // missing or never seen in training: the average
      }
    }
    visit(index, z);
  });
}

/** All design columns materialised (for fitting). */
export function designColumns(X: Matrix, spec: DesignSpec): Float64Array[] {
  const out: Float64Array[] = [];
  forEachDesignColumn(X, spec, (_c, z) => out.push(Float64Array.from(z)));
  return out;
}

export function designColumnName(c: DesignColumn, featureNames: string[]): string {
  const name = featureNames[c.feature];
  return c.level === undefined ? name : `${name}=${c.level}`;
}

function checkShape(X: Matrix, spec: DesignSpec): void {
  if (X.columns.length !== spec.nFeatures) {
    throw new Error(`linear model: the matrix has ${X.columns.length} features, the model was trained on ${spec.nFeatures}`);
  }
  for (let j = 0; j < X.columns.length; j++) {
    if (X.columns[j].length !== X.nRows) {
      throw new Error(`linear model: feature ${j} has ${X.columns[j].length} values for ${X.nRows} rows`);
    }
  }
}
