// The multi-model scorer with 1,000 tenant models and an LRU of 100, on loopback:
//   1. a registry of --tenants tenants (two trained penguins models, gbdt and linear, registered
//      under alternating tenant ids, champion on each), exported as a fleet bundle
//      (`tourney export <registry>`), its server.js run with TOURNEY_CACHE_MODELS=--cache;
//   2. a Node load driver (keep-alive, --connections concurrent requests, single-row JSON):
//      warm   — random tenants among --cache already loaded, for --seconds;
//      cold   — every tenant in turn, twice round (each request finds its tenant evicted);
//      mixed  — 90 % of requests to --cache hot tenants, 10 % to the other tenants, for --seconds;
//   3. the server's resident memory (VmRSS) sampled every 100 ms through each phase, and its cache
//      counters from /metrics; any non-200 answer or socket error is counted as an error.
// The same phases then run against an unbounded cache (TOURNEY_CACHE_MODELS=--tenants) for the
// memory the bound saves. Prints a markdown table for docs/BENCHMARKS.md.
//
// usage: node --import tsx bench/fleet-serve.ts [--tenants 1000] [--cache 100] [--seconds 20] [--connections 16]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildFleetRegistry } from '../cli/registry/testing/fleet-registry';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const TENANTS = Number(flag('tenants', '1000'));
const CACHE = Number(flag('cache', '100'));
const SECONDS = Number(flag('seconds', '20'));
const CONNECTIONS = Number(flag('connections', '16'));
const root = join(import.meta.dirname, '..');
const work = join(root, 'bench', '.data', 'fleet-serve');
const data = join(root, '..', 'shared', 'data', 'penguins.csv');
const BIN = join(root, 'cli', 'bin', 'tourney.js');
const registry = join(work, `registry-${TENANTS}`);
const bundle = join(work, `bundle-${TENANTS}`);
const ids = Array.from({ length: TENANTS }, (_, i) => `tenant-${String(i).padStart(4, '0')}`);
const ROW = JSON.stringify({ rows: [{ island: 'Biscoe', bill_length_mm: 45, bill_depth_mm: 15, flipper_length_mm: 210, body_mass_g: 5000, sex: 'male' }] });
mkdirSync(work, { recursive: true });

const sh = (args: string[]) => execFileSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const clock = () => performance.now();

// ---- 1. the registry and the bundle (kept between runs: building them is not what is measured) ----
let registrySeconds = NaN;
let exportSeconds = NaN;
if (!existsSync(join(registry, 'registry.json'))) {
  for (const [name, models, fixed] of [['gbdt', 'gbdt', '{"trees":30}'], ['linear', 'linear', '{}']]) {
    if (!existsSync(join(work, name, 'meta.json'))) sh(['train', data, '--target', 'species', '--models', models, '--fixed', fixed, '--out', join(work, name)]);
  }
  const t = clock();
  await buildFleetRegistry(registry, ids.map((id, i) => ({ id, modelDir: join(work, i % 2 ? 'linear' : 'gbdt') })));
  registrySeconds = (clock() - t) / 1000;
}
if (!existsSync(join(bundle, 'tenants.json'))) {
  const t = clock();
  sh(['export', registry, '--out', bundle]);
  exportSeconds = (clock() - t) / 1000;
  symlinkSync(join(root, 'node_modules'), join(bundle, 'node_modules'));
}

// ---- 2. the server and the load driver ----
interface Server { proc: ChildProcess; url: string; stop(): Promise<void> }

