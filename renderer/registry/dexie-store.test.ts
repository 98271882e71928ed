import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { compareStoredVersions } from '../../kernels/registry/compare';
import { findStoredVersion, loadStoredModel } from '../../kernels/registry/lookup';
import { modelDirFixture } from '../../kernels/registry/testing/model-dir-fixture';
import { experimentRow, modelRow, versionRow } from '../../kernels/registry/listing';
import { asSchemaV1, experimentFixture, snapshotFixture } from '../../kernels/registry/testing/registry-fixture';
import { DexieRegistryStore } from './dexie-store';
import { SCHEMA_V1 } from './registry-db';

/** The list projections are exactly what the documents say (after any write or upgrade). */
async function expectRowsMatchDocuments(store: DexieRegistryStore): Promise<void> {
  const snapshot = await store.snapshot();
  expect(await store.listModelRows()).toEqual(snapshot.models.map((m) => modelRow(m.model, m.aliases, m.versions.at(-1)?.doc, m.versions.length)));
  for (const m of snapshot.models) expect(await store.listVersionRows(m.model.name)).toEqual(m.versions.map((v) => versionRow(v.doc)));
  expect(await store.listExperimentRows()).toEqual(snapshot.experiments.map(experimentRow));
}

const options = { indexedDB, IDBKeyRange };
let n = 0;
const freshName = () => `registry-test-${n++}`;
const at = '2026-12-04T12:00:00.000Z';

