// Monitoring aggregation in a worker, as the app's Monitor view runs it:
//   node --import tsx bench/monitor-worker.ts [--records 10000000] [--parse 1000000]
// The main thread starts a worker thread that generates prediction-log records from a telco churn
// reference profile (19 input columns) and aggregates them through the import's path
// (workers/monitor/synthetic-log.ts: PredictionLogAggregator, per-hour summaries), reporting
// progress; meanwhile the main thread's event-loop delay is sampled, so "the main thread never
// blocked" is measured, not assumed. Then the NDJSON path (parse + map + aggregate) on --parse lines,
// and the scorer's summary file of --records predictions imported (kernels/monitor/summary-line.ts).
// The Chromium run of the same worker code is e2e/monitor.e2e.ts (the benchmark test).
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readTable } from '../kernels/io';
import { buildReferenceProfile, type ReferenceProfile } from '../kernels/monitor/reference-profile';
import { aggregateGenerated, type GeneratedMode, type GeneratedRun } from '../workers/monitor/synthetic-log';

const here = dirname(fileURLToPath(import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Job { reference: ReferenceProfile; n: number; mode: GeneratedMode }

if (!isMainThread) {
  const { reference, n, mode } = workerData as Job;
  const cpu0 = process.cpuUsage();
  const run = await aggregateGenerated(reference, n, mode, (p) => parentPort!.postMessage({ progress: p.lines }), () => false);
  const cpu = process.cpuUsage(cpu0);
  parentPort!.postMessage({ done: { ...run, cpuSeconds: (cpu.user + cpu.system) / 1e6 } });
} else {
  const table = await readTable(readFileSync(join(here, '..', '..', 'shared', 'data', 'telco_churn.csv')), { fileName: 'telco_churn.csv' });
  const inputs = table.columns.filter((c) => c.name !== 'churn');
  const reference = buildReferenceProfile({
    table, task: 'binary', classes: ['No', 'Yes'], positiveClass: 'Yes', scores: Float64Array.from({ length: table.rowCount }, (_, i) => ((i * 7919) % 1000) / 1000),
    features: inputs.map((c) => ({ name: c.name, kind: c.storage === 'numeric' && c.type !== 'boolean' ? 'numeric' as const : 'categorical' as const })),
  });
  const inWorker = (job: Job) => new Promise<GeneratedRun & { cpuSeconds: number; wall: number; progress: number; maxDelayMs: number }>((resolve, reject) => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    let progress = 0;
    // tsx's loader does not reach a worker thread through execArgv on Node 20: the worker loads this file with tsImport.
    const source = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(fileURLToPath(import.meta.url))}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(source, { eval: true, workerData: job });
    worker.on('message', (m: { progress?: number; done?: GeneratedRun & { cpuSeconds: number } }) => {
      if (m.progress !== undefined) progress++;
      if (m.done) {
        delay.disable();
        resolve({ ...m.done, wall: (performance.now() - t0) / 1000, progress, maxDelayMs: delay.max / 1e6 });
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  });
  const records = flag('records', 10_000_000);
  const parse = flag('parse', 1_000_000);
  const a = await inWorker({ reference, n: records, mode: 'records' });
  const b = await inWorker({ reference, n: parse, mode: 'ndjson' });
  const c = await inWorker({ reference, n: records, mode: 'summaries' });
  console.log(`load average at the end: ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`records in a worker: ${a.rows.toLocaleString('en')} aggregated in ${a.seconds.toFixed(2)} s (${a.cpuSeconds.toFixed(2)} s CPU of the worker), ${a.wall.toFixed(2)} s from start; ${a.progress} progress messages; main thread's longest event-loop delay ${a.maxDelayMs.toFixed(1)} ms`);
  console.log(`NDJSON lines in a worker (parse + map + aggregate): ${b.rows.toLocaleString('en')} in ${b.seconds.toFixed(2)} s (${b.cpuSeconds.toFixed(2)} s CPU) → ${((b.cpuSeconds * records) / parse).toFixed(1)} s CPU per ${records.toLocaleString('en')}; main thread's longest delay ${b.maxDelayMs.toFixed(1)} ms`);
  console.log(`the scorer's summary file of ${c.records.toLocaleString('en')} predictions (${c.summaryLines} lines, ${((c.summaryBytes ?? 0) / 1e3).toFixed(0)} kB; the scorer side summarised them in ${c.writeSeconds!.toFixed(2)} s): imported in ${(c.seconds * 1000).toFixed(0)} ms, ${c.rows.toLocaleString('en')} rows; main thread's longest delay ${c.maxDelayMs.toFixed(1)} ms`);
}
