// Serving throughput and latency, side by side in one run, loopback only, bounded runs:
// single-row JSON requests over 16 connections for --seconds (default 30) with `wrk` against
//   (a) the exported bundle (`tourney export`, `npm install --offline`, `node server.js`),
//   (b) a FastAPI + scikit-learn + XGBoost service (bench/serve-reference.py, uvicorn, 2 workers)
//       scoring the same data set (telco_churn, target churn),
//   (c) a bare Node `http` server that only echoes the JSON body (the ceiling on this machine),
//   (a′) the same bundle with micro-batching off (TOURNEY_MAX_BATCH_ROWS=1: every request its own
//       model run), to show what joining concurrent requests buys,
// then batches of 10,000 rows (rows/s, median of --batches requests) against (a) and (b).
// Prints a markdown table for docs/BENCHMARKS.md.
//
// --fixed '<json>' serves a single GBDT of that shape instead (`train --models gbdt --fixed`), e.g.
// '{"trees":100,"maxDepth":6}' — the size of the reference's XGBoost at its library defaults.
//
// usage: node --import tsx bench/serve.ts [--seconds 30] [--rounds 3] [--batches 20] [--fixed '<json>']
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../kernels/io/from-csv';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const seconds = Number(flag('seconds', '30'));
const batches = Number(flag('batches', '20'));
const root = join(import.meta.dirname, '..');
const work = join(root, 'bench', '.data', 'serve');
const data = join(root, '..', 'shared', 'data', 'telco_churn.csv');
const PYTHON = '/usr/bin/python3';
const PORTS = { bundle: 18180, reference: 18181, echo: 18182, unbatched: 18184 };
mkdirSync(work, { recursive: true });

function sh(cmd: string, args: string[], cwd = root): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
}

// ---- inputs: the model, the bundle, the reference model, request bodies ----
const fixed = argv.includes('--fixed') ? flag('fixed', '') : null;
const modelDir = join(work, fixed ? 'model-fixed' : 'model');
const bundleDir = join(work, 'bundle');
const recipe = fixed ? ['--models', 'gbdt', '--fixed', fixed] : ['--time-budget', '20'];
// A fixed shape is retrained every run (cheap), so the flag's value is what is served.
if (fixed) rmSync(modelDir, { recursive: true, force: true });
if (fixed || !existsSync(join(modelDir, 'meta.json'))) sh(process.execPath, [join(root, 'cli', 'bin', 'tourney.js'), 'train', data, '--target', 'churn', ...recipe, '--seed', '1', '--out', modelDir]);
rmSync(bundleDir, { recursive: true, force: true });
sh(process.execPath, [join(root, 'cli', 'bin', 'tourney.js'), 'export', modelDir, '--out', bundleDir]);
sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent'], bundleDir);
const referenceModel = join(work, 'reference.joblib');
if (!existsSync(referenceModel)) sh(PYTHON, [join(root, 'bench', 'serve-reference.py'), 'train', data, 'churn', referenceModel]);
const moduleLink = join(work, 'serve_reference.py');
rmSync(moduleLink, { force: true });
symlinkSync(join(root, 'bench', 'serve-reference.py'), moduleLink);

