// The models the app scores and exports, as ModelSources: a registered version (its files from
// IndexedDB, checked against version.json) and the AutoML winner (its files built in the AutoML
// worker, once per finished run).
import { registryStore } from '../registry/registry-client';
import type { ModelSource } from './scoring-client';

export function registryVersionSource(name: string, version: number): ModelSource {
  return {
    key: `registry:${name}@${version}`,
    label: `${name} v${version}`,
    name,
    files: () => registryStore().readVersionFiles(name, version),
    registry: { model: name, version },
  };
}
