// The training reference profile a tournament's model is monitored against (kernels/monitor):
// the input columns' distributions over every row with a target, and the distribution of the
// model's scores on the held-out test rows (out of fold when the data was too small for a test
// split), with the metric on those rows as the evaluation baseline.
import type { Metric } from '../learn/metric';
import type { Task } from '../learn/matrix';
import { modelInputs } from '../monitor/model-inputs';
import { buildReferenceProfile, type ReferenceProfile } from '../monitor/reference-profile';
import type { DataTable } from '../table/types';
import type { TournamentInsights } from './insights';

/**
 * Columns profiled at most, the most important first: beyond this a wide table's profile would
 * cost seconds and megabytes, and drift alerts need a column's importance ≥ 5% anyway.
 */
export const MAX_REFERENCE_COLUMNS = 200;

export interface TournamentReferenceInput {
  /** The rows with a target value (the tournament's rows table). */
  table: DataTable;
  pipeline: unknown;
  task: Task;
  classes?: string[];
  positiveClass?: string;
  metric: Metric;
  importance: TournamentInsights['importance'];
  /** Scores of what ships on the evaluation rows, and where they came from. */
  evaluation: { on: 'test' | 'out-of-fold'; rows: number; predictions: Float64Array; score: number };
}

export function tournamentReference(input: TournamentReferenceInput): { reference: ReferenceProfile; note: string | null } {
  const e = input.evaluation;
  const importance = new Map(input.importance.byColumn.map((c) => [c.column, c.importance]));
  const all = modelInputs(input.pipeline);
  const features = all.length <= MAX_REFERENCE_COLUMNS ? all
    : all.map((f, i) => ({ f, i, w: importance.get(f.name) ?? 0 })).sort((a, b) => b.w - a.w || a.i - b.i).slice(0, MAX_REFERENCE_COLUMNS).sort((a, b) => a.i - b.i).map((x) => x.f);
  const note = features.length < all.length ? `the monitoring reference profiles the ${features.length} most important of the ${all.length} input columns` : null;
  const reference = buildReferenceProfile({
    table: input.table,
    features,
    task: input.task,
    classes: input.classes ?? null,
    positiveClass: input.positiveClass ?? null,
    importance: Object.fromEntries(importance),
    scores: e.predictions,
    scoresFrom: e.on === 'test' ? `the ${e.rows} held-out test rows` : `the ${e.rows} training rows, out of fold (too few rows for a test split)`,
    baseline: Number.isFinite(e.score) ? { metric: input.metric.name, value: e.score, higherIsBetter: input.metric.higherIsBetter } : null,
  });
  return { reference, note };
}