const table = readCsv(readFileSync(data), { fileName: 'telco_churn.csv' });
const records = Array.from({ length: table.rowCount }, (_, i) => {
  const r: Record<string, unknown> = {};
  for (const c of table.columns) {
    if (c.name === 'churn') continue;
    const v = c.values[i];
    r[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
  }
  return r;
});
const singleBody = JSON.stringify({ rows: [records[42]] });
const batchRows = Array.from({ length: 10_000 }, (_, i) => records[i % records.length]);
const batchBody = JSON.stringify({ rows: batchRows });
const luaPath = join(work, 'post.lua');
writeFileSync(luaPath, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(singleBody)}\n`);

// ---- servers ----
const ECHO = `const http = require('node:http');
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString()));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(${PORTS.echo}, '127.0.0.1');`;

function start(name: keyof typeof PORTS): ChildProcess {
  // Not detached: a server in its own session lands in its own scheduler autogroup, which on this
  // loaded machine cut the bundle's requests/s to a third (13.3k vs 2.9-4.8k in one A/B test).
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[] };
  if (name === 'echo') return spawn(process.execPath, ['-e', ECHO], quiet);
  if (name === 'bundle' || name === 'unbatched') {
    const env = { ...process.env, TOURNEY_ACCESS_LOG: 'off', ...(name === 'unbatched' ? { TOURNEY_MAX_BATCH_ROWS: '1' } : {}) };
    return spawn(process.execPath, ['server.js', '--port', String(PORTS[name])], { ...quiet, cwd: bundleDir, env });
  }
  return spawn(PYTHON, ['-m', 'uvicorn', 'serve_reference:app', '--host', '127.0.0.1', '--port', String(PORTS.reference), '--workers', '2', '--log-level', 'warning', '--no-access-log'], {
    ...quiet, cwd: work, env: { ...process.env, TOURNEY_BENCH_MODEL: referenceModel, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
  });
}

async function untilAnswers(url: string, body: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling a starting server (bench, not a test)
  }
  throw new Error(`${url} did not answer within 60 s`);
}

interface WrkResult { rps: number; p50: number; p99: number; errors: number; requests: number }

/** wrk's latency text (`850.00us`, `1.20ms`, `2.00s`, `1.50m`) in ms; NaN when wrk printed none. */
function ms(text: string | undefined): number {
  const m = text ? /^([\d.]+)(us|ms|s|m)$/.exec(text) : null;
  if (!m) return NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2] as 'us' | 'ms' | 's' | 'm'];
}

function wrk(url: string, duration: number): WrkResult {
  const out = sh('wrk', ['-t2', '-c16', `-d${duration}s`, '--latency', '-s', luaPath, url]);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  if (!/Requests\/sec/.test(out)) throw new Error(`wrk printed no result for ${url}:\n${out}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]),
    p50: ms(/^\s+50%\s+(\S+)$/m.exec(out)?.[1]),
    p99: ms(/^\s+99%\s+(\S+)$/m.exec(out)?.[1]),
    errors: (non2xx ? Number(non2xx[1]) : 0) + (socket ? socket.slice(1).reduce((s, v) => s + Number(v), 0) : 0),
    requests: Number(/(\d+) requests in/.exec(out)![1]),
  };
}

/** One POST, timed from the first byte sent to the last byte received (the client's JSON work is not counted). */
function postTimed(url: string, body: Buffer): Promise<{ seconds: number; status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ seconds: (performance.now() - t0) / 1000, status: res.statusCode!, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function batchRate(url: string, n: number): Promise<number> {
  const rates: number[] = [];
  const body = Buffer.from(batchBody);
  for (let i = 0; i < n; i++) {
    const r = await postTimed(url, body);
    if (r.status !== 200 || (JSON.parse(r.text) as { predictions: unknown[] }).predictions.length !== 10_000) throw new Error(`batch against ${url} failed: ${r.status}`);
    rates.push(10_000 / r.seconds);
  }
  return rates.sort((x, y) => x - y)[Math.floor(rates.length / 2)];
}

// All four servers run for the whole bench (an idle one costs nothing); the wrk runs rotate
// through them in --rounds segments of seconds/rounds each, so a noisy moment on the shared
// machine falls on every server alike instead of on whichever ran then.
const NAMES = ['echo', 'bundle', 'unbatched', 'reference'] as const;
const urlOf = (name: (typeof NAMES)[number]) => `http://127.0.0.1:${PORTS[name]}${name === 'echo' ? '/' : '/v1/predict'}`;
const rounds = Number(flag('rounds', '3'));
const load = loadavg()[0];
const procs = NAMES.map((name) => start(name));
const results: Record<string, WrkResult> = {};
const batch: Record<string, number> = {};
let meanBatch: number;
try {
  for (const name of NAMES) {
    await untilAnswers(urlOf(name), singleBody);
    wrk(urlOf(name), 3); // warm-up
  }
  const segments: Record<string, WrkResult[]> = { echo: [], bundle: [], unbatched: [], reference: [] };
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < NAMES.length; k++) {
      const name = NAMES[(k + r) % NAMES.length];
      const w = wrk(urlOf(name), Math.max(1, Math.round(seconds / rounds)));
      segments[name].push(w);
      process.stderr.write(`round ${r + 1} ${name}: ${JSON.stringify(w)}\n`);
    }
  }
  const median = (v: number[]) => v.sort((x, y) => x - y)[Math.floor(v.length / 2)];
  for (const name of NAMES) {
    const s = segments[name];
    const requests = s.reduce((sum, w) => sum + w.requests, 0);
    results[name] = {
      requests,
      rps: s.reduce((sum, w) => sum + w.rps, 0) / s.length,
      p50: median(s.map((w) => w.p50)),
      p99: Math.max(...s.map((w) => w.p99)),
      errors: s.reduce((sum, w) => sum + w.errors, 0),
    };
  }
  const metricsText = await (await fetch(`http://127.0.0.1:${PORTS.bundle}/metrics`)).text();
  const metricOf = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(metricsText)?.[1]);
  meanBatch = metricOf('tourney_batch_rows_sum') / metricOf('tourney_batch_rows_count');
  const bundleRates: number[] = [];
  const referenceRates: number[] = [];
  for (let i = 0; i < batches; i++) {
    bundleRates.push(await batchRate(urlOf('bundle'), 1));
    if (i % 4 === 0) referenceRates.push(await batchRate(urlOf('reference'), 1));
  }
  batch.bundle = median(bundleRates);
  batch.reference = median(referenceRates);
} finally {
  for (const proc of procs) proc.kill('SIGTERM');
}

