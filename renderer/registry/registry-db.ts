// The app's registry database (IndexedDB through Dexie) with its declared schema versions.
//   v1  experiments, models, versions, files (one row a model file), aliases
//   v2  more indexes (experiments by source and data set, versions by time), and the documents
//       upgraded to registry schema 2 by the same pure migrations the folder store and backups use
//       (kernels/registry/migrations.ts): experiments gain "source", versions tags and a model card.
//   v3  list projections (kernels/registry/listing.ts) in their own tables, kept in the same
//       transaction as the documents: the Registry view opens on these few kilobytes, not on the
//       documents (model cards, leaderboards, profiles), and reads a document when one is shown.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Aliases, Experiment, ModelVersion, RegisteredModel } from '../../kernels/registry/documents';
import { experimentRow, modelRow, versionRow, type ExperimentRow, type ModelRow, type VersionRow } from '../../kernels/registry/listing';
import { migrateDocument, needsMigration, type DocumentKind } from '../../kernels/registry/migrations';

export interface FileRow {
  model: string;
  version: number;
  name: string;
  bytes: Uint8Array;
}

export const REGISTRY_DB_NAME = 'tourney-registry';

export const SCHEMA_V1 = {
  experiments: 'id, createdAt',
  models: 'name',
  versions: '[model+version], model',
  files: '[model+version+name], [model+version]',
  aliases: 'model',
};

export const SCHEMA_V2 = {
  experiments: 'id, createdAt, source, dataset.sha256',
  versions: '[model+version], model, createdAt',
};

export const SCHEMA_V3 = {
  modelRows: 'name',
  versionRows: '[model+version]',
  experimentRows: 'id, createdAt',
};

export class RegistryDb extends Dexie {
  experiments!: Table<Experiment, string>;
  models!: Table<RegisteredModel, string>;
  versions!: Table<ModelVersion, [string, number]>;
  files!: Table<FileRow, [string, number, string]>;
  aliases!: Table<Aliases, string>;
  modelRows!: Table<ModelRow, string>;
  versionRows!: Table<VersionRow, [string, number]>;
  experimentRows!: Table<ExperimentRow, string>;

  constructor(name = REGISTRY_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(fillProjections);
  }
}

/** Every projection table rebuilt from the documents (the v3 upgrade; also after a restore). */
export async function fillProjections(tx: Transaction): Promise<void> {
  const versions = await tx.table<ModelVersion, [string, number]>('versions').toArray();
  const aliases = new Map((await tx.table<Aliases, string>('aliases').toArray()).map((a) => [a.model, a]));
  const byModel = new Map<string, ModelVersion[]>();
  for (const v of versions) byModel.set(v.model, [...(byModel.get(v.model) ?? []), v]);
  const models = await tx.table<RegisteredModel, string>('models').toArray();
  await tx.table('modelRows').bulkPut(models.map((m) => {
    const own = byModel.get(m.name) ?? [];
    const latest = own.reduce<ModelVersion | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined);
    return modelRow(m, aliases.get(m.name), latest, own.length);
  }));
  await tx.table('versionRows').bulkPut(versions.map(versionRow));
  await tx.table('experimentRows').bulkPut((await tx.table<Experiment, string>('experiments').toArray()).map(experimentRow));
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  const experiments = tx.table<Experiment, string>('experiments');
  const byId = new Map<string, Experiment>();
  await experiments.toCollection().modify((doc, ref) => {
    const upgraded = migrateIfOld('experiment', doc, `experiment ${doc.id}`) as Experiment;
    byId.set(upgraded.id, upgraded);
    ref.value = upgraded;
  });
  for (const table of ['models', 'aliases'] as const) {
    await tx.table(table).toCollection().modify((doc, ref) => {
      ref.value = migrateIfOld(table === 'models' ? 'registered-model' : 'aliases', doc, `${table} ${doc.name ?? doc.model}`);
    });
  }
  const files = tx.table<FileRow, [string, number, string]>('files');
  const versions = tx.table<ModelVersion, [string, number]>('versions');
  for (const doc of await versions.toArray()) {
    const file = `version ${doc.model} v${doc.version}`;
    if (!needsMigration(doc, file)) continue;
    const rows = await files.where('[model+version]').equals([doc.model, doc.version]).toArray();
    const upgraded = migrateDocument('model-version', doc, {
      file,
      files: new Map(rows.map((r) => [r.name, r.bytes])),
      experiment: doc.lineage.experimentId ? byId.get(doc.lineage.experimentId) ?? null : null,
    }) as ModelVersion;
    await versions.put(upgraded);
  }
}

function migrateIfOld(kind: DocumentKind, doc: unknown, file: string): unknown {
  return needsMigration(doc, file) ? migrateDocument(kind, doc, { file }) : doc;
}
