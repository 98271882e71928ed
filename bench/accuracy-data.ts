// Shared input for the learner accuracy benchmarks: reads each ../shared/data set, encodes it the
// same way for Tourney and scikit-learn (numbers as is with NaN for missing; one-hot for string
// columns, levels seen ≥ MIN_LEVEL_COUNT times in training, plus a missing indicator level; free
// text as log(1 + count) of the TEXT_VOCABULARY most frequent training words) and draws a fixed
// stratified 80/20 split (seed 0). The encoded matrix and split go to bench/.data/accuracy-<name>.csv
// (`__split`, `__y`, features) with a .json sidecar, so Python reads exactly the same inputs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../kernels/random/random';
import type { Labels, Matrix, Task } from '../kernels/learn/matrix';

export const DATA_DIR = join(import.meta.dirname, '.data');
const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'data');
const MIN_LEVEL_COUNT = 5;
const TEXT_VOCABULARY = 500;

export interface DatasetSpec {
  name: string;
  target: string;
  task: Task;
  /** Binary: the class coded 1. */
  positive?: string;
}

export const DATASETS: DatasetSpec[] = [
  { name: 'telco_churn', target: 'churn', task: 'binary', positive: 'Yes' },
  { name: 'credit_status', target: 'Status', task: 'binary', positive: 'bad' },
  { name: 'hr_attrition', target: 'Attrition', task: 'binary', positive: 'Yes' },
  { name: 'lending_club', target: 'Class', task: 'binary', positive: 'bad' },
  { name: 'spam', target: 'type', task: 'binary', positive: 'spam' },
  { name: 'fine_food_reviews', target: 'score', task: 'binary', positive: 'great' },
  { name: 'ames_housing', target: 'Sale_Price', task: 'regression' },
  { name: 'letters', target: 'lettr', task: 'multiclass' },
  { name: 'penguins', target: 'species', task: 'multiclass' },
];

export interface EncodedDataset {
  spec: DatasetSpec;
  featureNames: string[];
  /** Column-major features for all rows. */
  columns: Float64Array[];
  y: Float64Array;
  classes?: string[];
  /** true = training row. */
  train: boolean[];
  csvPath: string;
}

/** RFC 4180 CSV: quoted fields with "" escapes, CRLF or LF. Empty unquoted cell = missing (null). */
export function parseCsv(text: string, fileName: string): { header: string[]; rows: (string | null)[][] } {
  const records: (string | null)[][] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let record: (string | null)[] = [];
  let line = 1;
  const endField = () => {
    record.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') { quoted = true; wasQuoted = true; }
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
      line++;
    } else field += ch;
  }
  if (quoted) throw new Error(`${fileName}: unterminated quoted field (line ${line})`);
  if (field !== '' || record.length) { endField(); records.push(record); }
  const [header, ...rows] = records.map((r) => r.map((v) => v));
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new Error(`${fileName}: line ${i + 2} has ${r.length} fields, the header has ${header.length}`);
  });
  return { header: header.map((h) => h ?? ''), rows };
}

/** 20% of each stratum to test, chosen by a seeded Fisher–Yates shuffle. */
export function stratifiedSplit(strata: ArrayLike<number | string>, testFraction: number, seed: number): boolean[] {
  const rand = mulberry32(seed);
  const groups = new Map<number | string, number[]>();
  for (let i = 0; i < strata.length; i++) {
    const g = groups.get(strata[i]) ?? [];
    g.push(i);
    groups.set(strata[i], g);
  }
  const train = new Array<boolean>(strata.length).fill(true);
  for (const key of [...groups.keys()].sort()) {
    const idx = groups.get(key)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const nTest = Math.round(idx.length * testFraction);
    for (let k = 0; k < nTest; k++) train[idx[k]] = false;
  }
  return train;
}

