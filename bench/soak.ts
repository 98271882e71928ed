// Soak (bench, not CI): a bundle exported from bench/serve.ts's model (run that first) under a steady load
// for --minutes (default 10), its memory sampled from its own /metrics every --sample seconds
// (resident set size and V8 heap used, as Prometheus would scrape them). The load is single-row
// JSON requests at --rate requests/s over 8 keep-alive connections, plus, in every 100 requests, a
// 100-row batch, a CSV request and a bad row (400), and in every 1,000 a 4,096-row batch (scored in
// parts on the worker-thread session where the machine has 2 cores or more); the prediction log is on (rotated small, so
// rotation and deletion run too) and so is the monitoring window. Memory is judged after --warmup
// seconds: the least-squares slope of RSS and heap over the rest, and their first-vs-last-minute
// change. Prints a markdown summary for docs/BENCHMARKS.md.
//   node --import tsx bench/soak.ts [--minutes 10] [--rate 500] [--sample 5] [--warmup 120]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../kernels/io/from-csv';
import { httpCall } from '../scorer/testing/http-call';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const minutes = flag('minutes', 10);
const rate = flag('rate', 500);
const sampleSeconds = flag('sample', 5);
const warmupSeconds = flag('warmup', 120);
const root = join(import.meta.dirname, '..');
const work = join(root, 'bench', '.data', 'soak');
const modelDir = join(root, 'bench', '.data', 'serve', 'model');
const bundleDir = join(work, 'bundle');
if (!existsSync(join(modelDir, 'meta.json'))) throw new Error(`no model at ${modelDir}: run bench/serve.ts first`);
// Its own bundle, so bench/serve.ts can re-export its one meanwhile.
rmSync(bundleDir, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
execFileSync(process.execPath, [join(root, 'cli', 'bin', 'tourney.js'), 'export', modelDir, '--out', bundleDir], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: bundleDir, stdio: ['ignore', 'ignore', 'inherit'] });
const PORT = 18183;
const url = `http://127.0.0.1:${PORT}`;

const table = readCsv(readFileSync(join(root, '..', 'shared', 'data', 'telco_churn.csv')), { fileName: 'telco_churn.csv' });
const inputs = table.columns.filter((c) => c.name !== 'churn');
const records = Array.from({ length: table.rowCount }, (_, i) => Object.fromEntries(inputs.map((c) => {
  const v = c.values[i];
  return [c.name, typeof v === 'number' && Number.isNaN(v) ? null : v];
})));
const csvHeader = inputs.map((c) => c.name).join(',');
const csvBody = [csvHeader, ...records.slice(0, 20).map((r) => inputs.map((c) => (r[c.name] === null ? '' : JSON.stringify(r[c.name]))).join(','))].join('\n') + '\n';

const logDir = mkdtempSync(join(tmpdir(), 'tourney-soak-log-'));
const server = spawn(process.execPath, ['server.js', '--port', String(PORT)], {
  cwd: bundleDir, stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, TOURNEY_ACCESS_LOG: 'off', TOURNEY_PREDICTION_LOG: logDir, TOURNEY_PREDICTION_LOG_FILE_BYTES: String(4 << 20), TOURNEY_PREDICTION_LOG_TOTAL_BYTES: String(32 << 20) },
});
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

const call = (method: string, path: string, body?: string, type = 'application/json') => httpCall(agent, `${url}${path}`, method, body, type);

async function untilReady(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await call('GET', '/readyz').catch(() => ({ status: 0 }))).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling a starting server (bench, not a test)
  }
  throw new Error('the bundle did not become ready within 60 s');
}

/** The request for the n-th slot: mostly single rows, each other kind once in 100, a big batch once in 1,000. */
function requestFor(n: number): { body: string; type?: string; expect: number } {
  if (n % 1000 === 571) return { body: JSON.stringify({ rows: Array.from({ length: 4096 }, (_, i) => records[(n + i) % records.length]) }), expect: 200 };
  const k = n % 100;
  if (k === 17) return { body: JSON.stringify({ rows: Array.from({ length: 100 }, (_, i) => records[(n + i) % records.length]) }), expect: 200 };
  if (k === 53) return { body: csvBody, type: 'text/csv', expect: 200 };
  if (k === 89) return { body: JSON.stringify({ rows: [{ ...records[n % records.length], tenure: 'a while' }] }), expect: 400 };
  return { body: JSON.stringify({ rows: [records[n % records.length]] }), expect: 200 };
}

