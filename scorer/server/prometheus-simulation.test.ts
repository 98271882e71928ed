// The monitoring simulation on real parts, all on loopback: a `train --fixed` model on
// credit_status.csv, exported by `tourney export` (its prometheus-rules.yml with a 4-second "no
// scores" threshold and 1 s `for:`), the bundle's server.js, and Debian's `prometheus` scraping it
// every second with those rules. A stream of training rows, then the same stream with two
// important columns drifted (values drawn from their top 30 %, still inside the training range),
// then nothing: Prometheus must fire exactly the drift alerts on those two columns, then "no
// scores"; `tourney monitor` on the scorer's prediction log must name the same two and exit 3.
// Every wait polls with a deadline; nothing sleeps to synchronise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '../../kernels/io/read-table';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { cellValue } from '../../kernels/table/slice-rows';
import { driftStream } from '../testing/drift-stream';
import { DATA, REPO, startProcess, tourney, type ScorerProcess } from '../testing/scorer-process';

const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';
const dir = mkdtempSync(join(tmpdir(), 'tourney-prom-sim-'));
const children: ChildProcess[] = [];
let scorer: ScorerProcess | undefined;
let stopStream = () => {};

afterAll(async () => {
  stopStream();
  await scorer?.stop();
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
async function until<T>(what: string, seconds: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 200)); // poll interval, not synchronisation
  }
}

interface PromAlert { labels: Record<string, string>; state: string }

