// Fitting the feature pipelines within the budget. A wide table (thousands of columns) can make
// one pipeline fit cost seconds, and a 5-fold tournament needs seven of them: on a short budget
// that alone overran it many times over (76 s on a 5 s budget). The jobs that cannot be done
// without — the first fold and the training rows' pipeline — start first; the others (the
// remaining folds, the every-row pipeline the shipped model is refitted on) are optional: when
// they are not done by the preparation's share of the budget they are cancelled, the search
// validates on the first fold alone (a holdout of the same rows) and the training rows' refit
// ships. The plan says what it gave up, so the result can say so.
import type { TournamentExecutor } from './executor';
import type { PreparedPart, PrepareInput, PrepareJob, RowPlan } from './prepare';

/** At most this share of the budget goes to fitting pipelines before optional ones are dropped. */
export const PREPARE_SHARE = 0.5;

export interface BudgetedPreparation {
  parts: PreparedPart[];
  /** The plan the parts were fitted for: `input.plan`, or the first fold alone. */
  plan: RowPlan;
  /** What was given up for time, in words (empty when nothing was). */
  notes: string[];
}

export interface PrepareBudget {
  /** Clock ms at which optional pipeline fits are cancelled. */
  prepareBy: number;
  clock: () => number;
  signal?: AbortSignal;
  /** Called as each pipeline fit finishes. */
  onPart?: (done: number, of: number) => void;
}

const isEssential = (job: PrepareJob) => job.kind === 'refit' || (job.kind === 'fold' && job.fold === 0);

/** Essential jobs first, so a busy pool starts them before the optional ones. */
export function orderJobs(jobs: readonly PrepareJob[]): PrepareJob[] {
  return [...jobs.filter(isEssential), ...jobs.filter((j) => !isEssential(j))];
}

export async function prepareWithinBudget(
  executor: TournamentExecutor, input: PrepareInput, jobs: readonly PrepareJob[], budget: PrepareBudget,
): Promise<BudgetedPreparation> {
  const ordered = orderJobs(jobs);
  const optional = new AbortController();
  const onAbort = () => optional.abort();
  budget.signal?.addEventListener('abort', onAbort, { once: true });
  let done = 0;
  const parts: PreparedPart[] = [];
  const run = (job: PrepareJob) => {
    const signal = isEssential(job) ? budget.signal : optional.signal;
    return executor.prepare(input, job, signal).then((part) => {
      parts.push(part);
      budget.onPart?.(++done, ordered.length);
      return part;
    });
  };
  const essential = Promise.all(ordered.filter(isEssential).map(run));
  // Optional fits that are cancelled for time resolve to nothing; real failures still throw.
  const rest = ordered.filter((j) => !isEssential(j)).map((job) => run(job).catch((err) => {
    if (optional.signal.aborted && !budget.signal?.aborted) return undefined;
    throw err;
  }));
  const allRest = Promise.all(rest);
  // Awaited below only once the essential fits are done; if one of those fails first, this
  // failure (or cancellation) is moot, not unhandled.
  allRest.catch(() => undefined);
  try {
    await essential;
    const wait = budget.prepareBy - budget.clock();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeUp = new Promise<'time'>((resolve) => (timer = setTimeout(() => resolve('time'), Math.max(0, wait))));
    const outcome = await Promise.race([allRest.then(() => 'done' as const), timeUp]);
    clearTimeout(timer);
    if (outcome === 'time') {
      optional.abort();
      await allRest;
    }
  } catch (err) {
    optional.abort();
    throw err;
  } finally {
    budget.signal?.removeEventListener('abort', onAbort);
  }
  return settle(input.plan, parts);
}

/** The plan the finished parts support, and what was given up. */
export function settle(plan: RowPlan, parts: readonly PreparedPart[]): BudgetedPreparation {
  const notes: string[] = [];
  const foldsDone = parts.filter((p) => p.job.kind === 'fold').length;
  let settled = plan;
  if (foldsDone < plan.folds.length) {
    settled = { ...plan, folds: [plan.folds[0]] };
    notes.push(`out of time fitting the feature pipeline in ${plan.folds.length} folds: candidates are validated on one holdout (the first fold) instead`);
  }
  const kept = parts.filter((p) => p.job.kind !== 'fold' || p.job.fold === 0 || settled === plan);
  if (plan.test.length && !parts.some((p) => p.job.kind === 'final')) {
    notes.push('out of time fitting the feature pipeline on every row: the model that ships is the one refitted on the training rows');
  }
  return { parts: kept, plan: settled, notes };
}
