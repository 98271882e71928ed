// The scorer's HTTP API against real server processes (the esbuild-built server.js) on loopback
// ephemeral ports: every route, JSON and CSV bodies, parity with `tourney predict`, and each kind of
// bad input against a running server that must keep serving afterwards.
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../kernels/io/from-csv';
import { buildServerJs } from '../bundle/write-bundle';
import { DATA, REPO, startProcess, tourney, trainModels, type ScorerProcess } from '../testing/scorer-process';

const dir = mkdtempSync(join(tmpdir(), 'tourney-scorer-api-'));
const serverJs = join(dir, 'server.js');
// server.js loads onnxruntime-node at run time (a bundle installs it beside server.js).
symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
let models: Awaited<ReturnType<typeof trainModels>>;
let main: ScorerProcess;
const started: ScorerProcess[] = [];

async function scorer(modelDir: string, env: Record<string, string> = {}, args: string[] = []): Promise<ScorerProcess> {
  const p = await startProcess(process.execPath, [serverJs, '--model-dir', modelDir, '--port', '0', ...args], env);
  started.push(p);
  await p.ready;
  return p;
}

beforeAll(async () => {
  [models] = await Promise.all([trainModels(dir), buildServerJs(serverJs)]);
  main = await scorer(models.binary);
}, 180_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  rmSync(dir, { recursive: true, force: true });
});

interface Answer { status: number; body: Record<string, unknown>; headers: Headers }

