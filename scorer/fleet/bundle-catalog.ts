// A fleet bundle (scorer/bundle/write-fleet-bundle.ts) as a tenant catalog: `tenants.json` lists
// the tenants with their registry versions, `tenants/<id>/` holds each champion's model directory
// with the model.onnx exported when the bundle was written (the model documents are checked
// against their manifest.json when the model loads, as in a single-model bundle).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ModelFileError } from '../model-files';
import { withModelOnnx } from '../model-onnx';
import { readModelDirFiles } from '../server/read-model-dir';
import type { TenantCatalog, TenantEntry } from './tenant-catalog';

export const FLEET_BUNDLE_INDEX = 'tenants.json';
export const TENANTS_DIR = 'tenants';

export const fleetBundleIndexSchema = z.object({
  tourneyFleetBundle: z.literal(1),
  tenants: z.array(z.object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a tenant id'),
    champion: z.number().int().positive(),
    versions: z.array(z.number().int().positive()),
    aliases: z.record(z.string(), z.number().int().positive()),
    /** The model's own version (meta.json's, else a content hash), as /v1/tenants/{id}/model reports it. */
    modelVersion: z.string(),
  })),
});

export type FleetBundleIndex = z.infer<typeof fleetBundleIndexSchema>;

export async function openBundleCatalog(dir: string): Promise<TenantCatalog> {
  const root = resolve(dir);
  const file = join(root, FLEET_BUNDLE_INDEX);
  let index: FleetBundleIndex;
  try {
    const parsed = fleetBundleIndexSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`field ${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`);
    }
    index = parsed.data;
  } catch (err) {
    throw new ModelFileError(`${file}: ${(err as Error).message}`);
  }
  const tenants = new Map<string, TenantEntry>();
  for (const t of [...index.tenants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    tenants.set(t.id, { id: t.id, champion: t.champion, versions: t.versions, aliases: t.aliases });
  }
  return {
    kind: 'bundle',
    root,
    tenants,
    async versionFiles(id, version) {
      if (tenants.get(id)?.champion !== version) throw new ModelFileError(`${file}: tenant "${id}" has no version ${version} in this bundle`);
      const source = join(root, TENANTS_DIR, id);
      const files = readModelDirFiles(source);
      return { files: files.has('model.onnx') ? files : withModelOnnx(files, source), source };
    },
  };
}
