// A tournament run on a tenant's table, registered as the next version of the model named by the
// tenant (fleet train, retrain): the model directory's files built in memory and checked by the
// shared loader, and an experiment with the data's fingerprint. Aliases are the caller's choice.
import { buildModelDirFiles, tournamentDocuments } from '../../kernels/modeldir';
import { profileTable } from '../../kernels/profile/profile-table';
import type { ModelVersion } from '../../kernels/registry/documents';
import { createExperiment } from '../../kernels/registry/experiments';
import { datasetFingerprint } from '../../kernels/registry/fingerprint';
import { readModelDirSummary } from '../../kernels/registry/model-dir-summary';
import type { TournamentSettings } from '../../kernels/tournament/settings';
import { createTemplate, type TournamentTemplate } from '../../kernels/tournament/template';
import type { TournamentResult } from '../../kernels/tournament/types';
import { TOURNEY_VERSION } from '../commands/model-dir';
import type { FolderRegistryStore } from '../registry/folder-store';
import type { TenantData } from './tenant-source';

export interface TournamentToRegister {
  name: string;
  data: Pick<TenantData, 'table' | 'sha256' | 'bytes' | 'fileName'>;
  result: TournamentResult;
  settings: TournamentSettings;
  template: Pick<TournamentTemplate, 'name' | 'description'>;
  parentVersion?: number | null;
}

export async function registerTournament(store: FolderRegistryStore, run: TournamentToRegister): Promise<{ version: ModelVersion; files: Map<string, Uint8Array>; createdAt: string }> {
  const createdAt = new Date().toISOString();
  const used = createTemplate({ ...run.settings, maxCandidates: undefined }, run.template.name, run.template.description);
  const files = buildModelDirFiles(tournamentDocuments(run.result, run.data.fileName, used, createdAt), TOURNEY_VERSION);
  const dataset = datasetFingerprint(run.data.bytes ?? new Uint8Array(), profileTable(run.data.table), run.data.fileName);
  const experiment = createExperiment({
    createdAt, source: 'cli', notebook: null, tourneyVersion: TOURNEY_VERSION,
    // A tenant cut from one table has no file of its own: its content fingerprint stands for the bytes.
    dataset: run.data.bytes ? dataset : { ...dataset, sha256: run.data.sha256 },
    summary: readModelDirSummary(files),
    totalSeconds: run.result.seconds,
  });
  const version = await store.registerVersion({
    name: run.name, files, createdAt, source: 'cli', experiment, ...(run.parentVersion !== undefined ? { parentVersion: run.parentVersion } : {}),
  });
  return { version, files, createdAt };
}