describe('DexieRegistryStore (fake-indexeddb)', () => {
  it('registers, lists, moves aliases and reads files back byte for byte', async () => {
    const store = new DexieRegistryStore(freshName(), options);
    const experiment = experimentFixture(1);
    const v1 = await store.registerVersion({ name: 'churn', files: modelDirFixture(1), createdAt: at, source: 'app', experiment });
    const v2 = await store.registerVersion({ name: 'churn', files: modelDirFixture(2), createdAt: at, source: 'app' });
    await store.registerVersion({ name: 'other', files: modelDirFixture(3), createdAt: at, source: 'app' });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.lineage.parentVersion).toBe(1);
    expect(await store.getExperiment(experiment.id)).toEqual(experiment);
    expect(await store.listVersions('churn')).toEqual([v1, v2]);
    expect(await store.readVersionFiles('churn', 1)).toEqual(modelDirFixture(1));
    expect([...(await store.readVersionFiles('churn', 1, ['meta.json', 'absent.json'])).keys()]).toEqual(['meta.json']);
    const compared = await compareStoredVersions(store, { name: 'churn', version: 1 }, { name: 'churn', version: 2 });
    expect(compared.metrics.find((m) => m.on === 'cv')!.delta).toBeCloseTo(0.01);
    const aliases = await store.moveAlias('churn', { alias: 'champion', to: 2, at, note: 'better' });
    expect(aliases.history).toEqual([{ at, alias: 'champion', from: null, to: 2, note: 'better' }]);
    expect(await findStoredVersion(store, 'churn@champion')).toEqual(await store.getVersion('churn', 2));
    expect((await loadStoredModel(store, 'churn@1')).files).toEqual(modelDirFixture(1));
    await expect(findStoredVersion(store, 'nope@champion')).rejects.toThrow('no model "nope" in the registry');
    const listing = await store.listModels();
    expect(listing.map((l) => [l.model.name, l.latest?.version, l.aliases.aliases])).toEqual([['churn', 2, { champion: 2 }], ['other', 1, {}]]);
    await expect(store.moveAlias('churn', { alias: 'champion', to: 9, at })).rejects.toThrow('model "churn" has no version 9');
    await expect(store.moveAlias('nope', { alias: 'champion', to: 1, at })).rejects.toThrow('no model "nope" in the registry');
    await expect(store.readVersionFiles('churn', 7)).rejects.toThrow('model "churn" has no version 7');
    await store.putExperiment(experimentFixture(4));
    await expectRowsMatchDocuments(store);
    expect((await store.listModelRows()).map((r) => [r.name, r.latestVersion, r.versionCount, r.aliases])).toEqual([['churn', 2, 2, { champion: 2 }], ['other', 1, 1, {}]]);
    store.close();
  });

  it('leaves nothing partial when a write fails inside the transaction', async () => {
    const store = new DexieRegistryStore(freshName(), options);
    await store.registerVersion({ name: 'churn', files: modelDirFixture(1), createdAt: at, source: 'app' });
    const before = await store.snapshot();
    // A failing write after the files and the experiment were added (as a full disk would).
    const failing = () => {
      throw new Error('QuotaExceededError: simulated');
    };
    store.db.versions.hook('creating', failing);
    await expect(store.registerVersion({ name: 'churn', files: modelDirFixture(2), createdAt: at, source: 'app', experiment: experimentFixture(2) })).rejects.toThrow(/simulated/);
    store.db.versions.hook('creating').unsubscribe(failing);
    expect(await store.snapshot()).toEqual(before);
    expect(await store.db.files.count()).toBe(before.models[0].versions[0].files.size);
    await expectRowsMatchDocuments(store);
    store.close();
  });

  it('gives two connections registering at once (two tabs) distinct version numbers', async () => {
    const name = freshName();
    const a = new DexieRegistryStore(name, options);
    const b = new DexieRegistryStore(name, options);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).registerVersion({ name: 'churn', files: modelDirFixture(i), createdAt: at, source: 'app' })));
    expect(results.map((v) => v.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await a.getModel('churn'))!.latestVersion).toBe(10);
    await expectRowsMatchDocuments(a);
    a.close();
    b.close();
  });

  it('restores a snapshot whole, and refuses a non-empty registry unless replacing', async () => {
    const store = new DexieRegistryStore(freshName(), options);
    const snapshot = snapshotFixture(2, 3);
    await store.restore(snapshot);
    expect(await store.snapshot()).toEqual(snapshot);
    await expectRowsMatchDocuments(store);
    await expect(store.restore(snapshotFixture(1, 1))).rejects.toThrow(/not empty/);
    const broken = snapshotFixture(1, 1);
    broken.models[0].versions[0].files.set('meta.json', new Uint8Array([1]));
    await expect(store.restore(broken, { replace: true })).rejects.toThrow('model-0 v1/meta.json is corrupt: its sha256 does not match version.json');
    expect(await store.snapshot()).toEqual(snapshot);
    await store.restore(snapshotFixture(1, 1), { replace: true });
    expect(await store.snapshot()).toEqual(snapshotFixture(1, 1));
    await expectRowsMatchDocuments(store);
    store.close();
  });

  it('upgrades a version 1 database: documents migrate to schema 2, new indexes work, list projections filled', async () => {
    const name = freshName();
    const snapshot = snapshotFixture(1, 2);
    const old = new Dexie(name, options);
    old.version(1).stores(SCHEMA_V1);
    const model = snapshot.models[0];
    await old.table('experiments').bulkAdd(snapshot.experiments.map((e) => asSchemaV1(e, ['source'])));
    await old.table('models').add(asSchemaV1(model.model, []));
    await old.table('aliases').add(asSchemaV1(model.aliases, []));
    await old.table('versions').bulkAdd(model.versions.map((v) => asSchemaV1(v.doc, ['tags', 'modelCard'])));
    await old.table('files').bulkAdd(model.versions.flatMap((v) => [...v.files].map(([file, bytes]) => ({ model: model.model.name, version: v.doc.version, name: file, bytes }))));
    old.close();

    const store = new DexieRegistryStore(name, options);
    expect(await store.snapshot()).toEqual(snapshot);
    expect(store.db.verno).toBe(3);
    await expectRowsMatchDocuments(store);
    expect((await store.listModelRows())[0]).toMatchObject({ name: 'model-0', latestVersion: 2, versionCount: 2, aliases: { champion: 1 } });
    expect(await store.db.experiments.where('source').equals('cli').count()).toBe(2);
    expect(await store.db.experiments.where('dataset.sha256').equals(snapshot.experiments[0].dataset.sha256).count()).toBe(1);
    store.close();
  });
});
