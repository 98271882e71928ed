// The registry on a folder (the CLI's; default ./tourney-registry/), laid out as in
// kernels/registry/layout.ts: one directory a version holding the model directory's files and
// version.json. Every document is written atomically (temp + rename), a new version's directory
// is built under a temporary name and renamed into place, and all writes hold registry.lock, so
// two processes registering at once both land, numbered distinctly.
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { emptyAliases, moveAlias } from '../../kernels/registry/aliases';
import {
  aliasesSchema, experimentSchema, modelVersionSchema, registeredModelSchema,
  type Aliases, type Experiment, type ModelVersion, type RegisteredModel,
} from '../../kernels/registry/documents';
import {
  aliasesPath, checkRegistryManifest, checkVersionFiles, documentBytes, entriesToSnapshot, experimentPath, MANIFEST_FILE,
  modelPath, registryManifest, snapshotToEntries, versionDir, versionDocPath,
} from '../../kernels/registry/layout';
import { migrateDocument, needsMigration, type DocumentKind } from '../../kernels/registry/migrations';
import { checkModelName } from '../../kernels/registry/names';
import { checkDocument, parseJsonText, RegistryError } from '../../kernels/registry/parse-document';
import type { AliasMoveRequest, ModelListing, RegistrySnapshot, RegistryStore } from '../../kernels/registry/store';
import { registerVersion, type RegisterInput } from '../../kernels/registry/versions';
import { isTempName, tempName, writeFileAtomic, writeFileSynced } from './atomic-write';
import { LOCK_FILE, withRegistryLock, type LockOptions } from './registry-lock';
import { readdirOptional } from '../../scorer/read-dir';

export const DEFAULT_REGISTRY_DIR = 'tourney-registry';

type Schema = Parameters<typeof checkDocument>[0];

export class FolderRegistryStore implements RegistryStore {
  readonly root: string;

  constructor(root: string, private readonly lockOptions: LockOptions = {}) {
    this.root = resolve(root);
  }

  private path(rel: string): string {
    return join(this.root, rel);
  }

  /** Whether the folder holds a registry (registry.json), checking it is ours and not newer. */
  async exists(): Promise<boolean> {
    const bytes = await readOptional(this.path(MANIFEST_FILE));
    if (!bytes) return false;
    checkRegistryManifest(bytes, this.root);
    return true;
  }

  /** For read commands: a clear error when there is no registry here. */
  async requireExisting(): Promise<void> {
    if (!(await this.exists())) throw new RegistryError(`no registry at ${this.root} (no ${MANIFEST_FILE}): register a model with \`tourney train … --register <name>\`, or pass --registry <dir>`);
  }

  /** Makes the registry on first write; never in a folder that already holds something else. */
  private async init(): Promise<void> {
    await this.requireFolderOrAbsent();
    await mkdir(this.root, { recursive: true });
    if (await this.exists()) return;
    const others = (await readdirOptional(this.root)).filter((name) => !name.startsWith(LOCK_FILE) && !isTempName(name));
    // Another process may have just made the registry (registry.json first, then the rest).
    if (others.length) {
      if (await this.exists()) return;
      throw new RegistryError(`${this.root} is not a registry (no ${MANIFEST_FILE}) and is not empty: pass --registry with a new or empty folder`);
    }
    await writeFileAtomic(this.path(MANIFEST_FILE), documentBytes(registryManifest()));
  }

  private async requireFolderOrAbsent(): Promise<void> {
    const info = await stat(this.root).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (info && !info.isDirectory()) throw new RegistryError(`${this.root} is a file, not a registry folder`);
  }

  private async readDoc<T>(kind: DocumentKind, schema: Schema, rel: string, files?: () => Promise<Map<string, Uint8Array>>): Promise<T | undefined> {
    const file = this.path(rel);
    const bytes = await readOptional(file);
    if (!bytes) return undefined;
    const raw = parseJsonText(new TextDecoder().decode(bytes), file);
    const ctx = { file, ...(files && needsMigration(raw, file) ? { files: await files() } : {}) };
    return checkDocument(schema, migrateDocument(kind, raw, ctx), file) as T;
  }

