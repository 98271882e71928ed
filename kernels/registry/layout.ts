// Where each document and model file lives, the same in a registry folder and inside a backup zip:
//   registry.json                                  format, layout and schema versions (+ counts in a backup)
//   experiments/<id>.json                          Experiment
//   models/<name>/model.json                       RegisteredModel
//   models/<name>/aliases.json                     Aliases (with the history)
//   models/<name>/versions/<n>/version.json        ModelVersion
//   models/<name>/versions/<n>/<model files…>      the model directory, byte for byte
// entriesToSnapshot / snapshotToEntries convert between that file map and a RegistrySnapshot,
// checking every document, every manifest hash and every cross-reference on the way in.
import { canonicalJson } from './canonical-json';
import {
  aliasesSchema, experimentSchema, modelVersionSchema, registeredModelSchema, registryManifestSchema,
  type Aliases, type Experiment, type RegisteredModel, type RegistryManifest,
} from './documents';
import { sha256Hex } from './hash';
import { documentSchemaVersion, migrateDocument, newerSchemaError, type DocumentKind } from './migrations';
import { checkDocument, parseJsonText, RegistryError } from './parse-document';
import { REGISTRY_FORMAT, REGISTRY_LAYOUT_VERSION, REGISTRY_SCHEMA_VERSION } from './schema-version';
import type { ModelEntry, RegistrySnapshot, VersionEntry } from './store';

export const MANIFEST_FILE = 'registry.json';
export const experimentPath = (id: string) => `experiments/${id}.json`;
export const modelPath = (name: string) => `models/${name}/model.json`;
export const aliasesPath = (name: string) => `models/${name}/aliases.json`;
export const versionDir = (name: string, version: number) => `models/${name}/versions/${version}`;
export const versionDocPath = (name: string, version: number) => `${versionDir(name, version)}/version.json`;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const documentBytes = (doc: unknown): Uint8Array => encoder.encode(canonicalJson(doc));

export function registryManifest(extra: Partial<RegistryManifest> = {}): RegistryManifest {
  return { format: REGISTRY_FORMAT, layoutVersion: REGISTRY_LAYOUT_VERSION, schemaVersion: REGISTRY_SCHEMA_VERSION, ...extra };
}

/** Checks registry.json: ours, a layout we know, not from a newer schema. `where` names the registry or backup. */
export function checkRegistryManifest(bytes: Uint8Array | undefined, where: string): RegistryManifest {
  if (!bytes) throw new RegistryError(`${where} is not a Tourney registry (no ${MANIFEST_FILE})`);
  const json = parseJsonText(decoder.decode(bytes), `${where}: ${MANIFEST_FILE}`) as Record<string, unknown>;
  if (json?.format !== REGISTRY_FORMAT) throw new RegistryError(`${where} is not a Tourney registry (${MANIFEST_FILE} format is ${JSON.stringify(json?.format)}, expected "${REGISTRY_FORMAT}")`);
  const manifest = checkDocument(registryManifestSchema, json, `${where}: ${MANIFEST_FILE}`);
  if (manifest.schemaVersion > REGISTRY_SCHEMA_VERSION) throw newerSchemaError(where, manifest.schemaVersion);
  if (manifest.layoutVersion > REGISTRY_LAYOUT_VERSION) {
    throw new RegistryError(`${where} uses registry layout version ${manifest.layoutVersion}, newer than this Tourney supports (${REGISTRY_LAYOUT_VERSION}): update Tourney to read it`);
  }
  return manifest;
}

/** Ordered (path, bytes) pairs: registry.json first, then experiments, then models. */
export function snapshotToEntries(snapshot: RegistrySnapshot, manifest: RegistryManifest = registryManifest()): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [[MANIFEST_FILE, documentBytes(manifest)]];
  for (const e of sortById(snapshot.experiments)) out.push([experimentPath(e.id), documentBytes(e)]);
  for (const m of sortByName(snapshot.models)) {
    out.push([modelPath(m.model.name), documentBytes(m.model)]);
    out.push([aliasesPath(m.model.name), documentBytes(m.aliases)]);
    for (const v of sortByVersion(m.versions)) {
      out.push([versionDocPath(m.model.name, v.doc.version), documentBytes(v.doc)]);
      for (const name of [...v.files.keys()].sort()) out.push([`${versionDir(m.model.name, v.doc.version)}/${name}`, v.files.get(name)!]);
    }
  }
  return out;
}

export function snapshotCounts(snapshot: RegistrySnapshot): NonNullable<RegistryManifest['counts']> {
  const versions = snapshot.models.flatMap((m) => m.versions);
  return { experiments: snapshot.experiments.length, models: snapshot.models.length, versions: versions.length, files: versions.reduce((a, v) => a + v.files.size, 0) };
}

const EXPERIMENT = /^experiments\/([^/]+)\.json$/;
const MODEL_DOC = /^models\/([^/]+)\/(model|aliases)\.json$/;
const VERSION_FILE = /^models\/([^/]+)\/versions\/([0-9]+)\/(.+)$/;

function readDoc<T>(kind: DocumentKind, schema: Parameters<typeof checkDocument>[0], bytes: Uint8Array, file: string, ctx: Omit<Parameters<typeof migrateDocument>[2], 'file'> = {}): T {
  const raw = parseJsonText(decoder.decode(bytes), file);
  return checkDocument(schema, migrateDocument(kind, raw, { ...ctx, file }), file) as T;
}

