// The registry in the app: IndexedDB through Dexie (registry-db.ts). Every write is one
// read-write transaction over the tables it touches, so a failure (quota, a throwing hook, a
// closed tab) leaves nothing partial; IndexedDB serialises overlapping read-write transactions,
// so two tabs registering at once get distinct version numbers. The list projections
// (kernels/registry/listing.ts) are written in those same transactions.
import Dexie, { type DexieOptions } from 'dexie';
import { emptyAliases, moveAlias } from '../../kernels/registry/aliases';
import { experimentSchema, type Aliases, type Experiment, type ModelVersion, type RegisteredModel } from '../../kernels/registry/documents';
import { checkVersionFiles } from '../../kernels/registry/layout';
import { experimentRow, modelRow, versionRow, type ExperimentRow, type ModelRow, type VersionRow } from '../../kernels/registry/listing';
import { checkModelName } from '../../kernels/registry/names';
import { checkDocument, RegistryError } from '../../kernels/registry/parse-document';
import type { AliasMoveRequest, ModelEntry, ModelListing, RegistrySnapshot, RegistryStore } from '../../kernels/registry/store';
import { registerVersion, type RegisterInput } from '../../kernels/registry/versions';
import { fillProjections, REGISTRY_DB_NAME, RegistryDb, type FileRow } from './registry-db';

const versionRange = (name: string) => [[name, Dexie.minKey], [name, Dexie.maxKey]] as const;

export class DexieRegistryStore implements RegistryStore {
  readonly db: RegistryDb;

  constructor(name = REGISTRY_DB_NAME, options?: DexieOptions) {
    this.db = new RegistryDb(name, options);
  }

  close(): void {
    this.db.close();
  }

  private documentTables() {
    const db = this.db;
    return [db.experiments, db.models, db.versions, db.files, db.aliases];
  }

  private rowTables() {
    const db = this.db;
    return [db.modelRows, db.versionRows, db.experimentRows];
  }

  async listModels(): Promise<ModelListing[]> {
    const db = this.db;
    return db.transaction('r', [db.models, db.versions, db.aliases], async () => {
      const [models, aliases] = await Promise.all([db.models.orderBy('name').toArray(), db.aliases.toArray()]);
      const byName = new Map(aliases.map((a) => [a.model, a]));
      const latest = await db.versions.bulkGet(models.map((m): [string, number] => [m.name, m.latestVersion]));
      return models.map((model, i) => ({ model, latest: latest[i], aliases: byName.get(model.name) ?? emptyAliases(model.name) }));
    });
  }

  /** Every model's list row (name, latest version and family, version count, aliases), by name. */
  listModelRows(): Promise<ModelRow[]> {
    return this.db.modelRows.orderBy('name').toArray();
  }

  /** A model's version rows (no model card, manifest or profile), by version number. */
  listVersionRows(name: string): Promise<VersionRow[]> {
    return this.db.versionRows.where('[model+version]').between(...versionRange(name)).toArray();
  }

  /** Every experiment's list row (no leaderboard, settings or profile), by id. */
  listExperimentRows(): Promise<ExperimentRow[]> {
    return this.db.experimentRows.orderBy('id').toArray();
  }

  getModel(name: string): Promise<RegisteredModel | undefined> {
    return this.db.models.get(name);
  }

  listVersions(name: string): Promise<ModelVersion[]> {
    return this.db.versions.where('[model+version]').between(...versionRange(name)).toArray();
  }

  getVersion(name: string, version: number): Promise<ModelVersion | undefined> {
    return this.db.versions.get([name, version]);
  }

  async readVersionFiles(name: string, version: number, names?: readonly string[]): Promise<Map<string, Uint8Array>> {
    const db = this.db;
    return db.transaction('r', [db.versions, db.files], async () => {
      const doc = await db.versions.get([name, version]);
      if (!doc) throw new RegistryError(`model "${name}" has no version ${version}`);
      const wanted = names?.filter((n) => doc.files.some((f) => f.name === n));
      const rows = wanted
        ? (await db.files.bulkGet(wanted.map((n): [string, number, string] => [name, version, n]))).filter((r): r is FileRow => r !== undefined)
        : await db.files.where('[model+version]').equals([name, version]).toArray();
      const files = new Map(rows.map((r) => [r.name, r.bytes]));
      checkVersionFiles(doc, files, `IndexedDB ${name} v${version}`, wanted);
      return files;
    });
  }

  getAliases(name: string): Promise<Aliases | undefined> {
    return this.db.aliases.get(name);
  }

  async putExperiment(experiment: Experiment): Promise<void> {
    const doc = checkDocument(experimentSchema, experiment, `experiment ${experiment.id}`);
    const db = this.db;
    await db.transaction('rw', [db.experiments, db.experimentRows], async () => {
      await db.experiments.put(doc);
      await db.experimentRows.put(experimentRow(doc));
    });
  }