const a = results.bundle;
const u = results.unbatched;
const b = results.reference;
const c = results.echo;
const fmt = (v: number, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`Run of ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores, load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at the end; wrk -t2 -c16, ${seconds} s per server in ${rounds} rotating segments, single-row JSON (telco_churn row 43); model: ${fixed ? `one GBDT, train --models gbdt --fixed '${fixed}'` : 'the tournament of train --time-budget 20 --seed 1'}; requests/s = mean over segments, p50 = median, p99 = worst segment; batches: median of ${batches} (bundle) / ${Math.ceil(batches / 4)} (FastAPI).\n`);
console.log('| server | requests/s | p50 ms | p99 ms | errors | 10,000-row batches, rows/s |');
console.log('|---|---|---|---|---|---|');
console.log(`| (a) Tourney bundle (node server.js) | ${fmt(a.rps)} | ${fmt(a.p50, 2)} | ${fmt(a.p99, 2)} | ${a.errors} | ${fmt(batch.bundle)} |`);
console.log(`| (a′) the same bundle, micro-batching off (TOURNEY_MAX_BATCH_ROWS=1) | ${fmt(u.rps)} | ${fmt(u.p50, 2)} | ${fmt(u.p99, 2)} | ${u.errors} | — |`);
console.log(`| (b) FastAPI + sklearn/XGBoost, uvicorn 2 workers | ${fmt(b.rps)} | ${fmt(b.p50, 2)} | ${fmt(b.p99, 2)} | ${b.errors} | ${fmt(batch.reference)} |`);
console.log(`| (c) bare Node http JSON echo (ceiling) | ${fmt(c.rps)} | ${fmt(c.p50, 2)} | ${fmt(c.p99, 2)} | ${c.errors} | — |`);
console.log(`\nRatios: bundle / FastAPI = ${(a.rps / b.rps).toFixed(1)}× (goal ≥ 30×); bundle / echo = ${(a.rps / c.rps).toFixed(2)} (goal ≥ 0.5); bundle p99 ${fmt(a.p99, 2)} ms (goal ≤ 5); batch ${fmt(batch.bundle)} rows/s (goal ≥ 200,000); errors ${a.errors + b.errors + c.errors} (goal 0); micro-batching on / off = ${(a.rps / u.rps).toFixed(2)}×, ${meanBatch.toFixed(1)} rows per model run on average (bundle, all wrk segments).`);
