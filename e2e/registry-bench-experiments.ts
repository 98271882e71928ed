// Prints (JSON) 1,000 experiment documents for the registry benchmark, built the way
// `train --register` builds them from a model directory (argv[2]). Run with `node --import tsx`
// (the kernels load outside Playwright's module loader).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createExperiment } from '../kernels/registry/experiments';
import { sha256OfText } from '../kernels/registry/hash';
import { readModelDirSummary } from '../kernels/registry/model-dir-summary';

const dir = process.argv[2];
const summary = readModelDirSummary(new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))])));
const experiments = Array.from({ length: 1000 }, (_, i) => createExperiment({
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 20), (i % 20) + 1)).toISOString(), source: 'cli', notebook: null, tourneyVersion: '0.1.0',
  dataset: { sha256: sha256OfText(`penguins ${i % 7}`), fileName: `penguins-${i % 7}.csv`, rows: 344 + i, schema: [{ name: 'species', type: 'categorical' }], profile: [{ name: 'species', missingShare: 0, distinct: 3 }] },
  summary, totalSeconds: 1 + (i % 13),
}));
process.stdout.write(JSON.stringify(experiments));