const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
const tokens = (v: string) => v.toLowerCase().replace(/<[^>]*>/g, ' ').match(/[a-z']+/g) ?? [];

/** `splitSeed` 0 is the fixed split every table quotes; others give more splits of the same data. */
export function encodeDataset(spec: DatasetSpec, splitSeed = 0): EncodedDataset {
  const file = join(SHARED, `${spec.name}.csv`);
  const { header, rows } = parseCsv(readFileSync(file, 'utf8'), `${spec.name}.csv`);
  const targetIndex = header.indexOf(spec.target);
  if (targetIndex < 0) throw new Error(`${spec.name}.csv has no column "${spec.target}"`);
  const n = rows.length;
  const rawTarget = rows.map((r, i) => {
    const v = r[targetIndex];
    if (v === null) throw new Error(`${spec.name}.csv: missing target at line ${i + 2}`);
    return v;
  });
  let y: Float64Array;
  let classes: string[] | undefined;
  if (spec.task === 'regression') y = Float64Array.from(rawTarget, Number);
  else if (spec.task === 'binary') {
    classes = [[...new Set(rawTarget)].find((c) => c !== spec.positive)!, spec.positive!];
    y = Float64Array.from(rawTarget, (v) => (v === spec.positive ? 1 : 0));
  } else {
    classes = [...new Set(rawTarget)].sort();
    y = Float64Array.from(rawTarget, (v) => classes!.indexOf(v));
  }
  const train = stratifiedSplit(spec.task === 'regression' ? new Array(n).fill(0) : y, 0.2, splitSeed);

  const featureNames: string[] = [];
  const columns: Float64Array[] = [];
  header.forEach((name, j) => {
    if (j === targetIndex) return;
    const values = rows.map((r) => r[j]);
    const present = values.filter((v): v is string => v !== null);
    if (present.every(isNumber)) {
      featureNames.push(name);
      columns.push(Float64Array.from(values, (v) => (v === null ? NaN : Number(v))));
      return;
    }
    const distinct = new Set(present).size;
    const meanWords = present.reduce((a, v) => a + v.split(/\s+/).length, 0) / Math.max(present.length, 1);
    if (meanWords > 5 && distinct > present.length / 2) {
      // Free text: bag of words over the training rows' most frequent words (document frequency).
      const df = new Map<string, number>();
      values.forEach((v, i) => {
        if (!train[i] || v === null) return;
        for (const t of new Set(tokens(v))) df.set(t, (df.get(t) ?? 0) + 1);
      });
      const vocab = [...df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TEXT_VOCABULARY).map(([t]) => t);
      const index = new Map(vocab.map((t, k) => [t, k]));
      const counts = vocab.map(() => new Float64Array(n));
      values.forEach((v, i) => {
        if (v === null) return;
        for (const t of tokens(v)) {
          const k = index.get(t);
          if (k !== undefined) counts[k][i]++;
        }
      });
      vocab.forEach((t, k) => {
        featureNames.push(`${name}:${t}`);
        columns.push(counts[k].map(Math.log1p));
      });
      return;
    }
    // Categorical: one-hot of the levels frequent in training, plus "missing" when it occurs.
    const freq = new Map<string, number>();
    values.forEach((v, i) => {
      if (train[i]) freq.set(v ?? '\u0000NA', (freq.get(v ?? '\u0000NA') ?? 0) + 1);
    });
    const levels = [...freq.entries()].filter(([, c]) => c >= MIN_LEVEL_COUNT).map(([l]) => l).sort();
    for (const level of levels) {
      featureNames.push(`${name}=${level === '\u0000NA' ? 'NA' : level}`);
      columns.push(Float64Array.from(values, (v) => ((v ?? '\u0000NA') === level ? 1 : 0)));
    }
  });

  mkdirSync(DATA_DIR, { recursive: true });
  const csvPath = join(DATA_DIR, `accuracy-${spec.name}${splitSeed ? `-split${splitSeed}` : ''}.csv`);
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [['__split', '__y', ...featureNames].map(quote).join(',')];
  for (let i = 0; i < n; i++) {
    const cells = [train[i] ? 'train' : 'test', String(y[i])];
    for (const c of columns) cells.push(Number.isNaN(c[i]) ? '' : String(c[i]));
    lines.push(cells.join(','));
  }
  writeFileSync(csvPath, lines.join('\n') + '\n');
  writeFileSync(csvPath.replace(/\.csv$/, '.json'), JSON.stringify({ ...spec, classes, nFeatures: featureNames.length }));
  return { spec, featureNames, columns, y, classes, train, csvPath };
}

/** The training (`train` true) or test rows of an encoded data set as a matrix and labels. */
export function subset(d: EncodedDataset, train: boolean): { X: Matrix; labels: Labels } {
  const rows: number[] = [];
  d.train.forEach((t, i) => t === train && rows.push(i));
  const X: Matrix = {
    nRows: rows.length,
    columns: d.columns.map((c) => Float64Array.from(rows, (i) => c[i])),
    featureNames: d.featureNames,
  };
  const labels: Labels = { task: d.spec.task, y: Float64Array.from(rows, (i) => d.y[i]), ...(d.classes ? { classes: d.classes } : {}) };
  return { X, labels };
}

/** Missing values (NaN) replaced by the training matrix's column means, in every matrix given. */
export function imputeWithTrainMeans(train: Matrix, ...others: Matrix[]): Matrix[] {
  const means = train.columns.map((c) => {
    let s = 0, k = 0;
    for (const v of c) if (!Number.isNaN(v)) { s += v; k++; }
    return k ? s / k : 0;
  });
  return [train, ...others].map((X) => ({ ...X, columns: X.columns.map((c, j) => c.map((v) => (Number.isNaN(v) ? means[j] : v))) }));
}
