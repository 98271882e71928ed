// Scoring and "Export scorer" in the app, end to end in Chromium: a tournament on the demo leads;
// the winner's batch scoring (onnxruntime-web, WASM, in the scoring worker) and What if? agree
// with `tourney predict` on the same model (the registered version exported as a model directory)
// within 1e-6; the registered version's what-if (one row typed field by field) and a dropped CSV
// agree too; "Export scorer" downloads a zip holding the files `tourney export` writes (byte for
// byte, bundle.json apart), which, unzipped into a fresh folder outside the repository, installs
// with `npm install --offline`, answers /readyz and scores a row as the app did. Long tasks on
// the main thread while a batch runs are logged (timings are the lead's to take on a quiet machine).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { startProcess } from '../scorer/testing/scorer-process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOURNEY = join(ROOT, 'cli/bin/tourney.js');
const LEADS = join(ROOT, 'sample-data/public/leads.csv');
const TOLERANCE = 1e-6;

/** One CSV line's cells (quotes and "" escapes; no line breaks inside these rows). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cell); cell = ''; } else cell += ch;
  }
  out.push(cell);
  return out;
}

function csvRows(text: string): string[][] {
  return text.trim().split('\n').map(cells);
}

/** Max |a − b| over the numeric cells of two predictions CSVs; throws when a label or the shape differs. */
function compareCsv(app: string, native: string): number {
  const a = csvRows(app);
  const b = csvRows(native);
  expect(a[0]).toEqual(b[0]);
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 1; i < b.length; i++) {
    expect(a[i][0], `row ${i}`).toBe(b[i][0]);
    for (let c = 1; c < b[i].length; c++) worst = Math.max(worst, Math.abs(Number(a[i][c]) - Number(b[i][c])));
  }
  return worst;
}

async function download(page: Page, click: () => Promise<void>, path: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  await file.saveAs(path);
  return readFileSync(path);
}

function unzipTo(zip: Uint8Array, dir: string): void {
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile()).map((p) => p.split('\\').join('/')).sort();
}