async function post(url: string, body: string, type = 'application/json', headers: Record<string, string> = {}): Promise<Answer> {
  const r = await fetch(`${url}/v1/predict`, { method: 'POST', body, headers: { 'content-type': type, ...headers } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, headers: r.headers };
}

type Prediction = { prediction: string | number; probabilities?: Record<string, number> };
const predictionsOf = (a: Answer) => a.body.predictions as Prediction[];

/** The server still scores a good row after whatever the test did. */
async function stillServes(p: ScorerProcess = main): Promise<void> {
  const r = await post(p.url, JSON.stringify({ rows: [{ tenure: 5, contract: 'Month-to-month' }] }));
  expect(r.status).toBe(200);
  expect(predictionsOf(r)).toHaveLength(1);
}

/** A data file's first rows as a CSV file, and as JSON records (numbers as numbers, missing as null). */
function sample(file: string, rows: number, target: string): { csvPath: string; csv: string; records: Record<string, unknown>[] } {
  const lines = readFileSync(join(DATA, file), 'utf8').split('\n').slice(0, rows + 1);
  const csv = lines.join('\n') + '\n';
  const csvPath = join(dir, `sample-${file}`);
  writeFileSync(csvPath, csv);
  const table = readCsv(new TextEncoder().encode(csv), { fileName: file });
  const records = Array.from({ length: table.rowCount }, (_, i) => {
    const r: Record<string, unknown> = {};
    for (const c of table.columns) {
      if (c.name === target) continue;
      const v = c.values[i];
      r[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : c.storage === 'numeric' && c.labels ? c.labels[v as number] : v;
    }
    return r;
  });
  return { csvPath, csv, records };
}

/** `tourney predict` output as rows of {prediction, …probabilities}. */
function parsePredictCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trim().split('\n');
  const names = header.split(',');
  return rows.map((line) => Object.fromEntries(line.split(',').map((v, j) => [names[j], v])));
}

describe('scorer HTTP API', () => {
  it('serves /healthz, /readyz, /v1/model, /openapi.json, /metrics and 404s unknown routes', async () => {
    expect(await (await fetch(`${main.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${main.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const model = (await (await fetch(`${main.url}/v1/model`)).json()) as Record<string, unknown>;
    expect(model).toMatchObject({ name: 'churn', task: 'binary', target: 'churn', classes: ['No', 'Yes'], positiveClass: 'Yes', engine: 'onnx' });
    expect((model.inputs as { name: string }[]).map((f) => f.name)).toContain('tenure');
    expect(model.metrics).toHaveProperty('test_auroc');
    expect(model.card).toMatch(/## Intended use/);
    const api = (await (await fetch(`${main.url}/openapi.json`)).json()) as { openapi: string; components: { schemas: { Row: { properties: Record<string, unknown> } } }; paths: Record<string, unknown> };
    expect(api.openapi).toBe('3.1.0');
    expect(Object.keys(api.components.schemas.Row.properties)).toContain('contract');
    expect(Object.keys(api.paths)).toEqual(expect.arrayContaining(['/v1/predict', '/v1/model', '/healthz', '/readyz', '/metrics', '/openapi.json']));
    const missing = await fetch(`${main.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no route /nope' });
    expect((await fetch(`${main.url}/v1/predict`)).status).toBe(405);
  });

  // The server scores with the model exported to ONNX (onnxruntime-node), `tourney predict` with
  // the JS learners: the same labels, and scores within 1e-6 (scorer/parity.test.ts goes wider).
  it('scores single rows and batches, as JSON and as CSV, as `tourney predict` does (binary)', async () => {
    const { csvPath, csv, records } = sample('telco_churn.csv', 300, 'churn');
    const cli = await tourney(['predict', models.binary, csvPath]);
    expect(cli.code).toBe(0);
    const expected = parsePredictCsv(cli.stdout);
    const viaJson = await post(main.url, JSON.stringify({ rows: records }));
    const viaCsv = await post(main.url, csv, 'text/csv');
    expect(viaJson.status).toBe(200);
    expect(viaJson.body.model).toMatchObject({ name: 'churn', version: expect.stringMatching(/^sha256:[0-9a-f]{12}$/) });
    for (const answer of [viaJson, viaCsv]) {
      const got = predictionsOf(answer);
      expect(got).toHaveLength(300);
      got.forEach((g, i) => {
        expect(g.prediction).toBe(expected[i].prediction);
        expect(Math.abs(g.probabilities!.Yes - Number(expected[i].probability))).toBeLessThanOrEqual(1e-6);
        expect(g.probabilities!.No + g.probabilities!.Yes).toBeCloseTo(1, 12);
      });
    }
    const single = await post(main.url, JSON.stringify({ rows: [records[7]] }));
    // A row alone and the same row in a 300-row run: onnxruntime may sum in another order for
    // another batch size (its GEMM/reduction kernels), so the last bits can differ — rarely.
    const [alone] = predictionsOf(single);
    expect(alone.prediction).toBe(predictionsOf(viaJson)[7].prediction);
    expect(Math.abs(alone.probabilities!.Yes - predictionsOf(viaJson)[7].probabilities!.Yes)).toBeLessThan(1e-12);
  });

  // With more than one thread, a request of at least twice the offload size (1,024 rows) is scored
  // in parts on a worker thread while the event loop prepares the next part.
  it('scores a big batch (JSON or CSV) in parts off the event loop: the answers of one run, rows numbered as sent, each counted once', async () => {
    const { records, csv } = sample('telco_churn.csv', 7000, 'churn');
    const logDir = join(dir, 'parts-log');
    mkdirSync(logDir);
    const [parts, whole] = await Promise.all([
      scorer(models.binary, { TOURNEY_SCORER_THREADS: '2', TOURNEY_ACCESS_LOG: 'off', TOURNEY_PREDICTION_LOG: logDir }),
      scorer(models.binary, { TOURNEY_SCORER_THREADS: '1', TOURNEY_ACCESS_LOG: 'off' }),
    ]);
    const body = JSON.stringify({ rows: records });
    const [a, b] = [await post(parts.url, body, 'application/json', { 'x-request-id': 'big' }), await post(whole.url, body)];
    expect([a.status, b.status]).toEqual([200, 200]);
    const [got, expected] = [predictionsOf(a), predictionsOf(b)];
    expect(got).toHaveLength(7000);
    got.forEach((g, i) => {
      expect(g.prediction).toBe(expected[i].prediction);
      expect(Math.abs(g.probabilities!.Yes - expected[i].probabilities!.Yes)).toBeLessThan(1e-12);
    });
    // A bad field in a late part: the whole request is a 400 naming the row as sent, nothing counted.
    const bad = records.map((r, i) => (i === 5000 ? { ...r, tenure: 'lots' } : r));
    const refused = await post(parts.url, JSON.stringify({ rows: bad }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^row 5001, field "tenure": expected a number, got "lots"/);
    const metrics = await (await fetch(`${parts.url}/metrics`)).text();
    expect(metrics).toMatch(/^tourney_rows_scored_total\{[^}]*\} 7000$/m);
    const monitoring = (await (await fetch(`${parts.url}/v1/monitoring`)).json()) as { predictions: number };
    expect(monitoring.predictions).toBe(7000);
    // A CSV body of the same rows goes in parts too, with the same answers.
    const viaCsv = predictionsOf(await post(parts.url, csv, 'text/csv'));
    expect(viaCsv).toHaveLength(7000);
    viaCsv.forEach((g, i) => {
      expect(g.prediction).toBe(expected[i].prediction);
      expect(Math.abs(g.probabilities!.Yes - expected[i].probabilities!.Yes)).toBeLessThan(1e-9);
    });
    expect(await (await fetch(`${parts.url}/metrics`)).text()).toMatch(/^tourney_rows_scored_total\{[^}]*\} 14000$/m);
    // The same stray word in the CSV body: refused by row too, not read as a missing number.
    const lines = csv.split('\n');
    const tenure = lines[0].split(',').indexOf('"tenure"');
    const cells = lines[5001].split(',');
    cells[tenure] = 'lots';
    lines[5001] = cells.join(',');
    const refusedCsv = await post(parts.url, lines.join('\n'), 'text/csv');
    expect(refusedCsv.status).toBe(400);
    expect(refusedCsv.body.error).toMatch(/^row 5001, field "tenure": expected a number, got "lots"/);
    expect(await (await fetch(`${parts.url}/metrics`)).text()).toMatch(/^tourney_rows_scored_total\{[^}]*\} 14000$/m);
    // SIGTERM drains both and they exit 0 (the threaded one used to abort in onnxruntime at exit).
    expect(await Promise.all([parts.stop(), whole.stop()])).toEqual([0, 0]);
    const logged = readFileSync(join(logDir, 'predictions.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { requestId: string; row: number; id: string; input: { tenure: unknown } })
      .filter((l) => l.requestId === 'big');
    expect(logged.map((l) => l.row)).toEqual(Array.from({ length: 7000 }, (_, i) => i));
    expect(logged[6999]).toMatchObject({ id: 'big:6999', input: { tenure: records[6999].tenure } });
  });

  it('matches `tourney predict` for a multiclass `train --fixed` model and a regression model', async () => {
    for (const [modelDir, file, target] of [[models.multiclass, 'penguins.csv', 'species'], [models.regression, 'ames_housing.csv', 'Sale_Price']] as const) {
      const p = await scorer(modelDir, { TOURNEY_ACCESS_LOG: 'off' });
      const { csvPath, records } = sample(file, 120, target);
      const expected = parsePredictCsv((await tourney(['predict', modelDir, csvPath])).stdout);
      const got = predictionsOf(await post(p.url, JSON.stringify({ rows: records })));
      expect(got).toHaveLength(expected.length);
      got.forEach((g, i) => {
        if (target === 'Sale_Price') {
          expect(Object.keys(g)).toEqual(['prediction']);
          expect(Math.abs((g.prediction as number) - Number(expected[i].prediction))).toBeLessThanOrEqual(1e-6);
        } else {
          expect(g.prediction).toBe(expected[i].prediction);
          for (const c of ['Adelie', 'Chinstrap', 'Gentoo']) expect(Math.abs(g.probabilities![c] - Number(expected[i][`probability_${c}`]))).toBeLessThanOrEqual(1e-6);
        }
      });
      await p.stop();
    }
  });

  it('answers bad input with 400 naming row and field, and keeps serving', async () => {
    const cases: [string, string, RegExp][] = [
      ['malformed JSON', '{"rows": [{"tenure": 3,}]}', /^malformed JSON/],
      ['NaN literal', '{"rows": [{"tenure": NaN}]}', /^malformed JSON/],
      ['Infinity as a number', '{"rows": [{"tenure": 1e999}]}', /^row 1, field "tenure": expected a finite number, got Infinity/],
      ['Infinity as text', '{"rows": [{"tenure": 2}, {"tenure": "Infinity"}]}', /^row 2, field "tenure": expected a number, got "Infinity"/],
      ['a word in a number column', '{"rows": [{"monthly_charges": "lots"}]}', /^row 1, field "monthly_charges": expected a number, got "lots"/],
      ['an object in a text column', '{"rows": [{}, {}, {"contract": {"a": 1}}]}', /^row 3, field "contract": expected text, a number or null, got an object/],
      ['a row that is not an object', '{"rows": [{}, 5]}', /^row 2: expected an object/],
      ['no rows array', '{"data": []}', /"rows"/],
      ['an empty batch', '{"rows": []}', /"rows" is empty/],
    ];
    for (const [what, body, message] of cases) {
      const r = await post(main.url, body);
      expect(r.status, what).toBe(400);
      expect(r.body.error, what).toMatch(message);
    }
    const csv = await post(main.url, 'tenure,monthly_charges\n3,abc\n', 'text/csv');
    expect(csv.status).toBe(400);
    expect(csv.body.error).toMatch(/row 1, field "monthly_charges"/);
    expect((await post(main.url, 'x', 'text/plain')).status).toBe(415);
    await stillServes();
  });

  it('ignores unknown columns (counted), scores missing columns as missing, and counts unseen categories', async () => {
    const bare = predictionsOf(await post(main.url, JSON.stringify({ rows: [{}] })))[0];
    const withUnknown = predictionsOf(await post(main.url, JSON.stringify({ rows: [{ not_a_column: 1, another: 'x' }] })))[0];
    const withNulls = predictionsOf(await post(main.url, JSON.stringify({ rows: [{ tenure: null, contract: 'NA' }] })))[0];
    expect(withUnknown).toEqual(bare);
    expect(withNulls).toEqual(bare);
    const unseen = await post(main.url, JSON.stringify({ rows: [{ contract: 'Ten year' }] }));
    expect(unseen.status).toBe(200);
    const metrics = await (await fetch(`${main.url}/metrics`)).text();
    expect(metrics).toMatch(/^tourney_unknown_fields_total\{[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^tourney_rows_missing_inputs_total\{[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^tourney_unseen_categories_total\{column="contract"[^}]*\} 1$/m);
    expect(metrics).toMatch(/^tourney_http_requests_total\{route="\/v1\/predict",code="400"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^tourney_http_request_errors_total\{route="\/v1\/predict",code="400"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^tourney_predictions_total\{class="No"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^tourney_prediction_score_bucket\{le="0.5"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^tourney_http_request_duration_seconds_count\{[^}]*route="\/v1\/predict"\} [1-9]/m);
  });

  it('refuses a 100 MB body with 413 (declared and streamed) and keeps serving', async () => {
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request(`${main.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) } }, (res) => { res.resume(); resolve(res.statusCode!); });
      req.on('error', reject);
      // Headers only: the 413 must come from the declared length, before any body is read (a body
      // written now would race the server's close and could fail with EPIPE before the answer is read).
      req.flushHeaders();
    });
    expect(declared).toBe(413);
    // Chunked, no length: the server counts bytes and stops at its limit (32 MB), long before 100 MB.
    const streamed = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let done = false;
      const req = request(`${main.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => { done = true; res.resume(); resolve({ status: res.statusCode!, sent }); });
      req.on('error', (err) => { if (!done) reject(err); });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (!done && sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!done) req.end();
      };
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(100 * 1024 * 1024);
    await stillServes();
  });

  it('answers Expect: 100-continue: 413 before the body for a declared size over the limit, continue within it', async () => {
    const ask = (bytes: number, body: string) => new Promise<{ status: number; continued: boolean; text: string }>((resolve, reject) => {
      let continued = false;
      const req = request(`${main.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes), expect: '100-continue' } }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode!, continued, text }));
      });
      req.on('error', reject);
      // The body goes only when the server says continue, as curl does.
      req.on('continue', () => { continued = true; req.end(body); });
      req.flushHeaders();
    });
    const over = await ask(100 * 1024 * 1024, '');
    expect(over.status).toBe(413);
    expect(over.continued).toBe(false);
    expect(JSON.parse(over.text).error).toMatch(/over the limit/);
    const body = JSON.stringify({ rows: [{ tenure: 3 }] });
    const within = await ask(Buffer.byteLength(body), body);
    expect(within.continued).toBe(true);
    expect(within.status).toBe(200);
    await stillServes();
  });

  it('refuses a 1,000,000-row batch (JSON and CSV) with 413 and keeps serving', async () => {
    const json = await post(main.url, `{"rows":[${'{},'.repeat(999_999)}{}]}`);
    expect(json.status).toBe(413);
    expect(json.body.error).toBe('1000000 rows in one request; the limit is 100000');
    const csv = await post(main.url, `tenure\n${'1\n'.repeat(1_000_000)}`, 'text/csv');
    expect(csv.status).toBe(413);
    expect(csv.body.error).toMatch(/more than 100000 rows/);
    await stillServes();
  });

  it('times out slow clients (headers and body) with 408 and keeps serving', async () => {
    const p = await scorer(models.binary, { TOURNEY_HEADERS_TIMEOUT_MS: '400', TOURNEY_REQUEST_TIMEOUT_MS: '800', TOURNEY_ACCESS_LOG: 'off' });
    const port = Number(new URL(p.url).port);
    const slow = (text: string) => new Promise<{ answer: string; ms: number }>((resolve) => {
      const t0 = performance.now();
      let answer = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      socket.on('data', (d) => { answer += d.toString(); });
      socket.on('error', () => {});
      socket.on('close', () => resolve({ answer, ms: performance.now() - t0 }));
    });
    const headers = await slow('POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
    const body = await slow('POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"rows":');
    expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(body.ms).toBeLessThan(10_000);
    await stillServes(p);
  });

  it('requires the API key when one is set (401 otherwise), keeps probes open, and allows CORS only for listed origins', async () => {
    const p = await scorer(models.binary, { TOURNEY_API_KEY: 's3cret-key', TOURNEY_CORS_ORIGINS: 'https://app.example' });
    const body = JSON.stringify({ rows: [{ tenure: 1 }] });
    expect((await post(p.url, body)).status).toBe(401);
    const wrong = await post(p.url, body, 'application/json', { authorization: 'Bearer s3cret-kez' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatch(/API key/);
    expect((await post(p.url, body, 'application/json', { authorization: 's3cret-key' })).status).toBe(401);
    expect((await fetch(`${p.url}/metrics`)).status).toBe(401);
    const ok = await post(p.url, body, 'application/json', { authorization: 'Bearer s3cret-key', origin: 'https://app.example' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await post(p.url, body, 'application/json', { authorization: 'Bearer s3cret-key', origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${main.url}/v1/predict`, { method: 'OPTIONS', headers: { origin: 'https://app.example' } })).status).toBe(403);
    const preflight = await fetch(`${p.url}/v1/predict`, { method: 'OPTIONS', headers: { origin: 'https://app.example' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
  });

  it('refuses to bind a non-loopback address without an API key: exit 2 and one error line', async () => {
    const p = startProcess(process.execPath, [serverJs, '--model-dir', models.binary, '--port', '0', '--host', '0.0.0.0'], { TOURNEY_API_KEY: '' });
    await expect(p).rejects.toThrow(/exited with 2 before listening: error: refusing to listen on 0\.0\.0\.0 without an API key/);
    const cli = await tourney(['serve', models.binary, '--host', '0.0.0.0', '--port', '0']);
    expect(cli.code).toBe(2);
    expect(cli.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual(['error: refusing to listen on 0.0.0.0 without an API key: set TOURNEY_API_KEY (or bind 127.0.0.1)']);
    const registry = await tourney(['serve', 'churn@production']);
    expect(registry.code).toBe(1);
    expect(registry.stderr).toMatch(/^error: churn@production: no such model directory, and no registry at .* to look it up in/m);
  });

  it('writes structured access logs (or none when switched off) and a rotated, bounded prediction log', async () => {
    const logDir = join(dir, 'predictions');
    mkdirSync(logDir);
    const p = await scorer(models.binary, { TOURNEY_PREDICTION_LOG: logDir, TOURNEY_PREDICTION_LOG_FILE_BYTES: '4000', TOURNEY_PREDICTION_LOG_TOTAL_BYTES: '12000' });
    const rows = Array.from({ length: 10 }, (_, i) => ({ tenure: i, contract: 'One year', extra: 'kept' }));
    for (let r = 0; r < 12; r++) expect((await post(p.url, JSON.stringify({ rows }), 'application/json', { 'x-request-id': `req-${r}` })).status).toBe(200);
    // The access line is written as the response goes out: wait (bounded) until the pipe delivers the last one.
    const predictLines = () => p.lines.filter((l) => l.path === '/v1/predict');
    for (const deadline = Date.now() + 10_000; predictLines().length < 12 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 10));
    const access = predictLines();
    expect(access).toHaveLength(12);
    expect(access[0]).toMatchObject({ requestId: 'req-0', method: 'POST', status: 200, rows: 10 });
    expect(typeof access[0].ms).toBe('number');
    expect(typeof access[0].time).toBe('string');
    await p.stop();
    const files = readdirSync(logDir);
    expect(files).toContain('predictions.ndjson');
    expect(files.filter((f) => /^predictions-.+\.ndjson$/.test(f)).length).toBeGreaterThan(0);
    const total = files.filter((f) => f.startsWith('predictions')).reduce((s, f) => s + statSync(join(logDir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(12000 + 4000);
    // The summary log beside it is bounded by an eighth of the total, at least one file (its lines
    // are larger than 4 kB here: the live file holds one line over the file limit at most).
    const summaryFiles = files.filter((f) => f.startsWith('summaries'));
    expect(summaryFiles).toContain('summaries.ndjson');
    const live = statSync(join(logDir, 'summaries.ndjson')).size;
    expect(summaryFiles.reduce((s, f) => s + statSync(join(logDir, f)).size, 0)).toBeLessThanOrEqual(4000 + live);
    const last = readFileSync(join(logDir, 'predictions.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(last.at(-1)).toMatchObject({ requestId: 'req-11', row: 9, model: { name: 'churn' }, id: 'req-11:9', latencyMs: expect.any(Number), input: { tenure: 9, contract: 'One year', extra: 'kept' }, output: { prediction: expect.any(String) } });

    const quiet = await scorer(models.binary, { TOURNEY_ACCESS_LOG: 'off' });
    await stillServes(quiet);
    expect(quiet.lines.filter((l) => l.path)).toEqual([]);
  });

  it('`tourney serve` serves a model directory with the same answers as the bundle server', async () => {
    const served = await startProcess(process.execPath, [join(REPO, 'cli', 'bin', 'tourney.js'), 'serve', models.binary, '--port', '0'], { TOURNEY_ACCESS_LOG: 'off' });
    started.push(served);
    await served.ready;
    const body = JSON.stringify({ rows: [{ tenure: 40, contract: 'One year', monthly_charges: 55.5 }] });
    const viaCli = await post(served.url, body);
    expect(viaCli.status).toBe(200);
    expect(viaCli.body).toEqual((await post(main.url, body)).body);
    expect((await (await fetch(`${served.url}/v1/model`)).json()).engine).toBe('onnx');
    expect(await served.stop()).toBe(0);
  });

  it('drains an in-flight request on SIGTERM, then exits 0', async () => {
    const p = await scorer(models.binary, { TOURNEY_ACCESS_LOG: 'off' });
    const body = JSON.stringify({ rows: [{ tenure: 12 }] });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${p.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), expect: '100-continue' } }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      // The server has parsed the headers and runs the handler: the request is in flight.
      req.on('continue', () => {
        p.proc.kill('SIGTERM');
        setImmediate(() => req.end(body));
      });
      req.flushHeaders();
    });
    const r = await answer;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).predictions).toHaveLength(1);
    expect(await p.exited).toBe(0);
    expect(p.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['draining', 'stopped']));
  });
});
