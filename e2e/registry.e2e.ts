// The model registry end to end in Chromium's real IndexedDB: run a tournament on the demo leads,
// register it, reload, find it, make it champion, register a second version, compare the two, back
// up (download), clear the origin's storage, restore (upload): every document deep-equal to before,
// read in the page through the store. Then bad input: a truncated, foreign or newer backup, a model
// directory zip with a corrupt or missing file, the storage quota exhausted (DevTools
// protocol), two tabs importing at once; and CLI → app → CLI: a `tourney train --fixed` directory
// imported as a zip, exported again, `tourney predict` output byte-identical.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { waitForQuiet } from './wait-for-quiet';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PENGUINS = fileURLToPath(new URL('../../shared/data/penguins.csv', import.meta.url));
const TOURNEY = join(ROOT, 'cli/bin/tourney.js');

async function openApp(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('./');
  await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
  return problems;
}

async function runTournament(page: Page, budget: number) {
  await page.getByTestId('view-tab-automl').click();
  const view = page.getByTestId('automl-view');
  await view.getByTestId('automl-target').selectOption('converted');
  await expect(view.getByTestId('automl-task')).toContainText('binary');
  await view.getByTestId('automl-budget').fill(String(budget));
  await view.getByTestId('automl-run').click();
  await expect(view.getByTestId('automl-winner')).toBeVisible({ timeout: 60_000 });
  return view;
}

