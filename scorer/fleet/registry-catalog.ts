// A registry folder as a tenant catalog, read-only (the writing store is the CLI's,
// cli/registry/folder-store.ts; the scorer may not import the CLI and needs no lock to read):
// models/<tenant>/aliases.json for the champion, versions/<n>/version.json for the files and their
// hashes, checked as the registry checks them (kernels/registry/layout). The champion's model is
// exported to ONNX in memory, as `tourney serve <model-dir>` does.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { aliasesSchema, modelFileEntrySchema, type Aliases } from '../../kernels/registry/documents';
import { aliasesPath, checkRegistryManifest, checkVersionFiles, MANIFEST_FILE, versionDir, versionDocPath } from '../../kernels/registry/layout';
import { documentSchemaVersion, migrateDocument } from '../../kernels/registry/migrations';
import { checkDocument, parseJsonText, RegistryError } from '../../kernels/registry/parse-document';
import { withModelOnnx } from '../model-onnx';
import type { TenantCatalog, TenantEntry } from './tenant-catalog';
import { readdirOptional } from '../read-dir';

export const REGISTRY_MANIFEST = MANIFEST_FILE;

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const decoder = new TextDecoder();
/** What serving needs of version.json: its place and its files (the rest is the registry's business). */
const versionFilesSchema = z.object({ model: z.string(), version: z.number().int(), files: z.array(modelFileEntrySchema) });

export async function openRegistryCatalog(dir: string): Promise<TenantCatalog> {
  const root = resolve(dir);
  checkRegistryManifest(await readFile(join(root, MANIFEST_FILE)).catch(() => undefined), root);
  let tenants = await readTenants(root);
  return {
    kind: 'registry',
    root,
    get tenants() {
      return tenants;
    },
    async versionFiles(id, version) {
      const files = await readVersionFiles(root, id, version);
      const source = join(root, versionDir(id, version));
      return { files: withModelOnnx(files, source), source };
    },
    async reload() {
      tenants = await readTenants(root);
    },
  };
}

async function readTenants(root: string): Promise<Map<string, TenantEntry>> {
  const tenants = new Map<string, TenantEntry>();
  for (const id of (await readdirOptional(join(root, 'models'))).sort()) {
    // Temporaries of unfinished writes and anything that is not a model name are not tenants.
    if (!TENANT_ID.test(id) || /\.tmp-\d+-[0-9a-f]{8}$/.test(id)) continue;
    const aliases = await readAliases(root, id);
    if (!aliases) continue;
    const versions = (await readdirOptional(join(root, 'models', id, 'versions'))).filter((n) => /^[1-9][0-9]*$/.test(n)).map(Number).sort((a, b) => a - b);
    tenants.set(id, { id, champion: aliases.aliases.champion ?? null, versions, aliases: aliases.aliases });
  }
  return tenants;
}

async function readAliases(root: string, id: string): Promise<Aliases | undefined> {
  const file = join(root, aliasesPath(id));
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!bytes) return undefined;
  return checkDocument(aliasesSchema, migrateDocument('aliases', parseJsonText(decoder.decode(bytes), file), { file }), file);
}

/** A version's model files, each checked against version.json (size and sha256). */
async function readVersionFiles(root: string, id: string, version: number): Promise<Map<string, Uint8Array>> {
  const docFile = join(root, versionDocPath(id, version));
  const raw = parseJsonText(decoder.decode(await readFile(docFile)), docFile);
  documentSchemaVersion(raw, docFile);
  const doc = checkDocument(versionFilesSchema, raw, docFile);
  if (doc.model !== id || doc.version !== version) throw new RegistryError(`${docFile}: does not match its folder (${id} v${version})`);
  const dir = join(root, versionDir(id, version));
  const files = new Map<string, Uint8Array>();
  for (const f of doc.files) {
    const bytes = await readFile(join(dir, f.name)).catch(() => undefined);
    if (bytes) files.set(f.name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  checkVersionFiles(doc as Parameters<typeof checkVersionFiles>[0], files, dir);
  return files;
}

