// The app's registry database (IndexedDB through Dexie) with its declared schema versions.
//   v1  experiments, models, versions, files (one row a model file), aliases
//   v2  more indexes (experiments by source and data set, versions by time), and the documents
//       upgraded to registry schema 2 by the same pure migrations the folder store and backups use
//       (kernels/registry/migrations.ts): experiments gain "source", versions tags and a model card.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Aliases, Experiment, ModelVersion, RegisteredModel } from '../../kernels/registry/documents';
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

export class RegistryDb extends Dexie {
  experiments!: Table<Experiment, string>;
  models!: Table<RegisteredModel, string>;
  versions!: Table<ModelVersion, [string, number]>;
  files!: Table<FileRow, [string, number, string]>;
  aliases!: Table<Aliases, string>;

  constructor(name = REGISTRY_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  }
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