async function openRegistry(page: Page) {
  const view = page.getByTestId('registry-view');
  // As a person would: click again if the page was still growing under the first scroll.
  await expect(async () => {
    await page.getByTestId('open-registry').click();
    await expect(view).toBeInViewport({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  return view;
}

/** Every document and model file in the app's registry, read in the page through the store (bytes as base64). */
async function registrySnapshot(page: Page) {
  await expect.poll(() => page.evaluate(() => 'tourneyRegistry' in globalThis)).toBe(true);
  return page.evaluate(async () => {
    type Store = { snapshot(): Promise<{ experiments: unknown[]; models: { model: unknown; aliases: unknown; versions: { doc: unknown; files: Map<string, Uint8Array> }[] }[] }> };
    const store = (globalThis as unknown as { tourneyRegistry: Store }).tourneyRegistry;
    const snapshot = await store.snapshot();
    const base64 = (bytes: Uint8Array) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    };
    return {
      experiments: snapshot.experiments,
      models: snapshot.models.map((m) => ({
        model: m.model,
        aliases: m.aliases,
        versions: m.versions.map((v) => ({ doc: v.doc, files: [...v.files].map(([name, bytes]) => [name, base64(bytes)]) })),
      })),
    };
  });
}

async function download(page: Page, click: () => Promise<void>, path: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  await file.saveAs(path);
  return readFileSync(path);
}

test('register, reload, champion, second version, compare, back up, clear storage, restore: every document identical', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const problems = await openApp(page);

  let automl = await runTournament(page, 4);
  const register = automl.getByTestId('register-model');
  await expect(register.getByTestId('register-name')).toHaveValue('leads');
  await register.getByTestId('register-note').fill('first run');
  await register.getByTestId('register-tags').fill('demo, e2e');
  await register.getByTestId('register-submit').click();
  await expect(register.getByTestId('register-outcome')).toContainText('Registered leads v1');
  await register.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-register.png') });

  // Survives a reload: IndexedDB, not memory.
  await page.reload();
  await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
  let registry = await openRegistry(page);
  await expect(registry.locator('[data-testid=registry-model][data-model=leads]')).toBeVisible();
  await expect(registry.locator('[data-testid=registry-version][data-version="1"]')).toContainText('first run');
  await registry.getByTestId('alias-name').fill('champion');
  await registry.getByTestId('alias-note').fill('first release');
  await registry.getByTestId('alias-submit').click();
  await expect(registry.getByTestId('alias-move').first()).toContainText('champion: created → v1');
  await expect(registry.locator('[data-testid=registry-version][data-version="1"]')).toContainText('champion');

  automl = await runTournament(page, 6);
  await automl.getByTestId('register-submit').click();
  await expect(automl.getByTestId('register-outcome')).toContainText('Registered leads v2');

  registry = await openRegistry(page);
  await expect(registry.locator('[data-testid=registry-version]')).toHaveCount(2);
  await expect(registry.getByTestId('experiment-row')).toHaveCount(2);
  await registry.locator('[data-testid=registry-version][data-version="1"]').getByTestId('registry-compare-pick').check();
  await registry.locator('[data-testid=registry-version][data-version="2"]').getByTestId('registry-compare-pick').check();
  const compare = registry.getByTestId('compare');
  await expect(compare.getByTestId('compare-metric').first()).toBeVisible();
  await expect(compare.getByTestId('compare-chart-roc').locator('svg').first()).toBeVisible();
  await expect(compare.getByTestId('compare-chart-pr').locator('svg').first()).toBeVisible();
  await expect(compare.getByTestId('compare-settings')).toContainText('timeBudgetSeconds');
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-compare.png') });
  // The two runs side by side: filtered, sorted, picked; metrics, leaderboards (chart and tables), settings diff.
  const experiments = registry.getByTestId('experiments');
  await experiments.getByTestId('experiments-text').fill('no such run');
  await expect(experiments.getByTestId('experiment-row')).toHaveCount(0);
  await experiments.getByTestId('experiments-text').fill('leads');
  await expect(experiments.getByTestId('experiment-row')).toHaveCount(2);
  await experiments.getByTestId('experiments-sort').selectOption('score');
  await experiments.getByTestId('experiments-direction').selectOption('asc');
  for (const pick of await experiments.getByTestId('experiment-compare-pick').all()) await pick.check();
  const runs = experiments.getByTestId('experiment-compare');
  await expect(runs.getByTestId('experiment-compare-metric').first()).toBeVisible();
  await expect(runs.getByTestId('experiment-compare-runs')).toContainText('leads');
  await expect(runs.getByTestId('experiment-compare-leaderboard')).toHaveCount(2);
  await expect(runs.getByTestId('experiment-compare-chart').locator('svg').first()).toBeVisible();
  await expect(runs.getByTestId('experiment-compare-settings')).toContainText('timeBudgetSeconds');
  await runs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-experiments-compare.png') });
  await runs.getByTestId('experiment-compare-close').click();
  await expect(runs).toHaveCount(0);

  await registry.locator('[data-testid=registry-version][data-version="1"]').getByTestId('registry-show-card').click();
  await expect(registry.getByTestId('model-card')).toContainText('Model card: leads v1');
  await registry.getByTestId('registry-detail').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-list.png') });

  const before = await registrySnapshot(page);
  expect(before.models).toHaveLength(1);
  expect(before.models[0].versions).toHaveLength(2);
  expect(before.experiments).toHaveLength(2);
  expect((before.models[0].aliases as { aliases: Record<string, number> }).aliases).toEqual({ champion: 1 });

  const backupPath = testInfo.outputPath('backup.tourney-registry');
  await download(page, () => registry.getByTestId('registry-backup').click(), backupPath);

  // Clear the origin's IndexedDB (the registry, the notebook autosave, cached tables) and reload.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  await page.reload();
  registry = await openRegistry(page);
  await expect(registry.getByTestId('registry-empty')).toBeVisible();
  expect((await registrySnapshot(page)).models).toHaveLength(0);

  await registry.getByTestId('restore-input').setInputFiles(backupPath);
  await expect(registry.getByTestId('interchange-outcome')).toContainText('Restored backup.tourney-registry: 1 models, 2 versions, 2 experiments');
  const after = await registrySnapshot(page);
  expect(after).toEqual(before);
  await expect(registry.locator('[data-testid=registry-version]')).toHaveCount(2);
  await registry.getByTestId('registry-detail').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-restored.png') });
  expect(problems).toEqual([]);
});

test('bad input is refused with the file named and nothing changed; two tabs; CLI → app → CLI round trip', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'tourney-registry-e2e-'));
  const modelDir = join(dir, 'penguins');
  execFileSync(process.execPath, [TOURNEY, 'train', PENGUINS, '--target', 'species', '--fixed', '{"trees":20}', '--out', modelDir], { stdio: 'pipe' });
  const cliFiles: Record<string, Uint8Array> = {};
  for (const name of readdirSync(modelDir)) cliFiles[name] = new Uint8Array(readFileSync(join(modelDir, name)));
  const zip = (files: Record<string, Uint8Array>) => Buffer.from(zipSync(files));

  const problems = await openApp(page);
  const registry = await openRegistry(page);
  const input = registry.getByTestId('import-zip-input');
  const outcome = registry.getByTestId('interchange-outcome');

  // CLI → app: the folder zipped (with its folder name inside), imported as a new model.
  await input.setInputFiles({ name: 'penguins.zip', mimeType: 'application/zip', buffer: zip(Object.fromEntries(Object.entries(cliFiles).map(([n, b]) => [`penguins/${n}`, b]))) });
  await expect(outcome).toContainText('Imported penguins.zip as penguins v1');

  // app → CLI: exported as a zip, unzipped, `tourney predict` gives byte-identical output.
  const exported = await download(page, () => registry.locator('[data-testid=registry-version][data-version="1"]').getByTestId('registry-export').click(), join(dir, 'export.zip'));
  const exportedDir = join(dir, 'exported');
  mkdirSync(exportedDir);
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(exported)))) {
    expect(Buffer.from(bytes).equals(Buffer.from(cliFiles[name]))).toBe(true);
    writeFileSync(join(exportedDir, name), bytes);
  }
  expect(readdirSync(exportedDir).sort()).toEqual(Object.keys(cliFiles).sort());
  const predict = (d: string) => execFileSync(process.execPath, [TOURNEY, 'predict', d, PENGUINS], { stdio: ['ignore', 'pipe', 'pipe'] });
  expect(predict(exportedDir).equals(predict(modelDir))).toBe(true);

  const before = await registrySnapshot(page);
  const unchanged = async () => expect(await registrySnapshot(page)).toEqual(before);

  // A model directory with a corrupt file, and one with a missing file: refused, the file named.
  const corrupt = { ...cliFiles, 'model.json': strToU8(strFromU8(cliFiles['model.json']).replace(/[0-9]/, (d) => String((Number(d) + 1) % 10))) };
  await input.setInputFiles({ name: 'corrupt.zip', mimeType: 'application/zip', buffer: zip(corrupt) });
  await expect(outcome).toContainText('corrupt.zip was not imported');
  await expect(outcome).toContainText('model.json');
  await unchanged();
  const { 'pipeline.json': _dropped, ...missing } = cliFiles;
  void _dropped;
  await input.setInputFiles({ name: 'missing.zip', mimeType: 'application/zip', buffer: zip(missing) });
  await expect(outcome).toContainText('pipeline.json');
  await unchanged();
  await page.screenshot({ path: testInfo.outputPath('registry-bad-model-dir.png') });

  // Backups: truncated, foreign, from a newer schema: refused, nothing changed.
  const backup = await download(page, () => registry.getByTestId('registry-backup').click(), join(dir, 'good.tourney-registry'));
  const restore = registry.getByTestId('restore-input');
  await restore.setInputFiles({ name: 'truncated.tourney-registry', mimeType: 'application/zip', buffer: backup.subarray(0, Math.floor(backup.length / 2)) });
  await expect(outcome).toContainText('truncated.tourney-registry was not restored (nothing changed)');
  await expect(outcome).toContainText(/truncated|damaged|incomplete/);
  await unchanged();
  await restore.setInputFiles({ name: 'foreign.tourney-registry', mimeType: 'application/zip', buffer: zip({ 'notes.txt': strToU8('hello') }) });
  await expect(outcome).toContainText('not a Tourney registry backup');
  await unchanged();
  const entries = unzipSync(new Uint8Array(backup));
  entries['registry.json'] = strToU8(JSON.stringify({ ...JSON.parse(strFromU8(entries['registry.json'])), schemaVersion: 99 }));
  await restore.setInputFiles({ name: 'newer.tourney-registry', mimeType: 'application/zip', buffer: zip(entries) });
  await expect(outcome).toContainText('update Tourney');
  await unchanged();

  // Two tabs importing at once: both land, with distinct version numbers, and both tabs show both.
  const second = await context.newPage();
  await second.goto('./');
  const registry2 = await openRegistry(second);
  const file = { name: 'penguins.zip', mimeType: 'application/zip', buffer: zip(cliFiles) };
  await Promise.all([input.setInputFiles(file), registry2.getByTestId('import-zip-input').setInputFiles(file)]);
  await expect(outcome).toContainText(/Imported penguins\.zip as penguins v[23]/);
  await expect(registry2.getByTestId('interchange-outcome')).toContainText(/Imported penguins\.zip as penguins v[23]/);
  const final = await registrySnapshot(page);
  expect(final.models[0].versions.map((v) => (v.doc as { version: number }).version)).toEqual([1, 2, 3]);
  // Each tab shows the other's write (BroadcastChannel).
  await expect(registry.locator('[data-testid=registry-version]')).toHaveCount(3);
  await expect(registry2.locator('[data-testid=registry-version]')).toHaveCount(3);
  expect(problems).toEqual([]);
});

