// Monitoring aggregation benchmark:
//   node --import tsx bench/monitor.ts [--records 10000000] [--repeats 2]
// Aggregates generated prediction-log records into the mergeable summary in this process, as the
// app's monitor worker and `tourney monitor` do: a reference profile of the telco churn data
// (19 raw input columns: 8 numeric, 11 categorical, 10 probability buckets), records made from
// its rows with a fresh timestamp each (a new object per record, 200,000 an hour), SummaryBuilder
// .add() per record. Also: the NDJSON path (JSON.parse + logLineToRecord + add) on 1,000,000
// lines, scaled to 10,000,000, and merging the hourly summaries into one window.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable } from '../kernels/io';
import type { MonitorRecord } from '../kernels/monitor/monitor-record';
import { PredictionLogAggregator } from '../kernels/monitor/log-aggregator';
import { buildReferenceProfile } from '../kernels/monitor/reference-profile';
import { mergeSummaries, SummaryBuilder, type MonitorSummary } from '../kernels/monitor/summary';
import { cellValue } from '../kernels/table/slice-rows';

const here = dirname(fileURLToPath(import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const RECORDS = flag('records', 10_000_000);
const REPEATS = flag('repeats', 2);
const PER_HOUR = 200_000;

const table = await readTable(readFileSync(join(here, '..', '..', 'shared', 'data', 'telco_churn.csv')), { fileName: 'telco_churn.csv' });
const inputs = table.columns.filter((c) => c.name !== 'churn');
const scores = Float64Array.from({ length: table.rowCount }, (_, i) => ((i * 7919) % 1000) / 1000);
const reference = buildReferenceProfile({
  table, task: 'binary', classes: ['No', 'Yes'], positiveClass: 'Yes', scores,
  features: inputs.map((c) => ({ name: c.name, kind: c.storage === 'numeric' && c.type !== 'boolean' ? 'numeric' as const : 'categorical' as const })),
});
const pool = Array.from({ length: table.rowCount }, (_, i) => ({
  input: Object.fromEntries(inputs.map((c) => [c.name, cellValue(c, i)])),
  output: { prediction: scores[i] >= 0.5 ? 'Yes' : 'No', probabilities: { No: 1 - scores[i], Yes: scores[i] } },
}));
const START = Date.UTC(2026, 0, 1);

/** CPU seconds of this process since `from` (steadier than wall time on a shared machine). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

function aggregate(n: number): { seconds: number; cpu: number; summary: MonitorSummary } {
  const builder = new SummaryBuilder(reference);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const p = pool[i % pool.length];
    const record: MonitorRecord = { time: START + Math.floor((i * 3_600_000) / PER_HOUR), id: null, input: p.input, output: p.output, latencyMs: 1 + (i % 40) };
    builder.add(record);
  }
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSince(c0), summary: builder.summary };
}

function ndjson(n: number): { seconds: number; cpu: number } {
  const lines = Array.from({ length: Math.min(n, pool.length) }, (_, i) => JSON.stringify({
    time: new Date(START + i * 18).toISOString(), id: `r${i}`, model: { name: 'churn', version: '1' }, input: pool[i].input, output: pool[i].output, latencyMs: 3,
  }));
  const aggregator = new PredictionLogAggregator(reference);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) aggregator.addLine(lines[i % lines.length], i + 1);
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSince(c0) };
}

function hourly(hours: number): { seconds: number; merged: MonitorSummary } {
  const parts = Array.from({ length: hours }, () => aggregate(1000).summary);
  const t0 = performance.now();
  const merged = parts.reduce((a, b) => mergeSummaries(a, b));
  return { seconds: (performance.now() - t0) / 1000, merged };
}

let best = Infinity;
let bestCpu = Infinity;
let rows = 0;
for (let r = 0; r < REPEATS; r++) {
  const { seconds, cpu, summary } = aggregate(RECORDS);
  best = Math.min(best, seconds);
  bestCpu = Math.min(bestCpu, cpu);
  rows = summary.rows;
}
const parseN = Math.min(RECORDS, flag("parse", 1_000_000));
const parse = ndjson(parseN);
const merge = hourly(24 * 7);
const scale = RECORDS / parseN;
console.log(`load average at the end: ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
console.log(`records aggregated: ${rows.toLocaleString('en')} (${reference.features.length} input columns + scores + latency)`);
console.log(`in-process aggregation: ${best.toFixed(2)} s wall, ${bestCpu.toFixed(2)} s CPU, best of ${REPEATS} (${(rows / bestCpu / 1e6).toFixed(2)} M records per CPU second)`);
console.log(`NDJSON lines (parse + map + aggregate): ${parseN.toLocaleString('en')} in ${parse.seconds.toFixed(2)} s wall, ${parse.cpu.toFixed(2)} s CPU → ${(parse.cpu * scale).toFixed(1)} s CPU per ${RECORDS.toLocaleString('en')}`);
console.log(`merging 168 hourly summaries: ${(merge.seconds * 1000).toFixed(1)} ms`);
