// Where candidate work runs. The tournament only talks to this interface, so the same
// orchestration drives a worker pool (app: Web Workers; CLI: worker_threads) or runs inline
// (tests, environments without workers).
import { evaluateOnFold, refitCandidate, type EvaluateRequest, type FoldResult, type RefitRequest, type RefitResult } from './candidate';
import { preparePart, type PreparedData, type PrepareInput, type PrepareJob, type PreparedPart } from './prepare';

export interface TournamentExecutor {
  /** How many tasks run at once. */
  readonly parallelism: number;
  /** Fits one feature pipeline (a fold's, the training rows', every row's). */
  prepare(input: PrepareInput, job: PrepareJob, signal?: AbortSignal): Promise<PreparedPart>;
  /** Hands the prepared matrices to every worker (shared memory where possible). */
  load(data: PreparedData): Promise<void>;
  evaluate(request: EvaluateRequest, signal?: AbortSignal): Promise<FoldResult>;
  refit(request: RefitRequest, signal?: AbortSignal): Promise<RefitResult>;
  /** Stops every running task now (workers are terminated). */
  cancel(): void;
  /** Releases the workers. */
  close(): void;
}

export class CancelledTaskError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Runs tasks one at a time on the calling thread. A task cannot be interrupted once started;
 * the tournament only hands out tasks it expects to fit the budget.
 */
export function createInlineExecutor(): TournamentExecutor {
  let data: PreparedData | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let generation = 0;
  const schedule = <T>(work: (d: PreparedData) => T, signal?: AbortSignal, needsData = true): Promise<T> => {
    const mine = generation;
    const run = chain.then(async () => {
      // Yield so progress events, timers and cancellation get a turn between tasks.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted || mine !== generation) throw new CancelledTaskError();
      if (!data && needsData) throw new Error('the executor has no data: call load() first');
      return work(data!);
    });
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    parallelism: 1,
    async load(prepared) {
      data = prepared;
    },
    prepare: (input, job, signal) => schedule(() => preparePart(input, job), signal, false),
    evaluate: (request, signal) => schedule((d) => evaluateOnFold(d, request), signal),
    refit: (request, signal) => schedule((d) => refitCandidate(d, request), signal),
    cancel() {
      generation++;
    },
    close() {
      generation++;
      data = undefined;
    },
  };
}
