// A fleet's registry for tests and benchmarks: trained model directories registered under many
// tenant ids (one model per tenant, `champion` on its version), through the CLI's registry store,
// so the scorer reads exactly what `tourney train --register` and `tourney fleet train` write.
import { FolderRegistryStore } from '../folder-store';
import { readModelDirFiles } from '../../../scorer/server/read-model-dir';

export interface TenantSpec {
  id: string;
  /** The trained model directory registered as its version 1. */
  modelDir: string;
  /** Leave the champion alias unset (a tenant the scorer lists but does not serve). */
  noChampion?: boolean;
}

export async function buildFleetRegistry(root: string, tenants: TenantSpec[]): Promise<void> {
  const store = new FolderRegistryStore(root);
  const files = new Map<string, Map<string, Uint8Array>>();
  const at = new Date().toISOString();
  for (const t of tenants) {
    if (!files.has(t.modelDir)) files.set(t.modelDir, readModelDirFiles(t.modelDir));
    const version = await store.registerVersion({ name: t.id, files: files.get(t.modelDir)!, createdAt: at, source: 'cli' });
    if (!t.noChampion) await store.moveAlias(t.id, { alias: 'champion', to: version.version, at });
  }
}
