import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadModelDirFiles } from '../../kernels/modeldir';
import { experimentSchema } from '../../kernels/registry/documents';
import { createInlineExecutor } from '../../kernels/tournament/executor';
import { runTournament } from '../../kernels/tournament/run-tournament';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';
import { DexieRegistryStore } from '../../renderer/registry/dexie-store';
import { buildRegistration, tableContentBytes } from './registration';

describe('buildRegistration', () => {
  it('gives a checked model directory and an experiment that register as a version', async () => {
    const table = syntheticBinaryTable(200, 5);
    const settings = { target: 'target', models: ['linear' as const, 'bayes' as const], timeBudgetSeconds: 60, maxCandidates: 3, seed: 1 };
    const result = await runTournament(table, settings, createInlineExecutor());
    const createdAt = '2026-12-04T12:00:00.000Z';
    const { files, experiment } = buildRegistration({ result, table, settings, seconds: 1.5 }, { createdAt, notebook: 'demo.ipynb', tourneyVersion: '0.0.0-test' });

    const loaded = loadModelDirFiles(files, 'registered');
    expect(loaded.meta.target).toBe('target');
    expect([...files.keys()].sort()).toEqual(expect.arrayContaining(['manifest.json', 'meta.json', 'pipeline.json', 'report.json', 'template.json', 'tournament.json']));
    expect(experimentSchema.parse(experiment)).toEqual(experiment);
    expect(experiment).toMatchObject({ source: 'app', notebook: 'demo.ipynb', target: 'target', createdAt, dataset: { rows: 200, fileName: table.name } });
    expect(experiment.leaderboard.length).toBe(result.leaderboard.length);

    const store = new DexieRegistryStore(`registration-${Date.now()}`, { indexedDB, IDBKeyRange });
    const version = await store.registerVersion({ name: 'synthetic', files, createdAt, source: 'app', experiment });
    expect(version.lineage.experimentId).toBe(experiment.id);
    expect(await store.readVersionFiles('synthetic', 1)).toEqual(files);
    store.close();
  });

  it('fingerprints the table content: same values same bytes, one changed value different bytes', () => {
    const a = syntheticBinaryTable(50, 3);
    const b = syntheticBinaryTable(50, 3);
    expect(tableContentBytes(a)).toEqual(tableContentBytes(b));
    const column = b.columns.find((c) => c.storage === 'numeric')!;
    if (column.storage === 'numeric') column.values[0] += 1;
    expect(tableContentBytes(a)).not.toEqual(tableContentBytes(b));
  });
});
