// `writeFleetBundle(dir, outDir)`: every tenant's champion from a registry folder or fleet directory
// → one folder that serves them all (the multi-model scorer, scorer/fleet). Layout:
//   tenants.json            tenant ids with their champion and registry versions
//   tenants/<id>/           the champion's model directory, byte for byte, plus its model.onnx
//   server.js               scorer/fleet/main.ts built by esbuild (kernels bundled in)
//   package.json, package-lock.json, .npmrc, openapi.json, Dockerfile, .dockerignore, k8s/, README.md, bundle.json
// Each tenant is checked as the server would load it (manifest, documents, an ONNX session) and a
// tenant that cannot be is refused naming its files; tenants without a champion are left out.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createEngine } from '../engine';
import { loadScorerModel } from '../load-model';
import { DEFAULT_LIMITS } from '../server/app';
import { FLEET_BUNDLE_INDEX, TENANTS_DIR, type FleetBundleIndex } from '../fleet/bundle-catalog';
import { DEFAULT_CACHE } from '../fleet/fleet-app';
import { fleetOpenApiDocument } from '../fleet/fleet-openapi';
import { openTenantCatalog } from '../fleet/tenant-catalog';
import { fleetBundleReadme } from './fleet-readme';
import { dockerfile, DOCKERIGNORE, kubernetesManifests, toYaml } from './deploy-files';
import { buildServerJs, dnsName, packageFiles, REPO } from './write-bundle';

export interface FleetBundleResult {
  outDir: string;
  name: string;
  tenants: number;
  /** Tenants without a champion, left out. */
  skipped: string[];
  files: string[];
}

export interface FleetBundleOptions {
  /** The service's name (default: the folder's name). */
  name?: string;
}

export async function writeFleetBundle(dir: string, outDir: string, options: FleetBundleOptions = {}): Promise<FleetBundleResult> {
  const catalog = await openTenantCatalog(dir);
  if (catalog.kind !== 'registry') throw new Error(`${dir} is already a fleet bundle: export from its registry or fleet directory`);
  const name = options.name ?? basename(resolve(dir));
  const serving = [...catalog.tenants.values()].filter((t) => t.champion !== null);
  const skipped = [...catalog.tenants.values()].filter((t) => t.champion === null).map((t) => t.id);
  if (!serving.length) throw new Error(`${catalog.root}: no tenant has a champion version to serve (set one with \`tourney registry alias <tenant> champion <version>\`)`);
  if (existsSync(outDir) && readdirSync(outDir).length && !existsSync(join(outDir, FLEET_BUNDLE_INDEX))) {
    throw new Error(`${outDir} exists and is not an empty folder or a previous fleet bundle: choose another --out`);
  }
  // A previous bundle's tenants go first: a tenant no longer served must not stay behind.
  rmSync(join(outDir, TENANTS_DIR), { recursive: true, force: true });
  mkdirSync(join(outDir, 'k8s'), { recursive: true });
  const written: string[] = [];
  const put = (file: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), content);
    written.push(file);
  };
  const index: FleetBundleIndex = { tourneyFleetBundle: 1, tenants: [] };
  for (const tenant of serving) {
    const { files, source } = await catalog.versionFiles(tenant.id, tenant.champion!);
    const model = loadScorerModel(files, tenant.id, source);
    // Refuses a model the server could not score, as the single-model bundle does.
    await (await createEngine(files)).release?.();
    for (const [file, bytes] of files) if (file !== 'bundle.json') writeFileSync(mkdirFor(join(outDir, TENANTS_DIR, tenant.id, file)), bytes);
    index.tenants.push({ id: tenant.id, champion: tenant.champion!, versions: tenant.versions, aliases: tenant.aliases, modelVersion: model.version });
  }
  put(FLEET_BUNDLE_INDEX, JSON.stringify(index, null, 2) + '\n');
  await buildServerJs(join(outDir, 'server.js'), join(REPO, 'scorer', 'fleet', 'main.ts'));
  written.push('server.js');
  const app = dnsName(name);
  for (const [file, content] of Object.entries(packageFiles(app, `Multi-model scoring service for the ${serving.length} tenants of ${name} (Tourney)`))) put(file, content);
  put('openapi.json', JSON.stringify(fleetOpenApiDocument(serving.map((t) => t.id), DEFAULT_LIMITS), null, 2) + '\n');
  put('Dockerfile', dockerfile());
  put('.dockerignore', DOCKERIGNORE);
  const env = [
    { name: 'TOURNEY_CACHE_MODELS', value: String(DEFAULT_CACHE.maxModels) },
    { name: 'TOURNEY_CACHE_BYTES', value: String(DEFAULT_CACHE.maxBytes) },
  ];
  const image = `${app}:${new Date().toISOString().slice(0, 10)}`;
  for (const [file, doc] of Object.entries(kubernetesManifests({ app, image, env, memory: { request: '768Mi', limit: '1536Mi' } }))) put(`k8s/${file}`, toYaml(doc));
  put('README.md', fleetBundleReadme(name, app, image, index));
  const bundleFiles = [...written, `${TENANTS_DIR}/`, 'bundle.json'].sort();
  writeFileSync(join(outDir, 'bundle.json'), JSON.stringify({
    tourneyBundle: 1,
    kind: 'fleet',
    name,
    tenants: index.tenants.length,
    registry: catalog.root,
    createdAt: new Date().toISOString(),
    files: bundleFiles,
  }, null, 2) + '\n');
  return { outDir, name, tenants: index.tenants.length, skipped, files: bundleFiles };
}

function mkdirFor(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
