// A tournament worker: holds the prepared matrices (shared memory, posted once) and evaluates or
// refits candidates on request. Runs as a Web Worker in the app and a worker thread in the CLI.
import { evaluateOnFold, refitCandidate, type EvaluateRequest, type RefitRequest } from '../kernels/tournament/candidate';
import type { PreparedData } from '../kernels/tournament/prepare';
import { exposeInWorker } from './pool/expose';

let data: PreparedData | undefined;

function loaded(): PreparedData {
  if (!data) throw new Error('tournament worker: no data loaded');
  return data;
}

const api = {
  load(prepared: PreparedData): void {
    data = prepared;
  },
  evaluate(request: EvaluateRequest) {
    return evaluateOnFold(loaded(), request);
  },
  refit(request: RefitRequest) {
    return refitCandidate(loaded(), request);
  },
};

export type TournamentWorkerApi = typeof api;
void exposeInWorker(api);
