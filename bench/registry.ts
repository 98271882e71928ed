// Registry store benchmark (store level, not the UI):
//   node --import tsx bench/registry.ts [--models 50] [--versions 1000] [--curve-points 2000] [--repeats 20]
// Fills the app's Dexie store with --versions versions spread over --models models (each version
// a real model directory (modelDirFixture: manifest, meta, pipeline, tournament, report with ROC/PR
// curves of --curve-points points, template) and its experiment), then times what the Registry
// and Compare views need first:
//   list     every model's list row (DexieRegistryStore.listModelRows, what the view opens on)
//   versions one model's version rows (listVersionRows)
//   compare  compare data for two versions (two version documents, their summary files read and
//            hash-checked, compareVersions)
//   experiments  all experiments listed, filtered by text and sorted by score
// Runs in Node on fake-indexeddb (an in-memory IndexedDB in JavaScript), not Chromium's IndexedDB:
// the numbers show the store's own cost; the views' 200 ms / 300 ms goals are measured in Chromium.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { loadavg } from 'node:os';
import { compareStoredVersions } from '../kernels/registry/compare';
import { filterExperiments, sortExperiments } from '../kernels/registry/experiments';
import { modelDirFixture } from '../kernels/registry/testing/model-dir-fixture';
import { experimentFixture } from '../kernels/registry/testing/registry-fixture';
import { DexieRegistryStore } from '../renderer/registry/dexie-store';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const models = flag('models', 50);
const versions = flag('versions', 1000);
const curvePoints = flag('curve-points', 2000);
const repeats = flag('repeats', 20);

const modelFiles = (variant: number) => modelDirFixture(variant, { curvePoints });
const reportKb = (modelFiles(0).get('report.json')!.byteLength / 1024).toFixed(0);

async function time(label: string, run: () => Promise<unknown>): Promise<{ label: string; median: number; p90: number; min: number }> {
  await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { label, median: ms[Math.floor(ms.length / 2)], p90: ms[Math.floor(ms.length * 0.9)], min: ms[0] };
}

const store = new DexieRegistryStore(`bench-${Date.now()}`, { indexedDB, IDBKeyRange });
const fillStart = performance.now();
for (let i = 0; i < versions; i++) {
  const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  await store.registerVersion({ name: `model-${String(i % models).padStart(2, '0')}`, files: modelFiles(i), createdAt, source: 'app', experiment: experimentFixture(i, createdAt, 'app') });
}
const fillSeconds = (performance.now() - fillStart) / 1000;
await store.moveAlias('model-07', { alias: 'champion', to: 3, at: new Date().toISOString() });

const rows = [
  await time(`list ${models} model rows`, async () => {
    const list = await store.listModelRows();
    if (list.length !== models) throw new Error('wrong model count');
  }),
  await time(`one model's ${versions / models} version rows`, () => store.listVersionRows('model-07')),
  await time(`list ${models} models + latest version documents + aliases (listModels)`, () => store.listModels()),
  await time('compare data for two versions', () => compareStoredVersions(store, { name: 'model-07', version: 3 }, { name: 'model-07', version: 18 })),
  await time(`list ${versions} experiment rows, filter by text, sort by score`, async () => sortExperiments(filterExperiments(await store.listExperimentRows(), { text: 'churn' }), 'score')),
  await time(`list ${versions} whole experiment documents`, () => store.listExperiments()),
];

console.log(`registry store benchmark: ${versions} versions across ${models} models, report.json ${reportKb} KB, ${repeats} repeats after one warm-up`);
console.log(`fake-indexeddb ${'(Node ' + process.version + ')'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; filled in ${fillSeconds.toFixed(1)} s (${((fillSeconds * 1000) / versions).toFixed(1)} ms a registration)\n`);
console.log('| operation | median ms | p90 ms | min ms |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.label} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.min.toFixed(1)} |`);
store.close();
