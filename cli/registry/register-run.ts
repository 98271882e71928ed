// `train --register <name> [--registry <dir>]`: after the model directory is written, record the
// run as an experiment (data fingerprint, settings, leaderboard, test metrics, timings) and the
// winner as a new version of <name> in the registry folder. The train commands call
// registrationFlags early (a bad name fails before training) and registerRun once at the end.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { profileTable } from '../../kernels/profile';
import type { ModelVersion } from '../../kernels/registry/documents';
import { createExperiment } from '../../kernels/registry/experiments';
import { datasetFingerprint } from '../../kernels/registry/fingerprint';
import { readModelDirSummary } from '../../kernels/registry/model-dir-summary';
import { checkModelName } from '../../kernels/registry/names';
import type { DataTable } from '../../kernels/table/types';
import { stringFlag, UsageError, type ParsedArgs } from '../args';
import { DEFAULT_REGISTRY_DIR, FolderRegistryStore } from './folder-store';

export const REGISTER_FLAGS = ['register', 'registry'];

export interface Registration {
  name: string;
  registry: string;
}

/** The --register / --registry flags, checked; undefined without --register. */
export function registrationFlags(args: ParsedArgs): Registration | undefined {
  const name = stringFlag(args, 'register');
  const registry = stringFlag(args, 'registry');
  if (name === undefined) {
    if (registry !== undefined) throw new UsageError('--registry needs --register <name>');
    return undefined;
  }
  try {
    checkModelName(name);
  } catch (err) {
    throw new UsageError(`--register: ${(err as Error).message}`);
  }
  return { name, registry: registry ?? DEFAULT_REGISTRY_DIR };
}

export interface RunToRegister {
  dataPath: string;
  table: DataTable;
  modelDir: string;
  /** performance.now() when the command started. */
  started: number;
  /** `train --fixed`: the one model's fit time. */
  fitSeconds?: number;
  log: (line: string) => void;
}

export async function registerRun(registration: Registration, run: RunToRegister): Promise<ModelVersion> {
  const files = await readModelDirFiles(run.modelDir);
  const dataBytes = await readFile(run.dataPath);
  const createdAt = new Date().toISOString();
  const experiment = createExperiment({
    createdAt,
    source: 'cli',
    notebook: null,
    tourneyVersion: await tourneyVersion(),
    dataset: datasetFingerprint(dataBytes, profileTable(run.table), basename(run.dataPath)),
    summary: readModelDirSummary(files),
    totalSeconds: (performance.now() - run.started) / 1000,
    ...(run.fitSeconds !== undefined ? { fitSeconds: run.fitSeconds } : {}),
  });
  const store = new FolderRegistryStore(registration.registry);
  const version = await store.registerVersion({ name: registration.name, files, createdAt, source: 'cli', experiment });
  run.log(`registered ${registration.name} v${version.version} in ${store.root} (experiment ${experiment.id})`);
  return version;
}

/** Every file of a model directory (name → bytes), subfolders as 'a/b'. */
export async function readModelDirFiles(dir: string, prefix = ''): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of (await readdir(join(dir, prefix))).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if ((await stat(join(dir, rel))).isDirectory()) for (const [k, v] of await readModelDirFiles(dir, rel)) files.set(k, v);
    else {
      const buffer = await readFile(join(dir, rel));
      files.set(rel, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    }
  }
  return files;
}

async function tourneyVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
