// Registering a model directory as a new version of a named model, and finding a version by
// number, alias or "latest". Pure: the stores read the current state, call these, and write the
// result in one transaction (Dexie) or under the registry lock (folder).
import { experimentSchema, type Aliases, type Experiment, type ModelFileEntry, type ModelVersion, type RegisteredModel, type Source } from './documents';
import { sha256Hex } from './hash';
import { buildModelCard } from './model-card';
import { MANIFEST } from '../modeldir';
import { modelDirToRegister, readModelDirSummary } from './model-dir-summary';
import { checkModelFileName, checkModelName, type VersionSelector } from './names';
import { checkDocument, RegistryError } from './parse-document';
import { REGISTRY_SCHEMA_VERSION } from './schema-version';

/** Versions count from 1; a removed version's number is never reused (the max, not the count). */
export function nextVersionNumber(existing: Iterable<number>, latestRecorded = 0): number {
  let max = latestRecorded;
  for (const v of existing) if (v > max) max = v;
  return max + 1;
}

export interface RegisterInput {
  name: string;
  files: ReadonlyMap<string, Uint8Array>;
  createdAt: string;
  source: Source;
  experiment?: Experiment | null;
  /** Default: the version the champion alias points at, else the latest. */
  parentVersion?: number | null;
  tags?: string[];
  notes?: string;
  description?: string;
  referenceProfile?: unknown;
}

export interface RegistryModelState {
  model: RegisteredModel | undefined;
  versions: readonly number[];
  aliases: Aliases | undefined;
}

export function fileManifest(files: ReadonlyMap<string, Uint8Array>): ModelFileEntry[] {
  return [...files.keys()].sort().map((name) => {
    checkModelFileName(name);
    const bytes = files.get(name)!;
    return { name, sha256: sha256Hex(bytes), size: bytes.byteLength };
  });
}

export function registerVersion(state: RegistryModelState, input: RegisterInput): { model: RegisteredModel; version: ModelVersion } {
  const name = checkModelName(input.name);
  // The model directory is loaded whole first (manifest, hashes, schemas, learners rebuilt): one
  // without its manifest.json, or with a file the manifest does not list, is refused naming it.
  const listed = modelDirToRegister(input.files, '');
  const extra = [...input.files.keys()].find((f) => !listed.has(f));
  if (extra !== undefined) throw new RegistryError(`${extra}: not listed in the model directory's ${MANIFEST}; register only the model directory's own files`);
  const files = fileManifest(input.files);
  const summary = readModelDirSummary(input.files);
  const number = nextVersionNumber(state.versions, state.model?.latestVersion ?? 0);
  const latest = state.versions.length ? Math.max(...state.versions) : null;
  const parent = input.parentVersion !== undefined ? input.parentVersion : (state.aliases?.aliases.champion ?? latest);
  if (parent !== null && !state.versions.includes(parent)) throw new RegistryError(`model "${name}" has no version ${parent} to be the parent`);
  const experiment = input.experiment ? checkDocument(experimentSchema, input.experiment, `experiment ${input.experiment.id}`) : null;
  const { meta, report } = summary;
  const version: ModelVersion = {
    kind: 'model-version',
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    model: name,
    version: number,
    createdAt: input.createdAt,
    source: input.source,
    files,
    summary: {
      task: meta.task,
      target: meta.target,
      metric: meta.metric ?? null,
      family: report?.winner?.model ?? meta.family,
      cvScore: report?.winner?.cvScore ?? meta.cvScore ?? null,
      testScore: report?.test?.score ?? meta.testScore ?? null,
      rows: report?.rows ?? meta.rows ?? null,
    },
    referenceProfile: input.referenceProfile ?? null,
    lineage: { experimentId: experiment?.id ?? null, datasetSha256: experiment?.dataset.sha256 ?? null, parentVersion: parent },
    tags: [...new Set(input.tags ?? [])],
    notes: input.notes ?? '',
    modelCard: buildModelCard({ name, version: number, createdAt: input.createdAt, summary, experiment }),
  };
  const model: RegisteredModel = state.model
    ? { ...state.model, updatedAt: input.createdAt, latestVersion: number }
    : {
        kind: 'registered-model',
        schemaVersion: REGISTRY_SCHEMA_VERSION,
        name,
        createdAt: input.createdAt,
        updatedAt: input.createdAt,
        description: input.description ?? '',
        tags: [],
        latestVersion: number,
      };
  return { model, version };
}

/** The version number a selector means for this model, or an error naming what is missing. */
export function resolveVersion(name: string, selector: VersionSelector, versions: readonly number[], aliases: Aliases | undefined): number {
  if (!versions.length) throw new RegistryError(`model "${name}" has no versions`);
  switch (selector.kind) {
    case 'latest':
      return Math.max(...versions);
    case 'version':
      if (!versions.includes(selector.version)) throw new RegistryError(`model "${name}" has no version ${selector.version} (versions: ${describeVersions(versions)})`);
      return selector.version;
    case 'alias': {
      const v = aliases?.aliases[selector.alias];
      if (v === undefined) {
        const known = Object.keys(aliases?.aliases ?? {});
        throw new RegistryError(`model "${name}" has no alias "${selector.alias}"${known.length ? ` (aliases: ${known.join(', ')})` : ' (it has no aliases)'}`);
      }
      return v;
    }
  }
}

function describeVersions(versions: readonly number[]): string {
  const sorted = [...versions].sort((a, b) => a - b);
  return sorted.length > 6 ? `${sorted.slice(0, 3).join(', ')}, …, ${sorted.at(-1)}` : sorted.join(', ');
}
