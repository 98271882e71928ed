// Generated prediction-log traffic for the aggregation benchmark (bench/monitor-worker.ts and the
// Chromium e2e): records drawn from a reference profile itself, made in the worker so no large
// file is ever written or committed. Each record is a new object with its own timestamp, as a
// parsed log line would be.
import { PredictionLogAggregator } from '../../kernels/monitor/log-aggregator';
import type { MonitorRecord } from '../../kernels/monitor/monitor-record';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { createRandom as createStream, TOURNAMENT_STREAM } from '../../kernels/random/random';

const createRandom = (seed: number) => createStream(seed, TOURNAMENT_STREAM);
import { CancelledError, yielder, type ImportProgress } from './log-session';

const POOL = 1000;
/** Records per hour of the generated stream. */
const PER_HOUR = 200_000;
const START = Date.UTC(2026, 0, 1);

function pick<T>(values: readonly T[], weights: readonly number[], r: number): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r * total;
  for (let i = 0; i < values.length; i++) {
    x -= weights[i];
    if (x < 0) return values[i];
  }
  return values[values.length - 1];
}

/** `POOL` inputs and outputs drawn from the reference's own distributions. */
export function syntheticPool(reference: ReferenceProfile, seed = 1): Pick<MonitorRecord, 'input' | 'output'>[] {
  const r = createRandom(seed);
  const classes = reference.classes ?? ['0', '1'];
  return Array.from({ length: POOL }, () => {
    const input: MonitorRecord['input'] = {};
    for (const f of reference.features) {
      const p = f.profile;
      if (p.kind === 'numeric') input[f.name] = p.edges.length ? p.edges[Math.floor(r() * p.edges.length)] : null;
      else if (p.kind === 'categorical') {
        // The "other" bin has no value to draw; its share goes to the named categories.
        const named = p.categories.length ? p.categories : ['?'];
        input[f.name] = pick(named, p.counts.slice(0, named.length).map((c) => c + 1e-9), r());
      } else input[f.name] = '2026-01-01';
    }
    const score = r();
    const output = reference.task === 'regression' ? { prediction: score * 100 }
      : { prediction: score >= 0.5 ? classes[classes.length - 1] : classes[0], probabilities: Object.fromEntries(classes.map((c, i) => [c, i === classes.length - 1 ? score : (1 - score) / Math.max(1, classes.length - 1)])) };
    return { input, output };
  });
}

export interface GeneratedRun {
  records: number;
  seconds: number;
  rows: number;
}

/**
 * Aggregates `n` generated records as an import does (per-hour summaries of the expected model),
 * either as records (`records`) or as NDJSON lines parsed one by one (`ndjson`).
 */
export async function aggregateGenerated(
  reference: ReferenceProfile, n: number, mode: 'records' | 'ndjson',
  onProgress: (p: ImportProgress) => void, cancelled: () => boolean,
): Promise<GeneratedRun> {
  const pool = syntheticPool(reference);
  const model = { name: 'generated', version: '1' };
  const lines = mode === 'ndjson' ? pool.map((p, i) => JSON.stringify({ time: new Date(START + i * 18).toISOString(), id: `r${i}`, model, input: p.input, output: p.output, latencyMs: 3 })) : [];
  const aggregator = new PredictionLogAggregator(reference, { expected: model, perHour: true });
  const pause = yielder();
  const t0 = performance.now();
  let lastReport = 0;
  const slice = 20_000;
  for (let from = 0; from < n; from += slice) {
    const to = Math.min(n, from + slice);
    if (mode === 'records') {
      for (let i = from; i < to; i++) {
        const p = pool[i % POOL];
        aggregator.addRecord({ time: START + Math.floor((i * 3_600_000) / PER_HOUR), id: null, input: p.input, output: p.output, latencyMs: 1 + (i % 40) }, model);
      }
    } else {
      for (let i = from; i < to; i++) aggregator.addLine(lines[i % POOL], i + 1);
    }
    const now = performance.now();
    if (now - lastReport > 100) {
      lastReport = now;
      onProgress({ bytes: to, totalBytes: n, lines: to, file: `${n.toLocaleString('en')} generated records` });
    }
    await pause();
    if (cancelled()) throw new CancelledError();
  }
  const rows = aggregator.result().summary.rows;
  onProgress({ bytes: n, totalBytes: n, lines: n, file: `${n.toLocaleString('en')} generated records` });
  return { records: n, seconds: (performance.now() - t0) / 1000, rows };
}
