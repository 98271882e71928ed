// The fleet folder on disk:
//   fleet.json      the merged fleet manifest (kernels/fleet/manifest.ts), rewritten atomically
//   template.json   the tournament template every tenant ran, as run (its sha256 is the fleet's)
//   registry/       an ordinary registry folder: one model per tenant, alias champion on its winner
//   shards/         shard-<i>-of-<n>.json, each written only by the process running that shard
// Every file is replaced whole (temp + rename), so a killed shard leaves the last complete state.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  FleetError, fleetManifestSchema, mergeShardResults, parseFleetDocument, shardFileName, shardResultSchema,
  type FleetManifest, type Shard, type ShardResult,
} from '../../kernels/fleet';
import { canonicalJson } from '../../kernels/registry/canonical-json';
import { parseTemplateText, type TournamentTemplate } from '../../kernels/tournament/template';
import { reason } from '../output-location';
import { isTempName, writeFileAtomic } from '../registry/atomic-write';
import { withRegistryLock } from '../registry/registry-lock';

export const FLEET_FILE = 'fleet.json';
export const TEMPLATE_FILE = 'template.json';
export const SHARDS_DIR = 'shards';
export const REGISTRY_DIR = 'registry';
const OWN_ENTRIES = new Set([FLEET_FILE, TEMPLATE_FILE, SHARDS_DIR, REGISTRY_DIR, 'registry.lock']);

export function registryDir(fleetDir: string): string {
  return join(resolve(fleetDir), REGISTRY_DIR);
}

/** Creates the fleet folder (and shards/), refusing a folder that holds anything else. */
export async function prepareFleetDir(dir: string): Promise<string> {
  const root = resolve(dir);
  const info = await stat(root).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new FleetError(`cannot use the fleet folder ${root}: ${reason(err)}`);
  });
  if (info && !info.isDirectory()) throw new FleetError(`${root} is a file; --out needs a fleet folder`);
  if (info) {
    const foreign = (await readdir(root)).filter((e) => !OWN_ENTRIES.has(e) && !isTempName(e) && !e.startsWith('registry.lock'));
    if (foreign.length) throw new FleetError(`${root} is not a fleet folder (it holds ${foreign.slice(0, 3).join(', ')}); it is left alone: choose another --out`);
  }
  try {
    await mkdir(join(root, SHARDS_DIR), { recursive: true });
  } catch (err) {
    throw new FleetError(`cannot create the fleet folder ${root}: ${reason(err)}`);
  }
  return root;
}

/** A fleet folder that must already exist (status, k8s, retrain --fleet). */
export async function requireFleetDir(dir: string): Promise<string> {
  const root = resolve(dir);
  const has = async (name: string) => stat(join(root, name)).then(() => true, () => false);
  if (!(await has(TEMPLATE_FILE)) || !(await has(SHARDS_DIR))) {
    throw new FleetError(`${root} is not a fleet folder (no ${TEMPLATE_FILE} and ${SHARDS_DIR}/): train one with \`tourney fleet train <template.json> <tenants> --out ${dir}\``);
  }
  return root;
}

export async function writeFleetTemplate(root: string, template: TournamentTemplate): Promise<void> {
  await writeFileAtomic(join(root, TEMPLATE_FILE), canonicalJson(template));
}

export async function readFleetTemplate(root: string): Promise<TournamentTemplate> {
  const file = join(root, TEMPLATE_FILE);
  return parseTemplateText(await readText(file), file);
}

export async function writeShardResult(root: string, result: ShardResult): Promise<void> {
  await writeFileAtomic(join(root, SHARDS_DIR, shardFileName(result.shard)), canonicalJson(shardResultSchema.parse(result)));
}

export async function readShardResult(root: string, shard: Shard): Promise<ShardResult | undefined> {
  const file = join(root, SHARDS_DIR, shardFileName(shard));
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new FleetError(`cannot read ${file}: ${reason(err)}`);
  });
  return text === undefined ? undefined : parseFleetDocument(shardResultSchema, text, file);
}

/** Every shard file in shards/, in name order. */
export async function readShardResults(root: string): Promise<ShardResult[]> {
  const dir = join(root, SHARDS_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^shard-\d+-of-\d+\.json$/.test(n)).sort();
  const out: ShardResult[] = [];
  for (const name of names) out.push(parseFleetDocument(shardResultSchema, await readText(join(dir, name)), join(dir, name)));
  return out;
}

/** Merges the shard files into fleet.json (under the folder's lock, so merges never interleave). */
export async function writeMergedManifest(root: string, template: { name: string; sha256: string }, source: FleetManifest['source']): Promise<FleetManifest> {
  return withRegistryLock(root, async () => {
    const manifest = mergeShardResults({ template, source, shards: await readShardResults(root), updatedAt: new Date().toISOString() });
    await writeFileAtomic(join(root, FLEET_FILE), canonicalJson(manifest));
    return manifest;
  });
}

export async function readFleetManifest(root: string): Promise<FleetManifest | undefined> {
  const file = join(root, FLEET_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseFleetDocument(fleetManifestSchema, text, file);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new FleetError(`cannot read ${file}: ${reason(err)}`);
  }
}
