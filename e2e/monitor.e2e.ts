// The monitoring acceptance in the app, on real parts on loopback: a `train --fixed` credit model
// exported by `tourney export`, the bundle's own server.js allowing this app's origin, and a stream
// that is stable, then drifts in the two most important numeric columns, then stops. The Monitor
// view, connected by URL, must show no alert while stable, exactly the two drift alerts while
// drifting (drill-down to their histograms), then "no scores" (the rule's window set to 4 s in the
// view). Then the scorer's own prediction log, spoiled on purpose (a truncated line, garbage,
// another model's line, a timestamp from the past) with labels (a duplicate, an unknown id),
// imported and aggregated in the worker: every problem named, the rest used, the same two drift
// alerts; then the log folder as the scorer left it (its summary log and row lines), each
// prediction counted once. The Fleet view shows the model, imported into the registry, with its drift, and a
// fleet.json's tenants (trained, skipped, failed) beside it. Last, the
// aggregation benchmark in Chromium: 10,000,000 generated records through the worker while the
// longest main-thread task is recorded, 10,000,000 predictions as the scorer's summary log, and a cancel. Every wait is on UI state or a poll with a
// deadline; nothing sleeps to synchronise.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { driftStream } from '../scorer/testing/drift-stream';
import { DATA, REPO, startProcess, tourney, type ScorerProcess } from '../scorer/testing/scorer-process';
import { waitForQuiet } from './wait-for-quiet';

const PORT = Number(process.env.TOURNEY_E2E_PORT ?? 4179);
const ORIGIN = `http://127.0.0.1:${PORT}`;

interface Reference { features: { name: string; importance: number; profile: { kind: string } }[] }
type Row = Record<string, string | number | null>;

/** credit_status.csv: quoted strings, plain numbers, no commas inside quotes. */
function readCredit(): { rows: Row[]; status: string[] } {
  const [head, ...lines] = readFileSync(join(DATA, 'credit_status.csv'), 'utf8').trim().split('\n');
  const names = head.split(',').map((h) => h.replace(/"/g, ''));
  const cell = (v: string) => (v === '' ? null : v.startsWith('"') ? v.slice(1, -1) : Number(v));
  const parsed = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], cell(v)])));
  return { rows: parsed.map(({ Status: _s, ...inputs }) => inputs as Row), status: parsed.map((r) => String(r.Status)) };
}

