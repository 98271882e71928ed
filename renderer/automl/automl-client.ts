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
    return call((r) => r.run(table, settings, proxy(onProgress)));
  },
  sampleRow(row: number): Promise<Record<string, string>> {
    return call((r) => r.sampleRow(row));
  },
  registration(request: RegistrationRequest): Promise<Registration> {
    return call((r) => r.registration(request));
  },
  whatIf(values: Record<string, string>): Promise<WhatIfResult> {
    return call((r) => r.whatIf(values));
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
