// The scorer's monitoring on real parts: a `train --fixed` model (its reference-profile.json comes
// from training), the scorer in this process on a loopback port, its prediction log read back by
// the real `tourney monitor`, /v1/monitoring and the /metrics gauges, and the hot path's cost.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../kernels/io/read-table';
import { METRICS } from '../../kernels/monitor/metric-names';
import type { MonitorRecord } from '../../kernels/monitor/monitor-record';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { cellValue } from '../../kernels/table/slice-rows';
import { httpCall } from '../testing/http-call';
import { DATA, tourney } from '../testing/scorer-process';
import { startScorer, type RunningScorer } from './app';
import { MonitoringWindow } from './monitoring';
import { readModelDirFiles } from './read-model-dir';

const dir = mkdtempSync(join(tmpdir(), 'tourney-scorer-monitoring-'));
const modelDir = join(dir, 'churn');
const CSV = join(DATA, 'telco_churn.csv');
let rows: Record<string, unknown>[];
const running: RunningScorer[] = [];

beforeAll(async () => {
  const train = await tourney(['train', CSV, '--target', 'churn', '--models', 'gbdt', '--fixed', '{"trees":30,"maxLeaves":16}', '--seed', '1', '--out', modelDir]);
  expect(train.code, train.stderr).toBe(0);
  const table = await readTable(readFileSync(CSV), { fileName: 'telco_churn.csv' });
  const inputs = table.columns.filter((c) => c.name !== 'churn');
  rows = Array.from({ length: 2000 }, (_, i) => Object.fromEntries(inputs.map((c) => [c.name, cellValue(c, i)])));
}, 60_000);

afterAll(async () => {
  await Promise.all(running.map((s) => s.drain()));
  rmSync(dir, { recursive: true, force: true });
});

