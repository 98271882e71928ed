// What "Register this model" needs from a finished tournament, built in the AutoML worker (where
// the fitted result lives): the model directory's files through kernels/modeldir (the same bytes
// `tourney train` writes) and the experiment document (data fingerprint, settings, leaderboard,
// test metrics, timings). Hashing, profiling and serialising stay off the UI thread.
import { buildModelDirFiles, tournamentDocuments } from '../../kernels/modeldir';
import { profileTable } from '../../kernels/profile';
import type { Experiment } from '../../kernels/registry/documents';
import { createExperiment } from '../../kernels/registry/experiments';
import { datasetFingerprint } from '../../kernels/registry/fingerprint';
import { readModelDirSummary } from '../../kernels/registry/model-dir-summary';
import type { TournamentResult } from '../../kernels/tournament/run-tournament';
import type { TournamentSettings } from '../../kernels/tournament/settings';
import { createTemplate } from '../../kernels/tournament/template';
import type { DataTable } from '../../kernels/table/types';

export interface FinishedRun {
  result: TournamentResult;
  table: DataTable;
  settings: TournamentSettings;
  /** Wall-clock seconds of the run as the worker saw it. */
  seconds: number;
}

export interface RegistrationRequest {
  createdAt: string;
  notebook: string | null;
  tourneyVersion: string;
}

export interface Registration {
  files: Map<string, Uint8Array>;
  experiment: Experiment;
}

/**
 * The table's content as bytes for the fingerprint. The app has the parsed table, not always the
 * file it came from, so the hash is over the columns (name, type, values), not the file's bytes.
 */
export function tableContentBytes(table: DataTable): Uint8Array {
  const parts = table.columns.map((c) => JSON.stringify([c.name, c.type, c.storage === 'numeric' ? Array.from(c.values, (v) => (Number.isFinite(v) ? v : null)) : c.values]));
  return new TextEncoder().encode(`${table.rowCount}\n${parts.join('\n')}`);
}

/** The run's model directory files (the bytes `tourney train` writes): what is registered, scored and exported. */
export function runModelDirFiles(run: FinishedRun, createdAt: string, tourneyVersion: string): Map<string, Uint8Array> {
  const template = createTemplate({ ...run.settings, maxCandidates: undefined }, `${run.result.target} on ${run.table.name}`);
  return buildModelDirFiles(tournamentDocuments(run.result, run.table.name, template, createdAt), tourneyVersion);
}

export function buildRegistration(run: FinishedRun, request: RegistrationRequest): Registration {
  const files = runModelDirFiles(run, request.createdAt, request.tourneyVersion);
  const experiment = createExperiment({
    createdAt: request.createdAt,
    source: 'app',
    notebook: request.notebook,
    tourneyVersion: request.tourneyVersion,
    dataset: datasetFingerprint(tableContentBytes(run.table), profileTable(run.table), run.table.name),
    summary: readModelDirSummary(files),
    totalSeconds: run.seconds,
  });
  return { files, experiment };
}