  async getModel(name: string): Promise<RegisteredModel | undefined> {
    return this.readDoc('registered-model', registeredModelSchema, modelPath(checkModelName(name)));
  }

  async getAliases(name: string): Promise<Aliases | undefined> {
    return this.readDoc('aliases', aliasesSchema, aliasesPath(checkModelName(name)));
  }

  private async versionNumbers(name: string): Promise<number[]> {
    const names = await readdirOptional(this.path(`models/${checkModelName(name)}/versions`));
    return names.filter((n) => /^[1-9][0-9]*$/.test(n)).map(Number).sort((a, b) => a - b);
  }

  async getVersion(name: string, version: number): Promise<ModelVersion | undefined> {
    const doc = await this.readDoc<ModelVersion>('model-version', modelVersionSchema, versionDocPath(checkModelName(name), version), () => this.rawFiles(name, version));
    if (doc && (doc.model !== name || doc.version !== version)) {
      throw new RegistryError(`${this.path(versionDocPath(name, version))}: field ${doc.model !== name ? 'model' : 'version'}: does not match its folder (${name} v${version})`);
    }
    return doc;
  }

  async listVersions(name: string): Promise<ModelVersion[]> {
    const out: ModelVersion[] = [];
    for (const v of await this.versionNumbers(name)) {
      const doc = await this.getVersion(name, v);
      if (doc) out.push(doc);
    }
    return out;
  }

  /** A version directory's files except version.json (or only `names`, those present), unchecked. */
  private async rawFiles(name: string, version: number, names?: readonly string[]): Promise<Map<string, Uint8Array>> {
    const dir = this.path(versionDir(name, version));
    const files = new Map<string, Uint8Array>();
    for (const rel of names ?? (await walk(dir))) {
      const bytes = rel === 'version.json' ? undefined : names ? await readOptional(join(dir, rel)) : await readBytes(join(dir, rel));
      if (bytes) files.set(rel, bytes);
    }
    return files;
  }

  async readVersionFiles(name: string, version: number, names?: readonly string[]): Promise<Map<string, Uint8Array>> {
    const doc = await this.getVersion(name, version);
    if (!doc) throw new RegistryError(`model "${name}" has no version ${version}`);
    const wanted = names?.filter((n) => doc.files.some((f) => f.name === n));
    const files = await this.rawFiles(name, version, wanted);
    checkVersionFiles(doc, files, this.path(versionDir(name, version)), wanted);
    return files;
  }

  async listModels(): Promise<ModelListing[]> {
    const out: ModelListing[] = [];
    for (const name of (await readdirOptional(this.path('models'))).sort()) {
      if (isTempName(name)) continue;
      const model = await this.getModel(name);
      if (!model) continue;
      const numbers = await this.versionNumbers(name);
      const latest = numbers.length ? await this.getVersion(name, numbers[numbers.length - 1]) : undefined;
      out.push({ model, latest, aliases: (await this.getAliases(name)) ?? emptyAliases(name) });
    }
    return out;
  }

  async putExperiment(experiment: Experiment): Promise<void> {
    checkDocument(experimentSchema, experiment, `experiment ${experiment.id}`);
    await this.init();
    await withRegistryLock(this.root, () => this.writeDoc(experimentPath(experiment.id), experiment), this.lockOptions);
  }

  async getExperiment(id: string): Promise<Experiment | undefined> {
    if (!/^exp-[0-9a-zA-Z-]+$/.test(id)) throw new RegistryError(`invalid experiment id "${id}"`);
    return this.readDoc('experiment', experimentSchema, experimentPath(id));
  }

  async listExperiments(): Promise<Experiment[]> {
    const out: Experiment[] = [];
    for (const file of (await readdirOptional(this.path('experiments'))).sort()) {
      if (!file.endsWith('.json') || isTempName(file)) continue;
      const e = await this.getExperiment(basename(file, '.json'));
      if (e) out.push(e);
    }
    return out;
  }

  private async writeDoc(rel: string, doc: unknown): Promise<void> {
    await mkdir(dirname(this.path(rel)), { recursive: true });
    await writeFileAtomic(this.path(rel), documentBytes(doc));
  }