async function startServer(cacheModels: number): Promise<Server> {
  const proc = spawn(process.execPath, [join(bundle, 'server.js'), '--port', '0'], {
    env: { ...process.env, TOURNEY_ACCESS_LOG: 'off', TOURNEY_CACHE_MODELS: String(cacheModels), TOURNEY_CACHE_BYTES: '64GB' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let listening = '';
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const msg = JSON.parse(line) as { msg: string; url?: string };
      if (msg.msg === 'listening') listening = msg.url!;
      if (msg.msg === 'ready') resolve(listening);
    });
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    proc, url,
    stop: () => new Promise((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGTERM'); }),
  };
}

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(url: string, tenant: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/v1/tenants/${tenant}/predict`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ROW) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1));
    req.end(ROW);
  });
}

interface Phase { name: string; requests: number; errors: number; seconds: number; latencies: Float64Array; rssMax: number; rssEnd: number }

/** Runs CONNECTIONS loops pulling tenants from `next` until it returns null; samples the server's RSS. */
async function phase(name: string, server: Server, next: () => string | null): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let rssMax = 0;
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, rssBytes(server.proc.pid!)); }, 100);
  const t0 = clock();
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    for (let tenant = next(); tenant !== null; tenant = next()) {
      const t = clock();
      const status = await post(server.url, tenant);
      latencies.push(clock() - t);
      if (status !== 200) errors++;
    }
  }));
  const seconds = (clock() - t0) / 1000;
  clearInterval(sampler);
  const rssEnd = rssBytes(server.proc.pid!);
  return { name, requests: latencies.length, errors, seconds, latencies: Float64Array.from(latencies).sort(), rssMax: Math.max(rssMax, rssEnd), rssEnd };
}

const forSeconds = (seconds: number, pick: () => string) => {
  const end = clock() + seconds * 1000;
  return () => (clock() < end ? pick() : null);
};
const inOrder = (list: string[]) => {
  let i = 0;
  return () => (i < list.length ? list[i++] : null);
};
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function metrics(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^(tourney_model_cache_[a-z_]+(?:\{[^}]*\})?|tourney_model_load_seconds_(?:sum|count)) (\S+)$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

async function run(cacheModels: number): Promise<{ phases: Phase[]; rssIdle: number; counters: Record<string, number> }> {
  const server = await startServer(cacheModels);
  const rssIdle = rssBytes(server.proc.pid!);
  const hot = ids.slice(0, CACHE);
  const phases: Phase[] = [];
  // Load the hot tenants (not measured as warm: these requests are cold loads).
  await phase('prewarm', server, inOrder(hot));
  phases.push(await phase('warm', server, forSeconds(SECONDS, () => hot[Math.floor(random() * hot.length)])));
  // Every tenant twice round in order, hot ones last: with the LRU of CACHE each request is a miss.
  const scan = [...ids.slice(CACHE), ...hot];
  phases.push(await phase('cold', server, inOrder([...scan, ...scan])));
  const others = ids.slice(CACHE);
  phases.push(await phase('mixed', server, forSeconds(SECONDS, () => (random() < 0.9 ? hot[Math.floor(random() * hot.length)] : others[Math.floor(random() * others.length)]))));
  const counters = await metrics(server.url);
  await server.stop();
  return { phases, rssIdle, counters };
}

// ---- 3. run and report ----
const load = loadavg()[0];
const bounded = await run(CACHE);
const unbounded = await run(TENANTS);
agent.destroy();

const q = (xs: Float64Array, p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const mb = (b: number) => (b / 1024 ** 2).toFixed(0);
const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
console.log(`Run of ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load average ${load.toFixed(1)} at start; ${TENANTS} tenants (penguins gbdt 30 trees / linear, alternating), fleet bundle server.js, ${CONNECTIONS} keep-alive connections from a Node driver on the same machine, single-row JSON; warm and mixed ${SECONDS} s each, cold = every tenant twice round in order.${Number.isNaN(registrySeconds) ? '' : ` Registering ${TENANTS} tenants took ${registrySeconds.toFixed(1)} s`}${Number.isNaN(exportSeconds) ? '' : `, exporting the bundle ${exportSeconds.toFixed(1)} s`}.\n`);
console.log('| cache | phase | requests | errors | requests/s | p50 ms | p99 ms | max RSS MB | RSS at end MB |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [label, r] of [[`LRU ${CACHE}`, bounded], [`unbounded (${TENANTS})`, unbounded]] as const) {
  for (const p of r.phases) {
    console.log(`| ${label} | ${p.name} | ${p.requests} | ${p.errors} | ${(p.requests / p.seconds).toFixed(0)} | ${ms(q(p.latencies, 0.5))} | ${ms(q(p.latencies, 0.99))} | ${mb(p.rssMax)} | ${mb(p.rssEnd)} |`);
  }
}
console.log(`\nIdle RSS before any model: ${mb(bounded.rssIdle)} MB (LRU ${CACHE}), ${mb(unbounded.rssIdle)} MB (unbounded).`);
for (const [label, r] of [[`LRU ${CACHE}`, bounded], [`unbounded`, unbounded]] as const) {
  const c = r.counters;
  const loads = c.tourney_model_load_seconds_count;
  console.log(`${label}: cache lookups hit ${c['tourney_model_cache_lookups_total{result="hit"}']}, miss ${c['tourney_model_cache_lookups_total{result="miss"}']}, wait ${c['tourney_model_cache_lookups_total{result="wait"}']}; evictions ${c['tourney_model_cache_evictions_total{reason="count"}']}; ${c.tourney_model_cache_models} models (${mb(c.tourney_model_cache_bytes)} MB of model files) held at the end; mean load ${ms((c.tourney_model_load_seconds_sum / loads) * 1000)} ms over ${loads} loads.`);
}
const errors = [...bounded.phases, ...unbounded.phases].reduce((a, p) => a + p.errors, 0);
if (errors) {
  console.error(`${errors} errors`);
  process.exitCode = 1;
}
