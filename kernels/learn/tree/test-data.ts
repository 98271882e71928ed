// Small seeded data sets for the tree learners' tests.
import { createRandom } from '../dataset/random';
import type { Labels, Matrix } from '../matrix';

export function makeClassification(n: number, seed: number, nClasses = 2): { X: Matrix; labels: Labels } {
  const random = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const noise = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = random() * 4 - 2;
    b[i] = random() * 4 - 2;
    noise[i] = random();
    const score = a[i] * a[i] - b[i] + 0.8 * (random() - 0.5);
    if (nClasses === 2) y[i] = score > 0.5 ? 1 : 0;
    else y[i] = Math.min(nClasses - 1, Math.max(0, Math.floor((score + 2) / 2)));
  }
  return {
    X: { nRows: n, columns: [a, b, noise], featureNames: ['a', 'b', 'noise'] },
    labels: { task: nClasses === 2 ? 'binary' : 'multiclass', y, classes: Array.from({ length: nClasses }, (_, k) => `c${k}`) },
  };
}

export function makeRegression(n: number, seed: number): { X: Matrix; labels: Labels } {
  const random = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = random() * 6 - 3;
    b[i] = random() * 6 - 3;
    y[i] = Math.sin(a[i]) * 3 + (b[i] > 0 ? 2 : -1) + 0.3 * (random() - 0.5);
  }
  return { X: { nRows: n, columns: [a, b], featureNames: ['a', 'b'] }, labels: { task: 'regression', y } };
}