test('storage quota exhausted in the middle of a write: import and restore fail whole with a message, everything before kept', async ({ playwright, browserName }, testInfo) => {
  test.setTimeout(300_000);
  expect(browserName).toBe('chromium');
  const dir = mkdtempSync(join(tmpdir(), 'tourney-registry-quota-'));
  const train = (name: string, fixed: string) => {
    execFileSync(process.execPath, [TOURNEY, 'train', PENGUINS, '--target', 'species', '--fixed', fixed, '--out', join(dir, name)], { stdio: 'pipe' });
    return Buffer.from(zipSync(Object.fromEntries(readdirSync(join(dir, name)).map((f) => [f, new Uint8Array(readFileSync(join(dir, name, f)))]))));
  };
  const small = train('small', '{"trees":10}');
  const large = train('large', '{"trees":1500,"maxLeaves":63,"learningRate":0.02}');
  const largeBytes = readdirSync(join(dir, 'large')).reduce((n, f) => n + readFileSync(join(dir, 'large', f)).byteLength, 0);
  // A browser profile on disk, so the registry outlives the browser: Chromium applies a quota
  // override only to storage the origin has not opened yet in this browser process, so the
  // second browser lowers the quota before the app first touches IndexedDB.
  const profile = join(dir, 'profile');
  const { baseURL, viewport, launchOptions } = testInfo.project.use;
  const launch = () => playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport });
  const origin = new URL(baseURL!).origin;

  // First browser: the registry holds a model (v1), and its backup is kept.
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await openApp(page);
  let registry = await openRegistry(page);
  await registry.getByTestId('import-zip-input').setInputFiles({ name: 'penguins.zip', mimeType: 'application/zip', buffer: small });
  await expect(registry.getByTestId('interchange-outcome')).toContainText('Imported penguins.zip as penguins v1');
  const before = await registrySnapshot(page);
  const backupPath = join(dir, 'before.tourney-registry');
  await download(page, () => registry.getByTestId('registry-backup').click(), backupPath);
  await waitForQuiet(page);
  await context.close();

  // Second browser: quota = what the origin uses now + a margin far smaller than the large model.
  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
  const margin = 64 * 1024;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + margin });
  const problems = await openApp(page);
  registry = await openRegistry(page);
  await expect(registry.locator('[data-testid=registry-version]')).toHaveCount(1);
  const { quota } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { quota: number };
  expect(quota).toBe(usage + margin);

  // Import: the version's files, its document, the model and list rows go in one transaction,
  // which the quota stops part-way (the model's files, ~2 MB of JSON, exceed the margin many
  // times even as Chromium compresses what it stores).
  expect(largeBytes).toBeGreaterThan(20 * margin);
  const outcome = registry.getByTestId('interchange-outcome');
  await registry.getByTestId('import-zip-input').setInputFiles({ name: 'large.zip', mimeType: 'application/zip', buffer: large });
  await expect(outcome).toContainText('large.zip was not imported');
  await expect(outcome).toContainText(/storage quota exhausted/);
  await expect(outcome).toContainText('nothing was written');
  await outcome.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-quota-import.png') });
  expect(await registrySnapshot(page)).toEqual(before);

  // Restore over it: a backup holding the large version as well, confirmed (the current registry is
  // downloaded first); the replacing transaction is stopped by the quota, the old registry stays.
  const biggerPath = join(dir, 'bigger.tourney-registry');
  page.on('dialog', (dialog) => void dialog.accept());
  execFileSync(process.execPath, [TOURNEY, 'registry', 'import', join(dir, 'small'), 'penguins', '--registry', join(dir, 'cli-registry')], { stdio: 'pipe' });
  execFileSync(process.execPath, [TOURNEY, 'registry', 'import', join(dir, 'large'), 'penguins', '--registry', join(dir, 'cli-registry')], { stdio: 'pipe' });
  execFileSync(process.execPath, [TOURNEY, 'registry', 'backup', biggerPath, '--registry', join(dir, 'cli-registry')], { stdio: 'pipe' });
  const [kept] = await Promise.all([page.waitForEvent('download'), registry.getByTestId('restore-input').setInputFiles(biggerPath)]);
  expect(kept.suggestedFilename()).toMatch(/\.tourney-registry$/);
  await expect(outcome).toContainText('bigger.tourney-registry was not restored (nothing changed)');
  await expect(outcome).toContainText(/storage quota exhausted/);
  await page.screenshot({ path: testInfo.outputPath('registry-quota-restore.png') });
  expect(await registrySnapshot(page)).toEqual(before);
  await expect(registry.locator('[data-testid=registry-version]')).toHaveCount(1);
  expect(problems).toEqual([]);
  await context.close();
});

