// Small seeded tables for the tournament's tests: a binary target driven by two numbers, an
// interaction and a category, plus noise columns. `shift` moves the log-odds (a negative shift
// makes "yes" rare) without changing any other value drawn.
import type { DataTable } from '../table/types';
import { createRandom, normal } from './random';

export function syntheticBinaryTable(nRows: number, seed = 1, shift = 0): DataTable {
  const random = createRandom(seed);
  const x1 = new Float64Array(nRows);
  const x2 = new Float64Array(nRows);
  const noise = new Float64Array(nRows);
  const colour: (string | null)[] = [];
  const target: (string | null)[] = [];
  const colours = ['red', 'green', 'blue'];
  for (let i = 0; i < nRows; i++) {
    x1[i] = normal(random);
    x2[i] = normal(random);
    noise[i] = normal(random);
    const c = colours[Math.floor(random() * 3)];
    colour.push(c);
    const logit = 1.5 * x1[i] - x2[i] + 1.2 * (x1[i] * x2[i] > 0 ? 1 : -1) + (c === 'red' ? 1 : 0) - 0.5 + shift;
    target.push(random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no');
  }
  return {
    name: 'synthetic',
    rowCount: nRows,
    columns: [
      { name: 'x1', type: 'number', storage: 'numeric', values: x1 },
      { name: 'x2', type: 'number', storage: 'numeric', values: x2 },
      { name: 'noise', type: 'number', storage: 'numeric', values: noise },
      { name: 'colour', type: 'categorical', storage: 'string', values: colour },
      { name: 'target', type: 'categorical', storage: 'string', values: target },
    ],
  };
}