  getExperiment(id: string): Promise<Experiment | undefined> {
    return this.db.experiments.get(id);
  }

  listExperiments(): Promise<Experiment[]> {
    return this.db.experiments.orderBy('id').toArray();
  }

  async registerVersion(input: RegisterInput): Promise<ModelVersion> {
    const name = checkModelName(input.name);
    const db = this.db;
    return db.transaction('rw', [...this.documentTables(), ...this.rowTables()], async () => {
      const existing = await db.models.get(name);
      const aliases = await db.aliases.get(name);
      const numbers = (await db.versions.where('[model+version]').between(...versionRange(name)).primaryKeys()).map(([, v]) => v);
      const { model, version } = registerVersion({ model: existing, versions: numbers, aliases }, input);
      if (input.experiment) {
        await db.experiments.put(input.experiment);
        await db.experimentRows.put(experimentRow(input.experiment));
      }
      await db.files.bulkAdd([...input.files].map(([file, bytes]): FileRow => ({ model: name, version: version.version, name: file, bytes })));
      await db.versions.add(version);
      await db.versionRows.add(versionRow(version));
      if (!aliases) await db.aliases.add(emptyAliases(name));
      await db.models.put(model);
      await db.modelRows.put(modelRow(model, aliases, version, numbers.length + 1));
      return version;
    });
  }

  async moveAlias(name: string, move: AliasMoveRequest): Promise<Aliases> {
    const db = this.db;
    return db.transaction('rw', [db.models, db.versions, db.aliases, db.modelRows], async () => {
      if (!(await db.models.get(name))) throw new RegistryError(`no model "${name}" in the registry`);
      const current = (await db.aliases.get(name)) ?? emptyAliases(name);
      const numbers = (await db.versions.where('[model+version]').between(...versionRange(name)).primaryKeys()).map(([, v]) => v);
      const next = moveAlias(current, numbers, move);
      if (next !== current) {
        await db.aliases.put(next);
        await db.modelRows.update(name, { aliases: { ...next.aliases } });
      }
      return next;
    });
  }

  async snapshot(): Promise<RegistrySnapshot> {
    const db = this.db;
    return db.transaction('r', [db.experiments, db.models, db.versions, db.files, db.aliases], async () => {
      const [experiments, models, versions, files, aliases] = await Promise.all([
        db.experiments.orderBy('id').toArray(), db.models.orderBy('name').toArray(), db.versions.toArray(), db.files.toArray(), db.aliases.toArray(),
      ]);
      const aliasesByModel = new Map(aliases.map((a) => [a.model, a]));
      const entries: ModelEntry[] = models.map((model) => ({ model, aliases: aliasesByModel.get(model.name) ?? emptyAliases(model.name), versions: [] }));
      const byName = new Map(entries.map((e) => [e.model.name, e]));
      const filesOf = new Map<string, Map<string, Uint8Array>>();
      for (const f of files) {
        const key = `${f.model}\u0000${f.version}`;
        if (!filesOf.has(key)) filesOf.set(key, new Map());
        filesOf.get(key)!.set(f.name, f.bytes);
      }
      for (const doc of versions) {
        const entry = byName.get(doc.model);
        if (!entry) throw new RegistryError(`IndexedDB holds version ${doc.version} of "${doc.model}" but no such model`);
        entry.versions.push({ doc, files: filesOf.get(`${doc.model}\u0000${doc.version}`) ?? new Map() });
      }
      for (const e of entries) e.versions.sort((a, b) => a.doc.version - b.doc.version);
      return { experiments, models: entries };
    });
  }

  async restore(snapshot: RegistrySnapshot, options: { replace?: boolean } = {}): Promise<{ previous: string | null }> {
    for (const m of snapshot.models) for (const v of m.versions) checkVersionFiles(v.doc, v.files, `${m.model.name} v${v.doc.version}`);
    const db = this.db;
    await db.transaction('rw', [...this.documentTables(), ...this.rowTables()], async (tx) => {
      if (!options.replace && ((await db.models.count()) > 0 || (await db.experiments.count()) > 0)) {
        throw new RegistryError('the registry is not empty: back it up first, then restore with replace');
      }
      await Promise.all([...this.documentTables(), ...this.rowTables()].map((t) => t.clear()));
      await db.experiments.bulkAdd(snapshot.experiments);
      await db.models.bulkAdd(snapshot.models.map((m) => m.model));
      await db.aliases.bulkAdd(snapshot.models.map((m) => m.aliases));
      await db.versions.bulkAdd(snapshot.models.flatMap((m) => m.versions.map((v) => v.doc)));
      await db.files.bulkAdd(snapshot.models.flatMap((m) => m.versions.flatMap((v) => [...v.files].map(([name, bytes]) => ({ model: m.model.name, version: v.doc.version, name, bytes })))));
      await fillProjections(tx);
    });
    return { previous: null };
  }
}
