// What `tourney export` and `tourney serve` score: a model directory or bundle on disk, or a
// registered version: `name` (its champion), `name@3`, `name@challenger`, `name@latest`, found in
// the registry folder (--registry, default ./tourney-registry/) through kernels/registry/lookup.
// A path that exists wins over a registry name, so `tourney serve models/churn` never asks the
// registry. The files come back unjudged: the scorer's loader (kernels/modeldir) checks them.
import { existsSync } from 'node:fs';
import { loadStoredModel } from '../../kernels/registry/lookup';
import { parseModelRef } from '../../kernels/registry/names';
import { RegistryError } from '../../kernels/registry/parse-document';
import { readModelDirFiles } from '../../scorer/server/read-model-dir';
import { DEFAULT_REGISTRY_DIR, FolderRegistryStore } from './folder-store';

export interface ResolvedModel {
  files: Map<string, Uint8Array>;
  /** Names the files in errors: the folder, or `<registry>/<name>@<version>`. */
  source: string;
  /** The registered model's name (undefined for a folder: the scorer takes the folder's name). */
  name?: string;
  registry?: { root: string; model: string; version: number; alias?: string };
}

export async function resolveModel(arg: string, registryDir: string | undefined): Promise<ResolvedModel> {
  if (existsSync(arg)) {
    if (registryDir !== undefined) throw new RegistryError(`${arg} is a folder, not a registry name: --registry applies to name[@version|alias] only`);
    const files = readModelDirFiles(arg);
    files.delete('bundle.json');
    return { files, source: arg };
  }
  let parsed: ReturnType<typeof parseModelRef>;
  try {
    parsed = parseModelRef(arg);
  } catch (err) {
    throw new RegistryError(`${arg}: no such model directory, and not a registered model (${(err as Error).message})`);
  }
  const store = new FolderRegistryStore(registryDir ?? DEFAULT_REGISTRY_DIR);
  if (!(await store.exists())) throw new RegistryError(`${arg}: no such model directory, and no registry at ${store.root} to look it up in (pass --registry <dir>)`);
  const { name } = parsed;
  if (!(await store.getModel(name))) throw new RegistryError(`${arg}: no such model directory, and no model "${name}" in registry ${store.root}`);
  const explicit = arg.includes('@');
  if (!explicit && (await store.getAliases(name))?.aliases.champion === undefined) {
    throw new RegistryError(`model "${name}" has no champion in registry ${store.root}: set one with \`tourney registry alias ${name} champion <version>\`, or name a version (${name}@<version|alias>)`);
  }
  const ref = explicit ? arg : `${name}@champion`;
  const { version, files } = await loadStoredModel(store, ref);
  const alias = explicit ? (parsed.selector.kind === 'alias' ? parsed.selector.alias : undefined) : 'champion';
  return {
    files,
    source: `${store.root}/${name}@${version.version}`,
    name,
    registry: { root: store.root, model: name, version: version.version, ...(alias ? { alias } : {}) },
  };
}
