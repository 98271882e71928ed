// The main thread's handle on the AutoML worker. Created on first use and connected to the data
// worker, so the table goes worker to worker. Cancel terminates the worker (and the tournament
// workers it started) at once, whatever it is computing; the next call starts a fresh one.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { TournamentProgress } from '../../kernels/tournament/run-tournament';
import type { TournamentSettings } from '../../kernels/tournament/settings';
import type { AutoMLWorkerApi } from '../../workers/automl.worker';
import type { AutoMLSummary, TargetInfo, WhatIfResult } from '../../workers/automl/automl-service';
import type { Registration, RegistrationRequest } from '../../workers/registry/registration';
import { dataClient } from '../data';
import { version as tourneyVersion } from '../../package.json';
import { scoringClient, type ModelSource } from '../scoring/scoring-client';

export class AutoMLCancelledError extends Error {
  constructor() {
    super('the tournament was cancelled');
    this.name = 'AutoMLCancelledError';
  }
}

interface Handle {
  worker: Worker;
  remote: Remote<AutoMLWorkerApi>;
  /** Rejects every pending call when the worker is terminated. */
  stopped: Promise<never>;
  stop: () => void;
}

let handle: Handle | null = null;
/** Counts finished runs: the winner's scoring key, and its model files built once per run. */
let runSerial = 0;
let winnerFiles: { serial: number; files: Promise<Map<string, Uint8Array>> } | null = null;

function current(): Handle {
  if (handle) return handle;
  const worker = new Worker(new URL('../../workers/automl.worker.ts', import.meta.url), { type: 'module', name: 'tourney-automl' });
  const remote = wrap<AutoMLWorkerApi>(worker);
  const channel = new MessageChannel();
  dataClient.connectTableReader(channel.port1);
  void remote.connect(transfer(channel.port2, [channel.port2]));
  let stop: () => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(new AutoMLCancelledError());
  });
  stopped.catch(() => undefined);
  const created: Handle = { worker, remote, stopped, stop };
  worker.addEventListener('error', (event) => {
    // A crashed worker (e.g. out of memory) cannot answer any more: start fresh next time.
    if (handle === created) handle = null;
    console.error('AutoML worker failed:', event.message);
  });
  handle = created;
  return created;
}

/** Races a worker call against cancellation. */
function call<T>(work: (remote: Remote<AutoMLWorkerApi>) => Promise<T>): Promise<T> {
  const h = current();
  return Promise.race([work(h.remote), h.stopped]);
}

export const automlClient = {
  inspect(table: string, target: string): Promise<TargetInfo> {
    return call((r) => r.inspect(table, target));
  },
  run(table: string, settings: TournamentSettings, onProgress: (progress: TournamentProgress) => void): Promise<AutoMLSummary> {
    runSerial += 1;
    return call((r) => r.run(table, settings, proxy(onProgress)));
  },
  /** The last finished run's winner as a model the scoring worker scores and exports (ONNX). */
  winnerSource(name: string): ModelSource {
    const serial = runSerial;
    return {
      key: `automl:${serial}`,
      label: `the AutoML winner (${name})`,
      name,
      files: () => {
        if (winnerFiles?.serial !== serial) winnerFiles = { serial, files: call((r) => r.modelFiles(new Date().toISOString(), tourneyVersion)) };
        return winnerFiles.files;
      },
    };
  },
  sampleRow(row: number): Promise<Record<string, string>> {
    return call((r) => r.sampleRow(row));
  },
  registration(request: RegistrationRequest): Promise<Registration> {
    return call((r) => r.registration(request));
  },
  /**
   * The edited row's prediction from the exported ONNX model on onnxruntime-web (the scoring
   * worker, as the exported service scores it), with the native model's explanation beside it.
   */
  async whatIf(values: Record<string, string>): Promise<WhatIfResult> {
    const [explained, scored] = await Promise.all([
      call((r) => r.whatIf(values)),
      scoringClient.load(this.winnerSource('winner')).then(() => scoringClient.whatIf(`automl:${runSerial}`, values)),
    ]);
    const { probabilities: _native, ...rest } = explained;
    return { ...rest, prediction: scored.prediction, ...(scored.probabilities ? { probabilities: scored.probabilities } : {}), engine: 'onnxruntime-web' };
  },
  /** Stops the worker now; pending calls reject with AutoMLCancelledError. */
  cancel(): void {
    const h = handle;
    if (!h) return;
    handle = null;
    h.worker.terminate();
    h.stop();
  },
};