test('benchmark: 1,000 versions and their experiments across 50 models: open, another model and Compare timed (logged; the issue asks 200 / 300 ms)', async ({ page }, testInfo) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(join(tmpdir(), 'tourney-registry-bench-'));
  execFileSync(process.execPath, [TOURNEY, 'train', PENGUINS, '--target', 'species', '--models', 'linear', '--fixed', '{}', '--out', join(dir, 'm')], { stdio: 'pipe' });
  const files = readdirSync(join(dir, 'm')).map((name) => [name, readFileSync(join(dir, 'm', name)).toString('base64')]);
  // One experiment a version, as `train --register` records them.
  const experiments = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/registry-bench-experiments.ts'), join(dir, 'm')], { maxBuffer: 64 << 20 }).toString()) as unknown[];
  await openApp(page);
  await expect.poll(() => page.evaluate(() => 'tourneyRegistry' in globalThis)).toBe(true);
  // Seeded through the store itself: 50 models × 20 versions with their experiments, aliases moved on each.
  await page.evaluate(async ({ encoded, experiments }) => {
    type Store = { registerVersion(input: unknown): Promise<unknown>; moveAlias(name: string, move: unknown): Promise<unknown> };
    const store = (globalThis as unknown as { tourneyRegistry: Store }).tourneyRegistry;
    const bytes = new Map(encoded.map(([name, b64]) => [name, Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    for (let m = 0; m < 50; m++) {
      const name = `model-${String(m).padStart(2, '0')}`;
      for (let v = 1; v <= 20; v++) {
        const experiment = experiments[m * 20 + v - 1] as { createdAt: string };
        await store.registerVersion({ name, files: bytes, createdAt: experiment.createdAt, source: 'cli', notes: `v${v}`, experiment });
      }
      await store.moveAlias(name, { alias: 'champion', to: 20, at: new Date().toISOString() });
    }
  }, { encoded: files, experiments });
  await page.reload();
  await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
  // The app finishes starting first: what is measured is the registry opening, not the page.
  await waitForQuiet(page);
  let started = Date.now();
  const registry = await openRegistry(page);
  await expect(registry.getByTestId('registry-model')).toHaveCount(50);
  const clickToListMs = Date.now() - started;
  await expect(registry).toHaveAttribute('data-ready-ms', /^[0-9]+$/);
  // From the view coming into sight to its model list painted (performance marks in the page).
  const readyMs = Number(await registry.getAttribute('data-ready-ms'));
  await expect(registry.getByTestId('experiment-row').first()).toBeVisible();
  await expect(registry.getByTestId('experiments')).toContainText('1000 of 1000 runs');
  // Interactive: picking another model shows its versions.
  started = Date.now();
  await registry.locator('[data-testid=registry-model][data-model=model-37]').click();
  const detail = registry.locator('[data-testid=registry-detail][data-model=model-37]');
  await expect(detail.getByTestId('registry-version').first()).toBeVisible();
  const pickClickMs = Date.now() - started;
  await expect(detail).toHaveAttribute('data-ready-ms', /^[0-9]+$/);
  const pickMs = Number(await detail.getAttribute('data-ready-ms'));
  await registry.locator('[data-testid=registry-version][data-version="20"]').getByTestId('registry-compare-pick').check();
  started = Date.now();
  await registry.locator('[data-testid=registry-version][data-version="18"]').getByTestId('registry-compare-pick').check();
  await expect(registry.getByTestId('compare-metrics')).toBeVisible();
  const compareClickMs = Date.now() - started;
  const compare = registry.getByTestId('compare');
  await expect(compare).toHaveAttribute('data-ready-ms', /^[0-9]+$/);
  const compareMs = Number(await compare.getAttribute('data-ready-ms'));
  await compare.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('registry-bench.png') });
  // Backing up 1,000 versions: zipped in the worker, its progress shown, the page still answering.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  started = Date.now();
  const [backupFile] = await Promise.all([
    page.waitForEvent('download', { timeout: 240_000 }),
    (async () => {
      await registry.getByTestId('registry-backup').click();
      await expect(registry.getByTestId('registry-progress')).toContainText(/Zipping the backup: [0-9,]+ of [0-9,]+ files/);
      await registry.getByTestId('registry-progress').scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath('registry-backup-progress.png') });
    })(),
  ]);
  const backupMs = Date.now() - started;
  await backupFile.saveAs(testInfo.outputPath('bench.tourney-registry'));
  await expect(registry.getByTestId('interchange-outcome')).toContainText('Backup downloaded');
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  const backupMb = (readFileSync(testInfo.outputPath('bench.tourney-registry')).byteLength / 1e6).toFixed(1);
  console.log(`registry bench: backup of 1000 versions (${backupMb} MB) in ${(backupMs / 1000).toFixed(1)} s, the longest main-thread task meanwhile ${Math.round(longest)} ms`);
  const load = execFileSync('cat', ['/proc/loadavg']).toString().trim();
  console.log(`registry bench: 50 models, 1000 versions, 1000 experiments (load ${load}): open → list painted ${readyMs} ms (click → 50 models visible ${clickToListMs} ms, with the scroll); another model's versions read → painted ${pickMs} ms (click → visible ${pickClickMs} ms); compare → painted ${compareMs} ms (click → metrics visible ${compareClickMs} ms)`);
  // On a shared 2-core machine the bound here is loose (a hang or a regression to whole
  // documents, not a slow frame); the log line carries the numbers against 200 / 300 ms.
  expect(readyMs).toBeLessThanOrEqual(1000);
  expect(compareMs).toBeLessThanOrEqual(1500);
  for (const ms of [clickToListMs, pickMs, pickClickMs, compareClickMs]) expect(ms).toBeLessThanOrEqual(3000);
});