async function alertKeys(page: Page): Promise<string[]> {
  const panel = page.getByTestId('monitor-scorer').locator('visible=true');
  return (await panel.locator('[data-testid=monitor-alert]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-alert')}:${e.getAttribute('data-feature')}`))).sort();
}

test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(join(tmpdir(), 'tourney-monitor-e2e-'));
let scorer: ScorerProcess | undefined;
test.afterAll(async () => {
  await scorer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('Monitor view: a scorer stable, then drifting in two columns, then silent; its log spoiled and imported; the fleet', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // ---- the model and its bundle
  const csv = join(DATA, 'credit_status.csv');
  const modelDir = join(dir, 'credit');
  const train = await tourney(['train', csv, '--target', 'Status', '--models', 'gbdt', '--fixed', '{"trees":40,"maxLeaves":16}', '--seed', '1', '--out', modelDir]);
  expect(train.code, train.stderr).toBe(0);
  const reference = JSON.parse(readFileSync(join(modelDir, 'reference-profile.json'), 'utf8')) as Reference;
  const drifted = reference.features.filter((f) => f.profile.kind === 'numeric' && f.importance >= 0.1).sort((a, b) => b.importance - a.importance).slice(0, 2).map((f) => f.name);
  expect(drifted).toHaveLength(2);
  const bundle = join(dir, 'bundle');
  const exported = await tourney(['export', modelDir, '--out', bundle, '--name', 'credit']);
  expect(exported.code, exported.stderr).toBe(0);
  symlinkSync(join(REPO, 'node_modules'), join(bundle, 'node_modules'));
  const logDir = join(dir, 'log');
  scorer = await startProcess(process.execPath, [join(bundle, 'server.js'), '--port', '0'], {
    TOURNEY_ACCESS_LOG: 'off', TOURNEY_PREDICTION_LOG: logDir, TOURNEY_CORS_ORIGINS: ORIGIN,
  });
  await scorer.ready;

  // ---- the stream (scorer/testing/drift-stream.ts): ten training rows a request, ids s<i> so labels can join
  const { rows, status } = readCredit();
  const stream = driftStream(scorer.url, rows, drifted);

  // ---- the app, connected to the scorer
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('./');
  await page.getByTestId('open-monitor').click();
  const view = page.getByTestId('monitor-view');
  await view.getByTestId('monitor-url').fill(scorer.url);
  await view.getByTestId('monitor-interval').fill('1');
  await view.getByTestId('monitor-connect').click();
  const panel = view.getByTestId('monitor-scorer').getByTestId('monitor-panel');
  await expect(panel).toBeVisible();
  await expect(view.getByTestId('monitor-tab-scorer')).toHaveText('credit');
  // The "no scores" rule's window: 4 seconds instead of hours, so the test does not wait hours.
  await panel.getByTestId('monitor-rules').locator('summary').click();
  await panel.getByTestId('monitor-rule-noScores-hours').fill(String(4 / 3600));

  // Stable: 1,000 rows in the scorer's window and no alert.
  await expect.poll(async () => Number(await panel.getAttribute('data-rows')), { timeout: 60_000 }).toBeGreaterThanOrEqual(1000);
  const polls = Number(await view.getByTestId('monitor-scorer').getAttribute('data-polls'));
  await expect.poll(async () => Number(await view.getByTestId('monitor-scorer').getAttribute('data-polls'))).toBeGreaterThanOrEqual(polls + 2);
  await expect(panel.getByTestId('monitor-no-alerts')).toBeVisible();
  expect(await alertKeys(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('monitor-stable.png'), fullPage: false });

  // Drift in two columns: exactly their two drift alerts.
  stream.mode = 'drift';
  await expect(panel.locator('[data-testid=monitor-alert][data-alert=feature-drift]')).toHaveCount(2, { timeout: 60_000 });
  expect(await alertKeys(page)).toEqual(drifted.map((f) => `feature-drift:${f}`).sort());
  const driftRows = panel.locator('[data-testid=monitor-drift-row].mo-row-alert');
  expect((await driftRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')))).sort()).toEqual([...drifted].sort());
  await panel.getByTestId('monitor-alerts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('monitor-drift.png') });

  // Drill-down: the first drifted column's reference and current histograms.
  await panel.locator(`[data-testid=monitor-alert][data-feature="${drifted[0]}"]`).getByTestId('monitor-alert-drill').click();
  const drill = panel.getByTestId('monitor-drilldown');
  await expect(drill).toHaveAttribute('data-feature', drifted[0]);
  await expect(drill.locator('svg .mark-rect path, svg .mark-rect').first()).toBeVisible();
  await drill.scrollIntoViewIfNeeded();
  await drill.screenshot({ path: testInfo.outputPath('monitor-drilldown.png') });

  // Stop: "no scores" once the last prediction is older than 4 s; the drift alerts stay.
  stream.mode = 'stop';
  await stream.done;
  await expect(panel.locator('[data-testid=monitor-alert][data-alert=no-scores]')).toHaveCount(1, { timeout: 60_000 });
  expect(await alertKeys(page)).toEqual([...drifted.map((f) => `feature-drift:${f}`), 'no-scores:'].sort());
  await panel.getByTestId('monitor-alerts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('monitor-no-scores.png') });
  await scorer.stop();
  // The view keeps the last report and says the scorer is gone.
  await expect(view.getByTestId('monitor-error')).toContainText('cannot reach');

  // ---- the scorer's log, spoiled, with labels: imported in the worker
  const log = readFileSync(join(logDir, 'predictions.ndjson'), 'utf8').trimEnd().split('\n');
  expect(log).toHaveLength(stream.sent);
  const first = JSON.parse(log[0]) as { time: string; model: { name: string; version: string } };
  const spoiled = [
    ...log.slice(0, 500),
    'not json at all',
    JSON.stringify({ ...JSON.parse(log[1]), model: { name: 'fraud', version: '7' } }),
    JSON.stringify({ ...JSON.parse(log[2]), time: new Date(Date.parse(first.time) - 3_600_000).toISOString() }),
    ...log.slice(500),
    log[3].slice(0, 60),
  ].join('\n');
  const labelRows = log.slice(0, 400).map((l) => {
    const { id } = JSON.parse(l) as { id: string };
    const [request, k] = id.slice(1).split(':').map(Number);
    return `${id},${status[(request * 10 + k) % status.length]}`;
  });
  const labels = ['id,label', ...labelRows, labelRows[0].replace(/,.*/, ',bad'), 'no-such-request,good'].join('\n');
  await view.getByTestId('monitor-tab-logs').click();
  const logs = view.getByTestId('monitor-logs');
  await logs.getByTestId('monitor-log-model').selectOption('file');
  await logs.getByTestId('monitor-reference-file').setInputFiles(join(modelDir, 'reference-profile.json'));
  await logs.getByTestId('monitor-log-files').setInputFiles({ name: 'predictions.ndjson', mimeType: 'text/plain', buffer: Buffer.from(spoiled) });
  await logs.getByTestId('monitor-labels-file').setInputFiles({ name: 'outcomes.csv', mimeType: 'text/csv', buffer: Buffer.from(labels) });
  await logs.getByTestId('monitor-log-name').fill('credit');
  await logs.getByTestId('monitor-import').click();
  const logPanel = logs.getByTestId('monitor-panel');
  await expect(logPanel).toBeVisible({ timeout: 60_000 });
  await expect(logPanel).toHaveAttribute('data-rows', String(stream.sent + 1)); // every scored line, plus the one from the past
  const notes = logPanel.getByTestId('monitor-notes');
  await expect(notes).toContainText('2 corrupt or truncated lines skipped');
  await expect(notes).toContainText('1 line of other models or versions excluded: fraud@7 (1)');
  // The line from the past, and the other model's line (a copy of an early one): clock skew is counted over every line.
  await expect(notes).toContainText(/2 lines arrived out of time order \(up to 36\d\d s back\)/);
  await expect(notes).toContainText(`1 duplicate label (first kept): ${labelRows[0].replace(/,.*/, '')}`);
  await expect(notes).toContainText('1 label for ids not in the log: no-such-request');
  const logAlerts = (await logPanel.locator('[data-testid=monitor-alert][data-alert=feature-drift]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')))).sort();
  expect(logAlerts).toEqual([...drifted].sort());
  await expect(logPanel.getByTestId('monitor-no-labels')).toHaveCount(0); // labels joined: the performance chart is drawn
  await logPanel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('monitor-log-import.png'), fullPage: false });
  await logPanel.locator('.mo-charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('monitor-log-charts.png') });
  // A time range merges the worker's hourly summaries, without a second read: the last 24 hours
  // cover this whole log (the line from the past included).
  await logs.getByTestId('monitor-range').selectOption({ label: 'last 24 hours' });
  await expect(logPanel).toContainText('last 24 hours');
  await expect(logPanel).toHaveAttribute('data-rows', String(stream.sent + 1));

  // The scorer's log folder picked whole, as it is on disk: its summary log (written beside the
  // row lines, flushed at SIGTERM) and the row lines — every prediction counted once, the same alerts.
  await logs.getByTestId('monitor-labels-file').setInputFiles([]);
  await logs.getByTestId('monitor-log-files').setInputFiles([join(logDir, 'predictions.ndjson'), join(logDir, 'summaries.ndjson')]);
  await logs.getByTestId('monitor-import').click();
  await expect(logPanel).toHaveAttribute('data-rows', String(stream.sent), { timeout: 60_000 });
  await expect(notes).toContainText(`${stream.sent.toLocaleString('en')} predictions read from`);
  await expect(notes).toContainText(`${stream.sent.toLocaleString('en')} row lines they already counted were not counted again`);
  const folderAlerts = (await logPanel.locator('[data-testid=monitor-alert][data-alert=feature-drift]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')))).sort();
  expect(folderAlerts).toEqual([...drifted].sort());
  await logPanel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('monitor-log-folder.png') });

  // Cancel: a ~100 MB log (the same lines over and over) stops when asked; the import shown stays.
  const bigLog = join(dir, 'big.ndjson');
  const chunk = log.join('\n') + '\n';
  writeFileSync(bigLog, chunk.repeat(Math.ceil(100e6 / chunk.length)));
  await logs.getByTestId('monitor-log-files').setInputFiles(bigLog);
  await logs.getByTestId('monitor-import').click();
  await expect(logs.getByTestId('monitor-progress')).toBeVisible();
  await logs.getByTestId('monitor-cancel').click();
  await expect(logs.getByTestId('monitor-notice')).toContainText('Import cancelled');
  await expect(logPanel).toHaveAttribute('data-rows', String(stream.sent)); // the folder's import stays

  // ---- the fleet: the model imported into the registry as "credit", with the drift monitoring saw
  const files = Object.fromEntries(readdirSync(modelDir).filter((n) => statSync(join(modelDir, n)).isFile()).map((n) => [n, readFileSync(join(modelDir, n))]));
  await page.getByTestId('open-registry').click();
  const registry = page.getByTestId('registry-view');
  await registry.getByTestId('import-name').fill('credit');
  await registry.getByTestId('import-zip-input').setInputFiles({ name: 'credit.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
  await expect(registry.getByTestId('interchange-outcome')).toContainText('as credit v1');
  await page.getByTestId('open-fleet').click();
  const fleet = page.getByTestId('fleet-view');
  const tenant = fleet.locator('[data-testid=fleet-tenant][data-tenant=credit]');
  await expect(tenant).toHaveAttribute('data-drift', 'drift');
  for (const f of drifted) await expect(tenant).toContainText(f);
  await expect(fleet.getByTestId('fleet-in-production').locator('b')).toHaveText('1');
  await expect(fleet.getByTestId('fleet-trained-this-month').locator('b')).toHaveText('1');
  // A fleet.json from `tourney fleet train`: its trained tenants join the table (credit, in the
  // registry already, once), its skipped and failed ones are listed with their reasons.
  const tenantStatus = (tenant: string, state: string, above: boolean | null, reason: string | null = null) => ({
    tenant, state, reason, templateSha256: 'a'.repeat(64), dataSha256: null, rows: 300, seconds: 4, finishedAt: new Date().toISOString(), shard: '0/1',
    winner: state === 'done' ? { family: tenant === 'acme' ? 'gbdt' : 'linear', members: [] } : null, metric: 'auroc', higherIsBetter: true,
    cvScore: state === 'done' ? 0.81 : null, testScore: state === 'done' ? 0.8 : null,
    aboveChance: above === null ? null : { above, chance: 0.5, cvBound: 0.7, pValue: above ? 0.005 : 0.4, reason: '' }, registeredVersion: state === 'done' ? 1 : null,
  });
  const fleetJson = {
    kind: 'tourney-fleet', format: 1, template: { name: 'credit template', sha256: 'a'.repeat(64) }, source: { tenants: 'tenants/', tenantColumn: null },
    updatedAt: new Date().toISOString(), expected: ['credit', 'acme', 'noise', 'broken', 'crashed'],
    tenants: [tenantStatus('credit', 'done', true), tenantStatus('acme', 'done', true), tenantStatus('noise', 'done', false), tenantStatus('broken', 'skipped', null, 'one class only in the target'), tenantStatus('crashed', 'failed', null, 'out of memory')],
    counts: { done: 3, skipped: 1, failed: 1, missing: 0, aboveChance: 2 },
  };
  const fleetInput = fleet.getByTestId('fleet-import-input');
  await fleetInput.setInputFiles({ name: 'fleet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...fleetJson, tenants: [{ tenant: 'x' }] })) });
  await expect(fleet.getByTestId('fleet-import-error')).toContainText('fleet.json: field tenants.0.state');
  await fleetInput.setInputFiles({ name: 'fleet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fleetJson)) });
  await expect(fleet.getByTestId('fleet-manifest')).toContainText('3 trained, 1 skipped, 1 failed');
  await expect(fleet.locator('[data-testid=fleet-tenant]')).toHaveCount(3);
  await expect(fleet.locator('[data-testid=fleet-tenant][data-tenant=credit]')).toHaveAttribute('data-from', 'registry');
  await expect(fleet.locator('[data-testid=fleet-tenant][data-tenant=noise]')).toContainText('no');
  await expect(fleet.locator('[data-testid=fleet-not-trained-tenant][data-tenant=broken]')).toContainText('one class only in the target');
  await expect(fleet.locator('[data-testid=fleet-not-trained-tenant][data-tenant=crashed]')).toHaveAttribute('data-state', 'failed');
  await expect(fleet.getByTestId('fleet-above-chance').locator('b')).toHaveText('50%'); // acme yes, noise no (credit's --fixed card has no verdict)
  await fleet.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('fleet.png') });
  // From a registered version to its Monitor view.
  await page.getByTestId('open-registry').click();
  await registry.locator('[data-testid=registry-version][data-version="1"]').getByTestId('registry-monitor').click();
  await expect(logs.getByTestId('monitor-log-model')).toHaveValue('credit@1');
  expect(problems).toEqual([]);
});

test('aggregation benchmark in Chromium: 10,000,000 records in the worker, the main thread free meanwhile; cancel', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const reference = JSON.parse(readFileSync(join(dir, 'credit', 'reference-profile.json'), 'utf8')) as unknown;
  await page.goto('./');
  await expect(page.getByTestId('monitor-view')).toBeAttached();
  await waitForQuiet(page);
  const run = async (n: number, mode: 'records' | 'ndjson' | 'summaries') => page.evaluate(async ({ reference, n, mode }) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    observer.observe({ type: 'longtask' });
    // A frame counter on the main thread: the page keeps painting while the worker works.
    let frames = 0;
    let counting = true;
    const tick = () => { frames++; if (counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    let progressEvents = 0;
    const worker = (globalThis as unknown as { tourneyMonitorWorker: { aggregateGenerated: (r: unknown, n: number, m: string, p: () => void) => Promise<{ seconds: number; rows: number; writeSeconds?: number; summaryLines?: number; summaryBytes?: number } | 'cancelled'> } }).tourneyMonitorWorker;
    const t0 = performance.now();
    const result = await worker.aggregateGenerated(reference, n, mode, () => { progressEvents++; });
    const wall = (performance.now() - t0) / 1000;
    counting = false;
    observer.disconnect();
    return { result, wall, longTasks, frames, progressEvents };
  }, { reference, n, mode });

  const big = await run(10_000_000, 'records');
  const parse = await run(1_000_000, 'ndjson');
  // 10 M logged predictions as the scorer's summary log holds them (kernels/monitor/summary-line.ts):
  // summarising them is the scorer's work while serving (writeSeconds); the import is timed.
  const logged = await run(10_000_000, 'summaries');
  const summary = {
    records: { n: 10_000_000, workerSeconds: big.result === 'cancelled' ? null : big.result.seconds, wallSeconds: big.wall, longestMainThreadTaskMs: Math.max(0, ...big.longTasks), longTasks: big.longTasks.length, frames: big.frames, progressEvents: big.progressEvents },
    ndjson: { n: 1_000_000, workerSeconds: parse.result === 'cancelled' ? null : parse.result.seconds, longestMainThreadTaskMs: Math.max(0, ...parse.longTasks) },
    summaries: logged.result === 'cancelled' ? null : {
      n: 10_000_000, importSeconds: logged.result.seconds, scorerSideSeconds: logged.result.writeSeconds, lines: logged.result.summaryLines, bytes: logged.result.summaryBytes,
      rows: logged.result.rows, longestMainThreadTaskMs: Math.max(0, ...logged.longTasks),
    },
  };
  console.log(`monitor aggregation benchmark: ${JSON.stringify(summary)}`);
  testInfo.annotations.push({ type: 'benchmark', description: JSON.stringify(summary) });
  expect(big.result).not.toBe('cancelled');
  if (big.result !== 'cancelled') expect(big.result.rows).toBe(10_000_000);
  expect(big.progressEvents).toBeGreaterThan(5);
  // Generous bounds for a shared, loaded machine; the quiet-machine figures are the lead's to take.
  expect(summary.records.workerSeconds!).toBeLessThan(60);
  // The page kept painting (frames counted on the main thread while the worker ran) and no
  // main-thread task came near the aggregation's length; Long Tasks are wall time, so on a machine
  // with a load of 25+ on 2 cores a 15 ms task reads 200 ms: the bound is loose on purpose.
  expect(big.frames / big.wall).toBeGreaterThan(10);
  expect(summary.records.longestMainThreadTaskMs).toBeLessThan(500);
  // The scorer's summaries of 10 M predictions: every one counted, imported well inside 10 s.
  expect(summary.summaries?.rows).toBe(10_000_000);
  expect(summary.summaries!.importSeconds).toBeLessThan(10);

  // Cancel: a second run stops when asked and says so.
  const cancelled = await page.evaluate(async ({ reference }) => {
    const worker = (globalThis as unknown as { tourneyMonitorWorker: { aggregateGenerated: (r: unknown, n: number, m: string, p: () => void) => Promise<unknown>; cancel: () => Promise<void> } }).tourneyMonitorWorker;
    let cancelAsked = false;
    const started = performance.now();
    const result = await worker.aggregateGenerated(reference, 10_000_000, 'records', () => {
      if (!cancelAsked) { cancelAsked = true; void worker.cancel(); }
    });
    return { result, seconds: (performance.now() - started) / 1000 };
  }, { reference });
  expect(cancelled.result).toBe('cancelled');
  console.log(`cancelled after ${cancelled.seconds.toFixed(2)} s`);
  writeFileSync(testInfo.outputPath('benchmark.json'), JSON.stringify(summary, null, 2));
});