describe('monitoring simulation: scorer + Prometheus + tourney monitor', () => {
  it('fires drift on exactly the two drifted columns, then "no scores"; tourney monitor agrees and exits 3', async () => {
    // ---- a model, and its bundle with short alert thresholds
    const csv = join(DATA, 'credit_status.csv');
    const modelDir = join(dir, 'credit');
    const train = await tourney(['train', csv, '--target', 'Status', '--models', 'gbdt', '--fixed', '{"trees":40,"maxLeaves":16}', '--seed', '1', '--out', modelDir]);
    expect(train.code, train.stderr).toBe(0);
    const reference = JSON.parse(readFileSync(join(modelDir, 'reference-profile.json'), 'utf8')) as ReferenceProfile;
    // The two most important numeric columns drift; every other column stays as in training.
    const drifted = reference.features.filter((f) => f.profile.kind === 'numeric' && f.importance >= 0.1).sort((a, b) => b.importance - a.importance).slice(0, 2).map((f) => f.name);
    expect(drifted).toHaveLength(2);
    const rulesJson = join(dir, 'rules.json');
    writeFileSync(rulesJson, JSON.stringify({ noScores: { hours: 4 / 3600 } }));
    const bundle = join(dir, 'bundle');
    const exported = await tourney(['export', modelDir, '--out', bundle, '--name', 'credit', '--alert-rules', rulesJson, '--alert-for', '1s']);
    expect(exported.code, exported.stderr).toBe(0);
    const rulesFile = join(bundle, 'prometheus-rules.yml');
    const check = spawnSync(PROMTOOL, ['check', 'rules', rulesFile]);
    expect(check.status, String(check.stdout) + String(check.stderr)).toBe(0);

    // ---- the scorer (the bundle's own server.js) and Prometheus scraping it; the project's
    // node_modules stands in for the bundle's `npm install` (onnxruntime-node, which it scores with)
    symlinkSync(join(REPO, 'node_modules'), join(bundle, 'node_modules'));
    const logDir = join(dir, 'log');
    scorer = await startProcess(process.execPath, [join(bundle, 'server.js'), '--port', '0'], {
      TOURNEY_ACCESS_LOG: 'off', TOURNEY_PREDICTION_LOG: logDir,
    });
    await scorer.ready;
    const target = new URL(scorer.url).host;
    const promPort = await freePort();
    const promDir = join(dir, 'prometheus');
    mkdirSync(promDir);
    writeFileSync(join(promDir, 'prometheus.yml'), [
      'global: {scrape_interval: 1s, evaluation_interval: 1s}',
      `rule_files: [${JSON.stringify(rulesFile)}]`,
      `scrape_configs: [{job_name: scorer, static_configs: [{targets: [${JSON.stringify(target)}]}]}]`,
    ].join('\n') + '\n');
    const prom = spawn(PROMETHEUS, [`--config.file=${join(promDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(promDir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`], { stdio: 'ignore' });
    children.push(prom);
    const api = `http://127.0.0.1:${promPort}/api/v1`;
    const get = async (path: string) => ((await (await fetch(`${api}${path}`)).json()) as { data: unknown }).data;
    const query = async (q: string) => (await get(`/query?query=${encodeURIComponent(q)}`)) as { result: { metric: Record<string, string>; value: [number, string] }[] };
    const firing = async () => ((await get('/alerts')) as { alerts: PromAlert[] }).alerts.filter((a) => a.state === 'firing');
    /** Epoch ms of the rule group's latest evaluation. */
    const lastEvaluation = async () => Date.parse(((await get('/rules')) as { groups: { lastEvaluation: string }[] }).groups[0]?.lastEvaluation ?? '');

    // ---- the stream: rows from the training data, ten per request, until told to stop (testing/drift-stream.ts)
    const table = await readTable(readFileSync(csv), { fileName: 'credit_status.csv' });
    const inputs = table.columns.filter((c) => c.name !== 'Status');
    const rows = Array.from({ length: table.rowCount }, (_, i) => Object.fromEntries(inputs.map((c) => [c.name, cellValue(c, i)])));
    const stream = driftStream(scorer.url, rows, drifted);
    stopStream = () => { stream.mode = 'stop'; };

    // Stable: once Prometheus has scraped 1,000 rows and evaluated the rules three more times, nothing fires.
    await until('1,000 stable rows scraped', 40, async () => {
      const r = await query('tourney_monitoring_window_rows{model="credit"}');
      return Number(r.result[0]?.value[1] ?? 0) >= 1000 ? true : undefined;
    });
    const seen = Date.now();
    await until('three more rule evaluations', 20, async () => ((await lastEvaluation()) >= seen + 3000 ? true : undefined));
    expect(await firing()).toEqual([]);

    // Drift on two columns: exactly those two columns' drift alerts fire.
    stream.mode = 'drift';
    const driftAlerts = await until('drift alerts on both drifted columns', 40, async () => {
      const a = (await firing()).filter((x) => x.labels.alertname === 'TourneyFeatureDrift');
      return a.length >= 2 ? a : undefined;
    });
    expect(driftAlerts.map((a) => a.labels.feature).sort()).toEqual([...drifted].sort());
    const whileDrifting = await firing();
    expect(whileDrifting.map((a) => `${a.labels.alertname}:${a.labels.feature ?? ''}`).sort()).toEqual(drifted.map((f) => `TourneyFeatureDrift:${f}`).sort());

    // Stop: "no scores" fires once the last prediction is older than the rules' 4 seconds.
    stream.mode = 'stop';
    await stream.done;
    const noScores = await until('"no scores"', 30, async () => (await firing()).find((a) => a.labels.alertname === 'TourneyNoScores'));
    expect(noScores.labels.model).toBe('credit');
    const names = (await firing()).map((a) => `${a.labels.alertname}:${a.labels.feature ?? ''}`).sort();
    expect(names).toEqual([...drifted.map((f) => `TourneyFeatureDrift:${f}`), 'TourneyNoScores:'].sort());

    // ---- tourney monitor on the scorer's prediction log: the same two columns, exit 3
    await scorer.stop();
    const monitor = await tourney(['monitor', modelDir, join(logDir, 'predictions.ndjson'), '--json', '--model-name', 'credit']);
    expect(monitor.code, monitor.stderr).toBe(3);
    const out = JSON.parse(monitor.stdout) as { report: { rows: number }; alerts: { name: string; feature?: string }[] };
    expect(out.report.rows).toBe(stream.sent);
    expect(out.alerts.filter((a) => a.name === 'feature-drift').map((a) => a.feature).sort()).toEqual([...drifted].sort());
    expect(out.alerts.map((a) => a.name).filter((n) => n !== 'feature-drift')).toEqual([]);
  }, 120_000);
});
