// `name[@version|alias|latest]` → a stored version (and its files): what export, monitoring and
// retraining use to find "the champion" in either store.
import type { ModelVersion } from './documents';
import { parseModelRef } from './names';
import { RegistryError } from './parse-document';
import type { RegistryStore } from './store';
import { resolveVersion } from './versions';

export async function findStoredVersion(store: RegistryStore, ref: string): Promise<ModelVersion> {
  const { name, selector } = parseModelRef(ref);
  if (!(await store.getModel(name))) throw new RegistryError(`no model "${name}" in the registry`);
  const versions = await store.listVersions(name);
  const number = resolveVersion(name, selector, versions.map((v) => v.version), await store.getAliases(name));
  return versions.find((v) => v.version === number)!;
}

/** The version and its model-directory files (checked against the manifest). */
export async function loadStoredModel(store: RegistryStore, ref: string): Promise<{ version: ModelVersion; files: Map<string, Uint8Array> }> {
  const version = await findStoredVersion(store, ref);
  return { version, files: await store.readVersionFiles(version.model, version.version) };
}