async function scorer(options: Partial<Parameters<typeof startScorer>[0]> = {}): Promise<RunningScorer> {
  const s = await startScorer({ files: readModelDirFiles(modelDir), name: 'churn', port: 0, accessLog: false, ...options });
  running.push(s);
  await s.ready;
  return s;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

const call = (url: string, method: string, body?: string) => httpCall(agent, url, method, body);

/**
 * Requests per second of one client sending single-row requests back to back, to each scorer in
 * turn (alternating which goes first): load from elsewhere on the machine lands on both alike.
 * Each side's rate is 1 / its mean request time, the slowest 5% (GC, other processes) left out.
 */
async function pairedThroughput(a: string, b: string, pairs: number): Promise<[number, number]> {
  const bodies = rows.slice(0, 500).map((r) => JSON.stringify({ rows: [r] }));
  const times: [number[], number[]] = [[], []];
  const timed = async (url: string, side: 0 | 1, body: string) => {
    const t = performance.now();
    const r = await call(`${url}/v1/predict`, 'POST', body);
    times[side].push(performance.now() - t);
    if (r.status !== 200) throw new Error(r.text);
  };
  for (let i = 0; i < pairs; i++) {
    const body = bodies[i % bodies.length];
    if (i % 2) {
      await timed(a, 0, body);
      await timed(b, 1, body);
    } else {
      await timed(b, 1, body);
      await timed(a, 0, body);
    }
  }
  const rate = (v: number[]) => {
    const kept = [...v].sort((x, y) => x - y).slice(0, Math.floor(v.length * 0.95));
    return 1000 / (kept.reduce((s, x) => s + x, 0) / kept.length);
  };
  return [rate(times[0]), rate(times[1])];
}

describe('MonitoringWindow', () => {
  it('keeps hourly buckets for the window only, and the last prediction past it', () => {
    const reference = JSON.parse(readFileSync(join(modelDir, 'reference-profile.json'), 'utf8')) as ReferenceProfile;
    const w = new MonitoringWindow(reference, { windowSeconds: 3 * 3600, bucketSeconds: 3600 });
    const t0 = Date.UTC(2026, 11, 4, 10);
    const record = (time: number): MonitorRecord => ({ time, id: null, input: rows[0] as MonitorRecord['input'], output: { prediction: 'No', probabilities: { Yes: 0.2 } } });
    for (let h = 0; h < 5; h++) for (let i = 0; i <= h; i++) w.add(record(t0 + h * 3_600_000 + i));
    // The buckets of 11:00…14:00 (2 + 3 + 4 + 5 rows) overlap the 3 hours before 14:30.
    expect(w.summary(t0 + 4.5 * 3_600_000).rows).toBe(14);
    expect(w.report(t0 + 4.5 * 3_600_000).volume.map((v) => v.count)).toEqual([2, 3, 4, 5]);
    expect(w.summary(t0 + 10 * 3_600_000).rows).toBe(0);
    expect(w.total).toBe(15);
    expect(w.gauges('churn', t0 + 10 * 3_600_000).find((g) => g.name === METRICS.lastPredictionTimestamp)?.value).toBe((t0 + 4 * 3_600_000 + 4) / 1000);
  });
});

describe('scorer monitoring', () => {
  it('writes a prediction log `tourney monitor` reads, and serves /v1/monitoring and the gauges', async () => {
    const logDir = join(dir, 'log');
    const s = await scorer({ predictionLog: { dir: logDir } });
    for (let i = 0; i < 300; i++) expect((await call(`${s.url}/v1/predict`, 'POST', JSON.stringify({ rows: [rows[i]] }))).status).toBe(200);
    // One multi-row request: its rows get ids "<request id>:<row>".
    expect((await call(`${s.url}/v1/predict`, 'POST', JSON.stringify({ rows: rows.slice(300, 320) }))).status).toBe(200);

    const monitoring = JSON.parse((await call(`${s.url}/v1/monitoring`, 'GET')).text);
    expect(monitoring.model.name).toBe('churn');
    expect(monitoring.report.rows).toBe(320);
    expect(monitoring.report.scored).toBe(320);
    expect(monitoring.report.features.map((f: { name: string }) => f.name)).toContain('tenure');
    expect(monitoring.report.scores.drift.rows).toBe(320);
    expect(monitoring.report.volume.reduce((a: number, v: { count: number }) => a + v.count, 0)).toBe(320);
    expect(monitoring.alerts).toEqual([]);

    const metrics = (await call(`${s.url}/metrics`, 'GET')).text;
    const features = monitoring.report.features.length;
    const psi = metrics.split('\n').filter((l) => l.startsWith(`${METRICS.featurePsi}{`));
    // Per column, never per value or request: one PSI series for each compared input column.
    expect(psi.length).toBe(monitoring.report.features.filter((f: { drift: unknown }) => f.drift).length);
    expect(psi.length).toBeLessThanOrEqual(features);
    expect(metrics).toMatch(new RegExp(`^${METRICS.lastPredictionTimestamp}\\{model="churn"\\} \\d{10}`, 'm'));
    expect(metrics).toMatch(new RegExp(`^${METRICS.windowRows}\\{model="churn"\\} 320$`, 'm'));
    expect(metrics).toMatch(/^tourney_predictions_total\{class="(Yes|No)",model="churn",version="[^"]+"\} \d+/m);
    await s.drain();

    const log = readFileSync(join(logDir, 'predictions.ndjson'), 'utf8').trim().split('\n');
    expect(log).toHaveLength(320);
    expect(JSON.parse(log[319])).toMatchObject({ row: 19, id: expect.stringMatching(/:19$/), input: { tenure: rows[319].tenure }, output: { prediction: expect.any(String) } });
    const cli = await tourney(['monitor', modelDir, join(logDir, 'predictions.ndjson'), '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout);
    expect(out.source.kind).toBe('log');
    expect(out.problems.corrupt.count).toBe(0);
    expect(out.report.rows).toBe(320);
    expect(out.report.scored).toBe(320);
    expect(out.report.latency.n).toBe(320);
    // The scorer's window and the log agree on every column's statistic.
    for (const f of out.report.features) {
      const live = monitoring.report.features.find((g: { name: string }) => g.name === f.name);
      expect(live.drift?.statistic ?? null).toBeCloseTo(f.drift?.statistic ?? null, 9);
    }

    // The summary log beside it: the same 320 rows as mergeable summaries, read alone or with the
    // row lines (the whole directory), each prediction counted once and every statistic the same.
    const summaries = readFileSync(join(logDir, 'summaries.ndjson'), 'utf8').trim().split('\n');
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    expect(summaries.reduce((n, l) => n + JSON.parse(l).summary.rows, 0)).toBe(320);
    for (const source of [join(logDir, 'summaries.ndjson'), logDir]) {
      const viaSummaries = await tourney(['monitor', modelDir, source, '--json']);
      expect(viaSummaries.code, viaSummaries.stderr).toBe(0);
      const o = JSON.parse(viaSummaries.stdout);
      expect(o.report.rows).toBe(320);
      expect(o.report.latency.n).toBe(320);
      expect(o.problems.summaries).toMatchObject({ rows: 320, coveredLines: source === logDir ? 320 : 0, skipped: 0 });
      for (const f of out.report.features) {
        expect(o.report.features.find((g: { name: string }) => g.name === f.name).drift?.statistic ?? null).toBeCloseTo(f.drift?.statistic ?? null, 9);
      }
    }
  }, 60_000);

  it('costs the hot path little: single-row throughput with monitoring on ≥ 0.9× off', async () => {
    const on = await scorer();
    const off = await scorer({ monitoring: false });
    expect((await call(`${off.url}/v1/monitoring`, 'GET')).status).toBe(404);
    await pairedThroughput(on.url, off.url, 300); // warm-up
    const [onRate, offRate] = await pairedThroughput(on.url, off.url, 3000);
    const ratio = onRate / offRate;
    process.stderr.write(`single-row requests, one client: monitoring on ${onRate.toFixed(0)} req/s, off ${offRate.toFixed(0)} req/s, ratio ${ratio.toFixed(3)}\n`);
    expect(ratio).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
