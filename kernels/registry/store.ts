// The registry's storage interface (async), implemented on a folder by the CLI
// (cli/registry/folder-store.ts) and on IndexedDB by the app (renderer/registry/dexie-store.ts).
// Both hold the same documents; a snapshot of one restores into the other without loss.
import type { Aliases, Experiment, ModelVersion, RegisteredModel } from './documents';
import type { RegisterInput } from './versions';

export interface VersionEntry {
  doc: ModelVersion;
  files: Map<string, Uint8Array>;
}

export interface ModelEntry {
  model: RegisteredModel;
  aliases: Aliases;
  versions: VersionEntry[];
}

/** Everything in a registry, in canonical order (experiments by id, models by name, versions by number). */
export interface RegistrySnapshot {
  experiments: Experiment[];
  models: ModelEntry[];
}

export interface ModelListing {
  model: RegisteredModel;
  latest: ModelVersion | undefined;
  aliases: Aliases;
}

export interface AliasMoveRequest {
  alias: string;
  to: number | null;
  at: string;
  note?: string | null;
}

export interface RegistryStore {
  /** Every model with its latest version and aliases, by name. */
  listModels(): Promise<ModelListing[]>;
  getModel(name: string): Promise<RegisteredModel | undefined>;
  /** By version number. */
  listVersions(name: string): Promise<ModelVersion[]>;
  getVersion(name: string, version: number): Promise<ModelVersion | undefined>;
  /** The version's model-directory files (all, or only `names`), checked against its manifest. */
  readVersionFiles(name: string, version: number, names?: readonly string[]): Promise<Map<string, Uint8Array>>;
  getAliases(name: string): Promise<Aliases | undefined>;
  putExperiment(experiment: Experiment): Promise<void>;
  getExperiment(id: string): Promise<Experiment | undefined>;
  listExperiments(): Promise<Experiment[]>;
  /** Records the experiment (when given) and the new version in one atomic step; numbers never collide. */
  registerVersion(input: RegisterInput): Promise<ModelVersion>;
  moveAlias(name: string, move: AliasMoveRequest): Promise<Aliases>;
  snapshot(): Promise<RegistrySnapshot>;
  /**
   * Replaces the whole registry with the snapshot, all or nothing. Refused on a registry that holds
   * anything unless `replace` is set. Resolves to where the replaced content was kept, if the
   * store keeps it (the folder store renames the old folder aside), else null.
   */
  restore(snapshot: RegistrySnapshot, options?: { replace?: boolean }): Promise<{ previous: string | null }>;
}
