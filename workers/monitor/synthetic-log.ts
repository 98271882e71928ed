// Generated prediction-log traffic for the aggregation benchmark (bench/monitor-worker.ts and the
// Chromium e2e): records drawn from a reference profile itself, made in the worker so no large
// file is ever written or committed. Each record is a new object with its own timestamp, as a
// parsed log line would be; or (`summaries`) the scorer's summary file of those records.
import { PredictionLogAggregator } from '../../kernels/monitor/log-aggregator';
import type { MonitorRecord } from '../../kernels/monitor/monitor-record';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { createRandom as createStream, TOURNAMENT_STREAM } from '../../kernels/random/random';

const createRandom = (seed: number) => createStream(seed, TOURNAMENT_STREAM);
import { SummaryLineWriter } from '../../kernels/monitor/summary-line';
import { CancelledError, LogSession, yielder, type ImportProgress } from './log-session';

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
  /** `summaries` mode: seconds the scorer's side took to summarise the records into lines (not in `seconds`). */
  writeSeconds?: number;
  /** `summaries` mode: the summary file's lines and bytes. */
  summaryLines?: number;
  summaryBytes?: number;
}

/** How the generated records reach the aggregation: as objects, as NDJSON row lines, or as the scorer's summary file. */
export type GeneratedMode = 'records' | 'ndjson' | 'summaries';

/** Minutes between the scorer's summary lines (its default flush interval). */
const FLUSH_MINUTES = 5;

/**
 * The `summaries` benchmark: `n` generated records summarised as the scorer's summary log does
 * (a line every 5 minutes of traffic and at each hour's end; timed apart, as `writeSeconds`: the
 * scorer pays it while serving), then that file imported as the Monitor view imports a log — read
 * from a Blob, lines merged into per-hour summaries, the report computed — which `seconds` times.
 */
async function aggregateSummaries(
  reference: ReferenceProfile, n: number, onProgress: (p: ImportProgress) => void, cancelled: () => boolean,
): Promise<GeneratedRun> {
  const pool = syntheticPool(reference);
  const model = { name: 'generated', version: '1' };
  const lines: string[] = [];
  const writer = new SummaryLineWriter(reference, model, (line) => lines.push(line));
  const pause = yielder();
  const w0 = performance.now();
  const perFlush = Math.round((PER_HOUR * FLUSH_MINUTES) / 60);
  for (let i = 0; i < n; i++) {
    const p = pool[i % POOL];
    writer.add({ time: START + Math.floor((i * 3_600_000) / PER_HOUR), id: null, input: p.input, output: p.output, latencyMs: 1 + (i % 40) });
    if ((i + 1) % perFlush === 0) {
      writer.flush(START);
      await pause();
      if (cancelled()) throw new CancelledError();
    }
  }
  writer.flush(START);
  const writeSeconds = (performance.now() - w0) / 1000;
  const file = new Blob(lines);
  const t0 = performance.now();
  const session = new LogSession({ reference, expected: model, logs: [{ name: 'summaries.ndjson', blob: file }], labels: null, target: null });
  await session.run(onProgress, cancelled);
  const rows = session.view(null).report.rows;
  return { records: n, seconds: (performance.now() - t0) / 1000, rows, writeSeconds, summaryLines: lines.length, summaryBytes: file.size };
}

/**
 * Aggregates `n` generated records as an import does (per-hour summaries of the expected model),
 * either as records (`records`) or as NDJSON lines parsed one by one (`ndjson`).
 */
export async function aggregateGenerated(
  reference: ReferenceProfile, n: number, mode: GeneratedMode,
  onProgress: (p: ImportProgress) => void, cancelled: () => boolean,
): Promise<GeneratedRun> {
  if (mode === 'summaries') return aggregateSummaries(reference, n, onProgress, cancelled);
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
