// Which tenants a multi-model scorer serves and where each champion's files are: a registry
// folder (one registered model per tenant, named by the tenant id, alias `champion` on the version
// to serve), a fleet directory (its `registry/`), or a fleet bundle (`tenants.json` + `tenants/`).
// A registry's catalog can be re-read while serving (`reload`), so a moved champion alias is
// served from the next request on; a bundle's is fixed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ModelFileError } from '../model-files';
import { FLEET_BUNDLE_INDEX, openBundleCatalog } from './bundle-catalog';
import { openRegistryCatalog, REGISTRY_MANIFEST } from './registry-catalog';

export interface TenantEntry {
  /** The tenant id: the registered model's name (letters, digits, '.', '_', '-'). */
  id: string;
  /** The registry version its `champion` alias points at; null when it has none (not served). */
  champion: number | null;
  /** Every registered version, ascending (a bundle lists the champion only). */
  versions: number[];
  aliases: Record<string, number>;
}

export interface TenantCatalog {
  kind: 'registry' | 'bundle';
  /** The folder read (named in errors and in the `listening` line). */
  root: string;
  /** By tenant id, in id order (replaced whole by `reload`). */
  readonly tenants: ReadonlyMap<string, TenantEntry>;
  /** A registry version's model files, ready to score (model.onnx included); errors name the file. */
  versionFiles(tenant: string, version: number): Promise<{ files: Map<string, Uint8Array>; source: string }>;
  /** Re-reads the tenants and their aliases (registry catalogs only). */
  reload?(): Promise<void>;
}

/** What kind of multi-model folder `dir` is, if any: a registry, a fleet directory or a fleet bundle. */
export function multiModelKind(dir: string): 'registry' | 'fleet' | 'bundle' | null {
  if (existsSync(join(dir, REGISTRY_MANIFEST))) return 'registry';
  if (existsSync(join(dir, 'registry', REGISTRY_MANIFEST))) return 'fleet';
  if (existsSync(join(dir, FLEET_BUNDLE_INDEX))) return 'bundle';
  return null;
}

export async function openTenantCatalog(dir: string): Promise<TenantCatalog> {
  const kind = multiModelKind(dir);
  if (kind === 'registry') return openRegistryCatalog(dir);
  if (kind === 'fleet') return openRegistryCatalog(join(dir, 'registry'));
  if (kind === 'bundle') return openBundleCatalog(dir);
  throw new ModelFileError(`${dir}: not a registry (no ${REGISTRY_MANIFEST}), a fleet directory (no registry/${REGISTRY_MANIFEST}) or a fleet bundle (no ${FLEET_BUNDLE_INDEX})`);
}
