// Document migrations: every stored document carries the schemaVersion it was written with;
// reading one from an older schema upgrades it step by step (pure functions, one per step), and
// one from a newer schema is refused with a message saying to update Tourney.
//
// Schema history:
//   1  first registry (CLI only): experiments had no "source"; versions had no tags and no model card.
//   2  experiments say where they ran (app | cli); versions carry tags and a generated model card.
import type { Experiment } from './documents';
import { buildModelCard } from './model-card';
import { readModelDirSummary } from './model-dir-summary';
import { RegistryError } from './parse-document';
import { REGISTRY_SCHEMA_VERSION } from './schema-version';

export type DocumentKind = 'experiment' | 'registered-model' | 'model-version' | 'aliases';

export interface MigrationContext {
  /** Names the document in errors. */
  file: string;
  /** A version's model files (the v1 → v2 step builds the model card from them). */
  files?: ReadonlyMap<string, Uint8Array>;
  /** The version's experiment, if known (enriches a generated model card). */
  experiment?: Experiment | null;
}

type Doc = Record<string, unknown>;
type Step = (doc: Doc, kind: DocumentKind, ctx: MigrationContext) => Doc;

/** STEPS[n] upgrades a document from schema n to n + 1. */
const STEPS: Record<number, Step> = {
  1: (doc, kind, ctx) => {
    if (kind === 'experiment') return { ...doc, source: doc.source ?? 'cli', schemaVersion: 2 };
    if (kind === 'model-version') {
      if (!ctx.files) throw new RegistryError(`${ctx.file}: a schema 1 version needs its model files to be upgraded`);
      const card = buildModelCard({
        name: String(doc.model),
        version: Number(doc.version),
        createdAt: String(doc.createdAt),
        summary: readModelDirSummary(ctx.files),
        experiment: ctx.experiment ?? null,
      });
      return { ...doc, tags: doc.tags ?? [], modelCard: card, schemaVersion: 2 };
    }
    return { ...doc, schemaVersion: 2 };
  },
};

/** The schemaVersion a raw document says it has (refusing a missing or newer one). */
export function documentSchemaVersion(raw: unknown, file: string): number {
  const v = (raw as Doc | null)?.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new RegistryError(`${file}: field schemaVersion: expected a positive integer`);
  if (v > REGISTRY_SCHEMA_VERSION) throw newerSchemaError(file, v);
  return v;
}

export function newerSchemaError(what: string, version: number): RegistryError {
  return new RegistryError(
    `${what} uses registry schema version ${version}, newer than this Tourney supports (${REGISTRY_SCHEMA_VERSION}): update Tourney to read it`,
  );
}

export function needsMigration(raw: unknown, file: string): boolean {
  return documentSchemaVersion(raw, file) < REGISTRY_SCHEMA_VERSION;
}

/** The document upgraded to the current schema (unchanged when it is current). */
export function migrateDocument(kind: DocumentKind, raw: unknown, ctx: MigrationContext): unknown {
  let version = documentSchemaVersion(raw, ctx.file);
  let doc = raw as Doc;
  while (version < REGISTRY_SCHEMA_VERSION) {
    doc = STEPS[version](doc, kind, ctx);
    version++;
  }
  return doc;
}
