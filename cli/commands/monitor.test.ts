// `tourney monitor` end to end through the real binary: a model trained by `tourney train`, its
// reference-profile.json written by train itself, prediction logs with the model's own scores.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../kernels/io/read-table';
import { cellValue } from '../../kernels/table/slice-rows';
import type { DataTable, NumericColumn, StringColumn } from '../../kernels/table/types';
import { loadModelDir } from './model-dir';

const BIN = join(import.meta.dirname, '..', 'bin', 'tourney.js');
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'telco_churn.csv');
const dir = mkdtempSync(join(tmpdir(), 'tourney-monitor-'));
const modelDir = join(dir, 'churn-model');
const START = Date.UTC(2026, 4, 1);
const HOUR = 3_600_000;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

let table: DataTable;
let lines: (mutate?: (name: string, v: unknown, i: number) => unknown) => Promise<string[]>;

beforeAll(async () => {
  const train = await run(['train', DATA, '--target', 'churn', '--models', 'gbdt', '--fixed', '{"trees":40,"maxLeaves":16}', '--out', modelDir, '--seed', '1']);
  expect(train.code).toBe(0);
  // train wrote the reference into the model directory (listed in the manifest), and it is small.
  const manifest = JSON.parse(readFileSync(join(modelDir, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number }[] };
  const ref = manifest.files.find((f) => f.name === 'reference-profile.json');
  expect(ref?.bytes).toBeGreaterThan(1000);
  expect(ref?.bytes).toBeLessThan(64 * 1024);
  table = await readTable(readFileSync(DATA), { fileName: 'telco_churn.csv' });
  const model = await loadModelDir(modelDir);
  lines = async (mutate) => {
    // 1,000 requests over 5 hours, scored by the model on the (possibly changed) inputs.
    const rows = 1000;
    const inputs = table.columns.filter((c) => c.name !== 'churn');
    const changed: DataTable = {
      ...table, rowCount: rows,
      columns: table.columns.map((c) => {
        const values = Array.from({ length: rows }, (_, i) => (mutate && c.name !== 'churn' ? mutate(c.name, cellValue(c, i), i) : cellValue(c, i)));
        return c.storage === 'numeric'
          ? { ...c, values: Float64Array.from(values, (v) => (v === null ? NaN : Number(v))) } as NumericColumn
          : { ...c, values: values as (string | null)[] } as StringColumn;
      }),
    };
    const p = model.predict(model.toMatrix(changed));
    return Array.from({ length: rows }, (_, i) => JSON.stringify({
      time: new Date(START + i * 18_000).toISOString(), id: `q${i}`, model: { name: 'churn', version: '1' },
      input: Object.fromEntries(inputs.map((c) => [c.name, cellValue(changed.columns.find((x) => x.name === c.name)!, i)])),
      output: { prediction: p[i] >= 0.5 ? 'Yes' : 'No', probabilities: { No: 1 - p[i], Yes: p[i] } }, latencyMs: 3,
    }));
  };
});

const afterLog = new Date(START + 1000 * 18_000 + 600_000).toISOString();

describe('tourney monitor', () => {
  it('exits 0 on a stable log and names the bad lines it skipped', async () => {
    const log = await lines();
    log.splice(2, 0, log[5].slice(0, 60)); // truncated line 3
    log.splice(6, 0, '{"time": "2026-05-01T00:00:00Z", "input": {}, "model": {"name": "churn", "version": "2"}}');
    log.splice(9, 0, 'not json at all');
    writeFileSync(join(dir, 'stable.log'), log.join('\n') + '\n');
    const r = await run(['monitor', modelDir, 'stable.log', '--now', afterLog]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/churn@1: 1000 predictions/);
    expect(r.stdout).toMatch(/2 corrupt or truncated lines skipped \(lines 3, 10\); first: line 3: not valid JSON/);
    expect(r.stdout).toMatch(/1 line of other models or versions excluded: churn@2 \(1\)/);
    expect(r.stdout).toMatch(/alerts: none/);
    expect(r.code).toBe(0);
  });

  it('exits 3 with --json when two inputs drift, and only those two page', async () => {
    const log = await lines((name, v, i) =>
      name === 'tenure' ? 60 + (i % 12) : name === 'contract' ? (i % 10 < 8 ? 'Two year' : v) : v);
    writeFileSync(join(dir, 'drift.log'), log.join('\n'));
    const r = await run(['monitor', modelDir, 'drift.log', '--json', '--now', afterLog, '--metrics', 'churn.prom']);
    expect(r.code).toBe(3);
    expect(readFileSync(join(dir, 'churn.prom'), 'utf8')).toMatch(/^tourney_feature_drift_detected\{model="churn-model",feature="tenure"\} 1$/m);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['model', 'source', 'window', 'now', 'report', 'alerts', 'problems', 'labels', 'notes']);
    expect(out.model).toEqual({ name: 'churn', version: '1' });
    expect(out.report.rows).toBe(1000);
    expect(out.report.volume).toHaveLength(5);
    const drift = out.alerts.filter((a: { name: string }) => a.name === 'feature-drift').map((a: { feature: string }) => a.feature).sort();
    expect(drift).toEqual(['contract', 'tenure']);
    // 1,000 rows: the tests decide (KS for numbers, chi-squared for categories).
    const byName = Object.fromEntries(out.report.features.map((f: { name: string }) => [f.name, f]));
    expect(byName.tenure).toMatchObject({ kind: 'numeric', importance: expect.any(Number), drift: { method: 'ks', drifted: true } });
    expect(byName.contract).toMatchObject({ kind: 'categorical', drift: { method: 'chi-squared', drifted: true } });
    expect(out.report.features[0].importance).toBeGreaterThanOrEqual(out.report.features[1].importance);
  });

  it('fires "no scores" when the log stops hours before now, and joins labels with notes', async () => {
    const log = await lines();
    writeFileSync(join(dir, 'quiet.log'), log.join('\n'));
    const labels = ['id,churn', 'q1,Yes', 'q1,No', 'q2,No', 'ghost,Yes'];
    for (let i = 3; i < 400; i++) labels.push(`q${i},${table.columns[0].storage === 'string' ? table.columns[0].values[i] : ''}`);
    writeFileSync(join(dir, 'labels.csv'), labels.join('\n'));
    const later = new Date(START + 1000 * 18_000 + 5 * HOUR).toISOString();
    const r = await run(['monitor', modelDir, 'quiet.log', '--labels', 'labels.csv', '--now', later]);
    expect(r.stdout).toMatch(/CRITICAL no-scores: no scores for 5\.\d hours/);
    expect(r.stdout).toMatch(/1 duplicate label \(first kept\): q1/);
    expect(r.stdout).toMatch(/1 label for ids not in the log: ghost/);
    expect(r.stdout).toMatch(/performance on 399 labelled requests: auroc 0\.\d+/);
    expect(r.code).toBe(3);
  });

  it('reads a plain data file as current data (inputs only)', async () => {
    const r = await run(['monitor', modelDir, DATA, '--json', '--now', afterLog]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.source.kind).toBe('data');
    expect(out.report.scores).toBeNull();
  });

  it('says clearly what is wrong: usage (2), missing reference or bad rules (1)', async () => {
    const usage = await run(['monitor', modelDir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^error: monitor needs a model directory/);
    const bare = join(dir, 'bare');
    await run(['train', DATA, '--target', 'churn', '--models', 'gbdt', '--fixed', '{"trees":5}', '--out', bare]);
    rmSync(join(bare, 'reference-profile.json'));
    const noRef = await run(['monitor', bare, 'stable.log']);
    expect(noRef.code).toBe(1);
    expect(noRef.stderr).toMatch(/^error: .*reference-profile\.json not found: retrain the model \(train writes it\) or give --reference <training data>\n$/);
    writeFileSync(join(dir, 'broken.log'), '{"time": "2026-05-01T00:0\nnot json\n');
    const broken = await run(['monitor', modelDir, 'broken.log']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error: broken\.log: no usable prediction lines \(2 corrupt; line 1: not valid JSON .*\)\n$/);
    mkdirSync(join(dir, 'empty-logs'));
    writeFileSync(join(dir, 'empty-logs', 'notes.txt'), 'nothing here');
    const noLogs = await run(['monitor', modelDir, 'empty-logs']);
    expect(noLogs.code).toBe(1);
    expect(noLogs.stderr).toBe("error: empty-logs holds no prediction log (*.ndjson files of a scorer's TOURNEY_PREDICTION_LOG directory)\n");
    writeFileSync(join(dir, 'rules.json'), '{"noScores": {"hour": 3}}');
    const badRules = await run(['monitor', modelDir, 'stable.log', '--rules', 'rules.json']);
    expect(badRules.code).toBe(1);
    expect(badRules.stderr).toBe('error: rules.json: unknown setting "noScores.hour" (settings: enabled, hours)\n');
  });
});
