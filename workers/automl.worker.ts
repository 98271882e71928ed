// The AutoML view's worker: reads the table from the data worker over a port (worker to
// worker, never through the main thread), runs the tournament with its own pool of tournament
// workers (nested Web Workers), streams progress, and keeps the fitted winner to score what-if
// rows. Cancelling from the app terminates this worker, which takes its pool down with it.
import { expose } from 'comlink';
import { runTournament, type TournamentProgress } from '../kernels/tournament/run-tournament';
import type { TournamentSettings } from '../kernels/tournament/settings';
import type { DataTable } from '../kernels/table/types';
import { fittedFromResult, inspectTarget, rowAsText, scoreWhatIf, summarizeResult, type AutoMLSummary, type FittedAutoML, type TargetInfo, type WhatIfResult } from './automl/automl-service';
import { requestTables } from './data-port';
import { buildRegistration, runModelDirFiles, type FinishedRun, type Registration, type RegistrationRequest } from './registry/registration';
import { fromPortTable } from './features/features-service';
import { createPoolExecutor } from './pool-executor';
import { webCoreCount, webWorkerSpawner } from './pool/web';
import type { TournamentWorkerApi } from './tournament.worker';

let dataPort: MessagePort | null = null;
let fitted: FittedAutoML | null = null;
/** The last finished run, kept to register it (model directory files and experiment). */
let finished: FinishedRun | null = null;

async function loadTable(name: string): Promise<DataTable> {
  if (!dataPort) throw new Error('the AutoML worker is not connected to the data worker');
  const tables = await requestTables(dataPort, [name]);
  return fromPortTable(name, tables[name]);
}

/**
 * Leaves one core to the UI, at most 4 workers. Measured on 2 cores (e2e, leads, 10 s): one
 * worker gave 1 main-thread long task (60–102 ms) per run, two gave 4–7 (up to 131 ms).
 */
function poolSize(): number {
  return Math.max(1, Math.min(4, webCoreCount() - 1));
}

const api = {
  connect(port: MessagePort): void {
    dataPort = port;
  },
  async inspect(tableName: string, target: string): Promise<TargetInfo> {
    return inspectTarget(await loadTable(tableName), target);
  },
  async run(tableName: string, settings: TournamentSettings, onProgress: (progress: TournamentProgress) => void): Promise<AutoMLSummary> {
    fitted = null;
    finished = null;
    const started = performance.now();
    const table = await loadTable(tableName);
    const executor = createPoolExecutor(
      webWorkerSpawner<TournamentWorkerApi>(() => new Worker(new URL('./tournament.worker.ts', import.meta.url), { type: 'module', name: 'tourney-tournament' })),
      poolSize(),
    );
    try {
      const result = await runTournament(table, settings, executor, { onProgress: (p) => void onProgress(p) });
      fitted = fittedFromResult(result, table);
      finished = { result, table, settings, seconds: (performance.now() - started) / 1000 };
      return summarizeResult(result);
    } finally {
      executor.close();
    }
  },
  /** A row of the table the winner was trained on, as text, to prefill the what-if form. */
  sampleRow(row: number): Record<string, string> {
    if (!fitted) throw new Error('run a tournament first');
    return rowAsText(fitted.table, row);
  },
  /** The last run's model directory files and experiment document, for the registry. */
  registration(request: RegistrationRequest): Registration {
    if (!finished) throw new Error('run a tournament first');
    return buildRegistration(finished, request);
  },
  /** The last run's model directory files, for the scoring worker (ONNX what-if, batch, Export scorer). */
  modelFiles(createdAt: string, tourneyVersion: string): Map<string, Uint8Array> {
    if (!finished) throw new Error('run a tournament first');
    return runModelDirFiles(finished, createdAt, tourneyVersion);
  },
  whatIf(values: Record<string, string>): WhatIfResult {
    if (!fitted) throw new Error('run a tournament first');
    return scoreWhatIf(fitted, values);
  },
};

export type AutoMLWorkerApi = typeof api;
expose(api);
