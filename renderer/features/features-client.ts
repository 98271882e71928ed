// The main thread's handle on the features worker: created on first use, connected to the data
// worker so tables go worker to worker, never through the main thread.
import { transfer, wrap, type Remote } from 'comlink';
import type { FeaturesWorkerApi } from '../../workers/features.worker';
import type { FeaturesRequest, FeaturesResult } from '../../workers/features/features-service';
import { dataClient } from '../data';

let remote: Remote<FeaturesWorkerApi> | null = null;

function worker(): Remote<FeaturesWorkerApi> {
  if (!remote) {
    const w = new Worker(new URL('../../workers/features.worker.ts', import.meta.url), { type: 'module', name: 'tourney-features' });
    remote = wrap<FeaturesWorkerApi>(w);
    const channel = new MessageChannel();
    dataClient.connectTableReader(channel.port1);
    void remote.connect(transfer(channel.port2, [channel.port2]));
  }
  return remote;
}

export function fitFeaturesInWorker(request: FeaturesRequest): Promise<FeaturesResult> {
  return worker().fit(request);
}