interface Sample { t: number; rss: number; heapUsed: number; requests: number }
const metricValue = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1]);

const load0 = loadavg()[0];
const startedAt = new Date().toISOString().slice(0, 16);
await untilReady();
const samples: Sample[] = [];
const latencies: number[] = [];
let sent = 0;
let unexpected = 0;
let inFlight = 0;
const t0 = performance.now();
const end = t0 + minutes * 60_000;
const tickMs = 10;
let nextTick = t0;
let nextSample = t0;
while (performance.now() < end) {
  const now = performance.now();
  if (now >= nextSample) {
    nextSample += sampleSeconds * 1000;
    const text = (await call('GET', '/metrics')).text;
    samples.push({ t: (now - t0) / 1000, rss: metricValue(text, 'tourney_scorer_process_resident_memory_bytes'), heapUsed: metricValue(text, 'tourney_scorer_nodejs_heap_size_used_bytes'), requests: sent });
  }
  // Steady rate: the requests due by now, never more than 64 outstanding (a slow moment is not made up in a burst).
  const due = Math.floor(((now - t0) / 1000) * rate) - sent;
  for (let i = 0; i < due && inFlight < 64; i++) {
    const r = requestFor(sent++);
    const started = performance.now();
    inFlight++;
    void call('POST', '/v1/predict', r.body, r.type).then((answer) => {
      inFlight--;
      latencies.push(performance.now() - started);
      if (answer.status !== r.expect) unexpected++;
    }, () => { inFlight--; unexpected++; });
  }
  nextTick += tickMs;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextTick - performance.now()))); // pacing the load generator
}
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10)); // let the last answers land
server.kill('SIGTERM');
rmSync(logDir, { recursive: true, force: true });

/** Least-squares slope of y over t (per second). */
function slope(points: { t: number; y: number }[]): number {
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return num / den;
}
const after = samples.filter((s) => s.t >= warmupSeconds);
const MB = 1024 * 1024;
const first = after.filter((s) => s.t < warmupSeconds + 60);
const last = after.filter((s) => s.t >= samples[samples.length - 1].t - 60);
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
latencies.sort((a, b) => a - b);
const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
writeFileSync(join(work, 'soak-samples.json'), JSON.stringify(samples));

console.log(`Soak from ${startedAt}Z: ${minutes} min at ${rate} requests/s (${sent} requests, ${unexpected} unexpected answers), load average ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at the end; latency p50 ${pct(0.5).toFixed(2)} ms, p99 ${pct(0.99).toFixed(2)} ms (client side).\n`);
// The heap saws up and down with garbage collection: the minute's lowest sample is its floor.
console.log('| minute | RSS MB, mean | RSS MB, lowest | heap used MB, mean | heap used MB, lowest |');
console.log('|---|---|---|---|---|');
for (let m = 0; m < minutes; m++) {
  const inMinute = samples.filter((s) => s.t >= m * 60 && s.t < (m + 1) * 60);
  const col = (key: 'rss' | 'heapUsed') => `${(mean(inMinute.map((s) => s[key])) / MB).toFixed(1)} | ${(Math.min(...inMinute.map((s) => s[key])) / MB).toFixed(1)}`;
  if (inMinute.length) console.log(`| ${m + 1} | ${col('rss')} | ${col('heapUsed')} |`);
}
for (const [name, key] of [['RSS', 'rss'], ['heap used', 'heapUsed']] as const) {
  const perHour = slope(after.map((s) => ({ t: s.t, y: s[key] }))) * 3600 / MB;
  console.log(`\n${name} after the ${warmupSeconds} s warm-up: slope ${perHour.toFixed(2)} MB/hour (least squares over ${after.length} samples); first minute ${(mean(first.map((s) => s[key])) / MB).toFixed(1)} MB, last minute ${(mean(last.map((s) => s[key])) / MB).toFixed(1)} MB.`);
}
