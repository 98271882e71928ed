// Export scorer's worker side against `tourney export`: the same files byte for byte (bundle.json
// apart: its time and registry record), zipped in one folder; a missing asset is named.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as ort from 'onnxruntime-web/wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileServices } from '../../main/file-services';
import { createIpcHandlers, GrantedPaths } from '../../main/ipc-handlers';
import { buildBundleAssets, writeBundle } from '../../scorer/bundle/write-bundle';
import { readModelDirFiles } from '../../scorer/server/read-model-dir';
import { DATA, tourney } from '../../scorer/testing/scorer-process';
import { bundleZip, exportBundle, fetchBundleAssets } from './export-bundle';

const work = mkdtempSync(join(tmpdir(), 'tourney-app-export-'));
const modelDir = join(work, 'penguins');

beforeAll(async () => {
  ort.env.wasm.numThreads = 1;
  const run = await tourney(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":8}', '--out', modelDir]);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Export scorer (worker side)', () => {
  it('gives the files tourney export writes, byte for byte, zipped in <name>-scorer/', async () => {
    const cli = await writeBundle(modelDir, join(work, 'cli-bundle'), { name: 'penguins' });
    const exported = await exportBundle(ort, readModelDirFiles(modelDir), await buildBundleAssets(), { name: 'penguins', registry: { root: 'app (IndexedDB)', model: 'penguins', version: 3 } }, 'penguins v3');
    expect(exported.folder).toBe('penguins-scorer');
    expect(exported.files.map(([p]) => p)).toEqual(cli.files);
    for (const [path, bytes] of exported.files) {
      if (path === 'bundle.json') continue;
      expect(Buffer.from(bytes).equals(readFileSync(join(work, 'cli-bundle', path))), path).toBe(true);
    }
    const bundleJson = JSON.parse(new TextDecoder().decode(exported.files.find(([p]) => p === 'bundle.json')![1])) as Record<string, unknown>;
    expect(bundleJson.registry).toEqual({ root: 'app (IndexedDB)', model: 'penguins', version: 3 });
    const zipped = unzipSync(bundleZip(exported));
    expect(Object.keys(zipped).sort()).toEqual(cli.files.map((f) => `penguins-scorer/${f}`).sort());
    expect(bundleZip(exported)).toEqual(bundleZip(exported));
  }, 60_000);

  it('Electron: the main process handler (saveBundle) writes the exported files as tourney export does', async () => {
    const exported = await exportBundle(ort, readModelDirFiles(modelDir), await buildBundleAssets(), { name: 'penguins' }, 'penguins');
    const chosen = join(work, 'chosen');
    const host = { ...createFileServices(), showOpenDialog: async () => null, showSaveDialog: async () => null, showFolderDialog: async () => chosen };
    const handlers = createIpcHandlers(host, new GrantedPaths([], () => undefined));
    const saved = await handlers.saveBundle({ url: 'app://tourney/index.html' }, exported.folder, exported.files.map(([path, data]) => ({ path, data })));
    expect(saved).toEqual({ name: 'penguins-scorer', path: join(chosen, 'penguins-scorer') });
    for (const [path, bytes] of exported.files) expect(Buffer.from(bytes).equals(readFileSync(join(chosen, 'penguins-scorer', path))), path).toBe(true);
  }, 60_000);

  it('names an asset the app cannot read', async () => {
    const fetcher = (async (url: string) => new Response('nope', { status: url.includes('server') ? 404 : 200 })) as typeof fetch;
    await expect(fetchBundleAssets('./assets/server-x.js', './assets/runtime-lock-x.json', fetcher)).rejects.toThrow('the app could not read its scorer asset ./assets/server-x.js (HTTP 404): rebuild the app');
  });

  it('refuses a model directory with an edited file, naming it', async () => {
    const files = readModelDirFiles(modelDir);
    files.set('pipeline.json', new TextEncoder().encode(new TextDecoder().decode(files.get('pipeline.json')) + ' '));
    await expect(exportBundle(ort, files, await buildBundleAssets(), { name: 'penguins' }, 'penguins v1')).rejects.toThrow(/penguins v1\/pipeline\.json: does not match manifest\.json/);
  }, 30_000);
});