test('app scoring equals tourney predict; Export scorer gives the tourney export bundle, which installs offline and scores the same', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  const work = mkdtempSync(join(tmpdir(), 'tourney-e2e-export-'));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('./');
  await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });

  // A tournament on the demo leads.
  await page.getByTestId('view-tab-automl').click();
  const automl = page.getByTestId('automl-view');
  await automl.getByTestId('automl-target').selectOption('converted');
  await expect(automl.getByTestId('automl-task')).toContainText('binary');
  await automl.getByTestId('automl-budget').fill('6');
  await automl.getByTestId('automl-run').click();
  await expect(automl.getByTestId('automl-winner')).toBeVisible({ timeout: 90_000 });

  // Register it, and take the registered version out as a model directory for the CLI.
  await automl.getByTestId('register-submit').click();
  await expect(automl.getByTestId('register-outcome')).toContainText('Registered leads v1');
  await page.getByTestId('open-registry').click();
  const registry = page.getByTestId('registry-view');
  const version = registry.locator('[data-testid=registry-version][data-version="1"]');
  await expect(version).toBeVisible();
  const modelDir = join(work, 'leads-model');
  unzipTo(await download(page, () => version.getByTestId('registry-export').click(), join(work, 'leads-model.zip')), modelDir);
  const predicted = execFileSync(process.execPath, [TOURNEY, 'predict', modelDir, LEADS], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const native = csvRows(predicted);

  // The winner's batch on the loaded table (5,000 rows), with the main thread watched.
  await page.getByTestId('view-tab-automl').click();
  const winner = automl.locator('[data-testid=scoring-panel][data-model^="automl:"]');
  await expect(winner.getByTestId('scoring-info')).toContainText('binary');
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
  });
  await winner.getByTestId('scoring-table').selectOption('leads');
  await winner.getByTestId('scoring-score-table').click();
  await expect(winner.getByTestId('scoring-done')).toHaveAttribute('data-rows', '5000', { timeout: 60_000 });
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  process.stderr.write(`export-scorer e2e: main-thread long tasks while the winner scored 5,000 rows: ${JSON.stringify(longTasks)} ms\n`);
  // Generous under load: the scoring runs in its worker, the page only draws progress.
  expect(Math.max(0, ...longTasks)).toBeLessThan(400);
  await winner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('winner-batch.png') });
  const winnerCsv = (await download(page, () => winner.getByTestId('scoring-download').click(), join(work, 'winner-scored.csv'))).toString();
  const batchDiff = compareCsv(winnerCsv, predicted);
  expect(batchDiff).toBeLessThan(TOLERANCE);

  // The AutoML What if? (prefilled from row 1) now scores through the same ONNX model: its shown
  // percentage is tourney predict's row 1.
  const shown = await automl.getByTestId('automl-prediction').locator('.am-probability').last().locator('.am-num').textContent();
  expect(Number(shown!.replace('%', ''))).toBeCloseTo(100 * Number(native[1][1]), 1);

  // The registered version: What if? typed field by field from rows of the file.
  await page.getByTestId('open-registry').click();
  await version.getByTestId('registry-score').click();
  const panel = registry.locator('[data-testid=scoring-panel][data-model="registry:leads@1"]');
  await expect(panel.getByTestId('scoring-info')).toContainText('binary');
  const lines = readFileSync(LEADS, 'utf8').split('\n');
  const header = cells(lines[0]);
  const inputs = await panel.locator('[data-testid^=scoring-field-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('scoring-field-'.length)));
  let whatIfDiff = 0;
  let whatIfScore = 0;
  let whatIfRow: Record<string, string> = {};
  for (const row of [3, 42]) {
    const values = cells(lines[row]);
    whatIfRow = Object.fromEntries(inputs.map((name) => [name, values[header.indexOf(name)] ?? '']));
    for (const name of inputs) await panel.getByTestId(`scoring-field-${name}`).fill(whatIfRow[name]);
    const expected = Number(native[row][1]);
    await expect.poll(async () => {
      const probabilities = JSON.parse((await panel.getByTestId('scoring-prediction').getAttribute('data-probabilities')) ?? 'null') as Record<string, number> | null;
      return probabilities ? Math.abs(probabilities.Yes - expected) : Infinity;
    }).toBeLessThan(TOLERANCE);
    const probabilities = JSON.parse((await panel.getByTestId('scoring-prediction').getAttribute('data-probabilities'))!) as Record<string, number>;
    whatIfScore = probabilities.Yes;
    whatIfDiff = Math.max(whatIfDiff, Math.abs(probabilities.Yes - expected));
    await expect(panel.getByTestId('scoring-prediction')).toHaveAttribute('data-prediction', native[row][0]);
  }
  // A bad value is named, not scored.
  await panel.getByTestId('scoring-field-employees').fill('many');
  await expect(panel.getByTestId('scoring-whatif-error')).toContainText('field "employees": expected a number, got "many"');
  await panel.getByTestId('scoring-field-employees').fill(whatIfRow.employees);
  await expect(panel.getByTestId('scoring-prediction')).toBeVisible();

  // A long batch (60,000 rows) shows progress and stops on Cancel; the panel scores again afterwards.
  const big = join(work, 'leads-x12.csv');
  writeFileSync(big, [lines[0], ...Array.from({ length: 12 }, () => lines.slice(1).filter(Boolean)).flat()].join('\n') + '\n');
  await panel.getByTestId('scoring-file').setInputFiles(big);
  await expect.poll(async () => Number(await panel.getByTestId('scoring-progress').getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
  await panel.getByTestId('scoring-progress').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-batch-progress.png') });
  await panel.getByTestId('scoring-cancel').click();
  await expect(panel.getByTestId('scoring-batch-outcome')).toContainText('Cancelled');

  // A dropped CSV (through the file input): the first 800 rows of the file.
  const part = join(work, 'leads-part.csv');
  writeFileSync(part, lines.slice(0, 801).join('\n') + '\n');
  await panel.getByTestId('scoring-file').setInputFiles(part);
  await expect(panel.getByTestId('scoring-done')).toHaveAttribute('data-rows', '800', { timeout: 60_000 });
  const partCsv = (await download(page, () => panel.getByTestId('scoring-download').click(), join(work, 'part-scored.csv'))).toString();
  const partPredicted = execFileSync(process.execPath, [TOURNEY, 'predict', modelDir, part], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  expect(compareCsv(partCsv, partPredicted)).toBeLessThan(TOLERANCE);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-scoring.png') });

  // Export scorer on the registered version: the zip holds what `tourney export` writes.
  const zip = await download(page, () => version.getByTestId('export-scorer').click(), join(work, 'leads-scorer.zip'));
  await expect(version.getByTestId('export-scorer-outcome')).toHaveAttribute('data-text', /Downloaded leads-scorer\.zip/);
  await version.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-export-scorer.png') });
  const fresh = mkdtempSync(join(tmpdir(), 'tourney-fresh-bundle-'));
  expect(relative(ROOT, fresh).startsWith('..')).toBe(true);
  unzipTo(zip, fresh);
  const bundle = join(fresh, 'leads-scorer');
  const cliBundle = join(work, 'cli-bundle');
  execFileSync(process.execPath, [TOURNEY, 'export', modelDir, '--out', cliBundle, '--name', 'leads'], { stdio: 'pipe' });
  expect(filesUnder(bundle)).toEqual(filesUnder(cliBundle));
  for (const file of filesUnder(cliBundle)) {
    if (file === 'bundle.json') continue;
    expect(readFileSync(join(bundle, file)).equals(readFileSync(join(cliBundle, file))), `${file} as tourney export writes it`).toBe(true);
  }
  const bundleJson = JSON.parse(readFileSync(join(bundle, 'bundle.json'), 'utf8')) as { registry?: { model: string; version: number }; engine: string };
  expect(bundleJson.engine).toBe('onnx');
  expect(bundleJson.registry).toMatchObject({ model: 'leads', version: 1 });

  // The winner's Export scorer gives the same model files.
  await page.getByTestId('view-tab-automl').click();
  const winnerZip = unzipSync(await download(page, () => winner.getByTestId('export-scorer').click(), join(work, 'winner-scorer.zip')));
  await expect(winner.getByTestId('export-scorer-outcome')).toContainText('Downloaded leads-scorer.zip');
  await winner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('winner-export-scorer.png') });
  expect(Object.keys(winnerZip).filter((p) => !p.endsWith('/')).sort()).toEqual(filesUnder(bundle).map((p) => `leads-scorer/${p}`));

  // As a new user would: npm install (offline, from npm's cache), npm start, /readyz, score.
  const install = execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: bundle, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  process.stderr.write(`export-scorer e2e: npm install --offline: ${install.trim().split('\n').at(-1)}\n`);
  const started = performance.now();
  const server = await startProcess('npm', ['start', '--silent'], { PORT: '0', TOURNEY_ACCESS_LOG: 'off' }, bundle);
  try {
    await server.ready;
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    process.stderr.write(`export-scorer e2e: npm start → /readyz 200 in ${Math.round(performance.now() - started)} ms\n`);
    const answer = await (await fetch(`${server.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [whatIfRow] }) })).json() as { predictions: { probabilities: Record<string, number> }[] };
    const served = answer.predictions[0].probabilities.Yes;
    expect(Math.abs(served - whatIfScore)).toBeLessThan(TOLERANCE);
    const csvAnswer = await (await fetch(`${server.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: readFileSync(part) })).json() as { predictions: { prediction: string; probabilities: Record<string, number> }[] };
    const partRows = csvRows(partCsv);
    let servedDiff = 0;
    csvAnswer.predictions.forEach((p, i) => {
      expect(p.prediction).toBe(partRows[i + 1][0]);
      servedDiff = Math.max(servedDiff, Math.abs(p.probabilities.Yes - Number(partRows[i + 1][1])));
    });
    expect(servedDiff).toBeLessThan(TOLERANCE);
    process.stderr.write(`export-scorer e2e: max |app − tourney predict|: batch ${batchDiff.toExponential(2)}, what-if ${whatIfDiff.toExponential(2)}; |bundle − app|: row ${Math.abs(served - whatIfScore).toExponential(2)}, 800-row CSV ${servedDiff.toExponential(2)}\n`);
  } finally {
    await server.stop();
  }

  // The bundle refuses an edited model.onnx with one line.
  const onnxPath = join(bundle, 'model.onnx');
  const onnx = readFileSync(onnxPath);
  onnx[onnx.length - 9] ^= 0xff;
  writeFileSync(onnxPath, onnx);
  let refused = '';
  try {
    execFileSync(process.execPath, [join(bundle, 'server.js'), '--port', '0'], { cwd: bundle, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
  } catch (err) {
    refused = String((err as { stderr?: Buffer }).stderr ?? '');
  }
  expect(refused.trim().split('\n')).toEqual([expect.stringMatching(/model\.onnx: does not match manifest\.json .*export the bundle again$/)]);

  expect(problems).toEqual([]);
  rmSync(fresh, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});