/** A checked snapshot from a file map (a backup's entries, or a registry folder read whole). */
export function entriesToSnapshot(entries: ReadonlyMap<string, Uint8Array>, where: string, onProgress?: (done: number, total: number) => void): { manifest: RegistryManifest; snapshot: RegistrySnapshot } {
  const manifest = checkRegistryManifest(entries.get(MANIFEST_FILE), where);
  const at = (path: string) => `${where}: ${path}`;
  const experiments: Experiment[] = [];
  const models = new Map<string, { model?: RegisteredModel; aliases?: Aliases; versions: Map<number, { doc?: Uint8Array; files: Map<string, Uint8Array> }> }>();
  const modelSlot = (name: string) => {
    let slot = models.get(name);
    if (!slot) models.set(name, (slot = { versions: new Map() }));
    return slot;
  };
  for (const [path, bytes] of entries) {
    if (path === MANIFEST_FILE) continue;
    let m: RegExpMatchArray | null;
    if ((m = path.match(EXPERIMENT))) {
      const experiment = readDoc<Experiment>('experiment', experimentSchema, bytes, at(path));
      if (experiment.id !== m[1]) throw new RegistryError(`${at(path)}: field id: "${experiment.id}" does not match the file name`);
      experiments.push(experiment);
    } else if ((m = path.match(MODEL_DOC))) {
      const slot = modelSlot(m[1]);
      if (m[2] === 'model') slot.model = readDoc('registered-model', registeredModelSchema, bytes, at(path));
      else slot.aliases = readDoc('aliases', aliasesSchema, bytes, at(path));
    } else if ((m = path.match(VERSION_FILE))) {
      const versions = modelSlot(m[1]).versions;
      const n = Number(m[2]);
      let v = versions.get(n);
      if (!v) versions.set(n, (v = { files: new Map() }));
      if (m[3] === 'version.json') v.doc = bytes;
      else v.files.set(m[3], bytes);
    } else throw new RegistryError(`${at(path)}: unexpected file in a registry`);
  }
  const experimentsById = new Map(experiments.map((e) => [e.id, e]));
  const out: ModelEntry[] = [];
  // Progress in files: the documents are read above, the model files are hashed below.
  let done = entries.size - [...models.values()].reduce((n, m) => n + [...m.versions.values()].reduce((k, v) => k + v.files.size, 0), 0);
  onProgress?.(done, entries.size);
  for (const [name, slot] of models) {
    if (!slot.model) throw new RegistryError(`${at(modelPath(name))} is missing`);
    if (!slot.aliases) throw new RegistryError(`${at(aliasesPath(name))} is missing`);
    const versions: VersionEntry[] = [];
    for (const [n, v] of slot.versions) {
      const file = at(versionDocPath(name, n));
      if (!v.doc) throw new RegistryError(`${file} is missing`);
      const raw = parseJsonText(decoder.decode(v.doc), file);
      documentSchemaVersion(raw, file);
      const expId = (raw as { lineage?: { experimentId?: unknown } }).lineage?.experimentId;
      const doc = readDoc<VersionEntry['doc']>('model-version', modelVersionSchema, v.doc, file, {
        files: v.files,
        experiment: typeof expId === 'string' ? experimentsById.get(expId) ?? null : null,
      });
      if (doc.model !== name || doc.version !== n) throw new RegistryError(`${file}: field ${doc.model !== name ? 'model' : 'version'}: does not match its place in the registry (${name} v${n})`);
      checkVersionFiles(doc, v.files, `${where}: ${versionDir(name, n)}`);
      versions.push({ doc, files: v.files });
      done += v.files.size;
      onProgress?.(done, entries.size);
    }
    const entry: ModelEntry = { model: slot.model, aliases: slot.aliases, versions: sortByVersion(versions) };
    checkModelEntry(entry, where);
    out.push(entry);
  }
  return { manifest, snapshot: { experiments: sortById(experiments), models: sortByName(out) } };
}

/** The files must be exactly the manifest's (or its `only` part), each with its hash. */
export function checkVersionFiles(doc: VersionEntry['doc'], files: ReadonlyMap<string, Uint8Array>, where: string, only?: readonly string[]): void {
  for (const f of doc.files) {
    if (only && !only.includes(f.name)) continue;
    const bytes = files.get(f.name);
    if (!bytes) throw new RegistryError(`${where}/${f.name} is missing`);
    if (bytes.byteLength !== f.size || sha256Hex(bytes) !== f.sha256) throw new RegistryError(`${where}/${f.name} is corrupt: its sha256 does not match version.json`);
  }
  const listed = new Set(doc.files.map((f) => f.name));
  for (const name of files.keys()) if (!listed.has(name)) throw new RegistryError(`${where}/${name} is not listed in version.json`);
}

function checkModelEntry(entry: ModelEntry, where: string): void {
  const name = entry.model.name;
  const numbers = entry.versions.map((v) => v.doc.version);
  if (entry.aliases.model !== name) throw new RegistryError(`${where}: ${aliasesPath(name)}: field model: expected "${name}"`);
  for (const [alias, v] of Object.entries(entry.aliases.aliases)) {
    if (!numbers.includes(v)) throw new RegistryError(`${where}: ${aliasesPath(name)}: field aliases.${alias}: version ${v} does not exist`);
  }
  const max = numbers.length ? Math.max(...numbers) : 0;
  if (entry.model.latestVersion < max) throw new RegistryError(`${where}: ${modelPath(name)}: field latestVersion: ${entry.model.latestVersion} is below version ${max}`);
}

const sortById = (xs: readonly Experiment[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sortByName = (xs: readonly ModelEntry[]) => [...xs].sort((a, b) => (a.model.name < b.model.name ? -1 : a.model.name > b.model.name ? 1 : 0));
const sortByVersion = (xs: readonly VersionEntry[]) => [...xs].sort((a, b) => a.doc.version - b.doc.version);

export { REGISTRY_SCHEMA_VERSION };
