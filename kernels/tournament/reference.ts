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

export function tournamentReference(input: TournamentReferenceInput): ReferenceProfile {
  const e = input.evaluation;
  return buildReferenceProfile({
    table: input.table,
    features: modelInputs(input.pipeline),
    task: input.task,
    classes: input.classes ?? null,
    positiveClass: input.positiveClass ?? null,
    importance: Object.fromEntries(input.importance.byColumn.map((c) => [c.column, c.importance])),
    scores: e.predictions,
    scoresFrom: e.on === 'test' ? `the ${e.rows} held-out test rows` : `the ${e.rows} training rows, out of fold (too few rows for a test split)`,
    baseline: Number.isFinite(e.score) ? { metric: input.metric.name, value: e.score, higherIsBetter: input.metric.higherIsBetter } : null,
  });
}