  async registerVersion(input: RegisterInput): Promise<ModelVersion> {
    const name = checkModelName(input.name);
    await this.init();
    return withRegistryLock(this.root, async () => {
      const existing = await this.getModel(name);
      const aliases = await this.getAliases(name);
      const { model, version } = registerVersion({ model: existing, versions: await this.versionNumbers(name), aliases }, input);
      if (input.experiment) await this.writeDoc(experimentPath(input.experiment.id), input.experiment);
      // The version directory appears whole or not at all: built under a temporary name, renamed.
      const finalDir = this.path(versionDir(name, version.version));
      const temp = tempName(finalDir);
      try {
        for (const [file, bytes] of input.files) {
          await mkdir(dirname(join(temp, file)), { recursive: true });
          await writeFileSynced(join(temp, file), bytes);
        }
        await writeFileSynced(join(temp, 'version.json'), documentBytes(version));
        await rename(temp, finalDir);
      } catch (err) {
        await rm(temp, { recursive: true, force: true });
        throw err;
      }
      if (!aliases) await this.writeDoc(aliasesPath(name), emptyAliases(name));
      await this.writeDoc(modelPath(name), model);
      return version;
    }, this.lockOptions);
  }

  async moveAlias(name: string, move: AliasMoveRequest): Promise<Aliases> {
    checkModelName(name);
    await this.requireExisting();
    return withRegistryLock(this.root, async () => {
      if (!(await this.getModel(name))) throw new RegistryError(`no model "${name}" in registry ${this.root}`);
      const current = (await this.getAliases(name)) ?? emptyAliases(name);
      const next = moveAlias(current, await this.versionNumbers(name), move);
      if (next !== current) await this.writeDoc(aliasesPath(name), next);
      return next;
    }, this.lockOptions);
  }

  async snapshot(): Promise<RegistrySnapshot> {
    await this.requireExisting();
    return withRegistryLock(this.root, async () => {
      const entries = new Map<string, Uint8Array>();
      for (const rel of await walk(this.root)) if (!rel.startsWith(LOCK_FILE)) entries.set(rel, await readBytes(this.path(rel)));
      return entriesToSnapshot(entries, this.root).snapshot;
    }, this.lockOptions);
  }

  /**
   * Writes the snapshot into a new sibling folder and renames it into place, so the registry is
   * the old one or the restored one, never a mix. With `replace`, the old folder is kept beside
   * it as `<dir>.before-restore-<time>` (returned), never deleted.
   */
  async restore(snapshot: RegistrySnapshot, options: { replace?: boolean } = {}): Promise<{ previous: string | null }> {
    await this.requireFolderOrAbsent();
    const occupied = (await readdirOptional(this.root)).length > 0;
    if (occupied && !options.replace) {
      throw new RegistryError(`${this.root} is not empty: restore into a new --registry folder, or pass --replace (the current registry is kept as ${basename(this.root)}.before-restore-<time>)`);
    }
    const temp = `${this.root}.restore-${process.pid}-${Date.now()}`;
    try {
      for (const [rel, bytes] of snapshotToEntries(snapshot)) {
        await mkdir(dirname(join(temp, rel)), { recursive: true });
        await writeFileSynced(join(temp, rel), bytes);
      }
      let previous: string | null = null;
      if (occupied) {
        previous = `${this.root}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(this.root, previous);
      } else await rm(this.root, { recursive: true, force: true });
      await rename(temp, this.root);
      return { previous };
    } catch (err) {
      await rm(temp, { recursive: true, force: true });
      throw err;
    }
  }
}

/** File bytes as a plain Uint8Array (not a Buffer), so documents and files compare equal across stores. */
async function readBytes(path: string): Promise<Uint8Array> {
  const buffer = await readFile(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function readOptional(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readBytes(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Relative paths of the files under dir ('/'-separated), skipping temporaries of unfinished writes. */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdirOptional(dir)).sort()) {
    if (isTempName(name) || /\.restore-\d+-\d+$/.test(name)) continue;
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await walk(path, `${prefix}${name}/`)));
    else out.push(`${prefix}${name}`);
  }
  return out;
}
