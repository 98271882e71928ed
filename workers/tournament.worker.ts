// A tournament worker: fits feature pipelines (returning matrices in shared memory), holds the
// prepared matrices (posted once, shared), and evaluates or refits candidates on request. Runs
// as a Web Worker in the app and a worker thread in the CLI.
import { evaluateOnFold, refitCandidate, type EvaluateRequest, type RefitRequest } from '../kernels/tournament/candidate';
import { preparePart, type PreparedData, type PrepareInput, type PrepareJob } from '../kernels/tournament/prepare';
import { exposeInWorker } from './pool/expose';

let data: PreparedData | undefined;

function loaded(): PreparedData {
  if (!data) throw new Error('tournament worker: no data loaded');
  return data;
}

const api = {
  prepare(input: PrepareInput, job: PrepareJob) {
    return preparePart(input, job);
  },
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
