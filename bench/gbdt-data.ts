// Seeded HIGGS-like synthetic binary data for the GBDT speed benchmark: 21 "low-level" kinematic
// features (heavy-tailed momenta, bounded pseudo-rapidities, useless azimuthal angles, 3-valued
// b-tags) and 7 "high-level" invariant-mass-like features derived from them non-linearly. The label
// is drawn from a logistic model of a non-linear function with interactions, scaled so a good
// boosted model reaches AUROC ≈ 0.8 (like the real HIGGS set). Values are float32 so both sides see
// identical numbers.
//
// Writes, under bench/.data/: higgs-<split>.f32c (column-major, 28 × n float32),
// higgs-<split>.f32r (row-major, n × 28 float32), higgs-<split>.y.u8 (labels) and, on request,
// higgs-<split>.csv (label first, for the CLI form of the benchmark).
import { existsSync, mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../kernels/random/random';

export const N_FEATURES = 28;
export const DATA_DIR = join(import.meta.dirname, '.data');
export const FEATURE_NAMES = Array.from({ length: N_FEATURES }, (_, j) => `f${j}`);

export interface SyntheticSplit {
  n: number;
  columns: Float32Array[];
  y: Uint8Array;
}

export function generateHiggsLike(n: number, seed: number): SyntheticSplit {
  const rand = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const columns = Array.from({ length: N_FEATURES }, () => new Float32Array(n));
  const y = new Uint8Array(n);
  const row = new Float64Array(N_FEATURES);
  for (let i = 0; i < n; i++) {
    // Latent class first (balanced like HIGGS, 53% signal), features depend on it weakly.
    const signal = rand() < 0.53 ? 1 : 0;
    const s = signal ? 1 : 0;
    // 5 objects (lepton, missing energy, 4 jets → 6); each pt heavy-tailed, eta bounded, phi uniform.
    let k = 0;
    const pt = (scale: number) => Math.exp(0.55 * normal()) * scale;
    const eta = () => Math.max(-2.5, Math.min(2.5, 1.1 * normal()));
    const phi = () => (rand() * 2 - 1) * Math.PI;
    row[k++] = pt(1 + 0.08 * s); // lepton pt
    row[k++] = eta();
    row[k++] = phi();
    row[k++] = pt(1 + 0.05 * s); // missing energy magnitude
    row[k++] = phi();
    for (let jet = 0; jet < 4; jet++) {
      row[k++] = pt(1 - 0.1 * jet);
      row[k++] = eta();
      row[k++] = phi();
      const u = rand();
      const bProb = s ? 0.45 : 0.3;
      row[k++] = u < bProb ? 2.1729 : u < bProb + 0.2 ? 1.0865 : 0; // b-tag, 3 values
    }
    // 21 low-level so far. High-level masses: non-linear mixes + class-dependent resonance peaks.
    const ptSum = row[0] + row[3] + row[5] + row[9];
    const dEta = Math.abs(row[6] - row[10]);
    const mjj = Math.sqrt(2 * row[5] * row[9] * (Math.cosh(row[6] - row[10]) - Math.cos(row[7] - row[11])));
    const mbbNoise = 0.25 * normal();
    const mbb = s && row[8] + row[12] > 2 ? 1 + 0.15 * normal() : Math.abs(mjj * (0.8 + mbbNoise));
    row[k++] = mjj;
    row[k++] = Math.sqrt(mjj * mjj + row[13] * row[13] * (1 + dEta));
    row[k++] = (s ? 1 + 0.12 * normal() : Math.exp(0.35 * normal())) ; // m_lv: W peak for signal
    row[k++] = Math.sqrt(row[0] * row[3]) * (1 + 0.3 * Math.abs(normal())) + 0.1 * dEta;
    row[k++] = mbb;
    row[k++] = mbb * (1 + 0.2 * Math.abs(normal())) + 0.3 * row[0];
    row[k] = ptSum * (s ? 0.9 + 0.1 * rand() : 0.7 + 0.5 * rand());
    // Label: mostly the latent class, but flipped through a noisy non-linear score so the
    // achievable AUROC is well below 1.
    const score =
      1.8 * (s - 0.5) +
      0.6 * Math.tanh(row[25] - 1) * (row[8] > 1 ? 1 : -0.5) -
      0.5 * Math.abs(row[23] - 1) +
      0.35 * Math.sin(2 * row[21]) +
      0.25 * (row[27] > 3 ? 1 : 0) * (row[1] * row[1] < 1 ? 1 : -1) +
      1.1 * normal();
    y[i] = score > 0.1 ? 1 : 0;
    for (let j = 0; j < N_FEATURES; j++) columns[j][i] = row[j];
  }
  return { n, columns, y };
}

export const SPLITS = { train: { n: 1_000_000, seed: 20240601 }, test: { n: 200_000, seed: 20240602 } } as const;

function path(split: string, ext: string): string {
  return join(DATA_DIR, `higgs-${split}.${ext}`);
}

export function dataPaths(split: 'train' | 'test') {
  return {
    colMajor: path(split, 'f32c'),
    rowMajor: path(split, 'f32r'),
    labels: path(split, 'y.u8'),
    csv: path(split, 'csv'),
  };
}

/** Generates the binary files for both splits unless they already exist. */
export function ensureBinaryData(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  for (const split of ['train', 'test'] as const) {
    const p = dataPaths(split);
    if (existsSync(p.colMajor) && existsSync(p.rowMajor) && existsSync(p.labels)) continue;
    const { n, seed } = SPLITS[split];
    const data = generateHiggsLike(n, seed);
    const col = new Float32Array(n * N_FEATURES);
    const rowMajor = new Float32Array(n * N_FEATURES);
    for (let j = 0; j < N_FEATURES; j++) {
      col.set(data.columns[j], j * n);
      const c = data.columns[j];
      for (let i = 0; i < n; i++) rowMajor[i * N_FEATURES + j] = c[i];
    }
    writeFileSync(p.colMajor, new Uint8Array(col.buffer));
    writeFileSync(p.rowMajor, new Uint8Array(rowMajor.buffer));
    writeFileSync(p.labels, data.y);
  }
}

/** Writes the CSV form (label column `label` first) for the CLI benchmark, unless present. */
export async function ensureCsvData(split: 'train' | 'test'): Promise<string> {
  const p = dataPaths(split);
  if (existsSync(p.csv)) return p.csv;
  const { n, seed } = SPLITS[split];
  const data = generateHiggsLike(n, seed);
  const out = createWriteStream(p.csv);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(['label', ...FEATURE_NAMES].join(',') + '\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    let line = String(data.y[i]);
    // 9 significant digits round-trip float32 and keep the file ~40% smaller than full doubles.
    for (let j = 0; j < N_FEATURES; j++) line += ',' + Number(data.columns[j][i].toPrecision(9));
    chunk += line + '\n';
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  return p.csv;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBinaryData();
  if (process.argv.includes('--csv')) {
    await ensureCsvData('train');
    await ensureCsvData('test');
  }
  console.log(`data in ${DATA_DIR}`);
}
