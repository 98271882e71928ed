// `train --register <name> [--registry <dir>]`: after the model directory is written, record the
// run as an experiment (data fingerprint, settings, leaderboard, test metrics, timings) and the
// winner as a new version of <name> in the registry folder. The train commands call
// registrationFlags early (a bad name fails before training) and registerRun once at the end.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { profileTable } from '../../kernels/profile';
import type { ModelVersion } from '../../kernels/registry/documents';
import { createExperiment } from '../../kernels/registry/experiments';
import { datasetFingerprint } from '../../kernels/registry/fingerprint';
import { modelDirToRegister, readModelDirSummary } from '../../kernels/registry/model-dir-summary';
import { checkModelName } from '../../kernels/registry/names';
import type { DataTable } from '../../kernels/table/types';
import { stringFlag, UsageError, type ParsedArgs } from '../args';
import { readModelDirFiles } from '../../scorer/server/read-model-dir';
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
  const files = await readModelDirToRegister(run.modelDir);
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

/**
 * The model directory's own files, checked whole by the shared loader: the manifest and what it
 * lists, nothing else in the folder. A missing, stale, edited or corrupt file is refused with one
 * line naming it, before anything is written to the registry.
 */
export async function readModelDirToRegister(dir: string): Promise<Map<string, Uint8Array>> {
  return modelDirToRegister(readModelDirFiles(resolve(dir), []), resolve(dir));
}

async function tourneyVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
